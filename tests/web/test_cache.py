"""The public cache (web/cache.py) and the data generation (store/generation.py), on SQLite and
PostgreSQL: a repeated public request is answered from memory with one read of the generation; a client
holding the answer gets 304; a new version, a publication or a status change gives new answers; a
draft never reaches anyone through the cache; signed-in users' answers are kept by no one."""

from __future__ import annotations

import gzip
import secrets
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from tests.web.conftest import BACKENDS, RoleClient, checked, make_store
from yusuan.store import models as m
from yusuan.store.repository import UploadedFile, ensure_body, ingest
from yusuan.web.cache import CACHED, Entries, Entry

TEXT = "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt"


def _version(world, body_name: str, status: str) -> int:
    """A new version (unique bytes) of `body_name`'s 2023 budget, stored as `status`."""
    doc, findings, files = checked(TEXT)
    unique = [UploadedFile(files[0].name, files[0].content + f"\n{secrets.token_hex(8)}\n".encode(), "text")]
    with world.store.session() as s:
        body = ensure_body(s, body_name, parent="甲部门", level="unit")
        return ingest(s, doc, findings, unique, status=status, body=body).id


@contextmanager
def statements(store):
    """The SQL statements the store's engine runs meanwhile."""
    seen: list[str] = []

    def count(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


def _cells_of(did: int) -> str:
    return f"/api/cells?disclosure_id={did}&limit=5"


PUBLIC_READS = ["/disclosures/{id}", "/api/disclosures/{id}", "/api/cells?kind=expense_summary&limit=20",
                "/api/aggregate?drilldown=function.class|year", "/api/disclosures/{id}/cells.csv", "/bodies/{body}"]


@pytest.mark.parametrize("url", PUBLIC_READS)
def test_a_repeated_public_request_is_answered_from_the_cache_and_revalidated(world, url):
    public = world.clients["public"]
    did = world.ids["published"]
    with world.store.session() as s:
        url = url.format(id=did, body=s.get(m.Disclosure, did).body_id)
    first = public.get(url)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    assert first.headers["cache-control"] == "public, no-cache"
    assert "Cookie" in first.headers["vary"]
    with statements(world.store) as seen:
        again = public.get(url)
        held = public.get(url, headers={"If-None-Match": etag})
        other = public.get(url, headers={"If-None-Match": 'W/"0123", "abcd"'})
    assert again.status_code == 200 and again.content == first.content and again.headers["etag"] == etag
    assert held.status_code == 304 and held.content == b"" and held.headers["etag"] == etag
    assert held.headers["cache-control"] == "public, no-cache"
    assert other.status_code == 200 and other.content == first.content
    assert len(seen) == 3 and all("settings" in q for q in seen), seen  # the generation, read once a request


def test_answers_are_gzipped_once_for_clients_that_take_gzip(world):
    url = f"/disclosures/{world.ids['published']}"
    public = world.clients["public"]
    plain = public.get(url, headers={"Accept-Encoding": "identity"})
    zipped = public.http.get(url, headers={"Accept-Encoding": "gzip"})  # httpx unzips: read the raw bytes
    refused = public.get(url, headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in plain.headers and "content-encoding" not in refused.headers
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.content == plain.content  # httpx decoded it
    assert int(zipped.headers["content-length"]) < len(plain.content) / 3
    assert zipped.headers["etag"] == plain.headers["etag"]


def test_a_new_version_or_a_publication_gives_new_answers(world):
    name = f"缓存单位{secrets.token_hex(3)}"
    v1 = _version(world, name, "published")
    public, reviewer = world.clients["public"], world.clients["reviewer_own"]
    page = public.get(f"/disclosures/{v1}")
    listing = public.get(f"/api/disclosures?body={name}")
    assert [d["id"] for d in listing.json()["disclosures"]] == [v1]
    before = world.store.generation()

    v2 = _version(world, name, "draft")  # a draft: the public sees the same as before
    assert world.store.generation() == before + 1
    assert public.get(f"/disclosures/{v1}", headers={"If-None-Match": page.headers["etag"]}).status_code == 304
    assert public.get(f"/disclosures/{v2}").status_code == 404
    assert [d["id"] for d in public.get(f"/api/disclosures?body={name}").json()["disclosures"]] == [v1]
    assert public.get(_cells_of(v2)).json()["cells"] == []

    # its correction goes through the review chain up to publication; each step is counted, none shows
    with world.store.session() as s:
        body_id = s.get(m.Disclosure, v1).body_id
    v2 = world.at("approved_finance", body_id=body_id, source="corrected")
    assert world.store.generation() > before + 1
    assert public.get(f"/disclosures/{v1}", headers={"If-None-Match": page.headers["etag"]}).status_code == 304
    assert public.get(f"/disclosures/{v2}").status_code == 404
    before = world.store.generation()
    r = reviewer.post(f"/api/disclosures/{v2}/publish")
    assert r.status_code == 200, r.text
    assert world.store.generation() == before + 1
    moved = public.get(f"/disclosures/{v1}", headers={"If-None-Match": page.headers["etag"]})
    assert moved.status_code == 200 and moved.headers["etag"] != page.headers["etag"]  # v2 now in its versions
    assert public.get(f"/disclosures/{v2}").status_code == 200
    assert [d["id"] for d in public.get(f"/api/disclosures?body={name}").json()["disclosures"]] == [v2]
    assert len(public.get(_cells_of(v2)).json()["cells"]) == 5


def test_a_draft_never_reaches_the_public_through_the_cache(world):
    draft = _version(world, f"缓存草稿单位{secrets.token_hex(3)}", "draft")
    admin, public = world.clients["admin"], world.clients["public"]
    urls = [f"/disclosures/{draft}", f"/api/disclosures/{draft}", _cells_of(draft), f"/api/disclosures/{draft}/cells.csv"]
    for url in urls:
        seen = admin.get(url)
        assert seen.status_code == 200
        assert seen.headers["cache-control"] == "private, no-store" and "etag" not in seen.headers
        assert "Cookie" in seen.headers["vary"]
    assert len(admin.get(_cells_of(draft)).json()["cells"]) == 5
    for _ in range(2):  # asked twice: the second would come from the cache
        assert public.get(urls[0]).status_code == 404
        assert public.get(urls[1]).status_code == 404
        assert public.get(urls[2]).json()["cells"] == []
        assert public.get(urls[3]).status_code == 404
    missing = public.get(urls[0])
    assert missing.headers["cache-control"] == "no-store"


def test_a_submitted_draft_is_counted_and_still_hidden(world):
    with world.store.session() as s:
        body_id = ensure_body(s, f"缓存提交单位{secrets.token_hex(3)}", parent="甲部门", level="unit").id
    draft = world.at("draft", body_id=body_id, source="corrected")  # no error, its warnings acknowledged
    public, admin = world.clients["public"], world.clients["admin"]
    assert public.get(_cells_of(draft)).json()["cells"] == []
    before = world.store.generation()
    assert admin.post(f"/api/disclosures/{draft}/submit").status_code == 200
    assert world.store.generation() == before + 1
    assert public.get(_cells_of(draft)).json()["cells"] == []
    assert public.get(f"/api/disclosures/{draft}").status_code == 404


def test_signed_in_users_get_their_own_answers_never_the_cached_ones(world):
    url = f"/disclosures/{world.ids['published']}"
    public = world.clients["public"]
    kept = public.get(url)
    for role in ("admin", "editor_own", "reviewer_other"):
        client = world.clients[role]
        r = client.get(url, headers={"If-None-Match": kept.headers["etag"]})
        assert r.status_code == 200 and r.headers["cache-control"] == "private, no-store"
        assert client.csrf in r.text  # the page of this user (its CSRF token), not the public's
    stale = RoleClient(world.app, "public", None)
    stale.http.cookies.set("yusuan_session", "not-a-valid-session")
    r = stale.get(url, headers={"If-None-Match": kept.headers["etag"]})
    assert r.status_code == 200 and r.headers["cache-control"] == "private, no-store"


def test_reading_logging_in_and_commenting_keep_the_generation(world):
    before = world.store.generation()
    for role in ("public", "admin", "reviewer_own"):
        client = world.clients[role]
        for url in (f"/disclosures/{world.ids['published']}", f"/disclosures/{world.ids['draft']}", "/",
                    "/api/aggregate?drilldown=year", f"/api/disclosures/{world.ids['draft']}/report.json"):
            client.get(url)
    RoleClient(world.app, "editor_own", world.ids["usernames"]["editor_own"])  # a login
    r = world.clients["reviewer_own"].post(f"/api/disclosures/{world.ids['draft']}/comments", json={"text": "请核对。"})
    assert r.status_code == 201, r.text
    assert world.store.generation() == before


def test_a_failed_change_is_not_counted(world):
    from yusuan.store.repository import DuplicateUpload

    doc, findings, files = checked(TEXT)
    before = world.store.generation()
    with pytest.raises(DuplicateUpload):  # the world's draft of 甲单位 has these very bytes
        with world.store.session() as s:
            ingest(s, doc, findings, files, status="draft", body=s.get(m.Body, world.ids["unit_a"]))
    assert world.store.generation() == before


def test_the_cache_is_bounded_by_bytes_least_recently_used_out_first():
    entries = Entries(max_bytes=40_000)
    entries.at(1)
    made = {k: Entry.of([(b"content-type", b"application/octet-stream")], bytes([k]) * 9000) for k in range(6)}
    for k in range(4):
        entries.put(str(k), made[k], 1)
    assert entries.get("0") is made[0]  # 0 is now the most recently used
    entries.put("4", made[4], 1)
    assert entries.get("1") is None and entries.get("0") is made[0] and entries.size <= 40_000
    entries.put("5", made[5], 0)  # made from an older generation: not kept
    assert entries.get("5") is None
    entries.put("big", Entry.of([], b"x" * 20_000), 1)  # over a quarter of the cache: not kept
    assert entries.get("big") is None
    entries.at(2)
    assert entries.get("0") is None and entries.size == 0


def test_only_the_addresses_that_read_disclosures_are_cached():
    assert all(CACHED.match(u) for u in ("/disclosures/3", "/api/disclosures/3/document.pdf", "/api/aggregate",
                                         "/api/cells", "/bodies/2", "/", "/api/files/9", "/compare", "/search"))
    assert not any(CACHED.match(u) for u in ("/login", "/upload", "/api/me", "/admin/audit", "/api/audit.csv",
                                             "/api/users", "/api/disclosures/3/comments", "/static/site.js",
                                             "/docs", "/openapi.json", "/api/template.xlsx"))


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_server_sees_a_change_made_by_another_process(backend, tmp_path, request):
    """`yusuan serve` caches the public page; a new version published by another process (here this one,
    as `yusuan db import` or a second server would) is in its very next answer. On PostgreSQL the server
    knows the generation from PostgreSQL's notices (store/listener.py), which are sent at the commit."""
    import httpx

    from tests.web.test_serve import serving

    pg = request.getfixturevalue("pg_base") if backend == "postgresql" else None
    doc, findings, files = checked(TEXT)
    with make_store(backend, tmp_path, pg) as store:
        with store.session() as s:
            body = ensure_body(s, "缓存进程单位")
            v1 = ingest(s, doc, findings, files, status="published", body=body).id
        db = store.url if store.schema is None else f"{store.url}?options=-csearch_path%3D{store.schema}"
        with serving(db, "--cache-mb", "8") as (base, _):
            first = httpx.get(f"{base}/disclosures/{v1}", timeout=30)
            assert first.status_code == 200 and "（有更新的版本）" not in first.text
            etag = first.headers["etag"]
            assert httpx.get(f"{base}/disclosures/{v1}", headers={"If-None-Match": etag}, timeout=30).status_code == 304
            with store.session() as s:
                unique = [UploadedFile(files[0].name, files[0].content + b"\n2\n", "text")]
                v2 = ingest(s, doc, findings, unique, status="published", body=s.get(m.Body, body.id)).id
            after = httpx.get(f"{base}/disclosures/{v1}", headers={"If-None-Match": etag}, timeout=30)
            assert after.status_code == 200 and after.headers["etag"] != etag
            assert "（有更新的版本）" in after.text and f'href="/disclosures/{v2}"' in after.text
