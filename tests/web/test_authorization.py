"""Every role against every endpoint: the status each must get, on SQLite and PostgreSQL.

Roles: the public; an administrator; the finance bureau (every department); the reviewer of 甲部门
("own": the draft's unit is under it) and of 乙部门 ("other"); the editor of 甲单位 ("own": the draft is its
unit's) and of 乙单位 ("other").
Targets: a published disclosure, and a draft of 甲单位. A case that changes something gets a fresh
version of its own, brought to the status its step starts from, so the cases do not depend on each other
and a refusal is for the role, not the status.
"""

from __future__ import annotations

import pytest

from tests.web.conftest import CORPUS, ROLES

P, A, F, RO, RX, EO, EX = ROLES
ALL = set(ROLES)
DRAFT_READERS = {A, F, RO, EO}
LOGGED_IN = ALL - {P}


def expect(ok: int, allowed: set, *, public: int = 404, other: int = 404, refused: int | None = None) -> dict:
    """`ok` for the roles allowed; the public gets `public`, the others `other` — or, given `refused`, that
    for those who read the target (a draft of 甲单位) but may not do this."""
    return {role: ok if role in allowed else public if role == P
            else refused if refused is not None and role in DRAFT_READERS else other for role in ROLES}


def step(ok: int, allowed: set) -> dict:
    """A change to a draft of 甲单位: 401 for the public, 404 for whom it is hidden, 403 for its readers
    whose role may not make it."""
    return expect(ok, allowed, public=401, refused=403)


# (name, method, url template, body maker, expected status by role)
READS = [
    ("bodies", "GET", "/api/bodies", expect(200, ALL)),
    ("disclosures", "GET", "/api/disclosures", expect(200, ALL)),
    ("cells", "GET", "/api/cells?limit=5", expect(200, ALL)),
    ("findings", "GET", "/api/findings?limit=5", expect(200, ALL)),
    ("aggregate", "GET", "/api/aggregate?drilldown=function.class", expect(200, ALL)),
    ("published detail", "GET", "/api/disclosures/{published}", expect(200, ALL)),
    ("published tables", "GET", "/api/disclosures/{published}/tables", expect(200, ALL)),
    ("published findings", "GET", "/api/disclosures/{published}/findings", expect(200, ALL)),
    ("published csv", "GET", "/api/disclosures/{published}/cells.csv", expect(200, ALL)),
    ("published file", "GET", "/api/files/{published_file}", expect(200, ALL)),
    ("draft detail", "GET", "/api/disclosures/{draft}", expect(200, DRAFT_READERS)),
    ("draft tables", "GET", "/api/disclosures/{draft}/tables", expect(200, DRAFT_READERS)),
    ("draft table", "GET", "/api/tables/{draft_table}", expect(200, DRAFT_READERS)),
    ("draft findings", "GET", "/api/disclosures/{draft}/findings", expect(200, DRAFT_READERS)),
    ("draft cells", "GET", "/api/cells?disclosure_id={draft}", expect(200, ALL)),  # empty when not visible
    ("draft csv", "GET", "/api/disclosures/{draft}/cells.csv", expect(200, DRAFT_READERS)),
    ("draft json", "GET", "/api/disclosures/{draft}/disclosure.json", expect(200, DRAFT_READERS)),
    ("draft report", "GET", "/api/disclosures/{draft}/report.json", expect(200, DRAFT_READERS)),
    ("draft checklist", "GET", "/api/disclosures/{draft}/checklist.xlsx", expect(200, DRAFT_READERS)),
    ("draft file", "GET", "/api/files/{draft_file}", expect(200, DRAFT_READERS)),
    ("draft comments", "GET", "/api/disclosures/{draft}/comments", expect(200, DRAFT_READERS, public=401)),
    ("published comments", "GET", "/api/disclosures/{published}/comments",
     expect(200, {A, F}, public=401, other=403)),
    ("body with drafts only", "GET", "/api/bodies/{unit_c}", expect(200, {A, F, RO})),
    ("body with a published one", "GET", "/api/bodies/{published_body}", expect(200, ALL)),
    ("audit", "GET", "/api/audit", expect(200, {A}, public=401, other=403)),
    ("users", "GET", "/api/users", expect(200, {A}, public=401, other=403)),
    ("audit csv", "GET", "/api/audit.csv?action=login", expect(200, {A}, public=401, other=403)),
    ("page: users", "GET", "/admin/users", expect(200, {A}, public=401, other=403)),
    ("page: audit log", "GET", "/admin/audit?action=publish", expect(200, {A}, public=401, other=403)),
    ("me", "GET", "/api/me", expect(200, ALL)),
    ("blank workbook", "GET", "/api/template.xlsx?year=2024", expect(200, ALL)),
    ("workbook from the published", "GET", "/api/template.xlsx?year=2024&from_disclosure={published}", expect(200, ALL)),
    ("workbook from a draft", "GET", "/api/template.xlsx?year=2023&from_disclosure={draft}", expect(200, DRAFT_READERS)),
    # pages
    ("page: index", "GET", "/", expect(200, ALL)),
    ("page: search", "GET", "/search?code=201", expect(200, ALL)),
    ("page: login", "GET", "/login", expect(200, ALL)),
    ("page: upload", "GET", "/upload", expect(200, ALL)),
    ("page: published", "GET", "/disclosures/{published}", expect(200, ALL)),
    ("page: draft", "GET", "/disclosures/{draft}", expect(200, DRAFT_READERS)),
    ("page: body with drafts only", "GET", "/bodies/{unit_c}", expect(200, {A, F, RO})),
    ("waiting", "GET", "/api/review", expect(200, LOGGED_IN, public=401)),
    ("page: waiting", "GET", "/review", expect(200, LOGGED_IN, public=401)),
    ("page: compare published", "GET", "/compare?a={published}&b={published}", expect(200, ALL)),
    ("page: compare with a draft", "GET", "/compare?a={published}&b={draft}", expect(200, DRAFT_READERS)),
]

