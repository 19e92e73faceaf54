from tests.rules.factories import FILE, doc, findings, row, section, table
from yusuan.model.provenance import Source

RULE = "complete-blank-page"


def disclosure(text_pages, table_pages, row_page):
    t = table("expense_summary", [row("行政运行", code="2010101", amount="10", page=row_page)], number="3",
              title="支出预算总表")
    t.pages, t.source = table_pages, Source(FILE, table_pages[0])
    return doc(t, sections=[section(f"第{p}页", "正文。", page=p) for p in text_pages])


def test_passes_when_every_page_between_carries_something():
    assert findings(disclosure([2, 3], [4], 4), RULE) == []
    assert findings(disclosure([2, 3], [3, 4], 4), RULE) == []  # a title under the text, its rows on the next page


def test_fails_for_a_blank_page_and_a_page_with_a_header_only():
    assert findings(disclosure([2, 4], [5], 5), RULE) == [(RULE, 3, "", "", "")]
    assert findings(disclosure([2, 3], [4, 5], 5), RULE) == [(RULE, 4, "3", "", "")]
