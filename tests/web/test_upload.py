"""Uploading: a corpus PDF by its unit's editor, its findings (its errors keep it from being submitted), a
corrected re-upload (a new version, the old one kept), bad and oversized files, and the audit trail of it
all. The review chain to publication: tests/web/test_review.py."""

from __future__ import annotations

import pytest

from tests.fuzz.repro import READ, REFUSED, REPRO
from tests.web.conftest import CORPUS, RoleClient, rss
from yusuan.web.settings import WebSettings

PDF = "jiangsu-2019-gaoji-fayuan-budget.pdf"
TEXT = "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt"
DATA = CORPUS.parent


@pytest.fixture(scope="module")
def court(world):
    """江苏省高级人民法院 as a unit of 甲部门 with its own editor."""
    return world.unit_with_editor("江苏省高级人民法院", "editor_court")


def _pdf(extra: bytes = b""):
    return [("files", (PDF, (CORPUS / PDF).read_bytes() + extra, "application/pdf"))]


def test_upload_review_publish_and_versions(world, court):
    unit_id, editor = court
    reviewer, public, admin = world.clients["reviewer_own"], world.clients["public"], world.clients["admin"]

    r = editor.post("/api/disclosures", files=_pdf())
    assert r.status_code == 201, r.text
    v1 = r.json()
    assert v1["disclosure"]["body"]["id"] == unit_id
    assert (v1["disclosure"]["year"], v1["disclosure"]["status"], v1["disclosure"]["version"]) == (2019, "draft", 1)
    assert v1["files"][0]["name"] == PDF and v1["tables"]
    v1_id = v1["disclosure"]["id"]

    # its findings, as `yusuan check` finds them
    from yusuan.ingest.read import read_disclosure
    from yusuan.rules.registry import run

    expected = run(read_disclosure(CORPUS / PDF))
    found = editor.get(f"/api/disclosures/{v1_id}/findings").json()["findings"]
    assert sorted(f["rule"] for f in found) == sorted(f.rule for f in expected)
    assert all(loc["bbox"] for f in found for loc in f["locations"])  # boxes on the PDF page

    # not public yet
    assert public.get(f"/api/disclosures/{v1_id}").status_code == 404
    # the same bytes again: refused, nothing created
    r = editor.post("/api/disclosures", files=_pdf())
    assert r.status_code == 409 and "第 1 版" in r.json()["detail"]

    # the court's budget prints errors: the editor cannot submit it; the reviewer comments
    assert sum(f.severity == "error" for f in expected) == 6
    r = editor.post(f"/api/disclosures/{v1_id}/submit")
    assert r.status_code == 400 and "有 6 个错误" in r.json()["detail"], r.text
    assert editor.get(f"/api/disclosures/{v1_id}").json()["disclosure"]["status"] == "draft"
    assert editor.post(f"/api/disclosures/{v1_id}/publish").status_code == 403
    finding_id = found[0]["id"] if found else None
    r = reviewer.post(f"/api/disclosures/{v1_id}/comments", json={"text": "请说明这一项。", "finding_id": finding_id})
    assert r.status_code == 201 and r.json()["user"]["username"] == "reviewer_a"
    assert [c["text"] for c in editor.get(f"/api/disclosures/{v1_id}/comments").json()["comments"]] == ["请说明这一项。"]
    assert reviewer.post(f"/api/disclosures/{v1_id}/publish").status_code == 400  # a draft is not published

    # a corrected document: version 2, a draft; the public sees neither
    r = editor.post("/api/disclosures", files=_pdf(b"\n% corrected\n"))
    assert r.status_code == 201, r.text
    v2 = r.json()["disclosure"]
    assert (v2["version"], v2["previous_id"], v2["status"]) == (2, v1_id, "draft")
    assert public.get(f"/api/disclosures?body_id={unit_id}").json()["disclosures"] == []
    mine = editor.get(f"/api/disclosures?body_id={unit_id}&versions=all").json()["disclosures"]
    assert [d["version"] for d in mine] == [2, 1]
    detail = editor.get(f"/api/disclosures/{v2['id']}").json()
    assert [v["version"] for v in detail["versions"]] == [2, 1]
    assert editor.get(f"/api/disclosures/{v1_id}").status_code == 200  # the old version stays viewable

    # every step is in the audit log, with who did it
    log = admin.get("/api/audit?limit=1000").json()["entries"]
    steps = [(e["action"], e["username"]) for e in reversed(log) if e["disclosure_id"] in (v1_id, v2["id"])]
    assert steps == [("upload", "editor_court"), ("comment", "reviewer_a"), ("upload", "editor_court")]
    assert any(e["action"] == "login" and e["username"] == "editor_court" for e in log)


def test_an_editor_cannot_upload_another_bodys_document(world):
    r = world.clients["editor_other"].post("/api/disclosures", files=_pdf(b"\n% other\n"))
    assert r.status_code == 403
    assert "江苏省高级人民法院" in r.json()["detail"]


