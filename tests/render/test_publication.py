"""The rendered disclosure looks like an official publication: a cover with the title broken only
between its words (the body's name, the year), the body named, the date when the cover printed one; no
page holding headings alone (一、文字部分, 第二部分 部门预算表); the 绩效 tables' columns in proportion to
their content."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.ingest.test_corpus import PINS, load
from yusuan.ingest.read import read_disclosure
from yusuan.model.text import squash
from yusuan.render import build_layout, family_of, render
from yusuan.render.build import COVER_MM, MM_PER_PT
from yusuan.render.layout import Heading, TableLayout
from yusuan.render.widths import PAGE_EM, text_em

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@pytest.mark.parametrize("name", PINS)
def test_the_cover_breaks_the_title_between_words_only(name):
    _, doc = load(name)
    layout = build_layout(doc, family_of(doc))
    title = [line.text for line in layout.cover if line.role == "title"]
    assert "".join(title) == squash(layout.title)  # all of it, in order
    if len(title) == 2:  # after the body's name, or before the year
        assert title[0].endswith(doc.identity.body) or re.match(r"^(19|20)\d{2}年", title[1]), title
    for line in layout.cover:  # each on one line: shrunk to the page's width when long
        assert text_em(line.text) * line.size * MM_PER_PT <= COVER_MM + 0.5, line
        assert line.size >= 14


@pytest.mark.parametrize("name", PINS)
def test_the_cover_names_the_body_and_the_kind(name):
    _, doc = load(name)
    cover = "".join(line.text for line in build_layout(doc, family_of(doc)).cover)
    short = re.sub(r"^中共", "", doc.identity.body)
    assert short in cover
    assert ("决算" if doc.identity.kind == "final_accounts" else "预算") in cover
    assert str(doc.identity.year) in cover


def test_the_date_on_the_cover_is_kept_and_printed(tmp_path):
    """A cover printing its date (2023年2月) keeps it when read, and prints it on the rendered cover."""
    text = (CORPUS / "shenzhen-2023-pingshan-guanliju-budget.txt").read_text(encoding="utf-8")
    title, rest = text.split("\n\n", 1)
    dated = tmp_path / "dated.txt"
    dated.write_text(f"{title}\n\n2023年2月\n\n{rest}", encoding="utf-8")
    doc = read_disclosure(dated)
    assert doc.date == "2023年2月"
    assert read_disclosure(CORPUS / "shenzhen-2023-pingshan-guanliju-budget.txt").date == ""
    cover = build_layout(doc, "shenzhen").cover
    assert [line.text for line in cover if line.role == "date"] == ["2023年2月"]
    html = render(doc, "html", "shenzhen").decode("utf-8")
    assert 'class="cover-date"' in html and "2023年2月" in html
    back = read_disclosure(_write(tmp_path / "back.html", html.encode("utf-8")))
    assert back.date == "2023年2月" and back.identity.year == 2023


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _pages(blocks) -> list[list]:
    pages: list[list] = [[]]
    for b in blocks:
        if getattr(b, "new_page", False) and pages[-1]:
            pages.append([])
        pages[-1].append(b)
    return pages


@pytest.mark.parametrize("name", PINS)
def test_no_page_holds_headings_alone(name):
    _, doc = load(name)
    layout = build_layout(doc, family_of(doc))
    for page in _pages(layout.blocks):
        assert not all(isinstance(b, Heading) for b in page), [b.text for b in page]
    for b, after in zip(layout.blocks, layout.blocks[1:]):
        if isinstance(b, Heading) and b.wide:  # on the landscape page of the wide table after it
            assert isinstance(after, (Heading, TableLayout)) and (getattr(after, "wide", False))


@pytest.mark.parametrize("name", ["shenzhen-2023-pingshan-guanliju-budget.txt", "jiangsu-2018-jianchayuan-budget.pdf"])
def test_no_printed_page_holds_a_heading_alone(name):
    """The PDF itself: every page but the cover prints more than a heading and its page number."""
    import pdfplumber

    doc = read_disclosure(CORPUS / name)
    with pdfplumber.open(io.BytesIO(render(doc, "pdf", family_of(doc)))) as pdf:
        for n, page in enumerate(pdf.pages[1:], start=2):
            lines = [x for x in (page.extract_text() or "").splitlines() if x.strip() and not re.match(r"^第 ?\d+ ?页", x)]
            assert len(lines) > 1, (n, lines)


def test_performance_columns_follow_their_content():
    """坪山管理局's 整体支出绩效目标表: the 主要内容 spans the three 指标 columns, the 目标值 the three amount
    columns; the 一级指标 (产出, 效益) column is narrow, the 三级指标 one wide; a 目标值 such as
    “2023年12月31日前” and every amount fit on one line."""
    doc = read_disclosure(CORPUS / "shenzhen-2023-pingshan-guanliju-budget.txt")
    table = next(t for t in build_layout(doc, "shenzhen").tables if t.kind == "performance_targets")
    em = [w / 100 * PAGE_EM for w in table.widths]
    _name, level1, level2, level3, total, fiscal, other = em
    assert level1 < level3 / 2 and level2 < level3 / 2
    assert level1 + level2 + level3 > 2 * max(total, fiscal, other)  # the 主要内容's room
    spans = {(c.colspan, k) for r in table.rows for k, c in enumerate(r) if c is not None and c.colspan > 1}
    assert (3, 1) in spans and (3, 4) in spans
    assert total + fiscal + other >= text_em("2023年12月31日前") + 0.8
    amounts = [c.text for r in table.rows for c in r if c is not None and c.role == "amount" and c.text]
    assert amounts and all(text_em(a) + 0.8 <= min(total, fiscal, other) for a in amounts)


def test_a_long_outlier_wraps_instead_of_widening_its_column():
    """Beside a column of long texts, a column of short targets with one long one stays narrow: the page's
    width goes to the texts that wrap the most."""
    from yusuan.render.layout import AMOUNT, LABEL, TEXT, Cell
    from yusuan.render.widths import column_widths

    long = "包括局办、综合、信息、人事、党务等，主要用于本单位日常综合管理事务，满足单位正常工作需要的基础"
    outlier = "2023年12月31日前全部完成验收并交付使用"
    rows = [[Cell("项目名称", LABEL), Cell(long, TEXT), Cell("≥90%", TEXT), Cell("1,234", AMOUNT)] for _ in range(19)]
    rows.append([Cell("项目名称", LABEL), Cell(long, TEXT), Cell(outlier, TEXT), Cell("1,234", AMOUNT)])
    widths = column_widths(TableLayout(anchor="t", kind="performance_targets", number_text="", title="", body="",
                                       unit="万元", roles=[LABEL, TEXT, TEXT, AMOUNT], header=[], rows=rows))
    assert widths[2] / 100 * PAGE_EM < text_em(outlier) / 2
    assert widths[1] > 2 * widths[2] and widths[1] > widths[0]


def test_a_header_stays_whole_where_the_page_has_room():
    """坪山管理局's 表1: 2023年预算数 over each amount column on one line (it wrapped as 2023年预算 / 数 when the
    room went to the names alone)."""
    doc = read_disclosure(CORPUS / "shenzhen-2023-pingshan-guanliju-budget.txt")
    table = next(t for t in build_layout(doc, "shenzhen").tables if t.kind == "income_expense_summary")
    for c, role in enumerate(table.roles):
        if role == "amount":
            assert table.widths[c] / 100 * PAGE_EM >= text_em("2023年预算数") + 0.8
