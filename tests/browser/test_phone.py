"""Every page on a phone (375 px wide): the navigation wraps inside the screen, nothing makes the page wider
than the screen (tables scroll sideways in their own box), the findings panel comes after the content
(beside it on a desktop), and search results are grouped by disclosure."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in

PHONE = {"width": 375, "height": 800}
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    pg = context.new_page()
    yield pg
    context.close()


def _pages(site) -> list[str]:
    pid = site.ids["published"]
    return ["/", f"/bodies/{site.ids['published_body']}", f"/disclosures/{pid}", "/search?code=211", "/search", f"/compare?a={pid}&b={site.ids['published_b']}",
            "/compare", "/login", "/upload", "/rollup", f"/bodies/{site.ids['published_body']}/years",
            f"/disclosures/{pid}/prior-year"]


def test_no_page_is_wider_than_the_screen(phone, site):
    for path in _pages(site):
        phone.goto(site.url + path)
        phone.wait_for_timeout(300)
        assert phone.evaluate(OVERFLOW) <= 1, path
        links = phone.eval_on_selector_all("nav.top a, nav.top button", """els => els.map(e => {
            const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.left, r.right]; })""")
        assert all(left >= 0 and right <= PHONE["width"] for _, left, right in links), (path, links)


def test_the_administrators_pages_fit_the_screen(phone, site):
    log_in(phone, site, "admin")
    for path in ("/admin/users", "/admin/audit"):
        phone.goto(site.url + path)
        assert phone.evaluate(OVERFLOW) <= 1, path


def test_the_findings_panel_follows_the_content_on_a_phone(phone, browser, site):
    url = f"{site.url}/disclosures/{site.ids['published']}"
    phone.goto(url)
    content = phone.locator(".layout > .content").bounding_box()
    panel = phone.locator("#findings").bounding_box()
    assert panel["y"] >= content["y"] + content["height"] - 1 and panel["width"] > 300
    jump = phone.locator("a.jump-findings")
    assert jump.is_visible() and jump.get_attribute("href") == "#findings"
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    desk = context.new_page()
    desk.goto(url)
    content, panel = (desk.locator(s).bounding_box() for s in (".layout > .content", "#findings"))
    assert panel["x"] >= content["x"] + content["width"] - 1 and abs(panel["y"] - content["y"]) < 5
    assert not desk.locator("a.jump-findings").is_visible()
    context.close()
