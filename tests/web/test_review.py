"""The review chain through the API, on SQLite and PostgreSQL, each step by its role: an editor's draft
with errors cannot be submitted; the corrected version (a new version) keeps the reasons given for its
warnings, the one left is acknowledged with its reason; submitted; returned by the department with a
reason on one row, which the editor sees there; submitted again, approved by the department and by the
finance bureau, published by the department; a correction after publication is a new version. Each
reviewer's overview shows what waits on it. A 部门预算 and a 单位预算 of one body and year are two series,
and a department's 部门预算 lists the 单位预算s it contains.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from tests.web.conftest import CORPUS, ZHINENG, checked, zhineng_corrected
from yusuan.store import models as m
from yusuan.store.repository import ensure_body


@pytest.fixture(scope="module")
def unit(world):
    """丙单位 under 甲部门 (reviewed by reviewer_a), with its own editor."""
    return world.unit_with_editor("丙单位", "editor_c")


def _upload(client, body_id: int, name: str, content: bytes) -> dict:
    r = client.post("/api/disclosures", files=[("files", (name, content, "text/plain"))], data={"body_id": body_id})
    assert r.status_code == 201, r.text
    return r.json()


def _waiting(client) -> dict[int, dict]:
    r = client.get("/api/review")
    assert r.status_code == 200, r.text
    return {d["id"]: d for d in r.json()["disclosures"]}


def _findings(client, did: int) -> list[dict]:
    return client.get(f"/api/disclosures/{did}/findings").json()["findings"]


def test_the_chain_from_a_draft_to_publication_and_a_correction(world, unit):
    body_id, editor = unit
    reviewer, other_reviewer = world.clients["reviewer_own"], world.clients["reviewer_other"]
    finance, public, admin = world.clients["finance"], world.clients["public"], world.clients["admin"]
    other_editor = world.clients["editor_own"]  # 甲单位's editor: another unit of the same department

    # v1, as published by the unit: 8 errors, 9 warnings; submitting it is refused, saying why
    v1 = _upload(editor, body_id, "预算.txt", (CORPUS / ZHINENG).read_bytes())
    v1_id = v1["disclosure"]["id"]
    assert v1["disclosure"]["findings"] == {"error": 8, "warning": 9, "info": 0}
    assert v1["permissions"]["submit"] and any("8 个错误" in b for b in v1["review"]["blockers"])
    r = editor.post(f"/api/disclosures/{v1_id}/submit")
    assert r.status_code == 400 and "不能提交审核" in r.json()["detail"] and "8 个错误" in r.json()["detail"]
    assert editor.get(f"/api/disclosures/{v1_id}").json()["disclosure"]["status"] == "draft"

    # the editor acknowledges eight of the warnings with a reason; errors cannot be acknowledged
    found = _findings(editor, v1_id)
    warnings = [f for f in found if f["severity"] == "warning"]
    error = next(f for f in found if f["severity"] == "error")
    r = editor.post(f"/api/disclosures/{v1_id}/acknowledgements", json={"finding_ids": [error["id"]], "reason": "无"})
    assert r.status_code == 400 and "只有警告需要确认" in r.json()["detail"]
    r = editor.post(f"/api/disclosures/{v1_id}/acknowledgements", json={"finding_ids": [warnings[0]["id"]], "reason": ""})
    assert r.status_code == 422
    kept = "绩效指标按上级下达的口径填列，与主管部门核对过"
    assert other_editor.post(f"/api/disclosures/{v1_id}/acknowledgements",
                             json={"finding_ids": [warnings[0]["id"]], "reason": kept}).status_code == 404
    r = editor.post(f"/api/disclosures/{v1_id}/acknowledgements",
                    json={"finding_ids": [f["id"] for f in warnings[1:]], "reason": kept})
    assert r.status_code == 200, r.text
    assert sum(f["acknowledgement"] is not None for f in _findings(editor, v1_id)) == 8

    # the corrected document is version 2: no error; the eight reasons carry over, four warnings are open: the
    # one left, and the three standard tables now missing from both the contents and the body
    v2 = _upload(editor, body_id, "预算（更正）.txt", zhineng_corrected())
    v2_id = v2["disclosure"]["id"]
    assert (v2["disclosure"]["version"], v2["disclosure"]["previous_id"]) == (2, v1_id)
    assert v2["disclosure"]["findings"] == {"error": 0, "warning": 12, "info": 0}
    found = _findings(editor, v2_id)
    acknowledged = [f for f in found if f["acknowledgement"]]
    assert len(acknowledged) == 8 and {f["acknowledgement"]["reason"] for f in acknowledged} == {kept}
    assert v2["review"]["blockers"] == ["有 4 个警告尚未确认：每个警告须填写确认理由后才能提交"]
    r = editor.post(f"/api/disclosures/{v2_id}/submit")
    assert r.status_code == 400 and "4 个警告尚未确认" in r.json()["detail"]
    assert _waiting(editor)[v2_id]["step"] == "submit" and _waiting(editor)[v2_id]["unacknowledged"] == 4
    still_open = [f for f in found if not f["acknowledgement"]]
    assert sorted(f["rule"] for f in still_open) == ["complete-standard-table"] * 3 + ["hyg-latin"]
    open_one = still_open[0]
    reason = "该指标为定性指标，按模板要求填写"
    r = editor.post(f"/api/disclosures/{v2_id}/acknowledgements",
                    json={"finding_ids": [f["id"] for f in still_open], "reason": reason})
    assert r.status_code == 200 and r.json()["review"]["blockers"] == []
    assert next(f for f in _findings(editor, v2_id) if f["id"] == open_one["id"])["acknowledgement"]["reason"] == reason

    # submitted: it waits on 甲部门's reviewer, no one else; the version under review is frozen
    for client, status in ((finance, 403), (other_reviewer, 404), (public, 401), (other_editor, 404)):
        assert client.post(f"/api/disclosures/{v2_id}/submit").status_code == status
    r = editor.post(f"/api/disclosures/{v2_id}/submit")
    assert r.status_code == 200 and r.json()["disclosure"]["status"] == "submitted", r.text
    assert editor.patch(f"/api/disclosures/{v2_id}", json={"title": "改"}).status_code == 403
    assert editor.post(f"/api/disclosures/{v2_id}/acknowledgements",
                       json={"finding_ids": [open_one["id"]], "reason": "再改"}).status_code == 403
    waiting = _waiting(reviewer)[v2_id]
    assert (waiting["step"], waiting["findings"]["error"], waiting["findings"]["warning"], waiting["unacknowledged"],
            waiting["days"]) == ("approve", 0, 12, 0, 0)
    assert v2_id not in _waiting(finance) and v2_id not in _waiting(editor) and v2_id not in _waiting(other_reviewer)
    for client, status in ((editor, 403), (finance, 403), (other_reviewer, 404)):
        assert client.post(f"/api/disclosures/{v2_id}/approve").status_code == status
    assert finance.post(f"/api/disclosures/{v2_id}/approve-finance").status_code == 400  # not approved yet
    assert editor.post(f"/api/disclosures/{v2_id}/return", json={"reason": "x"}).status_code == 403
    assert reviewer.post(f"/api/disclosures/{v2_id}/publish").status_code == 400

    # the reviewer returns it with a reason on one row of 表8; the editor sees it there
    tables = reviewer.get(f"/api/disclosures/{v2_id}/tables").json()["tables"]
    table = next(t for t in tables if t["kind"] == "general_budget_by_economic")
    row = next(r for r in table["rows"] if r["code"] == "302")
    assert reviewer.post(f"/api/disclosures/{v2_id}/return", json={"reason": ""}).status_code == 422
    because = "商品和服务支出请按新的定额标准重新核算"
    r = reviewer.post(f"/api/disclosures/{v2_id}/return", json={"reason": because, "row_id": row["id"]})
    assert r.status_code == 200 and r.json()["disclosure"]["status"] == "returned", r.text
    seen = editor.get(f"/api/disclosures/{v2_id}").json()
    assert seen["review"]["returned"]["text"] == because
    assert (seen["review"]["returned"]["row_id"], seen["review"]["returned"]["table_id"]) == (row["id"], table["id"])
    assert "商品和服务支出" in seen["review"]["returned"]["about"]
    notes = editor.get(f"/api/disclosures/{v2_id}/comments").json()["comments"]
    assert [(c["kind"], c["text"], c["row_id"], c["user"]["username"]) for c in notes] == [
        ("return", because, row["id"], "reviewer_a")]
    assert _waiting(editor)[v2_id]["returned"]["text"] == because
    page = editor.get(f"/disclosures/{v2_id}").text
    assert f'id="r{row["id"]}" class="lv' in page and "commented" in page.split(f'id="r{row["id"]}"')[1].split(">")[0]
    assert because in page.split(f'id="tc{table["id"]}"')[1].split("</div>")[0]  # beside its table

    # the editor answers by submitting again; the department approves, then the finance bureau
    assert editor.post(f"/api/disclosures/{v2_id}/submit").json()["disclosure"]["status"] == "submitted"
    assert reviewer.post(f"/api/disclosures/{v2_id}/approve").json()["disclosure"]["status"] == "approved"
    assert v2_id not in _waiting(reviewer) and _waiting(finance)[v2_id]["step"] == "approve_finance"
    for client, status in ((reviewer, 403), (editor, 403), (other_reviewer, 404)):
        assert client.post(f"/api/disclosures/{v2_id}/approve-finance").status_code == status
    assert reviewer.post(f"/api/disclosures/{v2_id}/return", json={"reason": "x"}).status_code == 403  # finance's now
    r = finance.post(f"/api/disclosures/{v2_id}/approve-finance")
    assert r.status_code == 200 and r.json()["disclosure"]["status"] == "approved_finance", r.text
    assert v2_id not in _waiting(finance) and _waiting(reviewer)[v2_id]["step"] == "publish"
    assert public.get(f"/api/disclosures/{v2_id}").status_code == 404  # not public before it is published
    for client, status in ((finance, 403), (editor, 403), (other_reviewer, 404)):
        assert client.post(f"/api/disclosures/{v2_id}/publish").status_code == status
    r = reviewer.post(f"/api/disclosures/{v2_id}/publish")
    assert r.status_code == 200 and r.json()["disclosure"]["status"] == "published"
    assert public.get(f"/api/disclosures/{v2_id}").json()["disclosure"]["is_latest_published"]
    assert v2_id not in _waiting(reviewer)

    # published is frozen; a correction is version 3, a draft, and the public keeps version 2
    assert editor.patch(f"/api/disclosures/{v2_id}", json={"title": "改"}).status_code == 403
    assert reviewer.post(f"/api/disclosures/{v2_id}/return", json={"reason": "x"}).status_code == 400
    v3 = _upload(editor, body_id, "预算（再更正）.txt", zhineng_corrected("\n附：更正说明。\n"))
    assert (v3["disclosure"]["version"], v3["disclosure"]["previous_id"], v3["disclosure"]["status"]) == (3, v2_id, "draft")
    assert v3["review"]["blockers"] == []  # all nine reasons carried over from version 2
    assert [d["id"] for d in public.get(f"/api/disclosures?body_id={body_id}").json()["disclosures"]] == [v2_id]

    # each step in the audit log, by whom
    log = admin.get(f"/api/audit?disclosure_id={v2_id}&limit=100").json()["entries"]
    steps = [(e["action"], e["username"], e["detail"].get("to")) for e in reversed(log) if e["action"] != "comment"]
    assert steps == [("upload", "editor_c", None), ("acknowledge", "editor_c", None),
                     ("acknowledge", "editor_c", None), ("submit", "editor_c", "submitted"),
                     ("return", "reviewer_a", "returned"), ("submit", "editor_c", "submitted"),
                     ("approve", "reviewer_a", "approved"), ("approve_finance", "finance", "approved_finance"),
                     ("publish", "reviewer_a", "published")]
    assert log[-2]["detail"]["carried_from"] == v1_id  # the reasons taken over from version 1
    back = next(e for e in log if e["action"] == "return")
    assert back["detail"]["reason"] == because and back["detail"]["from"] == "submitted"
    history = editor.get(f"/api/disclosures/{v2_id}").json()["review"]["history"]
    assert [h["action"] for h in history] == ["upload", "submit", "return", "submit", "approve", "approve_finance",
                                              "publish"]


def test_the_finance_bureau_returns_what_a_department_approved(world):
    did = world.at("approved")
    finance, editor = world.clients["finance"], world.clients["editor_own"]
    r = finance.post(f"/api/disclosures/{did}/return", json={"reason": "项目支出绩效目标不完整"})
    assert r.status_code == 200 and r.json()["disclosure"]["status"] == "returned"
    assert editor.get(f"/api/disclosures/{did}").json()["review"]["returned"]["user"]["role"] == "finance"
    assert _waiting(editor)[did]["step"] == "submit"


def test_days_waiting_and_the_longest_waiting_first(world):
    reviewer = world.clients["reviewer_own"]
    old, new = world.at("submitted", "unit_c"), world.at("submitted")  # two series: each its latest
    with world.store.session() as s:
        d = s.get(m.Disclosure, old)
        s.execute(update(m.Disclosure).where(m.Disclosure.id == old).values(status_at=d.status_at - timedelta(days=3)))
    listed = reviewer.get("/api/review").json()
    ids = [d["id"] for d in listed["disclosures"]]
    assert ids.index(old) < ids.index(new)
    waiting = {d["id"]: d for d in listed["disclosures"]}
    assert (waiting[old]["days"], waiting[new]["days"]) == (3, 0)
    assert listed["counts"]["approve"] >= 2
    page = reviewer.get("/review").text
    assert f'<tr id="w{old}" data-step="approve">' in page and "3 天" in page.split(f'id="w{old}"')[1].split("</tr>")[0]


def test_a_department_and_a_unit_budget_of_one_body_and_year_are_two_series(world):
    """上海市普陀区财政局's 2025 部门预算, and a 2025 单位预算 uploaded for the same body: two documents,
    each version 1 of its own series — not the unit's as version 2 of the department's. The 部门预算 lists
    the 单位预算s it contains: its body's own and those of the bodies under it."""
    admin, public = world.clients["admin"], world.clients["public"]
    with world.store.session() as s:
        dept = ensure_body(s, "戊部门")
        child = ensure_body(s, "戊单位", parent="戊部门", level="unit")
        dept_id, child_id = dept.id, child.id
    names = {"dept": "shanghai-putuo-2025-caizhengju-dept-budget.pdf", "own": "shanghai-2025-caizhengju-unit-budget.pdf",
             "child": "shanghai-putuo-2025-shangwu-weiyuanhui-unit-budget.pdf"}
    made = {}
    for key, body in (("dept", dept_id), ("own", dept_id), ("child", child_id)):
        r = admin.post("/api/disclosures", data={"body_id": body},
                       files=[("files", (names[key], (CORPUS / names[key]).read_bytes(), "application/pdf"))])
        assert r.status_code == 201, r.text
        made[key] = r.json()["disclosure"]
    d, u = made["dept"], made["own"]
    assert (d["body"]["id"], d["year"], d["kind"], d["level"]) == (u["body"]["id"], u["year"], u["kind"], "department")
    assert u["level"] == "unit" and d["doc_name"] == "部门预算" and u["doc_name"] == "单位预算"
    assert (d["version"], u["version"], u["previous_id"]) == (1, 1, None)
    assert d["is_latest"] and admin.get(f"/api/disclosures/{d['id']}").json()["disclosure"]["is_latest"]
    listed = admin.get(f"/api/disclosures?body_id={dept_id}").json()["disclosures"]
    assert sorted((x["level"], x["version"]) for x in listed) == [("department", 1), ("unit", 1)]
    versions = admin.get(f"/api/disclosures/{d['id']}").json()["versions"]
    assert [v["id"] for v in versions] == [d["id"]]  # the 单位预算 is not a version of it

    detail = admin.get(f"/api/disclosures/{d['id']}").json()
    assert [x["id"] for x in detail["units"]] == [u["id"], made["child"]["id"]]  # 本级 first
    assert detail["department"] is None
    for key in ("own", "child"):
        up = admin.get(f"/api/disclosures/{made[key]['id']}").json()
        assert up["department"]["id"] == d["id"] and up["units"] == []
    page = admin.get(f"/disclosures/{d['id']}").text
    assert f'href="/disclosures/{made["child"]["id"]}">戊单位</a>' in page.split('id="units"')[1]
    assert public.get(f"/api/disclosures/{d['id']}").status_code == 404  # drafts: the public sees neither


