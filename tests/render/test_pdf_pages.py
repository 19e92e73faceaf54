"""The printed pages of the PDF (`render.pdf`, Typst): page numbers on every page but the cover, a table's
header rows repeated on every page it spans and its rows never cut, wide tables on landscape pages,
headings as bookmarks, a document's text printed as text (never read as Typst markup)."""

from __future__ import annotations

import re

import pypdfium2
import pytest

from yusuan.render.layout import AMOUNT, CODE, LABEL, TEXT, Cell, CoverLine, Heading, Layout, Paragraph, TableLayout, TocEntry
from yusuan.render.pdf import render_pdf
from yusuan.render.tables import header_grid
from yusuan.render.widths import column_widths


def _table(anchor: str, rows: int, wide: bool = False, tall: int = 0) -> TableLayout:
    heads = [["科目编码"], ["科目名称"], ["本年预算", "合计"], ["本年预算", "基本支出"]]
    roles = [CODE, LABEL, AMOUNT, AMOUNT]
    if wide:
        heads += [["本年预算", f"项目{k}"] for k in range(8)]
        roles += [AMOUNT] * 8
    body = []
    for r in range(rows):
        label = f"第{r + 1}行" + ("较长的说明文字" * tall if tall and r == rows - 1 else "")
        body.append([Cell(f"2{r:06d}", CODE), Cell(label, LABEL, indent=r % 3),
                     *[Cell(f"{r + 1},234.{k:02d}", AMOUNT) for k in range(len(roles) - 2)]])
    table = TableLayout(anchor=anchor, kind="expense_summary", number_text="表3", title="支出总表", body="某单位",
                        unit="万元", roles=roles, header=header_grid(heads), rows=body)
    table.widths = column_widths(table)
    return table


def _pages(data: bytes) -> list[tuple[float, float, list[str]]]:
    doc = pypdfium2.PdfDocument(data)
    try:
        out = []
        for i in range(len(doc)):
            w, h = doc[i].get_size()
            out.append((w, h, [x.strip() for x in doc[i].get_textpage().get_text_range().split("\r\n") if x.strip()]))
        return out
    finally:
        doc.close()


def _layout(*blocks, toc=()) -> Layout:
    return Layout(style="shenzhen", title="某单位2024年部门预算", cover=[CoverLine("某单位", "title", 26.0)],
                  toc=list(toc), blocks=list(blocks))


def test_page_numbers_on_every_page_but_the_cover():
    pages = _pages(render_pdf(_layout(Heading("一、说明", 1, "h1", new_page=True), Paragraph("正文。" * 400),
                                      _table("t1", 60))))
    assert len(pages) >= 5
    assert not any("页" in line for line in pages[0][2])
    for n, (_, _, lines) in enumerate(pages[1:], start=2):
        assert lines[-1].replace(" ", "") == f"第{n}页共{len(pages)}页"


def test_a_long_table_repeats_its_header_and_keeps_its_rows_whole():
    table = _table("t1", 120, tall=12)
    pages = [p for p in _pages(render_pdf(_layout(table)))[2:]]  # after the cover and the contents
    assert len(pages) >= 3
    rows = []
    for k, (_, _, lines) in enumerate(pages):
        text = "\n".join(lines)
        first_row = next(i for i, line in enumerate(lines) if re.match(r"^2\d{6}", line))
        head = " ".join(lines[:first_row])  # above the first row: the header rows (the caption on the first page)
        assert all(word in head for word in ("科目编码", "科目名称", "本年预算", "合计", "基本支出")), lines[:5]
        rows += [line.split(" ")[0] for line in lines if re.match(r"^2\d{6}", line)]
        if "较长的说明文字" in text:  # the tall last row, wrapped in its cell: all of it on one page
            assert text.count("较长的说明文字") >= 10
    assert rows == [f"2{r:06d}" for r in range(120)]


def test_a_wide_table_is_printed_on_landscape_pages_and_the_next_block_on_portrait_again():
    pages = _pages(render_pdf(_layout(Heading("一、之前", 1, "h1", new_page=True), _table("t1", 10, wide=True),
                                      Heading("二、之后", 1, "h2", new_page=True), Paragraph("之后。"))))
    shapes = [("L" if w > h else "P", lines[0]) for w, h, lines in pages]
    assert [s for s, _ in shapes] == ["P", "P", "P", "L", "P"]
    assert shapes[3][1] == "表3" and shapes[4][1] == "二、之后"


