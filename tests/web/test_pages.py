"""The HTML pages, on SQLite and PostgreSQL: what a reader sees is what the store holds, every finding
points at something on the page, numbers are printed with separators, untrusted text is escaped."""

from __future__ import annotations

import html as htmllib
import json
import re
from decimal import Decimal

import pytest

from tests.web.conftest import checked
from yusuan.store.repository import UploadedFile, ensure_body, ingest

HTML = {"Accept": "text/html"}


def _ids(page: str) -> set[str]:
    return set(re.findall(r'\bid="([a-z]+\d+)"', page))


def test_disclosure_page_shows_every_table_cell_and_finding(world):
    c = world.clients["public"]
    did = world.ids["published"]
    page = c.get(f"/disclosures/{did}").text
    ids = _ids(page)
    tables = c.get(f"/api/disclosures/{did}/tables").json()["tables"]
    for t in tables:
        assert f"t{t['id']}" in ids, t["title"]
        for r in t["rows"]:
            for cell in r["cells"].values():
                assert f"c{cell['id']}" in ids
    findings = c.get(f"/api/disclosures/{did}/findings").json()["findings"]
    assert findings
    for f in findings:
        assert f"f{f['id']}" in ids
        item = re.search(rf'<li id="f{f["id"]}"[^>]*data-targets="([^"]*)"', page).group(1)
        for target in item.split():
            assert target in ids, (f["rule"], target)  # 定位 always lands on something printed here
    assert "6,623" in page  # 支出合计 6623 万元, with its thousands separator
    assert 'class="num flagged"' in page or not any(loc["cell_id"] for f in findings for loc in f["locations"])


def test_disclosure_page_links_findings_to_the_original_page(world):
    """A finding located on the original text links to that file (line-numbered text: no #page)."""
    c = world.clients["public"]
    did = world.ids["published"]
    page = c.get(f"/disclosures/{did}").text
    file_id = c.get(f"/api/disclosures/{did}").json()["files"][0]["id"]
    assert f'href="/api/files/{file_id}"' in page and "原文第" in page


def test_charts_sum_to_the_tables(world):
    c = world.clients["public"]
    did = world.ids["published"]
    page = c.get(f"/disclosures/{did}").text
    data = json.loads(htmllib.unescape(re.search(r'<script type="application/json" id="chart-data">(.*?)</script>',
                                                 page, re.S).group(1)))
    assert {"function", "economic", "split", "three_public"} <= set(data)
    # 坪山 2023: the function tree holds the 类 of the 支出总表 as printed (they sum to 6624 against the
    # printed total 6623 万元: rounding), its 款 under them; 基本 913 + 项目 5710 = 6623
    expense = next(t for t in c.get(f"/api/disclosures/{did}/tables").json()["tables"] if t["kind"] == "expense_summary")
    classes = {r["code"]: r["cells"]["total"]["amount"] for r in expense["rows"] if len(r["code"]) == 3}
    assert {n["code"]: n["value"] for n in data["function"]["tree"]} == {k: v for k, v in classes.items() if v != "0"}
    assert abs(sum(Decimal(v) for v in classes.values()) - Decimal(6623)) <= len(classes) * Decimal("0.5")
    assert all(child["code"].startswith(n["code"]) for n in data["function"]["tree"] for child in n["children"])
    assert {i["name"]: i["value"] for i in data["split"]["items"]} == {"基本支出": "913", "项目支出": "5710"}
    # 三公: the table prints 2022 and 2023; 公务用车运行维护费 24 → 14 万元
    tp = data["three_public"]
    assert tp["years"] == [2022, 2023]
    assert next(p for p in tp["parts"] if p["measure"] == "vehicle_operation")["values"] == ["24", "14"]
    for key in data:
        assert f'id="chart-{key}"' in page


