"""An officer's day in the browser: log in, upload a corpus PDF, see its tables and a finding
highlighted, download the rendered PDF; another unit's editor is refused the draft."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import UPLOAD, log_in
from tests.web.conftest import PASSWORD


@pytest.fixture(scope="session")
def uploaded(site, browser):
    """江苏省人民检察院 2018 uploaded through the upload form by its editor: the new draft's page URL."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    log_in(page, site, "editor_jcy")
    page.goto(f"{site.url}/upload")
    page.set_input_files('input[name="files"]', str(UPLOAD))
    page.click("#upload-form button")
    page.wait_for_url(re.compile(r".*/disclosures/\d+$"), timeout=120_000)
    url = page.url
    context.close()
    return url


def test_login_shows_the_user_and_upload(page, site):
    log_in(page, site, "editor_jcy")
    assert "editor_jcy（填报人）" in page.inner_text("nav.top")
    assert page.is_visible('nav.top a[href="/upload"]')


def test_wrong_password_is_refused_on_the_page(page, site):
    page.goto(f"{site.url}/login")
    page.fill('input[name="username"]', "editor_jcy")
    page.fill('input[name="password"]', "wrong")
    page.click("#login-form button")
    page.wait_for_function("() => document.querySelector('#login-form .form-status').textContent.includes('密码')")
    assert "用户名或密码" in page.inner_text("#login-form .form-status")
    assert page.url.endswith("/login")


def test_upload_shows_tables_charts_and_findings(page, site, uploaded):
    log_in(page, site, "editor_jcy")
    page.goto(uploaded)
    assert "江苏省人民检察院" in page.inner_text("h1")
    assert "草稿" in page.inner_text(".identity")
    assert page.locator("table.data").count() >= 10  # the 12 tables, two of them without rows
    assert "21,955.35" in page.inner_text("#tables")  # 收支总计, with its separator
    page.wait_for_selector('.plot[data-ready="1"] svg')
    assert page.locator('.plot[data-ready="1"]').count() >= 4
    assert page.locator("li.finding").count() > 0
    assert not page.js_errors


def test_a_finding_is_highlighted_where_it_is(page, site, uploaded):
    log_in(page, site, "editor_jcy")
    page.goto(uploaded)
    finding = page.locator("li.finding.sev-error").first
    targets = finding.get_attribute("data-targets").split()
    assert targets
    finding.locator("a.locate").click()
    target = page.locator(f"#{targets[0]}")
    page.wait_for_function("id => document.getElementById(id).classList.contains('hl')", arg=targets[0])
    assert target.is_visible() and target.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    assert "active" in finding.get_attribute("class")
    assert page.url.endswith(f"#{finding.get_attribute('id')}")  # a link to this view


def test_a_flagged_cell_opens_its_finding(page, site):
    """坪山管理局's 表7 prints a code under the wrong class: the cell is flagged; a click shows why."""
    page.goto(f"{site.url}/disclosures/{site.ids['published']}")
    cell = page.locator("td.flagged").first
    first = cell.get_attribute("data-findings").split()[0]
    cell.click()
    item = page.locator(f"#f{first}")
    assert "active" in item.get_attribute("class") and item.is_visible()
    assert "hl" in cell.get_attribute("class")


def test_download_the_rendered_pdf(page, site, uploaded):
    log_in(page, site, "editor_jcy")
    page.goto(uploaded)
    with page.expect_download(timeout=180_000) as info:
        page.click('.actions a[href$="/document.pdf"]')
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as f:
        assert f.read(5) == b"%PDF-"


def test_another_units_editor_is_refused_the_draft(page, site, uploaded):
    log_in(page, site, "editor_b")
    response = page.goto(uploaded)
    assert response.status == 404
    assert "无权查看" in page.inner_text("main")
    assert "21,955.35" not in page.content()
    # nor can it upload for that unit
    page.goto(f"{site.url}/upload")
    options = page.locator('select[name="body_id"] option').all_inner_texts()
    assert "江苏省人民检察院" not in options


def test_the_public_sees_published_disclosures_only(page, site, uploaded):
    page.goto(site.url + "/")
    assert "深圳市生态环境局坪山管理局" in page.inner_text("main")
    assert "江苏省人民检察院" not in page.inner_text("main")  # a draft
    assert not page.locator('nav.top a[href="/upload"]').count()
    assert page.goto(uploaded).status == 404


def test_an_upload_that_is_not_a_budget_is_refused_with_its_name(page, site, tmp_path):
    bad = tmp_path / "会议通知.txt"
    bad.write_text("关于召开年度工作会议的通知\n请各单位准时参加。\n", encoding="utf-8")
    log_in(page, site, "editor_jcy")
    page.goto(f"{site.url}/upload")
    page.set_input_files('input[name="files"]', str(bad))
    page.click("#upload-form button")
    status = page.locator("#upload-form .form-status")
    page.wait_for_function("() => document.querySelector('#upload-form .form-status').textContent.includes('会议通知.txt')")
    assert page.url.endswith("/upload")
    assert "会议通知.txt" in status.inner_text()


def test_the_editor_corrects_the_title_of_its_draft(page, site, uploaded):
    log_in(page, site, "editor_jcy")
    page.goto(uploaded)
    page.click("details.edit summary")
    page.fill('#edit-form input[name="title"]', "江苏省人民检察院2018年部门预算（更正）")
    page.click("#edit-form button")
    page.wait_for_function("() => document.querySelector('h1').textContent.includes('更正')")
    assert page.inner_text("h1") == "江苏省人民检察院2018年部门预算（更正）"


def test_the_api_docs_and_the_rendered_document_work_under_their_policies(page, site):
    """Swagger UI starts from a script file of ours; the rendered document keeps its own stylesheet; the
    browser reports no Content-Security-Policy violation on either."""
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{site.url}/docs")
    page.wait_for_selector(".opblock", timeout=30_000)
    assert page.locator(".opblock").count() > 10
    page.goto(f"{site.url}/api/disclosures/{site.ids['published']}/document.html")
    page.wait_for_selector("table")
    assert page.eval_on_selector("table", "t => getComputedStyle(t).borderCollapse") == "collapse"
    assert violations == [] and page.js_errors == []


def test_login_goes_back_only_to_a_local_path(page, site):
    page.goto(f"{site.url}/login?next=/%5C127.0.0.2/x")
    page.fill('input[name="username"]', "editor_b")
    page.fill('input[name="password"]', PASSWORD)
    page.click("#login-form button")
    page.wait_for_url(f"{site.url}/")
