"""How soon another process hears of a change on PostgreSQL: the time from the moment a committing
client is told its commit is done (a change counted by store/generation.py's `bump`, which sends the
notice) to the moment a process listening as store/listener.py does has the notice in hand — the
window in which a request to that other process could still be answered from the generation before.

Run: .venv/bin/python bench/notice.py [--changes 500]

One process commits `--changes` changes, 10 ms apart, each its own transaction through the store; a
second process listens on its own connection (LISTEN, then waiting on the socket, as the listener's
thread does) and notes when each notice arrives; a commit's moment is when its `with store.session()`
block has ended. Both read CLOCK_MONOTONIC, which is one clock
for every process of the machine. Only 127.0.0.1 is contacted.
"""
from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get("YUSUAN_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def listen(schema: str, changes: int) -> None:
    """The listening process: prints "ready", then one line "<generation> <monotonic>" per notice."""
    import psycopg

    from yusuan.store.generation import CHANNEL

    with psycopg.connect(PG.replace("+psycopg", ""), autocommit=True, options=f"-csearch_path={schema}") as c:
        c.execute(f"LISTEN {CHANNEL}")
        print("ready", flush=True)
        seen = []
        for notice in c.notifies(timeout=120, stop_after=changes):
            seen.append((notice.payload.split()[0], time.monotonic()))
        for n, t in seen:
            print(n, repr(t))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--changes", type=int, default=500)
    ap.add_argument("--listen")
    a = ap.parse_args()
    if a.listen:
        listen(a.listen, a.changes)
        return
    import psycopg

    from yusuan.store import Store, generation

    schema = f"yusuan_bench_{secrets.token_hex(4)}"
    with psycopg.connect(PG.replace("+psycopg", ""), autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{schema}"')
    store = Store(PG, schema=schema)
    try:
        store.upgrade()
        child = subprocess.Popen([sys.executable, __file__, "--listen", schema, "--changes", str(a.changes)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        committed = {}
        for _ in range(a.changes):
            with store.session() as s:
                n = generation.bump(s.connection())
            committed[str(n)] = time.monotonic()
            time.sleep(0.01)
        out, _ = child.communicate(timeout=120)
        arrived = dict(line.split() for line in out.splitlines())
        late = [(float(arrived[n]) - t) * 1000 for n, t in committed.items() if n in arrived]
        q = statistics.quantiles(late, n=100, method="inclusive")
        print(f"load average {os.getloadavg()[0]:.1f}; {len(late)} of {a.changes} notices; ms after the commit "
              f"returned: p50 {q[49]:.3f}, p95 {q[94]:.3f}, p99 {q[98]:.3f}, max {max(late):.3f}; "
              f"{sum(x <= 0 for x in late)} arrived before it returned")
    finally:
        store.dispose()
        with psycopg.connect(PG.replace("+psycopg", ""), autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
