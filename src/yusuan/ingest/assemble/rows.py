"""Body rows of a grid → Rows, one per side, with codes, labels, levels and printed values."""

from __future__ import annotations

import re

from yusuan.ingest.assemble.headers import AMOUNT, BODY, CODE, CODE_PART, LABEL, ColumnSpec
from yusuan.ingest.assemble.normalize import norm, squash
from yusuan.ingest.blocks import Cell
from yusuan.model.amount import parse_amount
from yusuan.model.disclosure import Row, Value

TOTAL_LABELS = re.compile(
    r"^(合计|总计|小计|收入合计|支出合计|收入总计|支出总计|本年收入合计|本年支出合计|收支总计|金额合计|"
    r"当年收入小计|当年支出小计|本年收入小计|本年支出小计|收入总数|支出总数)$"
)
_CODE_IN_LABEL = re.compile(r"^(\d{7}|\d{5}|\d{3})(?![\d年])\s*(\S.*)$")
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")
_LEVEL2 = re.compile(r"^(\d+[.．、]|[(（][一二三四五六七八九十]+[)）])")


def is_code(text: str) -> bool:
    t = norm(text)
    return t.isdigit() and len(t) in (3, 5, 7, 9)


def level_of(code: str, label: str, is_total: bool) -> int:
    if is_total:
        return 0
    if code:
        return {3: 1, 5: 2, 7: 3, 9: 4}.get(len(code), 0)
    t = norm(label)
    if _LEVEL1.match(t):
        return 1
    if _LEVEL2.match(t):
        return 2
    return 0


def sides(specs: list[ColumnSpec]) -> list[str]:
    """The sides of a multi-sided table in column order; [""] for a one-sided table."""
    found: list[str] = []
    for spec in specs:
        if spec.role == LABEL and spec.side and spec.side not in found:
            found.append(spec.side)
    return found if len(found) > 1 else [""]


def build_rows(cells: list[Cell | None], specs: list[ColumnSpec], table_sides: list[str]) -> list[Row]:
    rows = []
    for side in table_sides:
        group = [s for s in specs if side == "" or s.side == side]
        row = _row(cells, group, side)
        if row is not None:
            rows.append(row)
    return rows


def _row(cells: list[Cell | None], group: list[ColumnSpec], side: str) -> Row | None:
    def text(spec: ColumnSpec) -> str:
        cell = cells[spec.index] if spec.index < len(cells) else None
        return cell.text if cell is not None else ""

    label = next((text(s) for s in group if s.role == LABEL and text(s).strip()), "")
    code = "".join(norm(text(s)) for s in group if s.role == CODE) or "".join(
        norm(text(s)) for s in group if s.role == CODE_PART
    )
    body = next((text(s) for s in group if s.role == BODY and text(s).strip()), "")
    if not code and (m := _CODE_IN_LABEL.match(label.strip())) and not any(s.role == CODE for s in group):
        code, label = m.group(1), m.group(2)
    values: dict[str, Value] = {}
    for spec in group:
        if spec.role != AMOUNT or not spec.measure or spec.index >= len(cells):
            continue
        cell = cells[spec.index]
        if cell is None or (amount := parse_amount(cell.text)) is None:
            continue
        measure = spec.measure
        if measure in values:  # two columns read the same: keep both apart
            measure = f"{measure}#{spec.index}"
        values[measure] = Value(amount, cell.text.strip(), cell.source)
    if not label.strip() and not code and not values:
        return None
    item = squash(label) or squash(body)
    is_total = bool(TOTAL_LABELS.match(norm(label))) or (not label.strip() and not code and bool(body))
    first = next((cells[s.index] for s in group if s.index < len(cells) and cells[s.index] is not None), None)
    return Row(
        label=label,
        item=item,
        values=values,
        code=code if code.isdigit() else "",
        side=side,
        level=level_of(code, label, is_total),
        is_total=is_total,
        source=first.source if first else None,
    )
