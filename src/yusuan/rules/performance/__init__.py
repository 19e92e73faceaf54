"""绩效目标: the 整体支出绩效目标表 (Performance) and the 重点项目 tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from yusuan.model.disclosure import Table

if TYPE_CHECKING:
    from yusuan.rules.context import Context


def performance_table(ctx: Context) -> Table | None:
    return next((t for t in ctx.tables if t.kind == "performance_targets"), None)


def indicator_label(ind) -> str:
    return "／".join(x for x in (ind.level1, ind.level2, ind.name) if x)
