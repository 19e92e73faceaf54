"""The PDF page layer on the real corpus: grids, cells, merged headers, lines and their order."""

from __future__ import annotations

import importlib.util
import random
from functools import lru_cache
from pathlib import Path

import pytest

from yusuan.ingest.blocks import Cell, Grid, Line
from yusuan.ingest.pdf.reader import read_pdf_blocks

DATA = Path(__file__).resolve().parents[1] / "data"
CORPUS = DATA / "corpus"

_spec = importlib.util.spec_from_file_location("bad_make", DATA / "bad" / "make.py")
make = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make)


@lru_cache(maxsize=None)
def blocks(name: str) -> tuple:
    return tuple(read_pdf_blocks(CORPUS / name))


def page(name: str, number: int) -> list:
    return [b for b in blocks(name) if b.source.page == number]


def grids(name: str, number: int) -> list[Grid]:
    return [b for b in page(name, number) if isinstance(b, Grid)]


def texts(row: list[Cell | None]) -> list[str | None]:
    return [None if c is None else c.text for c in row]


def find_row(grid: Grid, first: str) -> list[Cell | None]:
    return next(r for r in grid.rows if r[0] is not None and r[0].text == first)


# --- Jiangsu 2019 政协办公厅, 公开01表 收支预算总表 -----------------------------------------

JS19 = "jiangsu-2019-zhengxie-bangongting-budget-tables.pdf"


def test_summary_table_row_in_six_columns():
    (grid,) = grids(JS19, 1)
    assert grid.width == 6
    row = find_row(grid, "一、财政拨款")
    assert texts(row) == ["一、财政拨款", "13,297.11", "一、一般公共服务支出", "10,271.56", "一、基本支出", "6,522.75"]
    assert all(c.colspan == 1 and c.rowspan == 1 for c in row)


def test_summary_table_merged_headers():
    (grid,) = grids(JS19, 1)
    top, second, third = grid.rows[:3]
    assert (top[0].text, top[0].colspan) == ("收入", 2) and top[1] is None
    assert (top[2].text, top[2].colspan) == ("支出", 4) and top[3:] == [None, None, None]
    assert (second[0].text, second[0].rowspan) == ("项目名称", 2) and third[0] is None
    assert (second[2].text, second[2].colspan) == ("功能分类", 2)
    assert texts(third[2:]) == ["功能科目名称", "金额", "项目名称", "金额"]
    total = find_row(grid, "当年收入小计")
    assert texts(total) == ["当年收入小计", "13,377.11", "当年支出小计", None, None, "13,377.11"]
    assert total[2].colspan == 3


def test_blank_cells_are_empty_text():
    (grid,) = grids(JS19, 1)
    row = find_row(grid, "二、财政专户管理资金")
    assert texts(row) == ["二、财政专户管理资金", "", "四、公共安全支出", "", "", ""]


def test_line_before_grid_and_reading_order():
    blocks_ = page(JS19, 1)
    kinds = [(type(b).__name__, getattr(b, "text", None)) for b in blocks_]
    assert kinds[:4] == [
        ("Line", "公开01表"),
        ("Line", "收支预算总表"),
        ("Line", "部门：江苏省政协办公厅 单位：万元"),
        ("Grid", None),
    ]
    tops = [b.source.bbox[1] for b in blocks_]
    assert tops == sorted(tops)


def test_sources_carry_file_page_and_boxes():
    (grid,) = grids(JS19, 1)
    assert grid.source.file == JS19 and grid.source.page == 1
    gx0, gtop, gx1, gbottom = grid.source.bbox
    assert 0 < gx0 < gx1 < 842 and 0 < gtop < gbottom < 596  # landscape A4, origin top-left
    cell = find_row(grid, "一、财政拨款")[1]
    x0, top, x1, bottom = cell.source.bbox
    assert gx0 <= x0 < x1 <= gx1 and gtop <= top < bottom <= gbottom
    assert cell.source.page == 1 and cell.source.file == JS19
    merged = grid.rows[0][2]  # 支出, four columns wide
    assert merged.source.bbox[2] == pytest.approx(gx1, abs=0.5)


def test_name_overrides_file_name():
    first = next(read_pdf_blocks(CORPUS / JS19, name="upload-17.pdf"))
    assert first.source.file == "upload-17.pdf"


