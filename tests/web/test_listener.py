"""The generation known to a server process (store/listener.py) on SQLite and PostgreSQL: with the app
running (its lifespan: `Store.listen`), a change committed by another process is in the next answer, one
committed by this process at once; on PostgreSQL a cached answer costs no statement at all, and when the
listening connection is lost the requests read the generation until it is back, never answering from
before a change; nothing is left running once the app has stopped."""

from __future__ import annotations

import secrets
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import sessionmaker

from tests.web.conftest import CORPUS
from tests.web.test_cache import TEXT, _version, statements
from yusuan.store import generation
from yusuan.store import models as m
from yusuan.store.listener import APPLICATION
from yusuan.store.repository import ensure_body
from yusuan.web import create_app

ROOT = Path(__file__).resolve().parents[2]
# another process: a new published version of a body, its id printed
ELSEWHERE = """
import sys
from pathlib import Path
from yusuan.store import Store
from yusuan.store import generation
from yusuan.store import models as m
from yusuan.store.intake import read_files
from yusuan.store.repository import UploadedFile, ingest

url, schema, body_id, path, mark = sys.argv[1:]
store = Store(url, schema=schema or None)
doc, findings, files = read_files([UploadedFile(Path(path).name, Path(path).read_bytes() + mark.encode(), "text")])
with store.session() as s:
    print(ingest(s, doc, findings, files, status="published", body=s.get(m.Body, int(body_id))).id)
store.dispose()
"""


