"""绩效目标: the 整体支出绩效目标表 (Performance) and the 重点项目 tables."""

from __future__ import annotations

from yusuan.model.disclosure import Disclosure, Table


def performance_table(doc: Disclosure) -> Table | None:
    return next((t for t in doc.tables if t.kind == "performance_targets"), None)


def indicator_label(ind) -> str:
    return "／".join(x for x in (ind.level1, ind.level2, ind.name) if x)
