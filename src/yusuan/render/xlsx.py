"""Layout → XLSX: the narrative on a first sheet, then one sheet per table; numbers stored as numbers
in the table's unit, with SUM formulas where a row is exactly the sum of its children; header rows
repeated on every printed page.

Every row is given the height its wrapped text needs (LibreOffice keeps a row's height as written, and
prints text that does not fit over the next rows): the lines are estimated from the column's width in
characters (a Chinese character two) as if the column were a fifth narrower, so other fonts and
narrowed columns still fit. The narrative is one paragraph per row of one wide column, headings in
larger bold type with space above, every sheet fitted to the page's width."""

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
from yusuan.render.widths import column_widths, wrapped_lines

_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")

UNIT_PT = 5.25  # one unit of a column's width: the default font's digit (7 px) in points
DEFAULT_UNITS = 8.43  # a column's width when none is set
ROOM = 0.8  # lines are counted as if the column were this much of its width: other fonts, narrowed columns
LINE = 1.45  # a line's height in font sizes (a CJK font's ascent and descent)
PAD_PT = 3.0  # above and below a cell's text
INDENT_UNITS = 3.0  # one indentation step of a cell (three characters)
MAX_ROW_PT = 409.0  # the tallest row a worksheet allows
# The narrative's width: one column, or the columns of the tables inside it. It fits A4 portrait within
# half-inch margins even where the default font is a CJK font (its digit a sixth wider than Calibri's),
# as LibreOffice does not shrink the narrative sheet to the page's width.
TEXT_UNITS = 80


def render_xlsx(layout: Layout) -> bytes:
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                   "strings_to_urls": False})
    f = _Formats(wb)
    cover = wb.add_worksheet("封面与目录")  # the contents on a sheet of their own, as on a page of their own
    cover.set_column(0, 0, TEXT_UNITS)
    rows = Heights([TEXT_UNITS])
    rows.write(cover, 0, 0, layout.title, f.title, 18, space=12)
    rows.write(cover, 2, 0, "目录", f.heading1, 14)
    for r, entry in enumerate(layout.toc, start=3):
        rows.write(cover, r, 0, entry.text, f.toc if entry.level == 1 else f.toc2, 10.5,
                   indent=0 if entry.level == 1 else 2)
    rows.apply(cover)
    _page(cover)
    text = wb.add_worksheet("正文")
    units = _narrative_units(layout)
    for c, u in enumerate(units):
        text.set_column(c, c, u)
    _page(text)
    rows = Heights(units)
    span = len(units)
    r = 0
    names: set[str] = {"正文", "封面与目录"}
    for block in layout.blocks:
        if isinstance(block, Heading):
            big = block.level == 1
            rows.write(text, r, 0, block.text, f.heading1 if big else f.heading2, 14 if big else 10.5,
                       colspan=span, space=10 if big else 6)
            r += 1
        elif isinstance(block, Paragraph):
            rows.write(text, r, 0, block.text, f.drafted if block.drafted else f.para, 10.5, colspan=span)
            r += 1
        elif not block.captioned:  # a table inside the narrative stays there
            r = _grid(text, block, r, f, rows) + 1
        else:
            sheet = wb.add_worksheet(_sheet_name(block, names))
            _table_sheet(sheet, block, f)
    rows.apply(text)
    wb.close()
    return out.getvalue()


class Heights:
    """The height each row of a sheet needs for its wrapped text, applied once the sheet is written."""

    def __init__(self, widths: list[float]):
        self.widths = widths
        self.rows: dict[int, float] = {}
        self.spans: list[tuple[int, int, float]] = []  # (first row, rows, height) of a merged cell

    def units(self, col: int, colspan: int = 1) -> float:
        return sum(self.widths[c] if c < len(self.widths) else DEFAULT_UNITS for c in range(col, col + colspan))

    def fit(self, row: int, col: int, text: str, size: float, *, colspan: int = 1, rowspan: int = 1,
            indent: int = 0, space: float = 0.0) -> None:
        room = (self.units(col, colspan) * ROOM - 1 - indent * INDENT_UNITS) * UNIT_PT / size  # in em
        need = wrapped_lines(text, room) * size * LINE + PAD_PT + space
        if rowspan > 1:
            self.spans.append((row, rowspan, need))
        else:
            self.rows[row] = max(self.rows.get(row, 0.0), need)

    def write(self, sheet, row: int, col: int, text: str, fmt, size: float, *, colspan: int = 1, **kw) -> None:
        if colspan > 1:
            sheet.merge_range(row, col, row, col + colspan - 1, text, fmt)
        else:
            sheet.write_string(row, col, text, fmt)
        self.fit(row, col, text, size, colspan=colspan, **kw)

    def apply(self, sheet) -> None:
        one = GRID_PT * LINE + PAD_PT
        for first, n, need in self.spans:
            have = sum(self.rows.get(r, one) for r in range(first, first + n))
            if need > have:
                for r in range(first, first + n):
                    self.rows[r] = self.rows.get(r, one) + (need - have) / n
        for r, height in sorted(self.rows.items()):
            sheet.set_row(r, round(min(height, MAX_ROW_PT), 2))


