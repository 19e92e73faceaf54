"""The review chain through the pages, in Debian's Chromium, each step by its role: 丙单位's editor cannot
submit its draft (its errors, said beside the disabled button), uploads the corrected document (version
2), acknowledges its warnings with reasons and submits; 丙部门's reviewer finds it in the overview,
picks a row of 表8 and returns the version with a reason; the editor sees the reason beside that row and
submits again; the reviewer approves, the finance bureau approves, the reviewer publishes; the public
reads it."""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest

from tests.browser.conftest import log_in, opened
from tests.web.conftest import zhineng_corrected

WIDTH = 1400


@contextmanager
def as_user(browser, site, username: str):
    """A window logged in as `username`, accepting the confirmations the buttons ask for."""
    with opened(browser, f"{site.url}/login", WIDTH) as pg:
        pg.on("dialog", lambda d: d.accept())
        log_in(pg, site, username)
        yield pg


def press(pg, selector: str) -> None:
    """Click a button that changes the version and wait for the page to show it changed."""
    with pg.expect_navigation():
        pg.click(selector)


def status(pg) -> str:
    return pg.inner_text("#status")


def take_step(browser, site, username: str, did: int, button: str) -> dict:
    """`username` finds `did` in its overview, opens it and presses `button`: what it saw on the way."""
    with as_user(browser, site, username) as pg:
        pg.goto(f"{site.url}/review")
        seen = {"waiting": pg.inner_text(f"#w{did}")}
        pg.goto(f"{site.url}/disclosures/{did}")
        seen["buttons"] = pg.locator(".actions button.act").all_inner_texts()
        press(pg, button)
        seen["status"] = status(pg)
        seen["history"] = pg.locator("details.history li").all_text_contents()  # folded away: the text, not what shows
        return seen


