"""Body rows of a grid → Rows, one per side, with codes, labels, levels and printed values."""

from __future__ import annotations

import re
from dataclasses import dataclass

from yusuan.ingest.assemble.headers import (
    ALT_LABEL,
    AMOUNT,
    BODY,
    CODE,
    CODE_PART,
    LABEL,
    TEXT,
    ColumnSpec,
)
from yusuan.ingest.blocks import Cell
from yusuan.model.amount import parse_amount
from yusuan.model.disclosure import Row, Value
from yusuan.model.text import ORDINAL_1, ORDINAL_2, match_key, squash

TOTAL_LABELS = re.compile(r"^(\S{0,12}(合计|总计|小计)|收入总数|支出总数)$")
_CODE_IN_LABEL = re.compile(r"^(\d{7}|\d{5}|\d{3})(?![\d年])\s*(\S.*)$")


def is_code(text: str) -> bool:
    t = match_key(text)
    return t.isdigit() and len(t) in (3, 5, 7, 9)


def level_of(code: str, label: str, is_total: bool) -> int:
    if is_total:
        return 0
    if code:
        return {3: 1, 5: 2, 7: 3, 9: 4}.get(len(code), 0)
    t = match_key(label)
    if ORDINAL_1.match(t):
        return 1
    if ORDINAL_2.match(t):
        return 2
    return 0


_EMPTY_MARK = re.compile(r"^(此表为空|本表为空|本表无数据|无数据|空表)[。.]?$")
_WORDY = re.compile(r"[\w\u4e00-\u9fff]")
_GENERIC = re.compile(r"^(小计|合计)$")


@dataclass(slots=True)
class Segment:
    """A run of columns that forms rows of its own: one side of a 收支总表, or one half of a table
    printed as two halves side by side."""

    side: str
    specs: list[ColumnSpec]


def segments(specs: list[ColumnSpec]) -> list[Segment]:
    """Split columns where a label (or code) column follows an amount column."""
    groups: list[list[ColumnSpec]] = [[]]
    seen_amount = False
    for spec in specs:
        if spec.role in (LABEL, CODE, CODE_PART) and seen_amount:
            groups.append([])
            seen_amount = False
        groups[-1].append(spec)
        seen_amount = seen_amount or spec.role == AMOUNT
    groups = [g for g in groups if any(s.role == AMOUNT for s in g)] or [specs]
    label_sides = [next((s.side for s in g if s.role == LABEL and s.side), "") for g in groups]
    multi_sided = len(set(label_sides) - {""}) > 1
    return [Segment(side if multi_sided else "", g) for side, g in zip(label_sides, groups)]


def build_rows(
    cells: list[Cell | None], dense: list[Cell | None], segment: Segment, body_name: str = "",
    first_row: bool = False,
) -> Row | None:
    """The Row one segment of a grid row prints. `cells` are the printed cells of the grid row,
    `dense` the cells covering each position (labels merged over several rows or columns count for
    every row they cover). An unlabelled first row is the body's total and takes `body_name`."""
    return _row(cells, dense, segment.specs, segment.side, body_name, first_row)


def _text(cells: list[Cell | None], index: int) -> str:
    cell = cells[index] if index < len(cells) else None
    return cell.text.strip() if cell is not None else ""


def _label(cells, dense, group: list[ColumnSpec]) -> tuple[str, bool, int]:
    """The row label: the innermost label printed, prefixed by its group when generic (小计).
    Also whether it was printed in this side's own columns (not merged in from another side), and
    its depth: which of several label columns (1, 2, …) it stands in, 0 with one label column."""
    labels: list[str] = []
    own = False
    covering_start = None
    depth = 0
    label_specs = [s for s in group if s.role == LABEL]
    for position, spec in enumerate(label_specs, start=1):
        text = _text(dense, spec.index)
        if not _WORDY.search(text):  # "--" and other rules drawn with characters
            continue
        if not labels or labels[-1] != text:
            labels.append(text)
            depth = position if len(label_specs) > 1 else 0
            cell = dense[spec.index] if spec.index < len(dense) else None
            if cell is not None and cell is (cells[spec.index] if spec.index < len(cells) else None):
                own = True
            elif covering_start is None:
                covering_start = spec.index
    if not labels:
        alt = next((_text(cells, s.index) for s in group if s.role == ALT_LABEL and _text(cells, s.index)), "")
        alt_index = next((s.index for s in group if s.role == ALT_LABEL), 0)
        before = sum(1 for s in label_specs if s.index < alt_index)
        return alt, bool(alt), (before if alt and len(label_specs) > 1 else 0)
    label = labels[-1]
    if len(labels) > 1 and _GENERIC.match(match_key(label)):  # 小计 of a group: the group's own total
        label = labels[-2] + label
        depth -= 1
    if not own:
        own = covering_start is not None and covering_start == label_specs[0].index
    return label, own, depth


def _row(cells, dense, group: list[ColumnSpec], side: str, body_name: str, first_row: bool) -> Row | None:
    label, own, depth = _label(cells, dense, group)
    code = "".join(match_key(_text(cells, s.index)) for s in group if s.role == CODE) or "".join(
        match_key(_text(dense, s.index)) for s in group if s.role == CODE_PART
    )
    if not code.isdigit():  # "…" placeholders and the like
        code = ""
    body = next((_text(dense, s.index) for s in group if s.role == BODY and _text(dense, s.index)), "")
    if not code and (m := _CODE_IN_LABEL.match(label)) and not any(s.role == CODE for s in group):
        code, label = m.group(1), m.group(2)
    values: dict[str, Value] = {}
    texts: dict[str, str] = {}
    for spec in group:
        cell = cells[spec.index] if spec.index < len(cells) else None
        if cell is None or not cell.text.strip():
            continue
        if spec.role == TEXT:
            texts[spec.header] = cell.text.strip()
        if spec.role != AMOUNT or not spec.measure or (amount := parse_amount(cell.text)) is None:
            continue  # an unmapped column's figures go to the table's `unmapped` (tables.py)
        values[spec.measure] = Value(amount, cell.text.strip(), cell.source)
    if _EMPTY_MARK.match(match_key(label)):  # 此表为空: a note printed in the label column
        label = ""
    if not values and (not own or not label) and not code:
        return None
    item = squash(label) or squash(body) or (squash(body_name) if values and first_row else "")
    is_total = bool(TOTAL_LABELS.match(match_key(label))) or (not label and not code and bool(item))
    first = next((cells[s.index] for s in group if s.index < len(cells) and cells[s.index] is not None), None)
    return Row(
        label=label,
        item=item,
        values=values,
        code=code if code.isdigit() else "",
        side=side,
        level=level_of(code, label, is_total) if code or not depth or is_total and not label.endswith("小计") else depth,
        is_total=is_total,
        texts=texts,
        source=first.source if first else None,
    )
