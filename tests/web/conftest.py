"""One factory builds every web test world, on SQLite and on PostgreSQL (both always run: a PostgreSQL
server is started for the session when none answers on 127.0.0.1:5432).

A world: a published disclosure (坪山管理局), two departments (甲部门, 乙部门) each with a unit, a draft
of 甲单位, and one logged-in client per role: admin, the finance bureau, reviewer and editor of 甲
("own"), reviewer and editor of 乙 ("other"), and the public. `World.at(status)` makes a fresh version
of 甲单位 that has come that far along the review chain.
"""

from __future__ import annotations

import functools
import secrets
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.pg import postgres_url
from yusuan.store import Store
from yusuan.store.accounts import create_user
from yusuan.store.repository import UploadedFile, ensure_body, ingest
from yusuan.web import create_app
from yusuan.web.settings import WebSettings

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
BACKENDS = ("sqlite", "postgresql")
PASSWORD = "correct horse battery"
ROLES = ("public", "admin", "finance", "reviewer_own", "reviewer_other", "editor_own", "editor_other")
CLEAN = "shanghai-putuo-2025-shangwu-weiyuanhui-unit-budget.pdf"  # a 单位预算 with no error and one warning
# the steps that bring a fresh draft to each status (review.step's actions)
WALK = {"draft": (), "submitted": ("submit",), "approved": ("submit", "approve"),
        "approved_finance": ("submit", "approve", "approve_finance"),
        "published": ("submit", "approve", "approve_finance", "publish"), "returned": ("submit", "return")}


@functools.cache
def checked(*names: str):
    """(doc, findings, files) of a corpus publication, read and checked once per test run."""
    from yusuan.ingest.read import read_disclosure
    from yusuan.rules.registry import run

    doc = read_disclosure(*(CORPUS / n for n in names))
    return doc, run(doc), [UploadedFile.from_path(CORPUS / n) for n in names]


@pytest.fixture(scope="session")
def pg_base():
    url, server = postgres_url()
    yield url
    if server is not None:
        server.stop()