GRID_PT = 9  # the tables' font size


def _narrative_units(layout: Layout) -> list[float]:
    """The narrative sheet's column widths: one wide column, or, where tables stand in the narrative, each
    column as wide as the widest share the PDF gives it in those tables (render.widths), TEXT_UNITS in all."""
    shares: list[float] = []
    for block in layout.blocks:
        if isinstance(block, TableLayout) and not block.captioned:
            for c, pct in enumerate(column_widths(block)):
                shares[len(shares):] = [0.0] * (c + 1 - len(shares))
                shares[c] = max(shares[c], pct)
    total = sum(shares)
    return [TEXT_UNITS * x / total for x in shares] if total else [TEXT_UNITS]


def _page(sheet, landscape: bool = False) -> None:
    """A4, fitted to the page's width (as many pages down as it takes)."""
    sheet.set_paper(9)
    sheet.set_margins(left=0.5, right=0.5)
    if landscape:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)


class _Formats:
    def __init__(self, wb):
        base = {"font_name": "宋体", "font_size": 10.5, "valign": "vcenter"}
        grid = {**base, "border": 1, "font_size": GRID_PT}
        top = {**base, "valign": "bottom", "text_wrap": True}  # headings and prose: space above, text below

        def add(**kw):
            return wb.add_format({**base, **kw})

        def prose(**kw):
            return wb.add_format({**top, **kw})

        self.title = prose(bold=True, font_size=18, align="center")
        self.heading1 = prose(bold=True, font_size=14)
        self.heading2 = prose(bold=True)
        self.para = prose()
        self.drafted = prose(italic=True, font_color="#333333")
        self.toc = prose(bold=True)
        self.toc2 = prose(indent=2)
        self.number = add()
        self.caption = add(bold=True, font_size=15, align="center", text_wrap=True)
        self.meta = add()
        self.unit = add(align="right")
        self.note = prose(font_size=GRID_PT)
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


def _column_units(role: str) -> float:
    return 12 if role == CODE else 34 if role == LABEL else 15 if role == AMOUNT else 40


def _table_sheet(sheet, block: TableLayout, f: _Formats) -> None:
    width = max(block.width, 1)
    units = [_column_units(role) for role in block.roles]
    for c, u in enumerate(units):
        sheet.set_column(c, c, u)
    rows = Heights(units)
    r = 0
    if block.number_text and not block.number_inline:
        sheet.write_string(r, 0, block.number_text, f.number)
        r += 1
    if width > 1:
        sheet.merge_range(r, 0, r, width - 1, block.title_line, f.caption)
    else:
        sheet.write_string(r, 0, block.title_line, f.caption)
    rows.fit(r, 0, block.title_line, 15, colspan=width, space=4)
    r += 1
    if block.body:
        sheet.write_string(r, 0, f"部门名称：{block.body}", f.meta)
    sheet.write_string(r, width - 1 if width > 1 else 1, f"单位：{block.unit or '万元'}", f.unit)
    r += 1
    top = r
    _grid(sheet, block, r, f, rows)
    rows.apply(sheet)
    if block.header:
        sheet.repeat_rows(top, top + len(block.header) - 1)
    _page(sheet, landscape=width > 8)
    sheet.freeze_panes(top + len(block.header), 0)
    sheet.set_footer("&C第 &P 页 共 &N 页")


def _grid(sheet, block: TableLayout, top: int, f: _Formats, rows: Heights) -> int:
    """Header and body rows from row `top` (their heights in `rows`); the row after the notes."""
    header = len(block.header)
    for r, line in enumerate(block.header):
        for c, cell in enumerate(line):
            if cell is None:
                continue
            _put(sheet, top + r, c, cell, f.header)
            rows.fit(top + r, c, cell.text, GRID_PT, colspan=cell.colspan, rowspan=cell.rowspan)
    for r, line in enumerate(block.rows):
        row = top + header + r
        for c, cell in enumerate(line):
            if cell is None:
                continue
            fmt = f.cell(cell)
            if cell.amount is None and cell.text:
                rows.fit(row, c, cell.text, GRID_PT, colspan=cell.colspan, rowspan=cell.rowspan,
                         indent=min(cell.indent, 6) if cell.role != CODE else 0)
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
    width = max(block.width, 1)
    for note in block.notes:  # wrapped across the table's width, so nothing runs past the page's edge
        if width > 1:
            sheet.merge_range(r, 0, r, width - 1, note, f.note)
        else:
            sheet.write_string(r, 0, note, f.note)
        rows.fit(r, 0, note, GRID_PT, colspan=width)
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