@pytest.fixture(scope="module")
def chain(site, browser, tmp_path_factory):
    """The chain walked once; each test looks at what one step left. Returns the ids and what was seen."""
    seen: dict = {}
    corrected = tmp_path_factory.mktemp("upload") / "预算（更正）.txt"
    corrected.write_bytes(zhineng_corrected())

    with as_user(browser, site, "editor_c") as pg:
        pg.goto(f"{site.url}/disclosures/{site.ids['draft_c']}")
        seen["blocked"] = {"disabled": pg.is_disabled("#act-submit"), "blockers": pg.inner_text("#blockers")}
        # the correction: uploaded as the next version
        pg.goto(f"{site.url}/upload")
        pg.set_input_files('input[name="files"]', str(corrected))
        pg.select_option('select[name="body_id"]', label="丙单位")
        pg.click("#upload-form button")
        pg.wait_for_url(re.compile(r".*/disclosures/\d+$"), timeout=120_000)
        v2 = int(pg.url.rsplit("/", 1)[1])
        seen["v2_versions"] = pg.inner_text("p.versions")
        seen["v2_disabled"] = pg.is_disabled("#act-submit")
        # one warning with its own reason, the rest with one reason
        first = pg.locator("li.finding.sev-warning form.ack-form").first
        first.locator('input[name="reason"]').fill("指标值沿用上级下达的表述")
        with pg.expect_navigation():
            first.locator("button").click()
        pg.fill('form.ack-all input[name="reason"]', "已与主管部门核对，按模板填写")
        with pg.expect_navigation():
            pg.click("form.ack-all button")
        seen["acks"] = pg.locator("li.finding.sev-warning p.ack").all_inner_texts()
        press(pg, "#act-submit")
        seen["submitted"] = status(pg)

    with as_user(browser, site, "reviewer_c") as pg:
        pg.goto(f"{site.url}/review")
        seen["reviewer_waiting"] = pg.inner_text(f"#w{v2}")
        pg.click(f"#w{v2} a")
        pg.wait_for_url(f"{site.url}/disclosures/{v2}")
        row = pg.locator("article.table", has_text="一般公共预算支出表（按经济分类）").locator(
            "tr", has=pg.locator("td.code", has_text=re.compile(r"^302$"))).first
        seen["row"] = row.get_attribute("id")
        row.locator("td.label").click()
        seen["aimed"] = pg.inner_text("#comment-form .about")
        pg.fill("#comment-form textarea", "商品和服务支出请按新的定额标准重新核算")
        with pg.expect_navigation():
            pg.click('#comment-form button[name="return"]')
        seen["returned"] = status(pg)

    with as_user(browser, site, "editor_c") as pg:
        pg.goto(f"{site.url}/review")
        seen["editor_waiting"] = pg.inner_text(f"#w{v2}")
        pg.goto(f"{site.url}/disclosures/{v2}")
        seen["banner"] = pg.inner_text("#returned")
        row = pg.locator(f"#{seen['row']}")
        seen["row_class"] = row.get_attribute("class")
        seen["beside"] = pg.locator("article.table", has=row).locator(".table-comments").inner_text()
        pg.click("#returned a")
        pg.wait_for_function("id => document.getElementById(id).classList.contains('hl')", arg=seen["row"])
        seen["row_in_view"] = row.evaluate(
            "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
        press(pg, "#act-submit")
        seen["resubmitted"] = status(pg)

    for username, button, key in (("reviewer_c", "#act-approve", "approve"), ("finance", "#act-approve-finance",
                                                                               "approve_finance"),
                                  ("reviewer_c", "#act-publish", "publish")):
        seen[key] = take_step(browser, site, username, v2, button)

    with opened(browser, f"{site.url}/disclosures/{v2}", WIDTH) as pg:
        seen["public"] = {"status": status(pg), "buttons": pg.locator(".actions button.act").count(),
                          "path": pg.locator("ol.chain li.done").count(), "comments": pg.locator("#comment-form").count()}
    return v2, seen


def test_errors_keep_the_draft_from_being_submitted(chain):
    _, seen = chain
    assert seen["blocked"]["disabled"]
    assert "有 8 个错误" in seen["blocked"]["blockers"]


def test_the_correction_is_version_2_and_waits_for_its_warnings(chain):
    _, seen = chain
    assert "第 2 版" in seen["v2_versions"] and "第 1 版" in seen["v2_versions"]
    assert seen["v2_disabled"]  # 12 warnings without a reason yet


def test_each_warning_is_acknowledged_with_its_reason(chain):
    _, seen = chain
    assert len(seen["acks"]) == 12
    assert sum("指标值沿用上级下达的表述" in a for a in seen["acks"]) == 1
    assert sum("已与主管部门核对，按模板填写" in a for a in seen["acks"]) == 11
    assert seen["submitted"] == "已提交"


def test_the_reviewer_returns_it_with_a_reason_on_a_row(chain):
    v2, seen = chain
    assert "丙单位" in seen["reviewer_waiting"] and "部门审核通过" in seen["reviewer_waiting"]
    assert "0 天" in seen["reviewer_waiting"]
    assert "商品和服务支出" in seen["aimed"]
    assert seen["returned"] == "已退回"


def test_the_editor_sees_the_reason_beside_the_row(chain):
    _, seen = chain
    assert "商品和服务支出请按新的定额标准重新核算" in seen["editor_waiting"]
    assert "商品和服务支出请按新的定额标准重新核算" in seen["banner"] and "商品和服务支出" in seen["banner"]
    assert "commented" in seen["row_class"]
    assert "退回原因：商品和服务支出请按新的定额标准重新核算" in seen["beside"]
    assert seen["row_in_view"]
    assert seen["resubmitted"] == "已提交"


def test_the_department_then_the_finance_bureau_approve_and_the_department_publishes(chain):
    _, seen = chain
    approve, finance, publish = seen["approve"], seen["approve_finance"], seen["publish"]
    assert "部门审核通过" in approve["waiting"] and approve["buttons"] == ["部门审核通过"]
    assert approve["status"] == "部门已审核"
    assert "财政审核通过" in finance["waiting"] and finance["buttons"] == ["财政审核通过"]
    assert finance["status"] == "财政已审核"
    assert "公开" in publish["waiting"] and publish["buttons"] == ["公开"]
    assert publish["status"] == "已公开"
    steps = " ".join(publish["history"])
    for word in ("上传", "提交审核", "退回修改", "部门审核通过", "财政审核通过", "公开"):
        assert word in steps


def test_the_public_reads_the_published_version(chain):
    _, seen = chain
    assert seen["public"] == {"status": "已公开", "buttons": 0, "path": 4, "comments": 0}
