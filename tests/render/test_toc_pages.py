"""The printed contents of every corpus publication, read back from the PDF's text layer: each entry
with a page number names the heading or table it points at, and the number is the page that heading
or table is printed on (found in the text, block after block, not through the PDF's links)."""

from __future__ import annotations

import functools
import re

import pytest

from tests.ingest.test_corpus import PINS, load
from yusuan.model.text import match_key
from yusuan.ingest.assemble.sections import toc_core
from yusuan.render import build_layout, family_of
from yusuan.render.layout import Heading, Layout, TableLayout
from yusuan.render.pdf import render_pdf

_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_QUALIFIER = re.compile(r"[(（][^()（）]*[)）]$")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", match_key(text))


@functools.cache
def rendered(name: str) -> tuple[Layout, list[list[str]]]:
    """The layout and, per page, the printed lines of a corpus publication's PDF (rendered once)."""
    import pypdfium2

    _, doc = load(name)
    layout = build_layout(doc, family_of(doc))
    pdf = pypdfium2.PdfDocument(render_pdf(layout))
    try:
        pages = [[squash(x) for x in pdf[i].get_textpage().get_text_range().split("\r\n") if x.strip()]
                 for i in range(len(pdf))]
    finally:
        pdf.close()
    return layout, pages


def contents_text(pages: list[list[str]]) -> tuple[str, int]:
    """The printed contents (from 目录 while pages carry leaders) and the index of its last page."""
    first = last = next(i for i, lines in enumerate(pages) if lines and lines[0] == "目录")
    while last + 1 < len(pages) and "......" in "".join(pages[last + 1]):  # NFKC: … is ...
        last += 1
    return "\n".join("\n".join(pages[i]) for i in range(first, last + 1)), last


def block_pages(layout: Layout, pages: list[list[str]], after: int) -> dict[str, int]:
    """1-based page of each heading and captioned table, found in document order after the contents:
    the first line (joined with up to two more when it wraps) that starts with its printed text."""
    lines = [(i + 1, line) for i in range(after + 1, len(pages)) for line in pages[i]]
    found, at = {}, 0
    for block in layout.blocks:
        if isinstance(block, Heading):
            text = squash(block.text)
        elif isinstance(block, TableLayout) and block.captioned:
            text = squash(block.title_line)
        else:
            continue
        for j in range(at, len(lines)):
            if "".join(line for _, line in lines[j:j + 3]).startswith(text):
                found[block.anchor], at = lines[j][0], j + 1
                break
    return found


def names(entry: str, text: str) -> bool:
    """The contents entry names the printed heading or title: the same words, or the same after
    ordinals, year, 部门 / 单位 and a remark in brackets, or the same part (第二部分), or words of at
    least four characters one ending with the other, or the same last six characters or more."""
    e, t = squash(entry), squash(text)
    ce, ct = (_QUALIFIER.sub("", squash(toc_core(x))) for x in (entry, text))
    part = _PART.match(e)
    if len(ce) < 2:
        return False
    if e == t or ce == ct or part is not None and t.startswith(part.group(0)):
        return True
    short = min(len(ce), len(ct))
    return short >= 4 and (ce.endswith(ct) or ct.endswith(ce)) or _common_tail(ce, ct) >= max(6, short / 2)


def _common_tail(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


@pytest.mark.parametrize("name", PINS)
def test_every_contents_page_number_is_where_its_entry_starts(name):
    layout, pages = rendered(name)
    contents, last = contents_text(pages)
    where = block_pages(layout, pages, last)
    blocks = {b.anchor: b for b in layout.blocks if isinstance(b, (Heading, TableLayout))}
    wrong, at = [], 0
    for entry in layout.toc:
        if not entry.anchor:
            continue  # printed without a page number: it names nothing the renderer found
        words = "\n?".join(map(re.escape, squash(entry.text)))  # as printed, wrapped or not
        printed = re.compile(words + r"\n?[.·]*\n?(\d+)$", re.M).search(contents, at)
        assert printed, f"contents entry {entry.text!r} printed without its page number"
        at = printed.end()
        block = blocks[entry.anchor]
        text = block.text if isinstance(block, Heading) else block.title_line
        if not names(entry.text, text) or int(printed.group(1)) != where.get(entry.anchor):
            wrong.append((entry.text, int(printed.group(1)), text, where.get(entry.anchor)))
    assert wrong == []


def test_a_contents_entry_wrapped_onto_two_lines_is_one_entry():
    """jiangsu_2017_jianchayuan printed 十一、…支出预算 / 表 on two lines: 表 alone pointed at the
    heading of 第二部分 (page 6), the table is on page 17."""
    layout, _ = rendered("jiangsu_2017_jianchayuan")
    texts = [e.text for e in layout.toc]
    assert "表" not in texts
    assert "十一、一般公共预算“三公”经费、会议费、培训费支出预算表" in texts


def test_an_entry_points_at_the_title_it_names_best():
    """jiangsu_2018_renda: 五、财政拨款支出预算表 is 公开05表 财政拨款支出预算表（功能科目）, not the
    政府性基金预算财政拨款支出预算表 whose title merely ends with the same words."""
    layout, _ = rendered("jiangsu_2018_renda")
    titles = {b.anchor: b.title for b in layout.tables}
    assert {e.text: titles.get(e.anchor) for e in layout.toc}["五、财政拨款支出预算表"] == "财政拨款支出预算表（功能科目）"
