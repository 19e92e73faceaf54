"""The administrator's pages and their API, on SQLite and PostgreSQL: users created, changed, their
passwords reset and their accounts disabled, each change in the audit log; the log filtered by who,
what, when and which disclosure, and exported as CSV."""

from __future__ import annotations

import csv
import io
import secrets
from datetime import date, datetime, timedelta, timezone

from tests.web.conftest import PASSWORD, RoleClient

HTML = {"Accept": "text/html"}


def _new_user(world, role="editor", body_key="unit_a") -> dict:
    admin = world.clients["admin"]
    name = f"u_{secrets.token_hex(4)}"
    r = admin.post("/api/users", json={"username": name, "password": PASSWORD, "role": role,
                                        "body_id": world.ids[body_key], "display_name": "张三"})
    assert r.status_code == 201, r.text
    return r.json()


def _address() -> str:
    return f"10.9.{secrets.randbelow(250)}.{secrets.randbelow(250)}"  # failed logins of one test stay its own


def _log_in(world, username: str) -> RoleClient:
    return RoleClient(world.app, "user", username, ip=_address())


def _login_status(world, username: str, password: str = PASSWORD) -> int:
    from fastapi.testclient import TestClient

    http = TestClient(world.app, client=(_address(), 50000))
    return http.post("/api/login", json={"username": username, "password": password}).status_code


def test_the_admin_changes_role_and_body_and_the_user_sees_accordingly(world):
    user = _new_user(world)
    client = _log_in(world, user["username"])
    draft_c = world.ids["draft_c"]  # 甲二单位's draft: not its unit's
    assert client.http.get(f"/api/disclosures/{draft_c}").status_code == 404
    r = world.clients["admin"].patch(f"/api/users/{user['id']}", json={"role": "reviewer", "body_id": world.ids["dept_a"]})
    assert r.status_code == 200, r.text
    assert (r.json()["role"], r.json()["body"]) == ("reviewer", "甲部门")
    assert client.http.get(f"/api/disclosures/{draft_c}").status_code == 200  # at once, same session
    log = world.clients["admin"].get("/api/audit?action=user_update&username=admin").json()["entries"]
    entry = next(e for e in log if e["detail"]["username"] == user["username"])
    assert entry["detail"]["changes"]["role"] == ["editor", "reviewer"]
    assert "角色：editor → reviewer" in entry["detail_text"]


def test_a_role_that_needs_a_body_is_refused_without_one(world):
    user = _new_user(world)
    r = world.clients["admin"].patch(f"/api/users/{user['id']}", json={"body_id": None})
    assert r.status_code == 400 and "填报人需要指定单位" in r.json()["detail"]
    r = world.clients["admin"].patch(f"/api/users/{user['id']}", json={"role": "admin"})
    assert r.status_code == 200 and r.json()["body_id"] is None  # an administrator belongs to no body


def test_a_reset_password_replaces_the_old_one_and_ends_the_sessions(world):
    user = _new_user(world)
    client = _log_in(world, user["username"])
    assert client.http.get("/api/me").json()["user"]["username"] == user["username"]
    r = world.clients["admin"].post(f"/api/users/{user['id']}/password")
    assert r.status_code == 200, r.text
    new = r.json()["password"]
    assert len(new) >= 10 and new != PASSWORD
    assert client.http.get("/api/me").json()["user"] is None  # its session ended
    assert _login_status(world, user["username"]) == 401
    assert _login_status(world, user["username"], new) == 200
    entries = world.clients["admin"].get("/api/audit?action=password_reset").json()["entries"]
    assert any(e["detail"].get("username") == user["username"] for e in entries)
    assert all(new not in str(e) for e in entries)  # the password itself is never logged


def test_a_disabled_user_cannot_log_in_and_is_logged_out(world):
    user = _new_user(world)
    client = _log_in(world, user["username"])
    admin = world.clients["admin"]
    assert admin.patch(f"/api/users/{user['id']}", json={"is_active": False}).json()["is_active"] is False
    assert client.http.get("/api/me").json()["user"] is None
    assert _login_status(world, user["username"]) == 401
    assert admin.patch(f"/api/users/{user['id']}", json={"is_active": True}).status_code == 200
    assert _login_status(world, user["username"]) == 200


def test_the_last_administrator_stays(world):
    admin = world.clients["admin"]
    users = admin.get("/api/users").json()["users"]
    others = [u for u in users if u["role"] == "admin" and u["is_active"] and u["username"] != "admin"]
    for u in others:  # other tests may have made administrators: set them aside
        assert admin.patch(f"/api/users/{u['id']}", json={"is_active": False}).status_code == 200
    me = admin.get("/api/me").json()["user"]
    try:
        for change in ({"is_active": False}, {"role": "editor", "body_id": world.ids["unit_a"]}):
            r = admin.patch(f"/api/users/{me['id']}", json=change)
            assert r.status_code == 400 and "唯一可用的管理员" in r.json()["detail"]
        assert admin.get("/api/me").json()["role"] == "admin"
    finally:
        for u in others:
            admin.patch(f"/api/users/{u['id']}", json={"is_active": True})


def test_unknown_fields_and_users_are_refused(world):
    admin = world.clients["admin"]
    assert admin.patch("/api/users/999999", json={"display_name": "x"}).status_code == 404
    assert admin.patch(f"/api/users/{_new_user(world)['id']}", json={"password_hash": "x"}).status_code == 422


