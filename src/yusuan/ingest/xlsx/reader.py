"""XLSX (ours, or a budget system's export with a sheet per table): sheet by sheet, the bordered
rows form Grids (merged cells as spans), every other non-empty cell is a Line.

Numbers are shown as the cell's number format prints them (#,##0.00 → 1,234.50), so a number keeps
its printed decimals. Formulas are read by their cached values. Source.page is the sheet's 1-based
position in the workbook.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

from yusuan.ingest.blocks import Block, Cell, Grid, Line
from yusuan.ingest.limits import (
    MAX_XLSX_CELLS,
    MAX_XLSX_ELEMENTS,
    MAX_XLSX_MERGED_CELLS,
    require,
    require_grid,
)
from yusuan.ingest.package import check_xml, is_xml, open_package, read_part
from yusuan.model.errors import IngestError
from yusuan.model.provenance import Source

_DECIMALS = re.compile(r"\.(0+)")
WORKBOOK, STYLES = "xl/workbook.xml", "xl/styles.xml"  # where openpyxl looks, whatever the relationships say
_CELL_OR_ROW = re.compile(rb"<(?:[\w.-]+:)?(?:c|row)[\s/>]")
_SHEETS = re.compile(rb"<(?:[\w.-]+:)?sheets[\s>]")
_MERGE = re.compile(rb"""<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*(["'])(.*?)\1""")


def cell_text(value, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float, Decimal)):
        fmt = (number_format or "General").split(";")[0]
        if isinstance(value, float) and value.is_integer() and "0" not in fmt:
            value = int(value)
        if "%" in fmt:
            m = _DECIMALS.search(fmt)
            return f"{Decimal(str(value)) * 100:.{len(m.group(1)) if m else 0}f}%"
        if "0" in fmt and fmt != "General":
            m = _DECIMALS.search(fmt)
            decimals = len(m.group(1)) if m else 0
            sep = "," if "," in fmt else ""
            return f"{Decimal(str(value)):{sep}.{decimals}f}"
        return str(Decimal(str(value)).normalize()) if isinstance(value, float) else str(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value).strip()


def _bordered(cell) -> bool:
    b = cell.border
    return any(getattr(b, side).style for side in ("left", "right", "top", "bottom"))


def open_xlsx(path: Path, file: str):
    """The workbook with the cached values of its formulas; IngestError naming `file` (and the part, sheet
    or cell where known) when it is broken or asks for more work than it holds (`limits.py`)."""
    import warnings

    from openpyxl import load_workbook

    has_styles = _inspect(path, file)
    try:
        with path.open("rb") as f, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's remarks on odd files are not for the user
            wb = load_workbook(f, data_only=True)  # a file object: openpyxl does not judge it by its name
    except MemoryError:
        raise
    except Exception as e:  # openpyxl on damaged content: IndexError, KeyError, TypeError, ValueError, …
        missing = "" if has_styles else "，缺少样式表 xl/styles.xml"
        raise IngestError(file, f"XLSX 文件已损坏，无法读取（{type(e).__name__}{missing}）") from None
    _require_styles(wb, file)
    return wb


def _inspect(path: Path, file: str) -> bool:
    """Every XML part checked (`package.py`); the elements, cells and merged cells openpyxl would make
    counted before it makes them — a part as many times as openpyxl would read it (a workbook may name
    one sheet part a thousand times). Whether the package has its styles part."""
    counts: dict[str, tuple[int, int, int]] = {}
    rels: dict[str, bytes] = {}
    books: dict[str, bytes] = {}
    with open_package(path, file, "XLSX") as z:
        for info in z.infolist():
            if not is_xml(info.filename):
                continue
            name = info.filename
            data = check_xml(read_part(z, info, file), file, name)
            counts[name] = (data.count(b"<"), len(_CELL_OR_ROW.findall(data)), _merged_cells(data))
            _require_counts(*counts[name], file, name)
            if name.endswith(".rels"):
                rels[name] = data
            elif _SHEETS.search(data):
                books[name] = data
        has_styles = STYLES in z.NameToInfo
    readings = _readings(rels, books)
    _require_counts(*(sum(c[k] * max(1, readings[name]) for name, c in counts.items()) for k in range(3)), file)
    return has_styles


def _require_counts(elements: int, cells: int, merged: int, file: str, place: str = "") -> None:
    require(elements, MAX_XLSX_ELEMENTS, file, "XML 元素", place)
    require(cells, MAX_XLSX_CELLS, file, "单元格和行", place)
    require(merged, MAX_XLSX_MERGED_CELLS, file, "合并单元格覆盖的单元格", place)