@contextmanager
def make_store(backend: str, tmp: Path, pg: str | None, revision: str = "head"):
    """A new database (SQLite in `tmp`, or a schema of its own on PostgreSQL) at `revision`."""
    if backend == "sqlite":
        store = Store(f"sqlite:///{tmp / 'yusuan.db'}")
        store.upgrade(revision)
        yield store
        store.dispose()
        return
    import psycopg

    schema = f"yusuan_test_{secrets.token_hex(4)}"
    plain = pg.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{schema}"')
    store = Store(pg, schema=schema)
    try:
        store.upgrade(revision)
        yield store
    finally:
        store.dispose()
        with psycopg.connect(plain, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """A new empty database of each backend, for one test."""
    pg = request.getfixturevalue("pg_base") if request.param == "postgresql" else None
    with make_store(request.param, tmp_path, pg) as s:
        yield s


@pytest.fixture(scope="session", params=BACKENDS)
def backend_store(request, tmp_path_factory):
    pg = request.getfixturevalue("pg_base") if request.param == "postgresql" else None
    with make_store(request.param, tmp_path_factory.mktemp(request.param), pg) as store:
        yield store


class RoleClient:
    """A client logged in as one role (or the public), sending its CSRF token unless told not to."""

    def __init__(self, app, role: str, username: str | None, ip: str = "testclient"):
        self.role = role
        self.http = TestClient(app, client=(ip, 50000))
        self.csrf = None
        if username:
            r = self.http.post("/api/login", json={"username": username, "password": PASSWORD})
            assert r.status_code == 200, r.text
            self.csrf = r.json()["csrf_token"]

    def request(self, method: str, url: str, csrf: bool = True, **kw):
        headers = dict(kw.pop("headers", {}) or {})
        if csrf and self.csrf and method.upper() not in ("GET", "HEAD"):
            headers["X-CSRF-Token"] = self.csrf
        return self.http.request(method, url, headers=headers, **kw)

    def get(self, url, **kw):
        return self.request("GET", url, **kw)

    def post(self, url, **kw):
        return self.request("POST", url, **kw)

    def patch(self, url, **kw):
        return self.request("PATCH", url, **kw)


@dataclass
class World:
    backend: str
    store: Store
    app: object
    ids: dict = field(default_factory=dict)
    clients: dict = field(default_factory=dict)

    def unit_with_editor(self, name: str, username: str) -> tuple[int, RoleClient]:
        """A unit of 甲部门 (created once) and a client logged in as its own editor `username`."""
        from sqlalchemy import select

        from yusuan.store import models as m

        with self.store.session() as s:
            body = ensure_body(s, name, parent="甲部门", level="unit")
            if s.scalar(select(m.User).where(m.User.username == username)) is None:
                create_user(s, username, PASSWORD, "editor", body.id)
            body_id = body.id
        return body_id, RoleClient(self.app, "editor", username)

    def draft(self, body_key: str = "unit_a", status: str = "draft") -> int:
        """A fresh disclosure of 甲单位 (or another body) to change: a new version with unique bytes (its
        findings hold errors: it cannot be submitted)."""
        doc, findings, files = checked("shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")
        unique = [UploadedFile(files[0].name, files[0].content + f"\n{secrets.token_hex(8)}\n".encode(), "text")]
        with self.store.session() as s:
            from yusuan.store import models as m

            body = s.get(m.Body, self.ids[body_key])
            return ingest(s, doc, findings, unique, status=status, body=body).id

    def at(self, status: str, body_key: str = "unit_a", *, acknowledged: bool = True, body_id: int | None = None,
           source: str = "clean") -> int:
        """A fresh version of 甲单位 (or another body, by key or id) from a publication without errors — the
        shanghai 单位预算 (`clean`) or 智能管控中心's corrected budget (`corrected`) —, its warnings acknowledged
        (unless told not to) and taken along the chain by the administrator to `status`."""
        from sqlalchemy import select

        from yusuan.store import models as m
        from yusuan.store.review import acknowledge, step

        doc, findings, files = checked(CLEAN) if source == "clean" else corrected_zhineng()
        mark = f"\n%{secrets.token_hex(8)}\n".encode()
        unique = [UploadedFile(files[0].name, files[0].content + mark, files[0].format or "pdf")]
        with self.store.session() as s:
            admin = s.scalar(select(m.User).where(m.User.username == "admin"))
            body = s.get(m.Body, body_id if body_id is not None else self.ids[body_key])
            d = ingest(s, doc, findings, unique, status="draft", body=body)
            warnings = [f.id for f in d.findings if f.severity == "warning"]
            if acknowledged and warnings:
                acknowledge(s, d, admin, warnings, "测试：已核对，无需更正")
            for action in WALK[status]:
                step(s, d, action, admin, reason="测试退回" if action == "return" else "")
            return d.id


def build_world(backend: str, store: Store, settings: WebSettings | None = None) -> World:
    app = create_app(store, settings)
    w = World(backend, store, app)
    with store.session() as s:
        doc, findings, files = checked("shenzhen-2023-pingshan-guanliju-budget.txt")
        w.ids["published"] = ingest(s, doc, findings, files, status="published", action="import").id
        dept_a = ensure_body(s, "甲部门")
        unit_a = ensure_body(s, "甲单位", parent="甲部门", level="unit")
        dept_b = ensure_body(s, "乙部门")
        unit_b = ensure_body(s, "乙单位", parent="乙部门", level="unit")
        unit_c = ensure_body(s, "甲二单位", parent="甲部门", level="unit")  # drafts only, never published
        w.ids.update(dept_a=dept_a.id, unit_a=unit_a.id, dept_b=dept_b.id, unit_b=unit_b.id, unit_c=unit_c.id)
        users = {
            "admin": create_user(s, "admin", PASSWORD, "admin"),
            "finance": create_user(s, "finance", PASSWORD, "finance"),
            "reviewer_own": create_user(s, "reviewer_a", PASSWORD, "reviewer", dept_a.id),
            "reviewer_other": create_user(s, "reviewer_b", PASSWORD, "reviewer", dept_b.id),
            "editor_own": create_user(s, "editor_a", PASSWORD, "editor", unit_a.id),
            "editor_other": create_user(s, "editor_b", PASSWORD, "editor", unit_b.id),
        }
        doc, findings, files = checked("shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")
        draft = ingest(s, doc, findings, files, status="draft", body=unit_a, user=users["editor_own"])
        w.ids["draft"] = draft.id
        w.ids["draft_c"] = ingest(s, doc, findings, files, status="draft", body=unit_c, user=users["admin"]).id
        w.ids["usernames"] = {role: u.username for role, u in users.items()}
    w.clients["public"] = RoleClient(app, "public", None)
    for role, name in w.ids["usernames"].items():
        w.clients[role] = RoleClient(app, role, name)
    return w


@pytest.fixture(scope="session")
def world(backend_store) -> World:
    backend = "sqlite" if backend_store.backend == "sqlite" else "postgresql"
    return build_world(backend, backend_store)


def rss() -> int:
    """This process's resident memory in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


# What an editor corrects in 深圳市生态环境智能管控中心's 2023 budget to clear its 8 errors (the table of
# contents lists three tables the document does not print; the 绩效目标表 names another 主管部门; the
# narrative's 公用支出 and 对个人和家庭的补助 are not those of 表8): its 9 warnings stay, word for word, and 3 more
# come: the three tables taken out of the contents are standard tables of a Shenzhen 部门预算 that neither the
# contents nor the body now shows (complete-standard-table).
ZHINENG = "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt"
ZHINENG_FIXES = (("- (二) 收入总表\n", ""), ("- (四) 基本支出总表\n", ""), ("- (五) 项目支出总表\n", ""),
                 ("主管部门\t深圳市财政局", "主管部门\t深圳市生态环境局"), ("公用支出 126 万元", "公用支出 123 万元"),
                 ("补助支出 68 万元", "补助支出 71 万元"))


def zhineng_corrected(extra: str = "") -> bytes:
    """The 2023 budget of 深圳市生态环境智能管控中心 with its errors corrected (and `extra` appended)."""
    text = (CORPUS / ZHINENG).read_text(encoding="utf-8")
    for wrong, right in ZHINENG_FIXES:
        assert wrong in text, wrong
        text = text.replace(wrong, right)
    return (text + extra).encode("utf-8")


@functools.cache
def corrected_zhineng():
    """(doc, findings, files) of 智能管控中心's corrected 2023 budget (`zhineng_corrected`), read and checked
    once per test run."""
    from yusuan.store.intake import read_files

    return read_files([UploadedFile("预算（更正）.txt", zhineng_corrected())])