def test_a_level_corrected_moves_the_draft_to_the_other_series(world):
    """A 单位预算 read as a 部门预算 (Shenzhen's units print 部门预算): correcting its level moves it to the
    unit series (its only version there), and the department series falls back to what it had."""
    admin = world.clients["admin"]
    doc, findings, files = checked("shenzhen-2023-pingshan-guanliju-budget.txt")
    from yusuan.store.repository import UploadedFile, ingest

    with world.store.session() as s:
        body = ensure_body(s, "庚单位", level="unit")
        first = ingest(s, doc, findings, files, status="published", body=body).id
        second = ingest(s, doc, findings, [UploadedFile("b.txt", files[0].content + b"\n")], body=body).id
    r = admin.patch(f"/api/disclosures/{second}", json={"level": "unit"})
    assert r.status_code == 200, r.text
    moved = r.json()["disclosure"]
    assert (moved["level"], moved["is_latest"]) == ("unit", True)
    assert admin.get(f"/api/disclosures/{first}").json()["disclosure"]["is_latest"]
    assert [v["id"] for v in r.json()["versions"]] == [second]


def test_migration_0003_keeps_the_data_and_splits_series_by_level(world, tmp_path, request):
    """A database at 0002 with a published disclosure, its file and a comment: after 0003 its status time
    is its publication time, its file and comment are still there, and a 单位预算 of the same body, year and
    version number can be stored beside it."""
    from sqlalchemy import text

    from tests.web.conftest import make_store

    pg = request.getfixturevalue("pg_base") if world.backend == "postgresql" else None
    with make_store(world.backend, tmp_path, pg, revision="0002") as store:
        with store.engine.begin() as c:  # rows as 0002 knew them, written without the models of today
            c.execute(text("INSERT INTO bodies (name, level, body_type, created_at) "
                           "VALUES ('辛部门', 'department', '', :t)"), {"t": "2024-01-02 03:04:05+00:00"})
            body = c.execute(text("SELECT id FROM bodies WHERE name = '辛部门'")).scalar()
            c.execute(text(
                "INSERT INTO disclosures (body_id, year, kind, level, parent_name, body_type, title, contents, "
                "extra, status, version, is_latest, is_latest_published, fingerprint, cell_count, errors, warnings, "
                "infos, created_at, published_at) VALUES (:body, 2024, 'budget', 'department', '', '', '', '[]', "
                "'{}', 'published', 1, :yes, :yes, 'f', 0, 0, 0, 0, :created, :published)"),
                {"body": body, "yes": True, "created": "2024-01-02 03:04:05+00:00",
                 "published": "2024-02-03 04:05:06+00:00"})
            did = c.execute(text("SELECT id FROM disclosures WHERE body_id = :body"), {"body": body}).scalar()
            c.execute(text("INSERT INTO files (disclosure_id, position, name, format, size, sha256, content) "
                           "VALUES (:d, 0, 'a.txt', 'text', 1, 'h', :b)"), {"d": did, "b": b"x"})
            c.execute(text("INSERT INTO users (username, display_name, password_hash, role, is_active, created_at) "
                           "VALUES ('辛', '辛', 'h', 'reviewer', :yes, :t)"), {"yes": True, "t": "2024-01-02 03:04:05+00:00"})
            c.execute(text("INSERT INTO comments (disclosure_id, user_id, created_at, text) SELECT :d, id, created_at, "
                           "'请核对' FROM users WHERE username = '辛'"), {"d": did})
        store.upgrade()
        with store.session() as s:
            d = s.scalar(select(m.Disclosure).where(m.Disclosure.body_id == body))
            assert d.status_at == d.published_at and d.status_at.month == 2
            # SQLite rebuilds the altered tables: the rows pointing at them stay (they once cascaded away)
            assert [f.name for f in d.files] == ["a.txt"]
            assert [(c.text, c.kind) for c in s.scalars(select(m.Comment).where(m.Comment.disclosure_id == d.id))] == [
                ("请核对", "comment")]
            s.add(m.Disclosure(body_id=body, year=2024, kind="budget", level="unit", status="draft", version=1,
                               fingerprint="g"))
        with pytest.raises(Exception), store.session() as s:  # the same series and version: still refused
            s.add(m.Disclosure(body_id=body, year=2024, kind="budget", level="unit", status="draft", version=1,
                               fingerprint="h"))


