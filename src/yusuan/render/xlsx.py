"""Layout → XLSX: the narrative on a first sheet, then one sheet per table; numbers stored as numbers
in the table's unit, with SUM formulas where a row is exactly the sum of its children; header rows
repeated on every printed page."""

from __future__ import annotations

import io
import re

import xlsxwriter

from yusuan.model.formats import Writer
from yusuan.render.layout import (
    AMOUNT,
    CODE,
    LABEL,
    Cell,
    Heading,
    Layout,
    Paragraph,
    TableLayout,
)

_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")


def render_xlsx(layout: Layout) -> bytes:
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                   "strings_to_urls": False})
    f = _Formats(wb)
    cover = wb.add_worksheet("封面与目录")  # the contents on a sheet of their own, as on a page of their own
    cover.set_column(0, 0, 100)
    cover.write_string(0, 0, layout.title, f.title)
    cover.write_string(2, 0, "目录", f.heading1)
    for r, entry in enumerate(layout.toc, start=3):
        cover.write_string(r, 0, entry.text, f.toc if entry.level == 1 else f.toc2)
    text = wb.add_worksheet("正文")
    text.set_column(0, 0, 100)
    text.set_paper(9)
    text.fit_to_pages(1, 0)
    r = 0
    names: set[str] = {"正文", "封面与目录"}
    for block in layout.blocks:
        if isinstance(block, Heading):
            text.write_string(r, 0, block.text, f.heading1 if block.level == 1 else f.heading2)
            r += 1
        elif isinstance(block, Paragraph):
            text.write_string(r, 0, block.text, f.drafted if block.drafted else f.para)
            r += 1
        elif not block.captioned:  # a table inside the narrative stays there
            r = _grid(text, block, r, f) + 1
        else:
            sheet = wb.add_worksheet(_sheet_name(block, names))
            _table_sheet(sheet, block, f)
    wb.close()
    return out.getvalue()


class _Formats:
    def __init__(self, wb):
        base = {"font_name": "宋体", "font_size": 10.5, "valign": "vcenter"}
        grid = {**base, "border": 1, "font_size": 9}

        def add(**kw):
            return wb.add_format({**base, **kw})

        self.title = add(bold=True, font_size=18, align="center")
        self.heading1 = add(bold=True, font_size=14)
        self.heading2 = add(bold=True)
        self.para = add(text_wrap=True)
        self.drafted = add(text_wrap=True, italic=True, font_color="#333333")
        self.toc = add(bold=True)
        self.toc2 = add(indent=2)
        self.number = add()
        self.caption = add(bold=True, font_size=15, align="center")
        self.meta = add()
        self.unit = add(align="right")
        self.note = add(font_size=9)
        self.header = wb.add_format({**grid, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#F2F2F2"})
        self.text = wb.add_format({**grid, "text_wrap": True})
        self.code = wb.add_format({**grid, "num_format": "@"})
        self._wb, self._grid = wb, grid
        self._cache: dict[tuple, object] = {}

    def cell(self, cell: Cell):
        if cell.role == AMOUNT:
            key = ("amount", cell.decimals, cell.bold)
            if key not in self._cache:
                pattern = "#,##0" + ("." + "0" * cell.decimals if cell.decimals else "")
                self._cache[key] = self._wb.add_format({**self._grid, "num_format": pattern, "bold": cell.bold})
            return self._cache[key]
        if cell.role == CODE:
            return self.code
        key = ("text", min(cell.indent, 6), cell.bold)
        if key not in self._cache:
            self._cache[key] = self._wb.add_format(
                {**self._grid, "text_wrap": True, "indent": min(cell.indent, 6), "bold": cell.bold})
        return self._cache[key]


def _sheet_name(block: TableLayout, taken: set[str]) -> str:
    base = _BAD_SHEET.sub("", (block.number_text.rstrip("、.．") or block.title) or "表")[:31] or "表"
    name, k = base, 2
    while name in taken:
        name = f"{base[:28]}({k})"
        k += 1
    taken.add(name)
    return name


def _table_sheet(sheet, block: TableLayout, f: _Formats) -> None:
    width = max(block.width, 1)
    r = 0
    if block.number_text and not block.number_inline:
        sheet.write_string(r, 0, block.number_text, f.number)
        r += 1
    if width > 1:
        sheet.merge_range(r, 0, r, width - 1, block.title_line, f.caption)
    else:
        sheet.write_string(r, 0, block.title_line, f.caption)
    r += 1
    if block.body:
        sheet.write_string(r, 0, f"部门名称：{block.body}", f.meta)
    sheet.write_string(r, width - 1 if width > 1 else 1, f"单位：{block.unit or '万元'}", f.unit)
    r += 1
    top = r
    end = _grid(sheet, block, r, f)
    if block.header:
        sheet.repeat_rows(top, top + len(block.header) - 1)
    for c, role in enumerate(block.roles):
        sheet.set_column(c, c, 12 if role == CODE else 34 if role == LABEL else 15 if role == AMOUNT else 40)
    sheet.set_paper(9)
    if width > 8:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.freeze_panes(top + len(block.header), 0)
    sheet.set_footer("&C第 &P 页 共 &N 页")


def _grid(sheet, block: TableLayout, top: int, f: _Formats) -> int:
    """Header and body rows from row `top`; the row after the notes."""
    header = len(block.header)
    for r, line in enumerate(block.header):
        for c, cell in enumerate(line):
            if cell is None:
                continue
            _put(sheet, top + r, c, cell, f.header)
    for r, line in enumerate(block.rows):
        row = top + header + r
        for c, cell in enumerate(line):
            if cell is None:
                continue
            fmt = f.cell(cell)
            if cell.colspan > 1 or cell.rowspan > 1:
                _put(sheet, row, c, cell, fmt)
            elif cell.amount is not None and cell.sum_of:
                refs = [xlsxwriter.utility.xl_rowcol_to_cell(top + header + k, c) for k in cell.sum_of]
                sheet.write_formula(row, c, f"=SUM({','.join(refs)})", fmt, float(cell.amount))
            elif cell.amount is not None:
                sheet.write_number(row, c, float(cell.amount), fmt)
            elif cell.text:
                sheet.write_string(row, c, cell.text, fmt)
            else:
                sheet.write_blank(row, c, None, fmt)
    if not block.rows and not block.header:
        sheet.write_blank(top, 0, None, f.text)
    r = top + header + len(block.rows)
    for note in block.notes:
        sheet.write_string(r, 0, note, f.note)
        r += 1
    return r


def _put(sheet, row: int, col: int, cell: Cell, fmt) -> None:
    if cell.colspan > 1 or cell.rowspan > 1:
        value = float(cell.amount) if cell.amount is not None else cell.text
        sheet.merge_range(row, col, row + cell.rowspan - 1, col + cell.colspan - 1, value, fmt)
    elif cell.amount is not None:
        sheet.write_number(row, col, float(cell.amount), fmt)
    else:
        sheet.write_string(row, col, cell.text, fmt)


WRITER = Writer("xlsx", "Excel", (".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "yusuan.render.xlsx:render_xlsx")