def elsewhere(store, body_id: int) -> int:
    """Publish a new version of `body_id` from another process; its id."""
    done = subprocess.run([sys.executable, "-c", ELSEWHERE, store.url, store.schema or "", str(body_id),
                           str(CORPUS / TEXT), f"\n{secrets.token_hex(8)}\n"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


def heard(store, timeout: float = 20) -> None:
    """Wait, if need be, until this process has heard of the last change committed elsewhere: PostgreSQL
    sends the notice at the commit and it has nearly always arrived by the time another process's commit
    has returned (bench/README.md: notices), but not always (store/listener.py: what holds)."""
    listener = store.listener
    if listener is None:
        return
    with store.engine.connect() as c:
        now = generation.read(c)
    deadline = time.monotonic() + timeout
    while (known := listener.known()) is not None and known < now:
        assert time.monotonic() < deadline, f"the notice of generation {now} never arrived (known: {known})"
        time.sleep(0.001)


@contextmanager
def running(store):
    """A new app over `store`, its lifespan running, and its client (the public's)."""
    with TestClient(create_app(store)) as http:
        yield http


def live(store, timeout: float = 20):
    """The store's listener once it listens (PostgreSQL); None on SQLite, which reads the generation."""
    if store.backend != "postgresql":
        assert store.listener is None
        return None
    deadline = time.monotonic() + timeout
    while store.listener.known() is None:
        assert time.monotonic() < deadline, "the listener did not connect"
        time.sleep(0.02)
    return store.listener


def admin_sql(store, sql: str, *args):
    plain = store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as c:
        return c.execute(sql, args).fetchall()


def gone(store, pid: int, timeout: float = 20) -> None:
    """Wait until PostgreSQL's backend `pid` has ended."""
    deadline = time.monotonic() + timeout
    while admin_sql(store, "SELECT 1 FROM pg_stat_activity WHERE pid = %s", pid):
        assert time.monotonic() < deadline, f"backend {pid} still there"
        time.sleep(0.02)


def _body_of(store, did: int) -> int:
    with store.session() as s:
        return s.get(m.Disclosure, did).body_id


def test_changes_by_another_process_and_by_this_one_are_in_the_next_answer(world):
    v1 = _version(world, f"监听单位{secrets.token_hex(3)}", "published")
    body = _body_of(world.store, v1)
    url = f"/disclosures/{v1}"
    with running(world.store) as http:
        listener = live(world.store)
        first = http.get(url)
        assert first.status_code == 200 and "（有更新的版本）" not in first.text
        with statements(world.store) as seen:
            again = http.get(url)
        assert again.headers["etag"] == first.headers["etag"]
        if listener is not None:  # PostgreSQL: from memory, not one statement
            assert seen == []
        else:  # SQLite: the generation read, a short read within the process
            assert len(seen) == 1 and "settings" in seen[0]

        v2 = elsewhere(world.store, body)
        heard(world.store)
        after = http.get(url, headers={"If-None-Match": first.headers["etag"]})
        assert after.status_code == 200 and after.headers["etag"] != first.headers["etag"]
        assert f'href="/disclosures/{v2}"' in after.text

        v3 = _version(world, f"监听单位{secrets.token_hex(3)}", "published")  # by this process: known at once
        with statements(world.store) as seen:
            now = world.store.generation()
        with world.store.engine.connect() as c:
            assert now == generation.read(c)
        assert seen == [] if listener is not None else len(seen) == 1
        assert http.get(f"/disclosures/{v3}").status_code == 200
        # the cache emptied, v1's page built again: the same bytes (v3 is another body's), the same ETag
        assert http.get(url, headers={"If-None-Match": after.headers["etag"]}).status_code == 304


def lose(world, retry: float):
    """The store's listener with its connection ended by the server and gone (it connects again `retry`
    seconds after noticing), and the server process it had."""
    listener = live(world.store)
    listener.retry = retry
    pid = listener.pid
    admin_sql(world.store, "SELECT pg_terminate_backend(%s)", pid)
    gone(world.store, pid)
    return listener, pid


def page_on_postgresql(world, name: str) -> tuple[int, str]:
    """A new published version of body `name` and its page's address (PostgreSQL only: SQLite has no
    listener, every request reads the generation)."""
    if world.backend != "postgresql":
        pytest.skip("no listener on SQLite")
    v1 = _version(world, f"{name}{secrets.token_hex(3)}", "published")
    return v1, f"/disclosures/{v1}"


def test_while_the_listener_is_lost_requests_read_the_generation(world):
    v1, url = page_on_postgresql(world, "断线单位")
    with running(world.store) as http:
        first = http.get(url)
        listener, _ = lose(world, retry=600)  # once lost, it stays away for this test
        v2 = elsewhere(world.store, _body_of(world.store, v1))  # its notice goes nowhere

        after = http.get(url, headers={"If-None-Match": first.headers["etag"]})
        assert after.status_code == 200 and f'href="/disclosures/{v2}"' in after.text
        assert listener.known() is None and listener.pid is None
        with statements(world.store) as seen:
            again = http.get(url)
        assert again.headers["etag"] == after.headers["etag"]  # from the cache, the generation read
        assert len(seen) == 1 and "settings" in seen[0]
    assert world.store.listener is None  # stopped while waiting to connect again


def test_the_listener_connects_again_after_a_loss(world):
    v1, url = page_on_postgresql(world, "重连单位")
    with running(world.store) as http:
        first = http.get(url)
        listener, pid = lose(world, retry=0.05)
        assert http.get(url, headers={"If-None-Match": first.headers["etag"]}).status_code == 304
        live(world.store)
        assert listener.pid not in (None, pid)
        with statements(world.store) as seen:
            assert http.get(url, headers={"If-None-Match": first.headers["etag"]}).status_code == 304
        assert seen == []
        v2 = elsewhere(world.store, _body_of(world.store, v1))
        heard(world.store)
        after = http.get(url, headers={"If-None-Match": first.headers["etag"]})
        assert after.status_code == 200 and f'href="/disclosures/{v2}"' in after.text


def test_nothing_is_left_once_the_app_has_stopped(world):
    pids = set()
    for _ in range(2):  # started and stopped twice over one store
        with running(world.store) as http:
            listener = live(world.store)
            if listener is not None:
                pids.add(listener.pid)
                with running(world.store):  # a second app over the store shares the listener
                    assert world.store.listener is listener
                assert world.store.listener is listener  # still used by the first
            assert http.get(f"/disclosures/{world.ids['published']}").status_code == 200
        assert world.store.listener is None
        assert not [t for t in threading.enumerate() if t.name == APPLICATION]
    for pid in pids:
        gone(world.store, pid)
    assert len(pids) == (2 if world.backend == "postgresql" else 0)


def test_a_transaction_that_raises_the_generation_tells_its_value_once_committed(world):
    """What lets a process know its own changes at once, before (or without) their notice."""
    told = []
    sessions = sessionmaker(world.store.engine, expire_on_commit=False)
    generation.watch(sessions, told.append)
    with sessions() as s, s.begin():
        ensure_body(s, f"计数单位{secrets.token_hex(3)}")
        assert told == []  # not before the commit
    with world.store.engine.connect() as c:
        assert told == [generation.read(c)]
    with pytest.raises(RuntimeError), sessions() as s, s.begin():
        ensure_body(s, f"计数单位{secrets.token_hex(3)}")
        s.flush()
        raise RuntimeError("rolled back")
    assert len(told) == 1
