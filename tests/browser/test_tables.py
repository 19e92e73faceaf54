"""The tables of a disclosure page as a reader sees them, at desktop width and on a phone (375 px): codes
and amounts on one line, names readable, the tables as wide as the page, total rows named and set apart,
an empty table marked once."""

from __future__ import annotations

import pytest

from tests.browser.conftest import WIDTHS, opened

# For each cell: the number of lines its text takes (line boxes of its contents).
LINES = """els => els.map(el => { const r = document.createRange(); r.selectNodeContents(el);
  const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
  return [el.textContent.trim(), tops.size]; })"""


@pytest.fixture(params=list(WIDTHS))
def viewed(request, browser, site):
    with opened(browser, f"{site.url}/disclosures/{site.ids['published']}", WIDTHS[request.param]) as pg:
        yield pg


def test_codes_and_amounts_never_wrap(viewed):
    for selector in ("table.data td.code", "table.data td.num"):
        cells = viewed.eval_on_selector_all(selector, LINES)
        assert cells
        wrapped = [text for text, lines in cells if lines > 1]
        assert not wrapped, (selector, wrapped[:5])


def test_names_are_readable(viewed):
    """In the tables a name of up to 16 characters stays on one line on a desktop, 8 on a phone (the name
    column gives way to the amounts, which scroll sideways), as in the 绩效目标 tables, where long texts
    share the row; a longer name wraps, never narrower than 8 em."""
    short = 16 if viewed.viewport_size["width"] >= 1000 else 8
    for selector, n in (("#tables table.data td.label", short), ("#performance table.data td.label", 8)):
        cells = viewed.eval_on_selector_all(selector, LINES)
        assert cells
        broken = [text for text, lines in cells if lines > 1 and len(text) <= n]
        assert not broken, broken[:5]
    narrow = viewed.eval_on_selector_all("table.data td.label", """els => els.filter(el =>
        el.getBoundingClientRect().width < 8 * parseFloat(getComputedStyle(el).fontSize) - 0.5).length""")
    assert narrow == 0


def test_tables_use_the_page_width(viewed):
    """Each table fills its box; on a phone the box scrolls sideways and the page itself does not."""
    ratios = viewed.eval_on_selector_all(
        "table.data", "els => els.map(t => t.getBoundingClientRect().width / t.parentElement.clientWidth)")
    assert ratios and min(ratios) >= 0.99, ratios
    overflow = viewed.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1


def test_total_rows_are_named_and_set_apart(viewed):
    totals = viewed.eval_on_selector_all("table.data tr.total", """rows => rows.map(r => [
        r.querySelector('td.label').textContent.trim(), getComputedStyle(r.querySelector('td')).backgroundColor,
        getComputedStyle(r.querySelector('td.label')).fontWeight])""")
    plain = viewed.eval_on_selector(
        "table.data tr:not(.total):not(.empty-mark) td.label", "el => getComputedStyle(el).backgroundColor")
    assert totals
    for label, background, weight in totals:
        assert label, "a total row without a name"
        assert background != plain and int(weight) >= 600


def test_an_empty_table_is_marked_once(viewed):
    """坪山管理局's 表10 prints no amount and the note 注：本表本年无发生额。: the page says so once."""
    article = viewed.locator("article.table", has_text="政府性基金预算支出表")
    assert article.inner_text().count("本表本年无发生额") == 1
    assert viewed.locator("text=本表本年无发生额").count() == 2  # 表10 and 表11