# --- Shanghai Putuo 2025 万里街道: 类/款/项 code columns, tables in 元 ----------------------

WANLI = "shanghai-putuo-2025-wanli-jiedao-dept-budget.pdf"


def test_code_columns_split_over_lei_kuan_xiang():
    (grid,) = grids(WANLI, 21)
    assert grid.width == 7
    row = next(r for r in grid.rows if r[3] is not None and r[3].text == "公共法律服务")
    assert texts(row) == ["204", "06", "07", "公共法律服务", "300,000", "0", "300,000"]
    parent = next(r for r in grid.rows if r[3] is not None and r[3].text == "公共安全支出")
    assert texts(parent) == ["204", "", "", "公共安全支出", "2,878,025", "0", "2,878,025"]


def test_code_header_spans():
    (grid,) = grids(WANLI, 21)
    first, second, third = grid.rows[:3]
    assert (first[0].text, first[0].colspan) == ("项目", 4)
    assert (first[4].text, first[4].colspan) == ("一般公共预算支出", 3)
    assert (second[0].text, second[0].colspan) == ("功能分类科目编码", 3)
    assert (second[3].text, second[3].rowspan) == ("功能分类科目名称", 2)
    assert texts(third) == ["类", "款", "项", None, None, None, None]


def test_table_page_continues_without_header():
    (grid,) = grids(WANLI, 18)  # only the 合计 row of the table begun on page 17
    assert [c.text for c in grid.rows[0] if c is not None and c.text] == ["合计", "189,767,551", "101,341,746", "88,425,805"]


# --- wrapped labels, rotated pages, Word-made tables -----------------------------------------


def test_wrapped_label_joined_without_space():
    (grid,) = grids("jiangsu-2019-gaoji-fayuan-budget.pdf", 8)
    labels = [r[2].text for r in grid.rows if r[2] is not None]
    assert "七、文化旅游体育与传媒支出" in labels
    assert "十七、自然资源海洋气象等支出" in labels
    (proc,) = grids("jiangsu-2019-gaoji-fayuan-budget.pdf", 16)
    assert proc.rows[0][0].text == "采购品目大类"
    row = next(r for r in proc.rows if r[3] is not None and r[3].text.startswith("台式计算机"))
    assert texts(row[3:]) == ["台式计算机（20万以上）", "政府集中采购", "99.00"]


def test_rotated_landscape_page():
    name = "jiangsu-2018-shengwei-bangongting-budget-tables.pdf"  # pages carry /Rotate 90
    (grid,) = grids(name, 3)
    assert texts(find_row(grid, "一、财政拨款")) == [
        "一、财政拨款", "24,458.43", "一、一般公共服务支出", "20,153.75", "一、基本支出", "10,403.11",
    ]
    assert grid.source.bbox[2] > 700  # x runs along the long side as displayed


def test_three_public_costs_header():
    (grid,) = grids("jiangsu-2017-zhengxie-bangongting-budget-tables.pdf", 11)
    assert grid.width == 9 and len(grid.rows) == 4
    assert (grid.rows[0][0].text, grid.rows[0][0].rowspan) == ("合计", 3)
    assert (grid.rows[0][1].text, grid.rows[0][1].colspan) == ("“三公”经费", 6)
    assert texts(grid.rows[3]) == ["1,852.32", "676.10", "76.00", "156.60", "", "156.60", "443.50", "1,094.62", "81.60"]


def test_invisible_white_boxes_are_not_rules():
    # WPS draws white rectangles behind titles; they must not turn the title into a table row
    (grid,) = grids("jiangsu-2018-shengwei-bangongting-budget-tables.pdf", 4)
    assert grid.rows[0][0].text == "项目名称"


def test_chart_frames_are_not_grids():
    name = "jiangsu-2019-gaoji-fayuan-budget.pdf"
    assert grids(name, 19) == []
    assert "基本支出 项目支出 预留机动经费" in [b.text for b in page(name, 19) if isinstance(b, Line)]


def test_page_numbers_and_spaced_headings_are_lines():
    lines = [b.text for b in page("jiangsu-2019-gaoji-fayuan-budget.pdf", 10) if isinstance(b, Line)]
    assert lines[-1] == "10"
    assert page("jiangsu-2017-jianchayuan-budget.pdf", 2)[0].text == "目 录"