def test_compare_marks_the_differences(world):
    c = world.clients["admin"]
    a, b = world.ids["published"], world.ids["draft"]
    page = c.get(f"/compare?a={a}&b={b}").text
    ta = {t["kind"]: t for t in c.get(f"/api/disclosures/{a}/tables").json()["tables"]}
    tb = {t["kind"]: t for t in c.get(f"/api/disclosures/{b}/tables").json()["tables"]}
    total_a = next(r for r in ta["expense_summary"]["rows"] if r["is_total"])["cells"]["total"]["amount"]
    total_b = next(r for r in tb["expense_summary"]["rows"] if r["is_total"])["cells"]["total"]["amount"]
    diff = Decimal(total_b) - Decimal(total_a)
    assert diff != 0
    assert f"{diff:,}" in page  # the 支出总表 total's difference, 乙 − 甲
    assert 'class="both changed' in page and "行有差异" in page


def test_compare_a_disclosure_with_itself_has_no_difference(world):
    c = world.clients["public"]
    did = world.ids["published"]
    page = c.get(f"/compare?a={did}&b={did}").text
    assert "共 0 行有差异" in page
    rows = re.findall(r'<tr class="([^"]*)"', page)
    assert rows and all(r.split()[0] == "both" and "changed" not in r for r in rows)


def test_search_by_code_links_to_the_cell(world):
    c = world.clients["public"]
    page = c.get("/search?code=2010101").text
    cells = c.get("/api/cells?code=2010101").json()["cells"]
    assert cells
    for cell in cells:
        assert f'/disclosures/{cell["disclosure_id"]}#c{cell["id"]}' in page
    assert "甲二单位" not in c.get("/search?q=甲").text  # drafts are not found by the public


def test_search_by_item_name(world):
    page = world.clients["public"].get("/search?item=行政运行").text
    assert "行政运行" in page and "#c" in page


def test_page_errors_are_pages_in_chinese(world):
    c = world.clients["editor_other"]
    r = c.get(f"/disclosures/{world.ids['draft']}", headers=HTML)  # another unit's draft
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "无权查看" in r.text and "<html" in r.text
    r = c.get("/no-such-page", headers=HTML)
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert c.get("/api/disclosures/999999", headers=HTML).headers["content-type"].startswith("application/json")


def test_pages_send_a_content_security_policy(world):
    r = world.clients["public"].get(f"/disclosures/{world.ids['published']}")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "<script>" not in r.text  # no inline script: data travels as application/json


def test_untrusted_text_is_escaped(world):
    evil = '<script>alert("x")</script>'
    doc, findings, files = checked("shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")
    unique = [UploadedFile("evil.txt", files[0].content + b"\n<evil>\n", "text")]
    with world.store.session() as s:
        body = ensure_body(s, evil)
        did = ingest(s, doc, findings, unique, status="published", body=body).id
    for url in (f"/disclosures/{did}", "/", f"/bodies/{body.id}", "/search?q=script"):
        page = world.clients["public"].get(url).text
        assert evil not in page, url
        assert "&lt;script&gt;" in page, url
    admin = world.clients["admin"]
    r = admin.post(f"/api/disclosures/{did}/comments", json={"text": "<img src=x onerror=alert(1)>"})
    assert r.status_code == 201
    page = admin.get(f"/disclosures/{did}").text
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_buttons_follow_permissions(world):
    """Each step's button is shown to whom may take it, when the version is where the step starts; a draft
    with errors shows its submit button disabled, with the reason."""
    blocked = world.clients["editor_own"].get(f"/disclosures/{world.draft()}").text
    assert 'id="act-submit"' in blocked and "有 8 个错误" in blocked
    assert re.search(r'id="act-submit"[^>]* disabled', blocked)
    ready = world.at("draft")
    editor = world.clients["editor_own"].get(f"/disclosures/{ready}").text
    assert 'id="act-submit"' in editor and not re.search(r'id="act-submit"[^>]* disabled', editor)
    assert "/publish" not in editor and "/approve" not in editor and "act-return" not in editor
    submitted = world.at("submitted")
    reviewer = world.clients["reviewer_own"].get(f"/disclosures/{submitted}").text
    assert 'data-action="/api/disclosures/%d/approve"' % submitted in reviewer and 'id="act-return"' in reviewer
    assert "/publish" not in reviewer and "approve-finance" not in reviewer
    assert "/approve" not in world.clients["finance"].get(f"/disclosures/{submitted}").text
    approved = world.at("approved")
    finance = world.clients["finance"].get(f"/disclosures/{approved}").text
    assert 'data-action="/api/disclosures/%d/approve-finance"' % approved in finance and 'id="act-return"' in finance
    final = world.at("approved_finance")
    assert 'data-action="/api/disclosures/%d/publish"' % final in world.clients["reviewer_own"].get(f"/disclosures/{final}").text
    assert "/publish" not in world.clients["finance"].get(f"/disclosures/{final}").text
    public = world.clients["public"].get(f"/disclosures/{world.ids['published']}").text
    assert "data-action" not in public and "comment-form" not in public


