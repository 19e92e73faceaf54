"""Accounts: argon2id hashes, login and logout, tampered cookies, the rate limit, the first administrator."""

from __future__ import annotations

from sqlalchemy import select

from tests.web.conftest import PASSWORD, RoleClient
from yusuan.store import models as m


def test_passwords_are_stored_as_argon2id_hashes(world):
    with world.store.session() as s:
        hashes = s.execute(select(m.User.password_hash)).scalars().all()
    assert hashes and all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)


def test_login_me_logout(world):
    c = RoleClient(world.app, "editor", "editor_a")
    me = c.get("/api/me").json()
    assert me["user"]["username"] == "editor_a" and me["role"] == "editor" and me["csrf_token"] == c.csrf
    assert me["user"]["body"] == "甲单位"
    cookie = c.http.cookies.get("yusuan_session")
    assert cookie and "editor_a" not in cookie
    assert c.post("/api/logout").status_code == 204
    assert c.get("/api/me").json()["role"] == "public"
    # the old cookie no longer opens a session: the session row is gone
    replay = RoleClient(world.app, "public", None)
    replay.http.cookies.set("yusuan_session", cookie)
    assert replay.get("/api/me").json()["role"] == "public"


def test_a_tampered_cookie_is_the_public(world):
    c = RoleClient(world.app, "admin", "admin")
    cookie = c.http.cookies.get("yusuan_session")
    forged = RoleClient(world.app, "public", None)
    forged.http.cookies.set("yusuan_session", cookie[:-2] + ("AA" if not cookie.endswith("AA") else "BB"))
    assert forged.get("/api/me").json()["role"] == "public"
    assert forged.get("/api/audit").status_code == 401


def test_wrong_password_is_refused_and_audited(world):
    c = RoleClient(world.app, "public", None, ip="10.9.0.1")
    r = c.post("/api/login", json={"username": "reviewer_b", "password": "not the password"})
    assert r.status_code == 401 and r.json()["detail"] == "用户名或密码不正确"
    r = c.post("/api/login", json={"username": "nobody", "password": "whatever it is"})
    assert r.status_code == 401 and r.json()["detail"] == "用户名或密码不正确"  # no hint which was wrong
    with world.store.session() as s:
        failed = s.execute(select(m.AuditEntry.username).where(m.AuditEntry.action == "login_failed",
                                                               m.AuditEntry.ip == "10.9.0.1")).scalars().all()
    assert sorted(failed) == ["nobody", "reviewer_b"]


def test_login_is_rate_limited_per_user_name(world):
    from yusuan.store.accounts import LOGIN_FAILURES_PER_NAME, create_user

    with world.store.session() as s:
        if s.scalar(select(m.User).where(m.User.username == "target")) is None:
            create_user(s, "target", PASSWORD, "admin")
    c = RoleClient(world.app, "public", None, ip="10.9.0.2")
    for _ in range(LOGIN_FAILURES_PER_NAME):
        assert c.post("/api/login", json={"username": "target", "password": "guess guess"}).status_code == 401
    r = c.post("/api/login", json={"username": "target", "password": PASSWORD})  # even the right one, for now
    assert r.status_code == 429 and "登录失败次数过多" in r.json()["detail"] and int(r.headers["retry-after"]) > 0
    # another user from another address is not affected
    assert RoleClient(world.app, "admin", "admin", ip="10.9.0.3").csrf


def test_login_is_rate_limited_per_address(world):
    from yusuan.store.accounts import LOGIN_FAILURES_PER_IP

    c = RoleClient(world.app, "public", None, ip="10.9.0.4")
    for i in range(LOGIN_FAILURES_PER_IP):
        assert c.post("/api/login", json={"username": f"spray{i}", "password": "guess guess"}).status_code == 401
    assert c.post("/api/login", json={"username": "admin", "password": PASSWORD}).status_code == 429


def test_first_start_creates_an_administrator_and_prints_its_password_once(tmp_path):
    from click.testing import CliRunner

    from yusuan.cli.main import main
    from yusuan.store import Store
    from yusuan.store.accounts import login

    url = f"sqlite:///{tmp_path / 'first.db'}"
    first = CliRunner().invoke(main, ["db", "init", "--db", url])
    assert first.exit_code == 0, first.output
    line = next(x for x in first.output.splitlines() if "已创建管理员账户" in x)
    password = line.rsplit("密码 ", 1)[1].strip()
    again = CliRunner().invoke(main, ["db", "upgrade", "--db", url])
    assert again.exit_code == 0 and "已创建管理员账户" not in again.output and password not in again.output
    store = Store(url)
    with store.session() as s:
        user, _, _ = login(s, "admin", password)
        assert user.role == "admin"
        assert s.scalar(select(m.Setting.value).where(m.Setting.key == "secret_key"))
    store.dispose()


def test_admin_creates_accounts_for_reviewers_and_editors(world):
    admin = world.clients["admin"]
    r = admin.post("/api/users", json={"username": "新填报人", "password": "short", "role": "editor",
                                       "body_id": world.ids["unit_b"]})
    assert r.status_code == 422
    r = admin.post("/api/users", json={"username": "审核人乙二", "password": "long enough pw", "role": "reviewer"})
    assert r.status_code == 400 and "主管部门" in r.json()["detail"]
    r = admin.post("/api/users", json={"username": "审核人乙二", "password": "long enough pw", "role": "reviewer",
                                       "body_id": world.ids["dept_b"]})
    assert r.status_code == 201 and r.json()["body"] == "乙部门"
    r = admin.post("/api/users", json={"username": "审核人乙二", "password": "long enough pw", "role": "reviewer",
                                       "body_id": world.ids["dept_b"]})
    assert r.status_code == 400 and "已被使用" in r.json()["detail"]