# --- grids per page, checked by eye against rendered pages -----------------------------------

GRID_COUNTS = {
    "jiangsu-2017-jianchayuan-budget.pdf": {9: 0, 10: 1, 11: 3, 12: 3, 16: 3, 19: 0},
    "jiangsu-2017-zhengxie-bangongting-budget-tables.pdf": {p: 1 for p in range(1, 14)},
    "jiangsu-2017-zhengxie-bangongting-budget-text.pdf": {p: 0 for p in range(1, 21)},
    "jiangsu-2018-jianchayuan-budget.pdf": {5: 0, 13: 1, 14: 2, 15: 3, 19: 3, 24: 0},
    "jiangsu-2018-renda-bangongting-budget.pdf": {7: 0, 8: 1, 10: 2, 15: 2, 22: 0},
    "jiangsu-2018-shengwei-bangongting-budget-tables.pdf": {1: 0, 2: 0, 3: 1, 11: 1, 15: 1},
    "jiangsu-2018-shengwei-bangongting-budget-text.pdf": {p: 0 for p in range(1, 14)},
    "jiangsu-2019-gaoji-fayuan-budget.pdf": {8: 1, 9: 2, 10: 2, 14: 2, 19: 0},
    "jiangsu-2019-zhengxie-bangongting-budget-tables.pdf": {p: 1 for p in range(1, 13)},
    "jiangsu-2019-zhengxie-bangongting-budget-text.pdf": {p: 0 for p in range(1, 19)},
    "shanghai-2025-caizhengju-unit-budget.pdf": {6: 0, 7: 1, 15: 1, 20: 1, 21: 0},
    "shanghai-final-accounts-template.pdf": {3: 0, 4: 1, 5: 1, 12: 1, 15: 0},
    "shanghai-putuo-2024-shehui-gongzuobu-dept-final.pdf": {4: 1, 13: 1, 17: 0},
    "shanghai-putuo-2025-caizhengju-dept-budget.pdf": {8: 0, 9: 1, 17: 1, 21: 1, 22: 0},
    "shanghai-putuo-2025-shangwu-weiyuanhui-unit-budget.pdf": {8: 0, 9: 1, 14: 1, 21: 1, 22: 0},
    "shanghai-putuo-2025-wanli-jiedao-dept-budget.pdf": {2: 0, 9: 1, 18: 1, 29: 1, 30: 0},
}


@pytest.mark.parametrize("name", sorted(GRID_COUNTS))
def test_grids_per_page(name):
    counts = {p: len(grids(name, p)) for p in GRID_COUNTS[name]}
    assert counts == GRID_COUNTS[name]


@pytest.mark.parametrize("name", sorted(GRID_COUNTS))
def test_every_corpus_grid_is_rectangular_and_covered(name):
    for grid in (b for b in blocks(name) if isinstance(b, Grid)):
        width = grid.width
        covered = [[False] * width for _ in grid.rows]
        for r, row in enumerate(grid.rows):
            assert len(row) == width
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                for i in range(cell.rowspan):
                    for k in range(cell.colspan):
                        assert not covered[r + i][c + k]
                        covered[r + i][c + k] = True
        assert all(all(row) for row in covered), (name, grid.source.page)


@pytest.mark.parametrize("name", sorted(GRID_COUNTS))
def test_no_cell_holds_two_numbers(name):
    """A cell with two amounts means a missed row or column boundary."""
    import re

    number = re.compile(r"^-?[\d,]+\.\d{2}$|^-?\d{1,3}(,\d{3})+$")
    for grid in (b for b in blocks(name) if isinstance(b, Grid)):
        for row in grid.rows:
            for cell in row:
                if cell is not None:
                    assert sum(bool(number.match(t)) for t in cell.text.split()) <= 1, cell


# --- text layer: spaces, fake bold, partly ruled tables (synthetic PDFs) --------------------


