"""The XLSX of lines, read into a Ledger and written back (docs/ledger.md).

One sheet of lines (“预算行”) under one header row of Chinese column names (`columns.py`); the amount
headers say the year and the unit (“2023年预算数（万元）”). Optional sheets: “基本信息” (the body, its 主管部门,
部门 / 单位, 单位性质) and “科目名称” (names of codes the year's catalog does not list). Reading keeps each line's
sheet and row; a cell that cannot be used raises IngestError naming the file, the sheet, the row and the
column (exit status 2 in the CLI). Writing then reading gives the same ledger, and reading then writing
the same cells.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from yusuan.catalog.store import code_level, load as load_catalog, normalize_code
from yusuan.ingest.limits import too_long, too_long_reason
from yusuan.ingest.xlsx.reader import cell_rows, open_xlsx
from yusuan.model.amount import parse_amount
from yusuan.model.errors import IngestError
from yusuan.model.provenance import Source
from yusuan.model.text import match_key
from yusuan.model.vocabulary import DOCUMENT_KINDS, LEVELS
from yusuan.prepare.ledger import columns as C
from yusuan.prepare.ledger.model import (
    BASIC_KINDS,
    FUNDS,
    PURPOSES,
    THREE_PUBLIC,
    TRANSFERS,
    UNITS,
    Ledger,
    Line,
)

_CODE_SHAPES = {"function": ("2", 7, "功能分类“项”"), "economic_dept": ("3", 5, "部门经济分类“款”"),
                "economic_gov": ("5", 5, "政府经济分类“款”")}
_CHOICE_KEYS = {"purpose": PURPOSES, "basic_kind": BASIC_KINDS, "fund": FUNDS, "three_public": THREE_PUBLIC}


# the 基本信息 fields given in words: (key -> word, the default when blank)
INFO_WORDS = {"level": (LEVELS, ""), "style": (C.STYLE_WORDS, "shenzhen"), "kind": (DOCUMENT_KINDS, "budget")}


def is_ledger(path: str | Path) -> bool:
    """Whether an XLSX file is a workbook of lines: a sheet “预算行”, or a first row naming the columns a
    line needs."""
    from yusuan.ingest.package import open_package, read_part

    path = Path(path)
    try:
        with open_package(path, path.name, "XLSX") as z:
            book = z.getinfo("xl/workbook.xml")
            if f'name="{C.LINES_SHEET}"'.encode() in read_part(z, book, path.name):
                return True
            strings = z.NameToInfo.get("xl/sharedStrings.xml")
            text = read_part(z, strings, path.name).decode("utf-8", "replace") if strings else ""
    except (KeyError, IngestError):
        return False
    return all(c.header in text for c in C.COLUMNS if c.required and c.kind != C.AMOUNT)


# ------------------------------------------------------------------------------------------------ reading

def read_ledger(path: str | Path, *, name: str | None = None) -> Ledger:
    path = Path(path)
    file = name or path.name
    wb = open_xlsx(path, file)
    return _Reader(wb, file).read()


@dataclass(slots=True)
class _Column:
    col: C.Col
    index: int  # 1-based
    header: str

    @property
    def letter(self) -> str:
        return get_column_letter(self.index)


class _Reader:
    def __init__(self, wb, file: str):
        self.wb, self.file = wb, file

    def error(self, sheet, reason: str, row: int | None = None, column: _Column | None = None) -> IngestError:
        place = f"工作表“{sheet.title}”"
        if row is not None:
            place += f"第 {row} 行"
        if column is not None:
            place += f" {column.letter} 列（{column.header}）"
        return IngestError(self.file, reason, place)

    def read(self) -> Ledger:
        ws = self.lines_sheet()
        page = self.wb.worksheets.index(ws) + 1
        rows = cell_rows(ws)
        if not rows:
            raise self.error(ws, "工作表是空的：第一行应为列名（单位名称、功能分类科目编码……）")
        header_row, header_cells = rows[0]
        cols, year, unit = self.header(ws, header_row, header_cells)
        ledger = Ledger(body="", year=year, unit=unit, file=self.file)
        self.info(ledger)
        self.names(ledger)
        self.catalogs = {s: load_catalog(s, year) for s in _CODE_SHAPES}
        for r, cells in rows[1:]:
            by_index = {c.column: c for c in cells}
            raw = {col.col.field: by_index[col.index].value if col.index in by_index else None for col in cols}
            if all(_blank(v) for v in raw.values()):
                continue
            ledger.lines.append(self.line(ws, page, r, cols, raw))
        if not ledger.lines:
            raise self.error(ws, "没有预算行：列名下面没有填写任何一行")
        if not ledger.body:
            units = ledger.units
            if len(units) > 1:
                raise IngestError(self.file, f"预算行属于 {len(units)} 个单位（{'、'.join(units[:3])}……），"
                                             f"请在“{C.INFO_SHEET}”工作表填写部门名称", f"工作表“{C.INFO_SHEET}”")
            ledger.body = units[0]
        if ledger.level == "" or ledger.level not in LEVELS:
            ledger.level = "unit" if len(ledger.units) == 1 else "department"
        return ledger

    def lines_sheet(self):
        if C.LINES_SHEET in self.wb.sheetnames:
            return self.wb[C.LINES_SHEET]
        for ws in self.wb.worksheets:
            rows = cell_rows(ws)
            if rows and {match_key(str(c.value or "")) for c in rows[0][1]} >= {
                    match_key(c.header) for c in C.COLUMNS if c.required and c.kind != C.AMOUNT}:
                return ws
        required = "、".join(c.header for c in C.COLUMNS if c.required and c.kind != C.AMOUNT)
        raise IngestError(self.file, f"找不到预算行：没有“{C.LINES_SHEET}”工作表，也没有哪张工作表的第一行是预算行的列名"
                                     f"（{required}……）")

    def header(self, ws, row: int, cells) -> tuple[list[_Column], int, str]:
        fixed = {match_key(c.header): c for c in C.COLUMNS if "{" not in c.header}
        with_unit = {match_key(c.header.split("（")[0]): c for c in C.COLUMNS
                     if c.kind == C.AMOUNT and "{year}" not in c.header and "{prior}" not in c.header}
        found: list[_Column] = []
        amounts: list[tuple[_Column, int, str]] = []  # (column, year, 预算数 | 执行数)
        units: set[str] = set()
        for cell in cells:
            text = _text(cell.value)
            if not text:
                continue
            key = match_key(text)
            column = _Column(C.COLUMNS[0], cell.column, text)
            if key in fixed:
                column.col = fixed[key]
            elif (m := C.AMOUNT_HEADER.match(key)):
                units.add(m["unit"])
                amounts.append((column, int(m["year"]), m["what"]))
                continue
            elif (m := C.UNIT_HEADER.match(key)) and m["name"] in with_unit:
                units.add(m["unit"])
                column.col = with_unit[m["name"]]
            else:
                raise self.error(ws, f"列名“{text}”不是预算行的列（见 docs/ledger.md）", row, column)
            found.append(column)
        budget_years = sorted({y for _, y, what in amounts if what == "预算数"})
        if not budget_years:
            raise self.error(ws, "没有本年预算数列：应有一列名为“××××年预算数（万元）”或“××××年预算数（元）”", row)
        year = budget_years[-1]
        fields_by = {(year, "预算数"): "amount", (year - 1, "预算数"): "prior_budget",
                     (year - 1, "执行数"): "prior_final", (year, "执行数"): "final"}
        for column, y, what in amounts:
            f = fields_by.get((y, what))
            if f is None:
                raise self.error(ws, f"列“{column.header}”的年度与本年（{year}）、上年（{year - 1}）都不相符", row, column)
            column.col = C.BY_FIELD[f]
            found.append(column)
        if len(units) > 1:
            raise self.error(ws, "各金额列的单位不一致（既有万元又有元），请统一", row)
        seen: dict[str, _Column] = {}
        for column in found:
            if column.col.field in seen:
                raise self.error(ws, f"列“{column.header}”与 {seen[column.col.field].letter} 列重复", row, column)
            seen[column.col.field] = column
        missing = [c.title(year, next(iter(units))) for c in C.COLUMNS if c.required and c.field not in seen]
        if missing:
            raise self.error(ws, f"缺少必填的列：{'、'.join(missing)}", row)
        return sorted(found, key=lambda c: c.index), year, units.pop()

    def info(self, ledger: Ledger) -> None:
        if C.INFO_SHEET not in self.wb.sheetnames:
            return
        ws = self.wb[C.INFO_SHEET]
        labels = {match_key(label): key for key, label in C.INFO_FIELDS}
        for r, cells in cell_rows(ws):
            by_column = {c.column: c.value for c in cells}
            key = labels.get(match_key(_text(by_column.get(1))))
            if key is None:
                continue
            value = _text(by_column.get(2))
            if key in INFO_WORDS:
                words, default = INFO_WORDS[key]
                keys = {v: k for k, v in words.items()}
                if value and value not in keys:
                    label = dict(C.INFO_FIELDS)[key]
                    raise IngestError(self.file, f"{label}应为{'或'.join(f'“{w}”' for w in keys)}，而填写的是“{value}”",
                                      f"工作表“{ws.title}”第 {r} 行 B 列")
                value = keys.get(value, default)
            setattr(ledger, key, value)

    def names(self, ledger: Ledger) -> None:
        if C.NAMES_SHEET not in self.wb.sheetnames:
            return
        ws = self.wb[C.NAMES_SHEET]
        schemes = {v: k for k, v in C.SCHEME_WORDS.items()}
        for r, cells in cell_rows(ws)[1:]:
            by_column = {c.column: _text(c.value) for c in cells}
            scheme, code, name = (by_column.get(i, "") for i in (1, 2, 3))
            if not (scheme or code or name):
                continue
            if scheme not in schemes or not code or not name:
                raise IngestError(self.file, "每行应填写分类（功能分类、部门经济分类或政府经济分类）、科目编码和科目名称",
                                  f"工作表“{ws.title}”第 {r} 行")
            ledger.names[(schemes[scheme], normalize_code(code))] = name

    # a line --------------------------------------------------------------------------------------------
    def line(self, ws, page: int, r: int, cols: list[_Column], raw: dict) -> Line:
        by_field = {c.col.field: c for c in cols}
        values: dict[str, object] = {}
        for column in cols:
            values[column.col.field] = self.cell(ws, r, column, raw[column.col.field])
        for f in ("unit", "function", "purpose", "fund", "amount"):
            if values.get(f) in ("", None):
                raise self.error(ws, f"必填项“{by_field[f].header}”没有填写", r, by_field[f])
        line = Line(**{f.name: values[f.name] for f in fields(Line) if f.name in values},
                    source=Source(self.file, page, cell=f"A{r}"))
        self.check(ws, r, line, by_field)
        return line

    def cell(self, ws, r: int, column: _Column, value):
        col = column.col
        if col.kind == C.AMOUNT:
            return self.amount(ws, r, column, value)
        text = _text(value)
        if col.kind == C.FLAG:
            if text in ("", C.NO):
                return False
            if text == C.YES:
                return True
            raise self.error(ws, f"应填写“是”或留空，而填写的是“{text}”", r, column)
        if col.kind == C.CHOICE:
            if not text:
                return ""
            if col.field in _CHOICE_KEYS:
                keys = {match_key(v): k for k, v in _CHOICE_KEYS[col.field].items()}
                if match_key(text) in keys:
                    return keys[match_key(text)]
            elif text in col.choices:
                return text
            raise self.error(ws, f"应填写{'、'.join(col.choices)}之一，而填写的是“{text}”", r, column)
        if col.kind == C.CODE:
            return self.code(ws, r, column, text)
        return text

    def amount(self, ws, r: int, column: _Column, value) -> Decimal | None:
        if _blank(value):
            return None
        if isinstance(value, bool):
            raise self.error(ws, f"应填写金额数字，而填写的是“{value}”", r, column)
        if isinstance(value, (int, float, Decimal)):
            try:
                amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
            except InvalidOperation:
                raise self.error(ws, f"“{value}”不是有效的数字", r, column) from None
        else:
            amount = parse_amount(_text(value))
            if amount is None:
                raise self.error(ws, f"应填写金额数字，而填写的是“{_text(value)}”（不要填写文字或单位）", r, column)
        if not amount.is_finite():
            raise self.error(ws, f"“{value}”不是有效的数字", r, column)
        if too_long(amount):
            raise self.error(ws, too_long_reason(_text(value)), r, column)
        if amount < 0:
            raise self.error(ws, f"金额不能为负数（填写的是 {_text(value)}）", r, column)
        return amount

    def code(self, ws, r: int, column: _Column, text: str) -> str:
        if not text:
            return ""
        scheme = column.col.scheme
        first, length, what = _CODE_SHAPES[scheme]
        code = normalize_code(text)
        if not (code.isdigit() and code.startswith(first) and len(code) == length
                and code_level(scheme, code) is not None):
            raise self.error(ws, f"“{text}”不是{what}级科目编码（应为以 {first} 开头的 {length} 位数字）", r, column)
        catalog = self.catalogs[scheme]
        if not catalog.contains(code):
            self.unknown_code(ws, r, column, code, catalog)
        return code

    def unknown_code(self, ws, r: int, column: _Column, code: str, catalog) -> None:
        """A well-formed code the year's catalog does not list: refused when the catalog is complete (a
        partial one leaves it to `ledger_warnings`)."""
        if not catalog.is_partial:
            raise self.error(ws, f"科目编码“{code}”不在 {catalog.year} 年的科目表中", r, column)

    def check(self, ws, r: int, line: Line, by_field: dict[str, _Column]) -> None:
        def fail(field: str, reason: str):
            column = by_field.get(field)
            return self.error(ws, reason, r, column)

        if line.purpose in ("basic", "project", "reserve") and not line.economic:
            raise fail("economic" if "economic" in by_field else "purpose",
                       f"{PURPOSES[line.purpose]}应填写部门经济分类科目编码")
        if line.basic_kind and line.purpose != "basic":
            raise fail("basic_kind", "只有基本支出分人员经费和公用经费")
        if line.purpose in TRANSFERS and not line.counterpart:
            raise fail("counterpart" if "counterpart" in by_field else "purpose",
                       f"{PURPOSES[line.purpose]}应填写对方单位")
        bought = line.procurement_amount
        if bought is not None and bought > line.amount:
            raise fail("procurement_amount", f"政府采购金额 {bought:,f} 大于本行预算数 {line.amount:,f}")
        for part, whole, what in (("procurement_sme", bought, "政府采购金额"),
                                  ("procurement_small_micro", line.procurement_sme, "面向中小企业的金额")):
            v = getattr(line, part)
            if v is not None and (whole is None or v > whole):
                raise fail(part, f"{C.BY_FIELD[part].header.split('（')[0]}（{v:,f}）大于{what}")
        if bought and not line.procurement:
            raise fail("procurement" if "procurement" in by_field else "procurement_amount",
                       "填写了政府采购金额，应同时填写采购品目（货物、工程或服务）")


def ledger_warnings(ledger: Ledger) -> list[str]:
    """What a reader should look at though the lines can be used: codes a partial catalog does not list,
    names that differ from the catalog's (Chinese, one a line, naming the row)."""
    catalogs = {s: load_catalog(s, ledger.year) for s in ("function", "economic_dept")}
    out: list[str] = []
    seen: set[tuple[str, str]] = set()
    for line in ledger.lines:
        where = f"第 {line.source.cell[1:]} 行" if line.source and line.source.cell else line.unit
        for scheme, code, name in (("function", line.function, line.function_name),
                                   ("economic_dept", line.economic, line.economic_name)):
            if not code or (scheme, code) in seen:
                continue
            seen.add((scheme, code))
            catalog = catalogs[scheme]
            listed = catalog.name(code)
            what = C.SCHEME_WORDS[scheme]
            if listed is None and (scheme, code) not in ledger.names and not name:
                out.append(f"{where}：{what}科目编码 {code} 不在 {catalog.year} 年的科目表（不完整）中，也没有填写名称")
            elif listed is not None and name and match_key(name) != match_key(listed):
                out.append(f"{where}：{what}科目 {code} 填写的名称“{name}”与科目表的“{listed}”不同")
    return out