REASON = {"json": {"reason": "请核对表3的合计。"}}
# (name, method, url template, status the target starts from, body maker, expected status by role)
WRITES = [
    ("comment", "POST", "/api/disclosures/{target}/comments", "draft", lambda w: {"json": {"text": "请核对表3的合计。"}},
     step(201, DRAFT_READERS)),
    ("edit", "PATCH", "/api/disclosures/{target}", "draft", lambda w: {"json": {"title": "更正后的标题"}},
     step(200, {A, RO, EO})),
    ("acknowledge", "POST", "/api/disclosures/{target}/acknowledgements", "draft",
     lambda w: {"json": {"finding_ids": [w.warning], "reason": "已核对，无需更正"}}, step(200, {A, RO, EO})),
    ("submit", "POST", "/api/disclosures/{target}/submit", "draft", lambda w: {}, step(200, {A, RO, EO})),
    ("submit returned", "POST", "/api/disclosures/{target}/submit", "returned", lambda w: {},
     step(200, {A, RO, EO})),
    ("approve", "POST", "/api/disclosures/{target}/approve", "submitted", lambda w: {}, step(200, {A, RO})),
    ("return submitted", "POST", "/api/disclosures/{target}/return", "submitted", lambda w: REASON,
     step(200, {A, RO})),
    ("approve finance", "POST", "/api/disclosures/{target}/approve-finance", "approved", lambda w: {},
     step(200, {A, F})),
    ("return approved", "POST", "/api/disclosures/{target}/return", "approved", lambda w: REASON,
     step(200, {A, F})),
    ("publish", "POST", "/api/disclosures/{target}/publish", "approved_finance", lambda w: {},
     step(200, {A, RO})),
    ("upload", "POST", "/api/disclosures", None, lambda w: {"files": _upload_file(), "data": {"body_id": w.ids["unit_a"]}},
     expect(201, {A, RO, EO}, public=401, other=403)),
    ("publish published", "POST", "/api/disclosures/{published}/publish", None, lambda w: {},
     {**step(400, {A}), RO: 403, RX: 403, EO: 403, EX: 403}),
    ("edit published", "PATCH", "/api/disclosures/{published}", None, lambda w: {"json": {"title": "x"}},
     expect(403, LOGGED_IN, public=401)),
    ("edit submitted", "PATCH", "/api/disclosures/{target}", "submitted", lambda w: {"json": {"title": "x"}},
     step(403, DRAFT_READERS)),
    ("create user", "POST", "/api/users", None,
     lambda w: {"json": {"username": f"u{id(w)}{len(w.ids)}{next(_counter)}", "password": "long enough pw",
                         "role": "editor", "body_id": w.ids["unit_a"]}},
     expect(201, {A}, public=401, other=403)),
    ("create a finance user", "POST", "/api/users", None,
     lambda w: {"json": {"username": f"f{next(_counter)}", "password": "long enough pw", "role": "finance"}},
     expect(201, {A}, public=401, other=403)),
    ("change a user", "PATCH", "/api/users/{spare_user}", None,
     lambda w: {"json": {"role": "reviewer", "body_id": w.ids["dept_a"]}}, expect(200, {A}, public=401, other=403)),
    ("disable a user", "PATCH", "/api/users/{spare_user}", None, lambda w: {"json": {"is_active": False}},
     expect(200, {A}, public=401, other=403)),
    ("reset a password", "POST", "/api/users/{spare_user}/password", None, lambda w: {},
     expect(200, {A}, public=401, other=403)),
]