def _write(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "synthetic.pdf"
    path.write_bytes(make.minimal_pdf([content]))
    return path


def _read_grid(path: Path) -> Grid:
    (grid,) = [b for b in read_pdf_blocks(path) if isinstance(b, Grid)]
    return grid


ROWS = [("Item", "Basic", "Project"), ("Total", "1,200.00", "300.00"), ("Salaries", "1,000.00", "200.00"),
        ("Goods", "200.00", "100.00"), ("Other", "", "")]


def _table_text(top: float = 700, pitch: float = 20) -> list[tuple[float, float, str]]:
    out = []
    for i, (a, b, c) in enumerate(ROWS):
        y = top - i * pitch
        out.append((80, y, a))
        if b:
            out.append((300 - 5 * len(b), y, b))
        if c:
            out.append((420 - 5 * len(c), y, c))
    return out


def test_outer_border_only_table_gets_columns_and_rows(tmp_path):
    frame = b"0.5 w 70 610 m 430 610 l 430 715 l 70 715 l h S\n"
    grid = _read_grid(_write(tmp_path, frame + make.text_page(_table_text())))
    assert [texts(r) for r in grid.rows] == [list(r) for r in ROWS]


def test_header_row_without_inner_rules(tmp_path):
    rules = [b"70 %d m 430 %d l S" % (y, y) for y in (715, 695, 675, 655, 635, 615)]
    rules += [b"70 615 m 70 715 l S", b"430 615 m 430 715 l S", b"200 615 m 200 695 l S", b"310 615 m 310 695 l S"]
    grid = _read_grid(_write(tmp_path, b"0.5 w\n" + b"\n".join(rules) + b"\n" + make.text_page(_table_text())))
    assert [texts(r) for r in grid.rows] == [list(r) for r in ROWS]


def test_genuinely_merged_header_stays_merged(tmp_path):
    rules = [b"70 %d m 430 %d l S" % (y, y) for y in (735, 715, 695, 675, 655, 635, 615)]
    rules += [b"70 615 m 70 735 l S", b"430 615 m 430 735 l S", b"200 615 m 200 735 l S", b"310 615 m 310 715 l S"]
    text = make.text_page(_table_text() + [(80, 720, "Budget"), (285, 720, "Expenditure")])
    grid = _read_grid(_write(tmp_path, b"0.5 w\n" + b"\n".join(rules) + b"\n" + text))
    assert texts(grid.rows[0]) == ["Budget", "Expenditure", None]
    assert grid.rows[0][1].colspan == 2


def test_body_without_row_rules_keeps_wrapped_label(tmp_path):
    rules = [b"70 715 m 430 715 l S", b"70 695 m 430 695 l S", b"70 600 m 430 600 l S", b"70 600 m 70 715 l S",
             b"430 600 m 430 715 l S", b"200 600 m 200 715 l S", b"310 600 m 310 715 l S"]
    text = make.text_page([
        (80, 700, "Item"), (250, 700, "Basic"), (360, 700, "Project"),
        (80, 680, "Total"), (250, 680, "1,200.00"), (360, 680, "300.00"),
        (80, 660, "Salaries and"), (80, 648, "allowances"), (250, 654, "1,000.00"), (360, 654, "200.00"),
        (80, 630, "Goods"), (250, 630, "200.00"), (360, 630, "100.00"),
        (80, 610, "Other"),
    ])
    grid = _read_grid(_write(tmp_path, b"0.5 w\n" + b"\n".join(rules) + b"\n" + text))
    assert [texts(r) for r in grid.rows] == [
        ["Item", "Basic", "Project"],
        ["Total", "1,200.00", "300.00"],
        ["Salaries and allowances", "1,000.00", "200.00"],
        ["Goods", "200.00", "100.00"],
        ["Other", "", ""],
    ]


def test_fake_bold_doubles_are_dropped(tmp_path):
    text = make.text_page([(72, 700, "Total 13,297.11"), (72.3, 700.2, "Total 13,297.11"), (72, 680, "next")])
    lines = [b.text for b in read_pdf_blocks(_write(tmp_path, text))]
    assert lines == ["Total 13,297.11", "next"]


def _dedupe_by_definition(chars, tol=1.5):
    """Every character against every kept one: the leftmost (then topmost) of a text kept, a later one within
    half the kept glyph's width (at most the tolerance) to its right and the tolerance up or down dropped."""
    kept, drop = [], set()
    for i in sorted(range(len(chars)), key=lambda i: (chars[i].text, chars[i].x0, chars[i].top, i)):
        c = chars[i]
        near = [k for k in kept if k.text == c.text and abs(c.top - k.top) <= tol
                and c.x0 - k.x0 <= (min(tol, (k.x1 - k.x0) / 2) if k.x1 > k.x0 else tol)]
        drop.add(i) if near else kept.append(c)
    return [c for i, c in enumerate(chars) if i not in drop]


def test_fake_bold_dedupe_as_defined():
    """The dedupe, which compares only characters with a possible copy near them, drops what comparing every
    pair drops: random pages of a few texts, some drawn again up to 2 points away, on and off the squares."""
    from yusuan.ingest.pdf.chars import Char, dedupe

    rng = random.Random(7)
    for _ in range(500):
        chars = []
        for _ in range(rng.randint(0, 50)):
            x, y = rng.choice([rng.uniform(-5, 30), rng.randint(0, 10) * 1.5]), rng.randint(0, 20) * 0.75
            w, text = rng.choice([0, 0.5, 1, 3, 6]), rng.choice("ab1")
            chars.append(Char(x, y, x + w, y + 5, text))
            if rng.random() < 0.4:
                dx, dy = rng.uniform(-2, 2), rng.uniform(-2, 2)
                chars.append(Char(x + dx, y + dy, x + dx + w, y + dy + 5, text))
        rng.shuffle(chars)
        assert dedupe(chars) == _dedupe_by_definition(chars)


def test_wide_gaps_print_one_space(tmp_path):
    ops = [(72 + 30 * i, 700, ch) for i, ch in enumerate("ABCD")] + [(72, 680, "A  B")]
    lines = [b.text for b in read_pdf_blocks(_write(tmp_path, make.text_page(ops)))]
    assert lines == ["A B C D", "A B"]


@pytest.mark.parametrize("name", sorted(GRID_COUNTS))
def test_no_text_layer_artefacts(name):
    """pdfium's CR/LF, \\x02 hyphen markers and doubled spaces never reach the text."""
    for block in blocks(name):
        cells = [c.text for r in block.rows for c in r if c is not None] if isinstance(block, Grid) else [block.text]
        for text in cells:
            assert not any(ch in text for ch in "\r\n\x02\ufffe") and "  " not in text, (block.source, text)


# --- only what can be seen on the printed page ------------------------------------------------

SHANGWU = "shanghai-putuo-2025-shangwu-weiyuanhui-unit-budget.pdf"


def test_overflowing_text_box_is_read_only_where_visible():
    # WPS exported the 主要职能 text box of page 3 again on page 4, clipped to its lower part;
    # page 3 shows lines up to item 9, page 4 goes on from 应急机制 (checked on the rendered pages)
    p3 = [b for b in page(SHANGWU, 3) if isinstance(b, Line)]
    p4 = [b for b in page(SHANGWU, 4) if isinstance(b, Line)]
    assert p3[0].text == "上海市普陀区商务委员会主要职能"
    assert p3[-1].text.startswith("9、组织协调本区商品交易市场规划") and p3[-1].text.endswith("生活必需品市场供应")
    assert p4[0].text.startswith("应急机制，协调重要商品储备和市场调控")
    assert p4[-1].text == "13、完成区委、区政府交办的其他任务。"
    assert len(p4) == 10 and all(b.source.bbox[1] >= 0 for b in p4)
    assert not any(b.text.startswith(("1、", "8、", "9、")) for b in p4)


def test_chart_label_cut_by_the_chart_frame():
    # the 项目 of "项目支出, 27.45%" lies outside the chart's form XObject clip and is not printed
    lines = [b.text for b in page("jiangsu-2019-gaoji-fayuan-budget.pdf", 19) if isinstance(b, Line)]
    assert "支出, 27.45%" in lines and "项目支出, 27.45%" not in lines


@pytest.mark.parametrize("name", sorted(GRID_COUNTS))
def test_no_block_outside_the_page(name):
    for block in blocks(name):
        x0, top, x1, bottom = block.source.bbox
        assert x0 >= 0 and top >= 0, (block.source, getattr(block, "text", None))


def _pdf(content: bytes, objects: dict[str, bytes] = {}, kind: str = "XObject", page: bytes = b"") -> bytes:
    """One A4 page showing `content` in Helvetica /F1, with more named resources of one `kind`
    (each body a dictionary, or a dictionary and its stream as `dict + b"stream" + data`) and
    more entries in the page dictionary."""
    bodies = [b"", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    names = []
    for name, body in objects.items():
        if b"stream" in body:
            head, data = body.split(b"stream", 1)
            body = head.rstrip()[:-2] + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
        bodies.append(body)
        names.append(b"/%s %d 0 R" % (name.encode(), len(bodies)))
    bodies.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    stream = len(bodies)
    extra = b" /%s << %s >>" % (kind.encode(), b" ".join(names)) if names else b""
    bodies.append(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s /Resources << /Font << /F1 3 0 R >>%s >> "
        b"/Contents %d 0 R >>" % (page, extra, stream)
    )
    bodies[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    bodies[1] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % len(bodies)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref)
    return bytes(out)


def _lines(tmp_path: Path, data: bytes) -> list[str]:
    path = tmp_path / "visible.pdf"
    path.write_bytes(data)
    return [b.text for b in read_pdf_blocks(path) if isinstance(b, Line)]


def _text(x: float, y: float, text: str, state: bytes = b"") -> bytes:
    return b"q %s BT /F1 10 Tf 1 0 0 1 %g %g Tm (%s) Tj ET Q" % (state, x, y, text.encode())


def test_text_outside_the_clip_path_or_the_page_is_not_read(tmp_path):
    content = b"\n".join([
        _text(72, 760, "Visible heading"),
        b"q 60 600 300 100 re W n",  # a text box from y 600 to 700
        _text(72, 720, "Overflow above the box"),
        _text(72, 680, "Inside the box"),
        _text(72, 580, "Overflow below the box"),
        b"Q",
        _text(72, 900, "Above the page"),
        _text(72, -30, "Below the page"),
        _text(72, 500, "After the clip"),
    ])
    assert _lines(tmp_path, _pdf(content)) == ["Visible heading", "Inside the box", "After the clip"]


def test_text_outside_the_crop_box_is_not_read(tmp_path):
    content = _text(72, 760, "Cropped away") + _text(72, 500, "Kept") + _text(400, 500, "Right margin")
    (line,) = _lines(tmp_path, _pdf(content, page=b"/CropBox [50 100 380 700]"))
    assert line == "Kept"


def test_clip_cutting_a_line_keeps_the_visible_characters(tmp_path):
    content = b"q 100 600 200 100 re W n " + _text(72, 650, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + b" Q"
    # A-D end at x 99.8 (Helvetica widths), just left of the clip; the rendered page shows E-Z
    assert _lines(tmp_path, _pdf(content)) == ["EFGHIJKLMNOPQRSTUVWXYZ"]


def test_non_rectangular_clip(tmp_path):
    triangle = b"q 50 500 m 350 500 l 50 750 l h W n "  # lower-left half of a box
    content = triangle + _text(60, 520, "Low left") + _text(250, 700, "High right") + b" Q"
    assert _lines(tmp_path, _pdf(content)) == ["Low left"]


def test_clip_of_a_form_xobject_and_inside_it(tmp_path):
    # the form is drawn twice, shifted and scaled by its /Matrix and the cm before it; its BBox
    # cuts its second line; the page clips the second drawing away
    form = (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 200 30] /Matrix [1 0 0 1 10 0]"
        b" /Resources << /Font << /F1 3 0 R >> >> >>stream"
        + _text(0, 15, "In the form") + b"\n" + _text(0, 40, "Beyond the form box")
    )
    content = b"q 1 0 0 1 60 700 cm /Fm1 Do Q q 0 0 595 300 re W n q 2 0 0 2 60 400 cm /Fm1 Do Q Q"
    assert _lines(tmp_path, _pdf(content, {"Fm1": form})) == ["In the form"]


def test_invisible_and_white_text_are_not_read(tmp_path):
    content = b"\n".join([
        _text(72, 760, "Printed"),
        _text(72, 740, "Render mode 3", b"3 Tr"),
        _text(72, 720, "White on paper", b"1 g"),
        _text(72, 700, "Fully transparent", b"/GS1 gs"),
        b"0 0 0.5 rg 60 670 300 25 re f",  # a dark blue band
        _text(72, 680, "White on blue", b"1 g"),
        _text(72, 650, "Outlined", b"1 Tr 0 G"),
        _text(72, 630, "White outlined in black", b"2 Tr 1 g 0 G"),
        _text(72, 610, "White outlined in white", b"2 Tr 1 g 1 G"),
    ])
    data = _pdf(content, {"GS1": b"<< /Type /ExtGState /ca 0 >>"}, kind="ExtGState")
    assert _lines(tmp_path, data) == ["Printed", "White on blue", "Outlined", "White outlined in black"]


def test_ocr_layer_over_a_scan_is_read(tmp_path):
    # a scanned page with an OCR text layer in render mode 3 over the scan
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 >>stream"
        + bytes([200, 90, 90, 200])
    )
    scan = b"q 300 0 0 100 60 650 cm /Im1 Do Q "
    content = scan + _text(72, 700, "Scanned words", b"3 Tr") + _text(72, 500, "Hidden note", b"3 Tr")
    assert _lines(tmp_path, _pdf(content, {"Im1": image})) == ["Scanned words"]


def test_glyphs_without_text_are_kept_with_their_box(tmp_path):
    """A glyph mapped to a private-use code point, or to U+FFFD (no Unicode), prints something the text layer
    cannot say: it stays in the line, where hyg-undisplayable finds it."""
    path = tmp_path / "glyphs.pdf"
    path.write_bytes(make.minimal_pdf([make.text_page([(80, 700, "Total ABC 12")])],
                                      to_unicode={0x41: 0xE000, 0x42: 0xFFFD, 0x43: 0x43}))
    (line,) = [b for b in read_pdf_blocks(path) if isinstance(b, Line)]
    assert line.text == "Total \ue000\ufffdC 12"
    assert line.source.page == 1 and line.source.bbox[0] == pytest.approx(80, abs=1)


def test_compressed_punctuation_keeps_its_place_in_the_line():
    """Typst and Word compress CJK punctuation (标点挤压) in justified lines: the box of “ after "15." may
    start a little left of the full stop's (the boxes as pdfium gives them on a page Typst set). The line
    reads in the order printed."""
    from yusuan.ingest.pdf.chars import Char
    from yusuan.ingest.pdf.text import group_lines, line_text

    boxes = [(72.0, 77.0, "1"), (77.0, 82.8, "5"), (82.8, 86.3, "."), (82.7, 93.2, "“"), (93.2, 103.7, "住"),
             (103.7, 114.2, "房")]
    chars = [Char(x0, 76.7, x1, 87.2, t) for x0, x1, t in boxes]
    assert [line_text(line) for line in group_lines(chars[::-1])] == ["15.“住房"]


def test_digits_beside_characters_with_tall_boxes_stay_on_their_line():
    """LibreOffice writes a CJK font's Ascent as 0; pdfium then takes the boxes of its characters from the
    embedded subset's bounding box, which may reach twice the text's height above the glyphs (boxes of a
    LibreOffice print of our XLSX). The digits beside them lie within those boxes: the same line; the next
    line's characters, an em lower, do not."""
    from yusuan.ingest.pdf.chars import Char
    from yusuan.ingest.pdf.text import group_lines, line_text

    line1 = [Char(37.0, 355.6, 47.5, 375.4, "总"), Char(47.5, 355.6, 58.0, 375.4, "计"),
             Char(58.0, 367.0, 63.8, 376.4, "4"), Char(63.8, 367.0, 69.6, 376.4, "2"),
             Char(69.6, 355.6, 80.1, 375.4, "万")]
    line2 = [Char(37.0, 366.6, 47.5, 386.4, "元"), Char(47.5, 366.6, 58.0, 386.4, "。")]
    assert [line_text(line) for line in group_lines(line2 + line1[::-1])] == ["总计42万", "元。"]


@pytest.mark.parametrize("values", [[3.0], [5.0, 1.0], [2.5, 9.0, 1.0], [4.0, 1.0, 3.0, 2.0], [1.0, 1.0, 7.5, 7.5, 2.0]])
def test_the_row_pitch_median_is_statistics_median(values):
    import statistics

    from yusuan.ingest.pdf.infer import _median

    assert _median(values) == statistics.median(values)
