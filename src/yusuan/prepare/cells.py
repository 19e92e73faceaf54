"""Reading the preparation workbook's sheets by their keys, and its cells as amounts, counts and codes.

A sheet is found by the key in A1, its blocks by `yusuan:block:` rows, its columns by the hidden row of
column keys; a cell that cannot be used raises IngestError naming the file, the sheet and the cell.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from yusuan.catalog.store import code_level, normalize_code
from yusuan.ingest.assemble.rows import TOTAL_LABELS, level_of
from yusuan.ingest.limits import MAX_XLSX_CELLS, require, too_long, too_long_reason
from yusuan.ingest.xlsx.reader import cell_rows
from yusuan.model.amount import parse_amount
from yusuan.model.disclosure import Row, Value
from yusuan.model.errors import IngestError
from yusuan.model.families import STYLES
from yusuan.model.provenance import Source
from yusuan.model.text import match_key, squash
from yusuan.prepare import sheets as S
from yusuan.prepare.totals import amount_text, decimals_of

_DECIMALS = re.compile(r"\.(0+)")
SCHEME_CATALOG = {S.FUNCTION: "function", S.ECONOMIC: "economic_dept"}
_SCHEME_NAMES = {S.FUNCTION: "功能分类", S.ECONOMIC: "经济分类"}
_SCHEME_SHAPE = {S.FUNCTION: ("2",), S.ECONOMIC: ("3", "5")}


@dataclass(slots=True)
class Cell:
    ref: str
    value: Any
    number_format: str

    @property
    def text(self) -> str:
        v = self.value
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return unicodedata.normalize("NFC", str(v)).strip()


@dataclass(slots=True)
class Line:
    number: int  # 1-based row
    key: str  # the row's own key (hidden column A), "" for a plain line
    cells: dict[str, Cell]  # column key -> cell


@dataclass(slots=True)
class Block:
    name: str
    lines: list[Line] = field(default_factory=list)
    columns: dict[int, str] = field(default_factory=dict)  # column index -> key


class Sheet:
    def __init__(self, ws, page: int, file: str):
        self.ws, self.page, self.title = ws, page, ws.title
        self.rows = _rows(ws, file)

    def blocks(self) -> dict[str, Block]:
        out: dict[str, Block] = {}
        block = Block("main")
        for cells in self.rows:
            if not cells:
                continue
            a = str(cells[0].value or "").strip()
            if a.startswith(S.KEY + "block:"):
                out[block.name] = block
                block = Block(a[len(S.KEY + "block:"):])
                continue
            if a == S.COLUMNS:
                block.columns = {c.column: str(c.value) for c in cells[1:] if c.value is not None}
                continue
            if a.startswith(S.KEY) or not block.columns:
                continue
            found = {key: Cell(c.coordinate, c.value, c.number_format) for c in cells
                     if (key := block.columns.get(c.column)) is not None}
            if a or any(present(c.value) for c in found.values()):
                block.lines.append(Line(cells[0].row, a, found))
        out[block.name] = block
        return out

    def keyed(self, value_column: int = 3) -> dict[str, Cell]:
        """Rows keyed in column A: key -> the cell of `value_column` (1-based; C by default)."""
        out = {}
        for cells in self.rows:
            if not cells:
                continue
            a = str(cells[0].value or "").strip()
            if a and not a.startswith(S.KEY):
                c = cells[value_column - 1] if len(cells) >= value_column else None
                ref = f"{letter(value_column)}{cells[0].row}"
                out[a] = Cell(ref, c.value if c is not None else None, c.number_format if c is not None else "General")
        return out

    def all_keyed(self, key: str, columns: tuple[int, ...]) -> list[list[Cell]]:
        """Every row keyed `key` in column A: the cells of `columns` (1-based)."""
        out = []
        for cells in self.rows:
            if cells and str(cells[0].value or "").strip() == key:
                out.append([Cell(f"{letter(c)}{cells[0].row}", cells[c - 1].value if c <= len(cells) else None,
                                  "General") for c in columns])
        return out

    def labelled(self, label: str) -> Cell | None:
        """The cell right of a label cell in the first rows (金额单位：, 表注：)."""
        for cells in self.rows[:4]:
            if cells[0].row > 4:
                break
            for i, c in enumerate(cells[:-1]):
                if str(c.value or "").strip().rstrip("：:") == label:
                    nxt = cells[i + 1]
                    return Cell(nxt.coordinate, nxt.value, nxt.number_format)
        return None


def _rows(ws, file: str) -> list[list]:
    """The sheet's rows that hold cells, each from column A to its last cell (the blank ones between
    made), as the readers below index them; rows without cells are left out."""
    rows = cell_rows(ws)
    require(sum(cells[-1].column for _, cells in rows), MAX_XLSX_CELLS, file, "单元格", f"工作表“{ws.title}”")
    return [[ws.cell(r, c) for c in range(1, cells[-1].column + 1)] for r, cells in rows]


def present(value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


# ---------------------------------------------------------------------------------------- cells

class CellReader:
    """The workbook's sheets by key, and its cells read with errors that name sheet and cell."""

    def __init__(self, wb, file: str):
        self.wb, self.file = wb, file
        self.catalogs: dict = {}  # scheme -> Catalog of the year, once the identity is read
        self.sheets: dict[str, Sheet] = {}
        for page, ws in enumerate(wb.worksheets, start=1):
            key = str(ws["A1"].value or "")
            if key.startswith(S.KEY):
                self.sheets.setdefault(key[len(S.KEY):], Sheet(ws, page, file))
        self.style = self._meta(wb, "style", "shenzhen", STYLES)
        self.words = S.Words(self._meta(wb, "kind", "budget", tuple(S.KINDS)))

    def _meta(self, wb, key: str, default: str, allowed: tuple[str, ...]) -> str:
        """A setting `yusuan template` wrote in its hidden sheet (key in A, value in B), one of `allowed`."""
        if S.META_SHEET not in wb.sheetnames:
            return default
        meta = wb[S.META_SHEET]
        for r, cells in cell_rows(meta):
            by_column = {c.column: c.value for c in cells}
            if r >= 2 and str(by_column.get(1)) == key:
                value = str(by_column.get(2))
                if value not in allowed:
                    raise IngestError(self.file, f"隐藏工作表中的设置“{key}”是“{value}”，应为{'、'.join(allowed)}之一："
                                                 "工作簿被改动过，请用 yusuan template 重新生成",
                                      f"工作表“{meta.title}”单元格 B{r}")
                return value
        return default

    # errors -------------------------------------------------------------------------------------
    def error(self, sheet: Sheet, ref: str, reason: str) -> IngestError:
        return IngestError(self.file, reason, f"工作表“{sheet.title}”单元格 {ref}")

    def source(self, sheet: Sheet, ref: str = "") -> Source:
        return Source(self.file, sheet.page, cell=ref)

    def amount(self, sheet: Sheet, cell: Cell | None) -> Value | None:
        """The Value an amount cell holds, None when blank; an error for anything but a number ≥ 0."""
        if cell is None or not present(cell.value):
            return None
        v = cell.value
        if isinstance(v, bool):
            raise self.error(sheet, cell.ref, f"应填写金额数字，而填写的是“{cell.text}”")
        if isinstance(v, (int, float, Decimal)):
            try:
                amount = Decimal(str(v))
            except InvalidOperation:
                raise self.error(sheet, cell.ref, f"“{v}”不是有效的数字") from None
        else:
            amount = parse_amount(cell.text)
            if amount is None:
                raise self.error(sheet, cell.ref, f"应填写金额数字，而填写的是“{cell.text}”（不要填写文字或单位）")
        if too_long(amount):
            raise self.error(sheet, cell.ref, too_long_reason(cell.text))
        if amount < 0:
            raise self.error(sheet, cell.ref, f"金额不能为负数（填写的是 {cell.text}）")
        m = _DECIMALS.search((cell.number_format or "").split(";")[0])
        shown = len(m.group(1)) if m else 0
        exp = amount.normalize().as_tuple().exponent
        typed = -exp if isinstance(exp, int) and exp < 0 else 0
        if isinstance(v, str):
            typed = max(typed, decimals_of(cell.text.replace(",", "")))
        return Value(amount, amount_text(amount, max(shown, typed)), self.source(sheet, cell.ref))

    def count(self, sheet: Sheet, cell: Cell | None) -> int | None:
        value = self.amount(sheet, cell)
        if value is None:
            return None
        if value.amount != value.amount.to_integral_value():
            raise self.error(sheet, cell.ref, f"应填写整数，而填写的是“{cell.text}”")
        return int(value.amount)

    def unit(self, sheet: Sheet) -> str:
        cell = sheet.labelled("金额单位")
        unit = cell.text if cell is not None else ""
        if not unit:
            return "万元"
        if unit not in S.UNITS:
            raise self.error(sheet, cell.ref, f"金额单位应为“万元”或“元”，而填写的是“{unit}”")
        return unit

    def code(self, sheet: Sheet, cell: Cell | None, scheme: str) -> str:
        if cell is None or not present(cell.value):
            return ""
        code = normalize_code(cell.text)
        name = _SCHEME_NAMES[scheme]
        catalog = self.catalogs[scheme]
        shape_ok = code.isdigit() and code[:1] in _SCHEME_SHAPE[scheme] and code_level(
            SCHEME_CATALOG[scheme], code) is not None
        if not shape_ok:
            lengths = "3、5 或 7 位" if scheme == S.FUNCTION else "3 或 5 位"
            first = "、".join(_SCHEME_SHAPE[scheme])
            raise self.error(sheet, cell.ref, f"科目编码“{cell.text}”不是{name}科目编码（应为以 {first} 开头的 {lengths}数字）")
        if not catalog.is_partial and not catalog.contains(code):  # a complete list of this very year
            raise self.error(sheet, cell.ref, f"科目编码“{code}”不在 {catalog.year} 年的{name}科目表中")
        return code

    def line_row(self, sheet: Sheet, line: Line, side: str, body: str, blank: dict) -> Row | None:
        code_cell = label_cell = None
        scheme = ""
        amounts: dict[str, Cell] = {}
        for key, cell in line.cells.items():
            p = S.parse_key(key)
            if p is None or p[0] != side:
                continue
            if p[1] == S.CODE:
                code_cell, scheme = cell, p[2]
            elif p[1] == S.LABEL:
                label_cell = cell
            elif p[1] == S.AMOUNT:
                amounts[p[2]] = cell
        code = self.code(sheet, code_cell, scheme) if scheme else ""
        label = label_cell.value if label_cell is not None else None
        label = str(label).strip() if present(label) else ""
        values = {}
        for measure, cell in amounts.items():
            v = self.amount(sheet, cell)
            if v is not None:
                values[measure] = v
        if not label and code:
            label = self.catalogs[scheme].name(code) or ""
            if not label:
                raise self.error(sheet, label_cell.ref if label_cell else code_cell.ref,
                                 f"科目编码“{code}”没有填写科目名称")
        if not label and not code:
            if values:
                ref = label_cell.ref if label_cell is not None else next(iter(amounts.values())).ref
                raise self.error(sheet, ref, "这一行填了金额，但没有填写科目名称（项目）")
            return None
        ref = (label_cell or code_cell).ref
        if not code and body and match_key(label) == match_key(body):  # the body's own line: its total
            row = Row(label="", item=squash(body), values=values, side=side, level=0, is_total=True,
                      source=self.source(sheet, ref))
        else:
            is_total = bool(TOTAL_LABELS.match(match_key(label)))
            row = Row(label=label, item=squash(label), values=values, code=code, side=side,
                      level=level_of(code, label, is_total), is_total=is_total, source=self.source(sheet, ref))
        for measure, cell in amounts.items():
            if measure not in values:
                blank[(id(row), measure)] = cell.ref
        return row