@pytest.mark.parametrize("name,content,message", [
    ("空文件.pdf", b"", "文件是空的"),
    ("截断.pdf", (CORPUS / PDF).read_bytes()[:5000], "不完整"),
    ("随笔.txt", "春天来了，河边的柳树发芽了。\n".encode() * 20, "不像是部门预算"),
    ("压缩包.zip", b"PK\x03\x04" + b"\x00" * 100, "ZIP"),
])
def test_unreadable_uploads_get_400_with_a_chinese_reason(world, name, content, message):
    r = world.clients["admin"].post("/api/disclosures", files=[("files", (name, content, "application/octet-stream"))])
    assert r.status_code == 400, r.text
    assert message in r.json()["detail"] and name in r.json()["detail"]


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_uploads_get_400_naming_the_file_and_the_place(world, name):
    """tests/data/fuzz-repro: what once ended in HTTP 500 (or held the server for seconds and gigabytes)."""
    reason, place = REFUSED[name]
    r = world.clients["admin"].post("/api/disclosures", files=[("files", (name, (REPRO / name).read_bytes(),
                                                                            "application/octet-stream"))])
    assert r.status_code == 400, r.text
    detail = r.json()["detail"]
    assert name in detail and reason in detail and place in detail


@pytest.mark.parametrize("name", READ)
def test_hostile_uploads_that_can_be_read_are_stored(world, name):
    r = world.clients["admin"].post("/api/disclosures", data={"body_id": world.ids["unit_c"], "year": 2024},
                                    files=[("files", (name, (REPRO / name).read_bytes(), "application/octet-stream"))])
    assert r.status_code == 201, r.text
    assert r.json()["files"][0]["name"] == name


def test_too_many_files_in_one_upload(world):
    files = [("files", (f"{i}.txt", b"x", "text/plain")) for i in range(3)]
    r = world.clients["admin"].post("/api/disclosures", files=files)
    assert r.status_code == 400 and "最多" in r.json()["detail"]


def test_oversized_upload_gets_413(world):
    r = admin_of(world, max_upload_bytes=100 * 1024).post("/api/disclosures", files=_pdf())
    assert r.status_code == 413 and "过大" in r.json()["detail"]


def admin_of(world, username: str = "admin", **settings) -> RoleClient:
    """A client of `username` on the same store behind an app with these settings."""
    from yusuan.web import create_app

    return RoleClient(create_app(world.store, WebSettings(**settings)), "admin", username)


def test_rights_are_checked_before_a_file_is_read(world):
    jobs = world.app.state.jobs
    started = jobs.started
    hostile = [("files", (HOSTILE[0], (DATA / "hostile" / HOSTILE[0]).read_bytes(), "text/plain"))]
    r = world.clients["public"].post("/api/disclosures", files=hostile)
    assert r.status_code == 401
    r = world.clients["editor_other"].post("/api/disclosures", files=hostile, data={"body_id": world.ids["unit_a"]})
    assert r.status_code == 403 and "甲单位" in r.json()["detail"]
    r = world.clients["editor_other"].post("/api/disclosures", files=hostile, data={"body_id": "甲单位"})
    assert r.status_code == 422 and "body_id" in r.json()["detail"]
    assert jobs.started == started  # no file was read


def test_an_upload_past_its_time_gets_422(world):
    editor = admin_of(world, "editor_a", job_seconds=0.05)  # reading any document takes longer
    started = editor.http.app.state.jobs.started
    r = editor.post("/api/disclosures", files=[("files", ("慢.txt", (CORPUS / TEXT).read_bytes() + b"\n% slow\n", "text/plain"))])
    assert r.status_code == 422, r.text
    assert r.json()["detail"] == ("处理 慢.txt 超过了 0.05 秒的时间上限，已停止。文件的结构可能异常（例如极长的段落或表格行），"
                                  "请检查后再上传")
    assert editor.http.app.state.jobs.started == started + 1


HOSTILE = ("hang-txt-check-quadratic-_CLASSIFIED-regex-40000-char-paragraph.txt",
           "mem-html-colspan-rowspan-999999-4.9KB.html",
           "internal-txt-check-decimal-InvalidOperation-29-digit-cell.txt")


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_upload_gets_a_chinese_refusal_and_leaves_no_memory_behind(world, name):
    """Whatever the readers make of them (a fixed reader may read or refuse them): never a 500, the file
    named in one Chinese line, and the server's memory as it was (the reading happened in a job)."""
    admin = admin_of(world, job_seconds=5, job_memory_bytes=768 * 2**20)
    before = rss()
    r = admin.post("/api/disclosures", files=[("files", (name, (DATA / "hostile" / name).read_bytes(), "text/plain"))])
    assert r.status_code in (201, 400, 413, 422), r.text
    if r.status_code != 201:
        assert name in r.json()["detail"]
    assert rss() - before < 100 * 2**20