def test_a_comment_points_at_a_table_a_row_or_a_cell_of_its_own_disclosure(world):
    """A cell's comment keeps its row and table (so the page shows it under its table); a row or table of
    another disclosure is refused."""
    reviewer = world.clients["reviewer_own"]
    mine, other = world.at("submitted"), world.ids["published"]
    table = next(t for t in reviewer.get(f"/api/disclosures/{mine}/tables").json()["tables"] if t["rows"])
    row = next(r for r in table["rows"] if r["cells"])
    cell = next(iter(row["cells"].values()))
    r = reviewer.post(f"/api/disclosures/{mine}/comments", json={"text": "这个数请核对。", "cell_id": cell["id"]})
    assert r.status_code == 201, r.text
    assert (r.json()["table_id"], r.json()["row_id"], r.json()["cell_id"]) == (table["id"], row["id"], cell["id"])
    r = reviewer.post(f"/api/disclosures/{mine}/comments", json={"text": "本表单位请统一。", "table_id": table["id"]})
    assert (r.json()["table_id"], r.json()["row_id"]) == (table["id"], None)
    assert table["title"] in r.json()["about"]
    foreign = world.clients["admin"].get(f"/api/disclosures/{other}/tables").json()["tables"][0]
    for target in ({"table_id": foreign["id"]}, {"row_id": foreign["rows"][0]["id"]}):
        r = reviewer.post(f"/api/disclosures/{mine}/comments", json={"text": "错位的意见", **target})
        assert r.status_code == 400 and "这份文件没有编号为" in r.json()["detail"]
    r = reviewer.post(f"/api/disclosures/{mine}/comments",
                      json={"text": "行与表不符", "table_id": table["id"] + 1, "row_id": row["id"]})
    assert r.status_code == 400
    page = world.clients["editor_own"].get(f"/disclosures/{mine}").text
    assert "本表单位请统一。" in page.split(f'id="tc{table["id"]}"')[1].split("</article>")[0]