def test_the_audit_log_filters_by_who_what_when_and_disclosure(world):
    admin = world.clients["admin"]
    target = world.draft()
    r = world.clients["editor_own"].post(f"/api/disclosures/{target}/comments", json={"text": "请核对合计。"})
    assert r.status_code == 201
    log = admin.get(f"/api/audit?disclosure_id={target}").json()
    assert log["total"] == len(log["entries"]) >= 2  # its upload and the comment
    assert {e["disclosure_id"] for e in log["entries"]} == {target}
    assert all("甲单位" in e["disclosure"] for e in log["entries"])
    who = admin.get(f"/api/audit?disclosure_id={target}&username=editor_a&action=comment").json()["entries"]
    assert [e["action_name"] for e in who] == ["审核意见"]
    today = date.today()
    assert admin.get(f"/api/audit?disclosure_id={target}&since={today - timedelta(days=1)}&until={today + timedelta(days=1)}"
                     ).json()["total"] == log["total"]
    assert admin.get(f"/api/audit?disclosure_id={target}&until={today - timedelta(days=2)}").json()["total"] == 0
    assert admin.get(f"/api/audit?disclosure_id={target}&since={today + timedelta(days=2)}").json()["total"] == 0


def test_the_audit_log_exports_as_csv_with_the_same_filters(world):
    admin = world.clients["admin"]
    target = world.draft()
    admin.post(f"/api/disclosures/{target}/comments", json={"text": "=HYPERLINK(\"http://x\")"})
    r = admin.get(f"/api/audit.csv?disclosure_id={target}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    text = r.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads the Chinese
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert rows and {row["公开文件编号"] for row in rows} == {str(target)}
    assert len(rows) == admin.get(f"/api/audit?disclosure_id={target}").json()["total"]
    assert {"时间（北京时间，UTC+8）", "用户", "操作", "公开文件", "详情", "时间（UTC，ISO 8601）"} <= set(rows[0])
    assert "审核意见" in {row["操作"] for row in rows}
    for row in rows:  # the same moment, eight hours ahead
        utc = datetime.fromisoformat(row["时间（UTC，ISO 8601）"])
        assert row["时间（北京时间，UTC+8）"] == (utc + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S")


def test_the_audit_log_shows_china_time_and_filters_by_china_days(world):
    from yusuan.store import models as m

    admin = world.clients["admin"]
    target = world.draft()
    late = datetime(2026, 3, 1, 17, 30, 5, tzinfo=timezone.utc)  # 2026-03-02 01:30:05 in Beijing
    with world.store.session() as s:
        s.add(m.AuditEntry(action="comment", username="admin", disclosure_id=target, at=late, detail={}))
    entries = admin.get(f"/api/audit?disclosure_id={target}&action=comment").json()["entries"]
    assert [e["at_local"] for e in entries] == ["2026-03-02 01:30:05"]
    assert datetime.fromisoformat(entries[0]["at"]) == late
    on = admin.get(f"/api/audit?disclosure_id={target}&action=comment&since=2026-03-02&until=2026-03-02").json()
    before = admin.get(f"/api/audit?disclosure_id={target}&action=comment&until=2026-03-01").json()
    assert on["total"] == 1 and before["total"] == 0
    page = admin.get(f"/admin/audit?disclosure_id={target}&action=comment", headers=HTML).text
    assert "2026-03-02 01:30:05" in page and "北京时间" in page and "2026-03-01 17:30" not in page


def test_a_csv_value_that_looks_like_a_formula_is_quoted():
    from yusuan.store.exports import rows_csv

    text = rows_csv((("a", "A"), ("b", "B")), [{"a": "=1+2", "b": "-12.5"}, {"a": "@SUM(A1)", "b": "+x"}])
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[1] == ["'=1+2", "-12.5"] and rows[2] == ["'@SUM(A1)", "'+x"]


def test_the_admin_pages_show_users_and_the_log(world):
    admin = world.clients["admin"]
    user = _new_user(world)
    page = admin.get("/admin/users", headers=HTML).text
    assert f'data-username="{user["username"]}"' in page and "重置密码" in page and "新建用户" in page
    page = admin.get(f"/admin/audit?username={user['username']}", headers=HTML).text  # created by admin: none of its own
    assert "没有符合条件的记录" in page
    page = admin.get("/admin/audit?action=user_create", headers=HTML).text
    assert user["username"] in page and "/api/audit.csv?action=user_create" in page
    nav = world.clients["editor_own"].get("/", headers=HTML).text
    assert 'href="/admin/users"' not in nav
    assert 'href="/admin/users"' in admin.get("/", headers=HTML).text


def test_the_admin_makes_a_finance_bureau_user_who_sees_every_department(world):
    """财政局 belongs to no body (one given is dropped); it reads the drafts of every department, and the
    users page offers the role with what it may do."""
    admin = world.clients["admin"]
    page = admin.get("/admin/users", headers=HTML).text
    assert '<option value="finance">财政局</option>' in page and "查看全部部门" in page
    user = _new_user(world, role="finance")
    assert (user["role"], user["role_name"], user["body_id"]) == ("finance", "财政局", None)
    finance = _log_in(world, user["username"])
    for key in ("draft", "draft_c"):  # 甲单位's and 甲二单位's drafts, of a department it does not belong to
        assert finance.get(f"/api/disclosures/{world.ids[key]}").status_code == 200
    assert finance.post("/api/disclosures", files=[("files", ("a.txt", b"x", "text/plain"))]).status_code == 403
    log = admin.get("/api/audit?action=user_create&limit=50").json()["entries"]
    assert any(e["detail"].get("username") == user["username"] and e["detail"].get("role") == "finance" for e in log)
