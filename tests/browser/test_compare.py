"""The compare page in the browser, at desktop width and on a phone: the summary first (each table's
total, the largest changes and their chart, every label whole), each side of a 收支总表 apart, the page
never wider than the screen."""

from __future__ import annotations

import pytest

from tests.browser.conftest import WIDTHS, opened
from tests.browser.test_charts import TEXTS


@pytest.fixture(params=list(WIDTHS))
def compared(request, browser, site):
    with opened(browser, f"{site.url}/compare?a={site.ids['published']}&b={site.ids['published_b']}",
                WIDTHS[request.param], "() => document.querySelector('#chart-changes[data-settled=\"1\"] svg')") as pg:
        yield pg


def test_the_summary_comes_first_with_totals_changes_and_a_chart(compared):
    summary = compared.locator("#summary")
    assert summary.is_visible()
    assert compared.evaluate("document.querySelector('#summary').compareDocumentPosition("
                             "document.querySelector('article.compare')) & Node.DOCUMENT_POSITION_FOLLOWING")
    assert compared.locator("table.summary-totals tbody tr").count() >= 5
    rows = compared.locator("table.summary-largest tbody tr")
    assert rows.count() == 10
    bars = compared.evaluate("() => echarts.getInstanceByDom(document.getElementById('chart-changes'))"
                             ".getOption().series[0].data.length")
    assert bars == 10
    (drawn,) = [d for d in compared.evaluate(TEXTS) if d["chart"] == "changes"]
    for text, x0, y0, x1, y1 in drawn["texts"]:
        assert x0 >= -1 and x1 <= drawn["width"] + 1, text


def test_the_sides_of_a_summary_table_are_apart(compared):
    article = compared.locator("article.compare", has_text="收支总表").first
    assert article.locator("caption.side").all_inner_texts() == ["收入", "支出（按功能分类）"]
    assert article.locator("table.data").count() == 2


def test_the_page_fits_the_screen(compared):
    assert compared.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 1
