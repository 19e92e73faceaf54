"""The charts of a disclosure page as drawn, at desktop width and on a phone: every label whole (inside its
place, or hidden with the figures in the tooltip), none running into another, nothing drawn outside the
chart, one unit stated for all of them, the 三公 chart as bars per category side by side for its years."""

from __future__ import annotations

import pytest

from tests.browser.conftest import WIDTHS, opened

# Every text of each chart: [chart, text, x0, y0, x1, y1] relative to its svg, and the svg's size.
TEXTS = """() => [...document.querySelectorAll('.plot[data-chart]')].map(plot => {
  const svg = plot.querySelector('svg'), box = svg.getBoundingClientRect();
  return {chart: plot.dataset.chart, width: box.width, height: box.height,
    texts: [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() && t.getBBox().width > 0).map(t => {
      const r = t.getBoundingClientRect();
      return [t.textContent, r.left - box.left, r.top - box.top, r.right - box.left, r.bottom - box.top]; })};
})"""


@pytest.fixture(params=list(WIDTHS))
def charts(request, browser, site):
    with opened(browser, f"{site.url}/disclosures/{site.ids['published']}", WIDTHS[request.param],
                "() => [...document.querySelectorAll('.plot[data-chart]')].every(p => p.dataset.settled)") as pg:
        pg.wait_for_timeout(300)
        yield pg


def test_every_label_is_whole_and_inside_its_chart(charts):
    drawn = charts.evaluate(TEXTS)
    assert {d["chart"] for d in drawn} >= {"function", "economic", "split", "three_public"}
    for d in drawn:
        assert d["texts"], d["chart"]
        for text, x0, y0, x1, y1 in d["texts"]:
            assert not text.rstrip().endswith(("...", "…")), (d["chart"], text)  # shortened: hidden instead
            assert x0 >= -1 and y0 >= -1 and x1 <= d["width"] + 1 and y1 <= d["height"] + 1, (d["chart"], text)


def test_no_label_is_shown_cut(charts):
    """ECharts shortens a label that does not fit its place (to a character or two, or with “...”) and marks
    it: every such label is hidden."""
    shown_cut = charts.evaluate("""() => [...document.querySelectorAll('.plot[data-chart]')].flatMap(plot => {
        const zr = echarts.getInstanceByDom(plot).getZr();
        return zr.storage.getDisplayList(true).map(line => line.parent)
          .filter(label => label && label.type === 'text' && label.isTruncated && !label.ignore)
          .map(label => [plot.dataset.chart, label.style.text]); })""")
    assert not shown_cut


def _lines_of_one_label(a: list, b: list) -> bool:
    """Two lines of one label: one under the other, aligned left, right or on their centres."""
    aligned = min(abs(a[0] - b[0]), abs(a[2] - b[2]), abs((a[0] + a[2]) - (b[0] + b[2])) / 2) <= 1.5
    return aligned and 8 <= abs(a[1] - b[1]) <= 24


def test_no_label_runs_into_another(charts):
    for d in charts.evaluate(TEXTS):
        boxes = d["texts"]
        for i, (a, *ra) in enumerate(boxes):
            for b, *rb in boxes[i + 1:]:
                w = min(ra[2], rb[2]) - max(ra[0], rb[0])
                h = min(ra[3], rb[3]) - max(ra[1], rb[1])
                assert w <= 1 or h <= 1 or _lines_of_one_label(ra, rb), (d["chart"], a, b)


def test_the_treemap_has_no_breadcrumb_and_tells_in_its_tooltip(charts):
    option = charts.evaluate("() => echarts.getInstanceByDom(document.getElementById('chart-function')).getOption().series[0]")
    assert option["breadcrumb"]["show"] is False and option["nodeClick"] is False
    tile = charts.locator("#chart-function svg path").nth(3)
    tile.hover(force=True)
    charts.wait_for_timeout(300)
    tip = charts.locator("#chart-function div").filter(has_text="万元").last
    assert "万元" in tip.inner_text() and "占" in tip.inner_text()


def test_units_are_stated_and_the_same(charts):
    captions = charts.locator("figure.chart figcaption").all_inner_texts()
    assert captions and all(c.endswith("（万元）") for c in captions), captions


def test_three_public_is_bars_per_category_for_both_years(charts):
    """坪山管理局 2023 prints 2022 and 2023: each category has its two bars, in 万元."""
    option = charts.evaluate("() => echarts.getInstanceByDom(document.getElementById('chart-three_public')).getOption()")
    categories = option["xAxis"][0]["data"]
    assert categories == ["因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费"]
    assert [s["name"] for s in option["series"]] == ["2022年", "2023年"]
    assert all(s["type"] == "bar" and len(s["data"]) == len(categories) for s in option["series"])
    assert option["series"][0]["data"][2] == 24 and option["series"][1]["data"][2] == 14
    assert option["yAxis"][0]["name"] == "万元"
