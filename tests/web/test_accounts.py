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


def test_login_is_limited_per_user_name_and_address_and_never_locks_the_owner_out(world):
    from yusuan.store.accounts import LOGIN_FAILURES_PER_PAIR, create_user

    with world.store.session() as s:
        if s.scalar(select(m.User).where(m.User.username == "target")) is None:
            create_user(s, "target", PASSWORD, "admin")
    attacker = RoleClient(world.app, "public", None, ip="10.9.0.2")
    for _ in range(LOGIN_FAILURES_PER_PAIR):
        assert attacker.post("/api/login", json={"username": "target", "password": "guess guess"}).status_code == 401
    r = attacker.post("/api/login", json={"username": "target", "password": PASSWORD})  # even the right one, for now
    assert r.status_code == 429 and "登录失败次数过多" in r.json()["detail"] and int(r.headers["retry-after"]) > 0
    # the owner, from their own address, is not locked out; another user from the attacker's address neither
    assert RoleClient(world.app, "admin", "target", ip="10.9.0.3").csrf
    assert RoleClient(world.app, "admin", "admin", ip="10.9.0.2").csrf
    with world.store.session() as s:
        outcomes = s.execute(select(m.AuditEntry.action).where(m.AuditEntry.username == "target",
                                                               m.AuditEntry.ip == "10.9.0.2")).scalars().all()
    assert sorted(outcomes) == ["login_failed"] * LOGIN_FAILURES_PER_PAIR + ["login_limited"]


def test_login_attempts_made_at_once_all_count(world):
    """Each attempt is recorded (and committed) before its password is checked: of many wrong guesses sent
    together, no more than the limit are checked. Before, all of them were."""
    import threading

    from yusuan.store.accounts import LOGIN_FAILURES_PER_PAIR

    at_once = 3 * LOGIN_FAILURES_PER_PAIR
    clients = [RoleClient(world.app, "public", None, ip="10.9.0.5") for _ in range(at_once)]
    start = threading.Barrier(at_once)
    statuses = [None] * at_once

    def guess(i: int) -> None:
        start.wait()
        r = clients[i].post("/api/login", json={"username": "admin", "password": f"guess {i:04d}"})
        statuses[i] = r.status_code

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(at_once)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    # attempts that see each other may all be refused unchecked: never more than the limit are checked
    assert set(statuses) <= {401, 429} and statuses.count(401) <= LOGIN_FAILURES_PER_PAIR, statuses


def test_x_forwarded_for_counts_only_from_a_trusted_proxy(world):
    from yusuan.store.accounts import LOGIN_FAILURES_PER_IP
    from yusuan.web import create_app
    from yusuan.web.settings import WebSettings

    def last_attempt_ip(username: str) -> str:
        with world.store.session() as s:
            return s.scalar(select(m.AuditEntry.ip).where(m.AuditEntry.username == username)
                            .order_by(m.AuditEntry.id.desc()).limit(1))

    # no proxy configured: the header is the client's word, ignored (it cannot dodge the address limit)
    direct = RoleClient(world.app, "public", None, ip="10.9.0.6")
    for i in range(LOGIN_FAILURES_PER_IP):
        r = direct.post("/api/login", json={"username": f"xff{i}", "password": "guess guess"},
                        headers={"X-Forwarded-For": f"192.0.2.{i}"})
        assert r.status_code == 401
    assert last_attempt_ip(f"xff{LOGIN_FAILURES_PER_IP - 1}") == "10.9.0.6"
    r = direct.post("/api/login", json={"username": "admin", "password": PASSWORD},
                    headers={"X-Forwarded-For": "192.0.2.99"})
    assert r.status_code == 429
    # behind a trusted proxy: the rightmost address the proxies did not write themselves
    app = create_app(world.store, WebSettings(trusted_proxies=("10.9.1.0/24",)))
    proxied = RoleClient(app, "public", None, ip="10.9.1.1")
    for header, client in (("198.51.100.7", "198.51.100.7"),
                           ("1.2.3.4, 198.51.100.8", "198.51.100.8"),  # 1.2.3.4: what the client wrote
                           ("198.51.100.9, 10.9.1.2", "198.51.100.9"),  # through two proxies
                           ("not-an-address", "10.9.1.1")):
        proxied.post("/api/login", json={"username": "via-proxy", "password": "guess guess"},
                     headers={"X-Forwarded-For": header})
        assert last_attempt_ip("via-proxy") == client, header
    # a peer that is no trusted proxy cannot borrow an address
    other = RoleClient(app, "public", None, ip="10.9.2.1")
    other.post("/api/login", json={"username": "via-proxy", "password": "guess guess"},
               headers={"X-Forwarded-For": "198.51.100.10"})
    assert last_attempt_ip("via-proxy") == "10.9.2.1"


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