# ------------------------------------------------------------------------------------------------ writing

_HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")


def write_ledger(ledger: Ledger, path: str | Path) -> Path:
    """The ledger as an XLSX of lines (read back by `read_ledger` into the same ledger)."""
    if ledger.unit not in UNITS:
        raise ValueError(f"unit {ledger.unit!r}")
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = C.LINES_SHEET
    bold = Font(bold=True)
    for n, col in enumerate(C.COLUMNS, start=1):
        cell = ws.cell(1, n, col.title(ledger.year, ledger.unit))
        cell.font, cell.fill = bold, _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(n)].width = col.width
    for r, line in enumerate(ledger.lines, start=2):
        for n, col in enumerate(C.COLUMNS, start=1):
            value = cell_value(line, col)
            if value is None or value == "":
                continue
            cell = ws.cell(r, n, value)
            if col.kind == C.AMOUNT:
                cell.number_format = "#,##0.00"
            elif col.kind == C.CODE:
                cell.number_format = "@"
    ws.freeze_panes = "B2"
    last = max(len(ledger.lines) + 1, 2) + 500
    for n, col in enumerate(C.COLUMNS, start=1):
        choices = col.choices or ((C.YES, C.NO) if col.kind == C.FLAG else ())
        if choices:
            dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle=col.header, error=f"请选择：{'、'.join(choices)}")
            dv.add(f"{get_column_letter(n)}2:{get_column_letter(n)}{last}")
            ws.add_data_validation(dv)
    info = wb.create_sheet(C.INFO_SHEET)
    for r, (key, label) in enumerate(C.INFO_FIELDS, start=1):
        value = getattr(ledger, key)
        info.cell(r, 1, label).font = bold
        shown = INFO_WORDS[key][0].get(value, value) if key in INFO_WORDS else value
        info.cell(r, 2, shown or None)
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 18, 40
    if ledger.names:
        names = wb.create_sheet(C.NAMES_SHEET)
        for n, header in enumerate(C.NAME_HEADERS, start=1):
            names.cell(1, n, header).font = bold
        for r, ((scheme, code), name) in enumerate(sorted(ledger.names.items()), start=2):
            names.cell(r, 1, C.SCHEME_WORDS[scheme])
            names.cell(r, 2, code).number_format = "@"
            names.cell(r, 3, name)
        names.column_dimensions["A"].width, names.column_dimensions["C"].width = 14, 30
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def cell_value(line: Line, col: C.Col):
    value = getattr(line, col.field)
    if col.kind == C.FLAG:
        return C.YES if value else None
    if col.field in _CHOICE_KEYS:
        return _CHOICE_KEYS[col.field].get(value, value) if value else None
    return value


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
