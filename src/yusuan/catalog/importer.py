"""Import a classification list (CSV or XLSX) into the user's catalogs, checking every row.

Layouts read: a code column and a name column found by their headers (科目编码 / 科目名称 …);
one column printing "2010101 行政运行"; or codes split over 类 / 款 / 项 columns (blank cells
repeat the row above, 款 and 项 may print only their own two digits).
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timezone
from pathlib import Path

from yusuan.catalog.store import (
    SCHEMES,
    Catalog,
    Entry,
    code_level,
    imported_path,
    normalize_code,
    shipped_entries,
    write_entries,
)
from yusuan.model.errors import IngestError

SCHEME_NAMES = {"function": "支出功能分类", "economic_dept": "部门预算支出经济分类", "economic_gov": "政府预算支出经济分类"}

_CODE_HEADERS = {"编码", "科目编码", "代码", "科目代码", "编号", "科目编号", "code"}
_NAME_HEADERS = {"名称", "科目名称", "name"}
_COMBINED_HEADERS = {"科目", "科目编码及名称", "科目编码和名称", "编码及名称", "编码名称"}
_SPLIT_HEADERS = {"类": "类", "款": "款", "项": "项", "类级": "类", "款级": "款", "项级": "项"}
_COMBINED = re.compile(r"([\d\s]*\d)\s*(\D.*)")
_HEADER_SCAN = 20  # rows searched for the header
_MAX_ROWS = 100_000  # an official list has about 5,000 codes


def import_catalog(path: str | Path, scheme: str, year: int, *, partial: bool = False) -> Catalog:
    """Read, check and save the list at `path` as the user's `scheme` catalog for `year`.

    Replaces any list imported before for that scheme and year. `partial`: the list is not the
    whole catalog (the default is a complete official list). Returns the imported list alone;
    store.load(scheme, year) gives it merged with the shipped one.
    Raises IngestError (a Chinese message naming the file and row) on a file it cannot accept.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown catalog scheme {scheme!r}; expected one of {', '.join(SCHEMES)}")
    path = Path(path)
    sheets = _read(path)
    for sheet, rows in sheets:
        layout = _layout(rows)
        if layout is not None:
            break
    else:
        raise IngestError(path.name, "找不到科目编码列和科目名称列（表头应有“科目编码”“科目名称”，"
                                     "或“类”“款”“项”，或一列写作“2010101 行政运行”）")
    place = (lambda n: f"工作表“{sheet}”第 {n} 行") if sheet else (lambda n: f"第 {n} 行")
    entries = _check(path.name, scheme, year, _records(rows, layout, place, path.name), place)
    target = imported_path(scheme, year)
    write_entries(target, entries)
    meta = {"partial": partial, "file": path.name, "imported": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    target.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return Catalog(scheme, year, entries, partial, imported_year=year)


# -- reading ------------------------------------------------------------------------------------

Rows = list[tuple[int, list[str]]]  # (1-based row number, cells as text)


def _read(path: Path) -> list[tuple[str, Rows]]:
    """(sheet name, rows) for each sheet; one unnamed sheet for a CSV."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(path.name, f"文件无法打开（{e.strerror}）") from None
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError(path.name, "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV")
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(path)
    return [("", _read_csv(path.name, data))]


def _read_csv(name: str, data: bytes) -> Rows:
    for encoding in ("utf-8-sig", "gb18030"):  # GB18030 reads GBK and GB2312
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise IngestError(name, "无法识别文件编码（应为 UTF-8 或 GBK）")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    return [(reader.line_num, [c.strip() for c in row]) for row in reader]


def _read_xlsx(path: Path) -> list[tuple[str, Rows]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds on a damaged file
        raise IngestError(path.name, f"无法读取 Excel 文件（{type(e).__name__}）") from None
    try:
        return [(ws.title, _sheet_rows(path.name, ws)) for ws in wb.worksheets]
    finally:
        wb.close()


def _sheet_rows(name: str, ws) -> Rows:
    """The rows a sheet holds, not the size it declares: a `<dimension ref="A1:XFD1048576">` would
    otherwise pad every row to 16,384 cells and the sheet to a million rows."""
    ws.reset_dimensions()
    rows: Rows = []
    for n, row in enumerate(ws.iter_rows(values_only=True), 1):
        if n > _MAX_ROWS:
            raise IngestError(name, f"工作表“{ws.title}”超过 {_MAX_ROWS:,} 行，不像科目表")
        cells = [_cell_text(v) for v in row]
        while cells and not cells[-1]:
            cells.pop()
        rows.append((n, cells))
    return rows


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# -- layout -------------------------------------------------------------------------------------


def _header(text: str) -> str:
    return normalize_code(text).lower()


def _layout(rows: Rows) -> dict | None:
    """Where codes and names are: {"header": row number, "code"/"name"/"combined"/"类"/"款"/"项": column}."""
    for n, cells in rows[:_HEADER_SCAN]:
        heads = [_header(c) for c in cells]
        found: dict = {"header": n}
        for i, h in enumerate(heads):
            if h in _CODE_HEADERS or (h.endswith("编码") and "名称" not in h):
                found.setdefault("code", i)
            elif h in _COMBINED_HEADERS:
                found.setdefault("combined", i)
            elif h in _NAME_HEADERS or h.endswith("名称"):
                found.setdefault("name", i)
            elif h in _SPLIT_HEADERS:
                found.setdefault(_SPLIT_HEADERS[h], i)
        if "name" in found and ("code" in found or "类" in found):
            return found
        if "combined" in found or ("name" in found and _combined_below(rows, n, found["name"])):
            return {"header": n, "combined": found.get("combined", found.get("name"))}
    for n, cells in rows[:_HEADER_SCAN]:  # no header: the first row with data decides
        filled = [(i, c) for i, c in enumerate(cells) if c]
        if not filled:
            continue
        (i, first), rest = filled[0], filled[1:]
        if normalize_code(first).isdigit() and rest:
            return {"header": n - 1, "code": i, "name": rest[0][0]}
        if _COMBINED.fullmatch(first):
            return {"header": n - 1, "combined": i}
        return None
    return None


def _combined_below(rows: Rows, header: int, column: int) -> bool:
    for n, cells in rows:
        if n > header and column < len(cells) and cells[column]:
            return bool(_COMBINED.fullmatch(cells[column]))
    return False


def _records(rows: Rows, layout: dict, place, file: str) -> list[tuple[int, str, str]]:
    """(row number, code as printed, name) for every row below the header that has any text."""
    def cell(cells: list[str], key: str) -> str:
        i = layout.get(key)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    out, lei, kuan = [], "", ""
    for n, cells in rows:
        if n <= layout["header"] or not any(cells) or ("combined" in layout and not cell(cells, "combined")):
            continue
        if "combined" in layout:
            text = cell(cells, "combined")
            m = _COMBINED.fullmatch(text)
            if not m:
                raise IngestError(file, f"无法分出科目编码和名称：“{text}”", place(n))
            out.append((n, m[1], m[2].strip()))
        elif "code" in layout:
            if cell(cells, "code") or cell(cells, "name"):
                out.append((n, cell(cells, "code"), cell(cells, "name")))
        else:
            parts = [cell(cells, k) for k in ("类", "款", "项")]
            if not any(parts) and not cell(cells, "name"):
                continue
            if parts[0]:
                lei, kuan = parts[0], ""
            if parts[1]:
                kuan = _segment(lei, parts[1], 5)
            if parts[2]:
                code = _segment(kuan, parts[2], 7)
            elif parts[1]:
                code = kuan
            else:
                code = parts[0]
            out.append((n, code, cell(cells, "name")))
    return out


def _segment(above: str, printed: str, length: int) -> str:
    """The full code of a 款 / 项 cell that may print only its last two digits ("1" for "01")."""
    printed = normalize_code(printed)
    if printed.isdigit() and len(printed) < length:
        return normalize_code(above) + printed.zfill(2)
    return printed


# -- checks -------------------------------------------------------------------------------------


def _check(file: str, scheme: str, year: int, records: list[tuple[int, str, str]], place) -> dict[str, Entry]:
    lengths, first = SCHEMES[scheme][1], SCHEMES[scheme][2]
    what = SCHEME_NAMES[scheme]
    entries: dict[str, Entry] = {}
    rows: dict[str, int] = {}
    for n, printed, name in records:
        code = normalize_code(printed)
        if not code:
            raise IngestError(file, f"缺少科目编码（名称“{name}”）", place(n))
        if not code.isdigit():
            raise IngestError(file, f"科目编码“{printed}”不是数字", place(n))
        level = code_level(scheme, code)
        if level is None:
            sizes = "、".join(str(x) for x in lengths)
            raise IngestError(file, f"科目编码“{code}”有 {len(code)} 位，{what}科目应为 {sizes} 位", place(n))
        if not code.startswith(first):
            raise IngestError(file, f"科目编码“{code}”不是{what}科目（应以 {first} 开头）", place(n))
        if not name:
            raise IngestError(file, f"科目 {code} 缺少名称", place(n))
        if code in entries:
            if entries[code].name != name:
                raise IngestError(file, f"科目编码 {code} 重复：第 {rows[code]} 行为“{entries[code].name}”，"
                                        f"本行为“{name}”", place(n))
            continue
        parent = code[:-2] if level > 1 else ""
        entries[code], rows[code] = Entry(name, level, parent, f"导入：{file} 第 {n} 行"), n
    if not entries:
        raise IngestError(file, "表中没有任何科目")
    _check_parents(file, scheme, year, entries, rows, place)
    return entries


def _check_parents(file: str, scheme: str, year: int, entries: dict[str, Entry], rows: dict[str, int], place):
    """Every parent is in the list, or known to the shipped list (then it is added from there)."""
    shipped = shipped_entries(scheme, year)[1]
    for code in list(entries):
        parent = entries[code].parent
        while parent and parent not in entries:
            if parent not in shipped:
                raise IngestError(file, f"科目 {code} 的上级科目 {parent} 不在表中", place(rows[code]))
            entries[parent] = shipped[parent]
            parent = shipped[parent].parent
