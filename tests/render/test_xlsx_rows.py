"""The XLSX writer's rows are tall enough for their wrapped text (LibreOffice prints a row at the height
the file gives it, so text that does not fit is printed over the next rows)."""

from __future__ import annotations

import io
import math
import unicodedata

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

from tests.ingest.test_corpus import load
from yusuan.render import family_of, render
from yusuan.render.widths import wrapped_lines


def _units(text: str) -> int:
    """Width in a column's character units, counted independently of the writer: a CJK character two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _sheets(name: str):
    _, doc = load(name)
    return load_workbook(io.BytesIO(render(doc, "xlsx", family_of(doc))))


def _width(ws, col: str) -> float:
    """The column's width as the file sets it: a <col> element may set a run of columns (B to D)."""
    i = column_index_from_string(col)
    for dim in ws.column_dimensions.values():
        if dim.width and (dim.min or 0) <= i <= (dim.max or 0):
            return dim.width
    return 8.43


def test_wrapped_lines_breaks_each_line_by_the_room():
    assert wrapped_lines("科目名称", 4) == 1
    assert wrapped_lines("科目名称", 3) == 2
    assert wrapped_lines("一二三四五\n六", 2) == 4
    assert wrapped_lines("", 5) == 1


@pytest.mark.parametrize("name", ["jiangsu_2017_jianchayuan", "shenzhen_2023_zhineng"])
def test_every_narrative_row_holds_its_lines(name):
    ws = _sheets(name)["正文"]
    width = sum(_width(ws, get_column_letter(c)) for c in range(1, ws.max_column + 1))  # a paragraph spans them
    checked = 0
    for row in ws.iter_rows():
        cell = row[0]
        if not isinstance(cell.value, str) or len(cell.value) < 80 or cell.border.left.style:
            continue  # long paragraphs (a table's bordered cells have their own widths)
        lines = math.ceil(_units(cell.value) / width)
        height = ws.row_dimensions[cell.row].height
        assert height is not None and height >= lines * 10.5 * 1.2, (cell.coordinate, lines, height)
        assert cell.alignment.wrap_text
        checked += 1
    assert checked > 5


def test_table_rows_hold_their_wrapped_names():
    wb = _sheets("shenzhen_2023_pingshan")
    tall = 0
    for ws in wb.worksheets[2:]:
        spans = {(r.min_row, r.min_col): r for r in ws.merged_cells.ranges}
        for row in ws.iter_rows():
            for cell in row:
                if not (isinstance(cell.value, str) and cell.border.left.style and cell.alignment.wrap_text):
                    continue
                span = spans.get((cell.row, cell.column))
                rows = range(cell.row, span.max_row + 1) if span else [cell.row]
                cols = range(cell.column, span.max_col + 1) if span else [cell.column]
                width = sum(_width(ws, get_column_letter(c)) for c in cols)
                lines = math.ceil(_units(cell.value) * 9 / 11 / width)  # 9 pt text, columns in 11 pt digits
                if lines > 1:
                    height = sum(ws.row_dimensions[r].height or 15 for r in rows)
                    assert height >= lines * 9 * 1.2, (ws.title, cell.coordinate, lines, height)
                    tall += 1
    assert tall > 0


def test_numbers_stay_numbers_and_sums_formulas():
    wb = _sheets("shanghai_2025_putuo_wanli")
    values = [c.value for ws in wb.worksheets[2:] for row in ws.iter_rows() for c in row]
    assert any(isinstance(v, str) and v.startswith("=SUM(") for v in values)
    assert sum(isinstance(v, (int, float)) for v in values) > 100
