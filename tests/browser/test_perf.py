"""绩效 in the browser: the 坪山 绩效目标表 imported from its stored disclosure; a project's targets typed in
the form; a monitoring round with one indicator behind time and its reason, submitted and approved by the
department; a self-evaluation whose score is the one computed by hand; every page within a phone's width."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest

from tests.browser.conftest import log_in
from tests.web.conftest import PASSWORD

YEAR = 2023
PROJECT = "环保培训项目"
TARGETS = {"budget": {"total": "1000"}, "indicators": [
    {"level1": "产出指标", "level2": "数量指标", "name": "培训场次", "text": "≥20 次", "weight": "30"},
    {"level1": "产出指标", "level2": "时效指标", "name": "响应时间", "text": "≤24 小时", "weight": "20"},
    {"level1": "效益指标", "level2": "社会效益指标", "name": "群众环境意识", "nature": "qualitative",
     "text": "明显提高", "weight": "30"},
    {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "服务对象满意度", "text": "≥90%", "weight": "10"},
]}


@pytest.fixture(scope="module")
def perf_site(site):
    """坪山管理局's editor and its department's reviewer; the project's targets entered by the editor."""
    from yusuan.store import models as m
    from yusuan.store import perf
    from yusuan.store.access import principal_for
    from yusuan.store.accounts import create_user

    with site.store.session() as s:
        body = s.get(m.Body, site.ids["published_body"])
        editor = create_user(s, "editor_ps", PASSWORD, "editor", body.id)
        create_user(s, "reviewer_ps", PASSWORD, "reviewer", body.parent_id)
        perf.save_targets(s, principal_for(s, editor), editor, body.id, YEAR, TARGETS, project=PROJECT)
        site.ids.update(ps_body=body.id, ps_dept=body.parent_id)
    return site


def accept_dialogs(page):
    page.on("dialog", lambda d: d.accept())


def test_the_pingshan_targets_imported_on_the_page(page, perf_site):
    site = perf_site
    log_in(page, site, "editor_ps")
    page.click('nav.top a[href="/perf"]')
    page.click(f'#perf-bodies a[href="/perf/bodies/{site.ids["ps_body"]}/{YEAR}"]')
    page.select_option("#perf-import select", str(site.ids["published"]))
    page.click("#perf-import button")
    page.wait_for_selector('#perf-sets tr[data-project=""] a[href^="/perf/records/"]')
    whole = page.locator('#perf-sets tr[data-project=""]')
    assert "5 处错误" in whole.inner_text()  # 4 categories without indicators, 1 target not measurable
    assert page.locator('#perf-sets tr[data-project="生态环境管理(坪山管理局)"]').count() == 1
    whole.locator('a[href^="/perf/records/"]').first.click()
    page.wait_for_selector("#perf-rows")
    assert page.locator("#perf-rows tbody tr").count() == 72
    assert "≥165 宗" in page.locator("#perf-rows tbody tr").first.inner_text()
    assert page.locator(".perf-issues li.sev-error").count() == 5
    assert not page.js_errors


def test_a_projects_targets_typed_in_the_form(page, perf_site):
    site = perf_site
    log_in(page, site, "editor_ps")
    page.goto(f"{site.url}/perf/bodies/{site.ids['ps_body']}/{YEAR}")
    page.fill("#perf-project input[name=project]", "宣传项目")
    page.click("#perf-project button")
    page.wait_for_selector("#perf-form")
    page.fill('[data-field="budget.total"]', "200")
    for name, text in (("宣传活动场次", "≥6 场"), ("公众满意度", "≥85%")):
        page.click('button[data-add="indicators"]')
        row = page.locator('table[data-list="indicators"] tbody tr:not(.template)').last
        if name == "公众满意度":
            row.locator('[data-field="level1"]').select_option("满意度指标")
        row.locator('[data-field="name"]').fill(name)
        row.locator('[data-field="text"]').fill(text)
    page.click("#perf-form button:has-text('保存绩效目标')")
    page.wait_for_url(re.compile(r".*/perf/records/\d+$"))
    rows = page.locator("#perf-rows tbody tr")
    assert [rows.nth(i).inner_text().split("\t")[2:5] for i in range(2)] == [["宣传活动场次", "≥", "≥6 场"],
                                                                             ["公众满意度", "≥", "≥85%"]]
    assert not page.js_errors