def test_a_units_own_budget_printed_as_a_bumen_yusuan_is_contained_too(world):
    """Shenzhen's units print their budgets as 部门预算: under a department body, such a child's 部门预算 is what
    the department's contains (the rule the roll-up checks use), and the public sees the link once both are
    published."""
    from yusuan.store.repository import UploadedFile, ingest

    with world.store.session() as s:
        dept = ensure_body(s, "壬部门")
        child = ensure_body(s, "壬单位", parent="壬部门", level="unit")
        doc, findings, files = checked("shenzhen-2023-pingshan-guanliju-budget.txt")
        unit_doc = ingest(s, doc, findings, [UploadedFile("坪山.txt", files[0].content + b"\n\n")], status="published",
                          body=child).id
        doc, findings, files = checked(ZHINENG)
        dept_doc = ingest(s, doc, findings, [UploadedFile("部门.txt", files[0].content + b"\n\n")], status="published",
                          body=dept).id
    public = world.clients["public"]
    assert [u["id"] for u in public.get(f"/api/disclosures/{dept_doc}").json()["units"]] == [unit_doc]
    assert public.get(f"/api/disclosures/{unit_doc}").json()["department"]["id"] == dept_doc


def test_an_acknowledgement_leaves_the_public_cache_alone_and_a_step_does_not(world):
    """The reasons are the review's conversation (the public never reads them): acknowledging does not raise
    the data generation; a step of the chain changes a status and does."""
    did = world.at("draft", acknowledged=False)
    editor = world.clients["editor_own"]
    warning = next(f["id"] for f in _findings(editor, did) if f["severity"] == "warning")
    before = world.store.generation()
    r = editor.post(f"/api/disclosures/{did}/acknowledgements", json={"finding_ids": [warning], "reason": "已核对"})
    assert r.status_code == 200 and world.store.generation() == before
    assert editor.post(f"/api/disclosures/{did}/submit").status_code == 200
    assert world.store.generation() == before + 1
