"""Concurrent writes: uploads to one series at once become consecutive versions (SQLite and PostgreSQL)."""

from __future__ import annotations

import secrets
import threading

from tests.web.conftest import CORPUS, RoleClient

TEXT = "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt"
AT_ONCE = 4


def test_uploads_to_one_series_at_once_become_consecutive_versions(world):
    """Each upload is read in its own job; all reach the database together. Before the series was locked,
    all but one got a 500 from the unique (body, year, kind, version)."""
    unit = world.ids["unit_a"]
    before = world.clients["editor_own"].get(f"/api/disclosures?body_id={unit}&versions=all").json()["disclosures"]
    clients = [RoleClient(world.app, "editor", world.ids["usernames"]["editor_own"]) for _ in range(AT_ONCE)]
    start = threading.Barrier(AT_ONCE)
    answers = [None] * AT_ONCE

    def upload(i: int) -> None:
        content = (CORPUS / TEXT).read_bytes() + f"\n{secrets.token_hex(8)}\n".encode()
        start.wait()
        try:
            answers[i] = clients[i].post("/api/disclosures", files=[("files", (f"{i}.txt", content, "text/plain"))],
                                         data={"body_id": unit})
        except Exception as e:  # the test client re-raises the server's error
            answers[i] = e

    threads = [threading.Thread(target=upload, args=(i,)) for i in range(AT_ONCE)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert [getattr(a, "status_code", a) for a in answers] == [201] * AT_ONCE
    latest = max((d["version"] for d in before if d["year"] == 2023), default=0)
    versions = sorted(a.json()["disclosure"]["version"] for a in answers)
    assert versions == list(range(latest + 1, latest + 1 + AT_ONCE))
    after = world.clients["editor_own"].get(f"/api/disclosures?body_id={unit}").json()["disclosures"]
    assert [(d["version"]) for d in after if d["year"] == 2023] == [latest + AT_ONCE]  # one current version