def _readings(rels: dict[str, bytes], books: dict[str, bytes]) -> Counter:
    """How many times each part would be read: once for every relationship naming it, and once for
    every sheet of a workbook naming it (openpyxl reads a sheet part for each)."""
    readings: Counter = Counter()
    targets: dict[str, dict[str, str]] = {}  # relationships part -> {Id: part}
    for name, data in rels.items():
        base = posixpath.dirname(posixpath.dirname(name))  # xl/_rels/workbook.xml.rels -> xl
        ids = targets[name] = {}
        for rel in ET.fromstring(data):
            if rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                ids[rel.get("Id", "")] = part = target.lstrip("/") if target.startswith("/") else \
                    posixpath.normpath(posixpath.join(base, target))
                readings[part] += 1
    for name, data in books.items():
        ids = targets.get(posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels"), {})
        sheets = [el for el in ET.fromstring(data).iter() if el.tag.endswith("}sheet")]
        for part, n in Counter(ids.get(_relationship_id(el), "") for el in sheets).items():
            readings[part] = max(readings[part], n)
    return readings


def _relationship_id(el) -> str:
    return next((v for k, v in el.attrib.items() if k.endswith("}id")), "")


def _merged_cells(data: bytes) -> int:
    from openpyxl.utils.cell import range_boundaries

    total = 0
    for m in _MERGE.finditer(data):
        try:
            c0, r0, c1, r1 = range_boundaries(html.unescape(m.group(2).decode("utf-8", "replace")))
        except (ValueError, TypeError):
            continue  # openpyxl refuses it too
        total += (c1 - c0 + 1) * (r1 - r0 + 1)
    return total


def _require_styles(wb, file: str) -> None:
    """Every cell's number format and border looked up once, so a style missing from a damaged styles
    part is named here rather than met as an IndexError while reading."""
    for ws in wb.worksheets:
        for cell in ws._cells.values():
            try:
                _ = cell.number_format, cell.border
            except (IndexError, KeyError, TypeError, AttributeError):
                raise IngestError(file, "单元格的样式在样式表中不存在，文件已损坏",
                                  f"工作表“{ws.title}”单元格 {cell.coordinate}") from None


def cell_rows(ws) -> list[tuple[int, list]]:
    """(row number, its cells left to right) for the cells a sheet holds — never the empty positions of
    its extent, which one cell at XFD1048576 makes 17 billion (openpyxl's iter_rows makes them all)."""
    rows: dict[int, list] = {}
    for (r, _), cell in sorted(ws._cells.items()):
        rows.setdefault(r, []).append(cell)
    return list(rows.items())


def read_xlsx_blocks(path: str | Path, *, name: str | None = None) -> Iterator[Block]:
    path = Path(path)
    wb = open_xlsx(path, name or path.name)
    for page, ws in enumerate(wb.worksheets, start=1):
        if ws.sheet_state != "visible":
            continue
        yield from _sheet(ws, Source(name or path.name, page))


def _sheet(ws, source: Source) -> Iterator[Block]:
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:  # within MAX_XLSX_MERGED_CELLS (open_xlsx)
        spans[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    covered.add((r, c))
    rows: list[tuple[int, list]] = []
    any_border = False
    for r, row in cell_rows(ws):
        texts = []
        bordered = False
        for cell in row:
            if (r, cell.column) in covered:
                texts.append((cell.column, None))
                continue
            if _bordered(cell):
                bordered = True
            texts.append((cell.column, cell_text(cell.value, cell.number_format)))
        any_border = any_border or bordered
        rows.append((r, texts, bordered))
    in_grid = [
        bordered if any_border else sum(1 for _, t in texts if t) >= 2 for _, texts, bordered in rows
    ]
    i = 0
    while i < len(rows):
        if not in_grid[i]:
            for _, text in rows[i][1]:
                if text:
                    for part in text.split("\n"):
                        if part.strip():
                            yield Line(part.strip(), source)
            i += 1
            continue
        j = i
        while j < len(rows) and in_grid[j] and (j == i or rows[j][0] == rows[j - 1][0] + 1):
            j += 1
        yield _grid(rows[i:j], spans, source, ws.title)
        i = j


def _grid(run: list, spans: dict, source: Source, sheet: str) -> Grid:
    """A run of rows as a Grid over the columns its text and its merged cells reach (an empty cell far to
    the right, which formatting alone creates, does not widen it)."""
    cells = [(c, t) for _, texts, _ in run for c, t in texts if t is not None]  # None: covered by a merge
    cols = [c for c, t in cells if t] or [c for c, _ in cells]
    first, last = min(cols), max(cols)
    for r, texts, _ in run:
        for c, t in texts:
            if (r, c) in spans and first <= c <= last:
                last = max(last, c + spans[(r, c)][1] - 1)
    bottom = run[-1][0]
    require_grid(len(run), last - first + 1, source.file, f"工作表“{sheet}”第 {run[0][0]}–{bottom} 行")
    grid: list[list[Cell | None]] = []
    for r, texts, _ in run:
        by_col = dict(texts)
        line: list[Cell | None] = []
        for c in range(first, last + 1):
            if c in by_col and by_col[c] is None:
                line.append(None)
                continue
            h, w = spans.get((r, c), (1, 1))
            line.append(Cell(by_col.get(c, "") or "", source, colspan=min(w, last - c + 1), rowspan=min(h, bottom - r + 1)))
        grid.append(line)
    return Grid(grid, source)