def test_a_monitoring_round_in_the_browser(page, browser, perf_site):
    site = perf_site
    accept_dialogs(page)
    log_in(page, site, "editor_ps")
    page.goto(f"{site.url}/perf/bodies/{site.ids['ps_body']}/{YEAR}/monitoring?project={PROJECT}")
    page.fill('[data-field="as_of"]', "2023-08-31")
    page.fill('[data-field="executed"]', "500")
    page.fill('[data-field="forecast"]', "950")
    page.select_option('#perf-form > div [data-field="reason"]', "funding")
    page.fill('#perf-form > div [data-field="action"]', "加快支付进度")
    entries = {"i1": ("6", "possible", "funding", "追加培训班次"), "i2": ("20", "certain", "", ""),
               "i3": (None, "certain", "", ""), "i4": ("85", "certain", "", "")}
    for key, (achieved, likelihood, reason, action) in entries.items():
        row = page.locator(f'tr[data-key="{key}"]')
        if achieved:
            row.locator('[data-field="achieved"]').fill(achieved)
        row.locator('[data-field="likelihood"]').select_option(likelihood)
        if reason:
            row.locator('[data-field="reason"]').select_option(reason)
            row.locator('[data-field="action"]').fill(action)
    page.click("#perf-form button:has-text('保存监控')")
    page.wait_for_url(re.compile(r".*/perf/records/\d+$"))
    behind = page.locator('#perf-rows tr[data-key="i1"]').inner_text()
    # 6 of 20 by 31 August: 30 % done where 66.67 % of the year is gone — red, with its reason and action
    assert all(x in behind for x in ("30.00%", "66.67%", "红色预警", "有可能", "投入保障", "追加培训班次"))
    assert "正常" in page.locator('#perf-rows tr[data-key="i4"]').inner_text()
    spending = page.locator("#perf-spending").inner_text()
    assert "50.00%" in spending and "黄色预警" in spending
    assert page.locator(".perf-issues li.sev-error").count() == 0
    page.click("button.act:has-text('提交审核')")
    page.wait_for_function("() => document.getElementById('perf-status').textContent.includes('已提交')")
    record = page.url
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    reviewer = context.new_page()
    log_in(reviewer, site, "reviewer_ps")
    reviewer.goto(f"{site.url}/perf")
    reviewer.click(f'#perf-queue a[href="{record.removeprefix(site.url)}"]')
    reviewer.fill("#perf-review textarea", "同意")
    reviewer.click('#perf-review button[data-decision="approve"]')
    reviewer.wait_for_function("() => document.getElementById('perf-status').textContent.includes('已通过')")
    reviewer.goto(f"{site.url}/perf/overview/{site.ids['ps_dept']}/{YEAR}")
    unit = reviewer.locator(f'#perf-units tr[data-body="{site.ids["ps_body"]}"]').inner_text()
    assert "培训场次" in unit and "66.67%" in unit
    reviewer.wait_for_selector('#chart-execution[data-settled="1"] svg')  # 50 % spent beside 66.67 % of the year
    assert "50%" in reviewer.inner_text("#chart-execution")
    context.close()
    assert not page.js_errors


def test_a_self_evaluation_in_the_browser(page, perf_site):
    site = perf_site
    log_in(page, site, "editor_ps")
    page.goto(f"{site.url}/perf/bodies/{site.ids['ps_body']}/{YEAR}/evaluation?project={PROJECT}")
    page.fill('[data-field="executed"]', "876.54")
    for key, values in {"i1": {"actual": "15", "reason": "场地不足"}, "i2": {"actual": "30", "reason": "人手不足"},
                        "i3": {"grade": "partial", "share": "70", "reason": "宣传覆盖不全"},
                        "i4": {"actual": "95"}}.items():
        row = page.locator(f'tr[data-key="{key}"]')
        for field, value in values.items():
            cell = row.locator(f'[data-field="{field}"]')
            cell.select_option(value) if field == "grade" else cell.fill(value)
    page.click("#perf-form button:has-text('保存自评')")
    page.wait_for_url(re.compile(r".*/perf/records/\d+$"))
    by_hand = (min(D("876.54") / D(1000) * 10, D(10)).quantize(D("0.01"))  # 预算执行率: 8.77
               + D(15) / D(20) * 30  # “≥” short: 22.5
               + (1 - (D(30) - D(24)) / D(24)) * 20  # “≤” over: 15
               + D(30) * D(70) / 100  # 部分达成 at 70 %: 21
               + D(10))  # met
    assert D(page.inner_text("#perf-score")) == by_hand and page.inner_text("#perf-grade") == "中"
    assert page.locator('#perf-rows tr[data-key="i3"] td.score').inner_text() == "21"
    with page.expect_download() as got:
        page.click("a:has-text('下载 PDF')")
    assert got.value.suggested_filename.endswith("绩效自评-第1版.pdf")
    assert not page.js_errors


def test_the_perf_pages_fit_a_phone(browser, perf_site):
    site = perf_site
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    phone = context.new_page()
    log_in(phone, site, "reviewer_ps")
    body, dept = site.ids["ps_body"], site.ids["ps_dept"]
    for path in ("/perf", f"/perf/bodies/{body}/{YEAR}", f"/perf/overview/{dept}/{YEAR}",
                 f"/perf/bodies/{body}/{YEAR}/monitoring?project={PROJECT}",
                 f"/perf/bodies/{body}/{YEAR}/evaluation?project={PROJECT}", f"/perf/bodies/{body}/{YEAR}/targets"):
        phone.goto(site.url + path)
        assert phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 1, path
    context.close()