_counter = iter(range(10**6))


def _upload_file():
    content = (CORPUS / "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt").read_bytes()
    return [("files", ("更正稿.txt", content + f"\n{next(_counter)}\n".encode(), "text/plain"))]


def _ids(world) -> dict:
    from sqlalchemy import select

    from yusuan.store import models as m

    with world.store.session() as s:
        ids = dict(world.ids)
        for key in ("published", "draft"):
            ids[f"{key}_file"] = s.scalar(select(m.File.id).where(m.File.disclosure_id == ids[key]))
        ids["published_body"] = s.get(m.Disclosure, ids["published"]).body_id
        ids["draft_table"] = s.scalar(select(m.Table.id).where(m.Table.disclosure_id == ids["draft"]).limit(1))
    return ids


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name,method,url,expected", READS, ids=[r[0] for r in READS])
def test_read(world, role, name, method, url, expected):
    r = world.clients[role].request(method, url.format(**_ids(world)))
    assert r.status_code == expected[role], r.text
    if r.status_code >= 400:
        assert r.json()["detail"]  # a message for people, in Chinese
    if name == "draft cells":  # the cells of a draft are listed only to those who may read it
        assert bool(r.json()["cells"]) == (role in DRAFT_READERS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name,method,url,start,make,expected", WRITES, ids=[w[0] for w in WRITES])
def test_write(world, role, name, method, url, start, make, expected):
    ids = _ids(world)
    if start is not None:
        ids["target"] = world.at(start, acknowledged=name != "acknowledge")
        world.warning = _warning(world, ids["target"])
    if "{spare_user}" in url:  # a user of its own: a change to it must not touch the logged-in clients
        ids["spare_user"] = _spare_user(world)
    before = _audit_count(world)
    r = world.clients[role].request(method, url.format(**ids), **make(world))
    assert r.status_code == expected[role], r.text
    if r.status_code < 300:
        assert _audit_count(world) > before  # every change leaves an audit entry
    else:
        assert r.json()["detail"]


def test_lists_and_tree_show_a_draft_only_to_its_readers(world):
    """甲二单位's draft (never published, never re-uploaded): the admin, the finance bureau and 甲部门's
    reviewer see it in the list and the tree; 甲单位's editor (another unit), the other department and the
    public do not."""
    draft = world.ids["draft_c"]
    for role in ROLES:
        client = world.clients[role]
        listed = {d["id"] for d in client.get("/api/disclosures?versions=all&limit=5000").json()["disclosures"]}
        in_tree = draft in _tree_ids(client.get("/api/bodies").json()["bodies"])
        assert (draft in listed) == in_tree == (role in {A, F, RO}), role


def _warning(world, disclosure_id: int) -> int:
    from sqlalchemy import select

    from yusuan.store import models as m

    with world.store.session() as s:
        return s.scalar(select(m.Finding.id).where(m.Finding.disclosure_id == disclosure_id,
                                                   m.Finding.severity == "warning"))


def _spare_user(world) -> int:
    from yusuan.store.accounts import create_user

    with world.store.session() as s:
        return create_user(s, f"spare{next(_counter)}", "long enough pw", "editor", world.ids["unit_a"]).id


def _tree_ids(nodes) -> set:
    out = set()
    for n in nodes:
        out |= {d["id"] for d in n["disclosures"]} | _tree_ids(n["children"])
    return out


def _audit_count(world) -> int:
    from sqlalchemy import func, select

    from yusuan.store import models as m

    with world.store.session() as s:
        return s.scalar(select(func.count()).select_from(m.AuditEntry))


@pytest.mark.parametrize("role", sorted(LOGGED_IN))
def test_cookie_requests_without_csrf_token_are_refused(world, role):
    target = world.ids["draft"]
    r = world.clients[role].post(f"/api/disclosures/{target}/comments", json={"text": "无令牌"}, csrf=False)
    assert r.status_code == 403 and "CSRF" in r.json()["detail"]
    r = world.clients[role].post(f"/api/disclosures/{target}/comments", json={"text": "错令牌"}, csrf=False,
                                 headers={"X-CSRF-Token": "forged"})
    assert r.status_code == 403