def test_contents_point_at_their_pages_and_headings_are_bookmarks():
    table = _table("t1", 5)
    table.new_page = False  # on the page its part's heading opened (build._no_lone_headings)
    blocks = [Heading("第一部分 概况", 1, "s1", new_page=True), Paragraph("正文。" * 600),
              Heading("第二部分 表格", 1, "s2", new_page=True), table]
    toc = [TocEntry("第一部分 概况", "s1", 1), TocEntry("第二部分 表格", "s2", 1), TocEntry("表3 支出总表", "t1", 3),
           TocEntry("没有页码的条目", "", 2)]
    data = render_pdf(_layout(*blocks, toc=toc))
    pages = _pages(data)
    contents = pages[1][2]
    heading_page = next(i for i, p in enumerate(pages) if p[2][0] == "第二部分 表格") + 1
    assert re.match(r"^第一部分 概况 ?…+ ?3$", contents[1]), contents
    assert contents[2].endswith(str(heading_page)) and contents[3].endswith(str(heading_page))
    assert contents[4] == "没有页码的条目"
    doc = pypdfium2.PdfDocument(data)
    try:
        assert [(b.get_title(), b.get_dest().get_index() + 1) for b in doc.get_toc()] == [
            ("第一部分 概况", 3), ("第二部分 表格", heading_page)]
    finally:
        doc.close()


@pytest.mark.parametrize("text", [
    '#pagebreak() $x^2$ *粗* _斜_ <标签> @引用 [方括号] \\反斜杠 // 注释 /* 块 */ `代码` = 标题 - 列表 + 编号 ~ "引号"',
    "#let x = 1\n#x\n#import \"a.typ\": *",
])
def test_a_documents_text_is_printed_as_it_is(text):
    table = TableLayout(anchor="t", kind="expense_summary", number_text="表1", title=text.split("\n")[0], body=text[:20],
                        unit="万元", roles=[LABEL, TEXT], header=[[Cell("项目", "header"), Cell("说明", "header")]],
                        rows=[[Cell("合计", LABEL), Cell(text, TEXT)]], notes=[f"注：{text}"], widths=[30, 70])
    pages = _pages(render_pdf(_layout(Heading(text, 2, "h"), Paragraph(text), table)))
    printed = "".join("".join(lines) for _, _, lines in pages).replace(" ", "")
    squashed = text.replace(" ", "").replace("\n", "")
    assert printed.count(squashed) >= 3  # the heading, the paragraph, the cell; the caption and note too


def _css() -> str:
    from importlib.resources import files

    css = files("yusuan.render").joinpath("templates/document.css").read_text(encoding="utf-8")
    return re.sub(r"\{\{[^}]*\}\}", "", css)  # without the font stacks Jinja2 fills in


def _size(rule: str, prop: str = "font-size") -> float:
    """A size in points the HTML's stylesheet gives `prop` in the rule whose selector is `rule`."""
    m = re.search(r"(?:^|\n|, )" + re.escape(rule) + r"\s*\{[^}]*?" + prop + r":\s*([\d.]+)pt", _css())
    assert m, (rule, prop)
    return float(m.group(1))


def test_the_pdf_keeps_the_pages_and_sizes_of_the_html_stylesheet():
    """The Typst template mirrors document.css: the page margins (portrait and landscape) and the sizes of
    the text, the tables and the headings are those the stylesheet gives the printed HTML."""
    import io

    import pdfplumber

    mm = 72 / 25.4
    portrait = [float(x) for x in re.search(r"@page \{[^}]*margin: ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm",
                                             _css()).groups()]
    landscape = [float(x) for x in re.search(r"@page wide \{[^}]*margin: ([\d.]+)mm ([\d.]+)mm", _css()).groups()]
    text = "正文" * 300
    data = render_pdf(_layout(Heading("第一部分 概况", 1, "h1", new_page=True), Paragraph(text), _table("t1", 30),
                              _table("t2", 5, wide=True)))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[2]  # the heading, the paragraph
        assert (round(page.width), round(page.height)) == (595, 842)
        body = [c for c in page.chars if c["text"] == "正"]
        left, right = min(c["x0"] for c in body), max(c["x1"] for c in body)
        assert abs(left - portrait[3] * mm) < 1
        first = min(body, key=lambda c: (c["top"], c["x0"]))
        assert abs(first["x0"] - (portrait[3] * mm + 2 * _size("html"))) < 1  # the first line indented two characters
        assert abs(max(c["x1"] for c in page.chars if c["text"] == "文") - (595 - portrait[1] * mm)) < 1
        assert right <= 595 - portrait[1] * mm + 0.5
        assert min(c["top"] for c in page.chars) >= portrait[0] * mm - 0.5
        sizes = {c["text"]: round(c["size"], 1) for c in page.chars}
        assert sizes["正"] == _size("html") and sizes["概"] == _size(".heading-1")
        table = next(p for p in pdf.pages if "表3" in (p.extract_text() or "") and p.width < p.height)
        cells = [c for c in table.chars if c["text"] == "第"]  # 第1行… in the body rows
        assert cells and {round(c["size"], 1) for c in cells} == {_size("table.grid")}
        wide = next(p for p in pdf.pages if p.width > p.height)
        assert (round(wide.width), round(wide.height)) == (842, 595)
        assert abs(min(c["x0"] for c in wide.chars) - landscape[1] * mm) < 4  # the table's rule and padding
        assert min(c["top"] for c in wide.chars) >= landscape[0] * mm - 0.5