@pytest.mark.parametrize("url", ["/", "/login", "/upload", "/search", "/compare"])
def test_pages_render_for_the_public(world, url):
    r = world.clients["public"].get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")


def test_a_department_page_shows_its_units_worst_first(world):
    """The reviewer of 甲部门 sees its units' current disclosures with their error counts; another
    department's reviewer sees none of those drafts."""
    reviewer = world.clients["reviewer_own"]
    data = reviewer.get(f"/api/bodies/{world.ids['dept_a']}").json()
    names = {d["body"]["name"] for d in data["units"]}
    assert {"甲单位", "甲二单位"} <= names
    errors = [d["findings"]["error"] for d in data["units"]]
    assert errors == sorted(errors, reverse=True)
    page = reviewer.get(f"/bodies/{world.ids['dept_a']}").text
    assert "下属单位的公开文件" in page
    for d in data["units"]:
        assert f'/disclosures/{d["id"]}' in page
    assert any(d["status"] == "draft" for d in data["units"])
    other = world.clients["reviewer_other"].get(f"/api/bodies/{world.ids['dept_a']}")  # 404 until one is published
    assert other.status_code == 404 or all(d["status"] == "published" for d in other.json()["units"])


HOSTILE_NEXT = [  # raw query strings: what a link can carry
    "//127.0.0.2/x", "/%5C127.0.0.2/x", "/%5c127.0.0.2/x", "/\\127.0.0.2/x", "%2F%2F127.0.0.2/x",
    "%2F%5C127.0.0.2/x", "/%252F127.0.0.2/x", "/%255C127.0.0.2/x", "%252F%252F127.0.0.2", "/%09/127.0.0.2/x",
    "/%0A/127.0.0.2", "%09//127.0.0.2", "%20//127.0.0.2", "javascript:alert(1)", "JavaScript%3Aalert(1)",
    "javascript%3A%2F%2F%250Aalert(1)", "https://127.0.0.2/x", "https%3A%2F%2F127.0.0.2", "http:/127.0.0.2",
    "///127.0.0.2", "\\\\127.0.0.2", "data:text/html,x", "127.0.0.2/x", "", "//%E6%90%9C",
]


@pytest.mark.parametrize("raw", HOSTILE_NEXT)
def test_login_next_leaves_no_way_off_the_site(world, raw):
    r = world.clients["public"].get(f"/login?next={raw}")
    assert r.status_code == 200
    assert 'data-next="/"' in r.text, raw


@pytest.mark.parametrize("path", ["/", "/upload", "/disclosures/3?tab=findings#f12", "/search?q=%E5%9D%AA%E5%B1%B1",
                                  "/bodies/2"])
def test_login_next_keeps_a_local_path(world, path):
    from html import escape
    from urllib.parse import quote

    r = world.clients["public"].get(f"/login?next={quote(path, safe='')}")
    assert f'data-next="{escape(path)}"' in r.text
