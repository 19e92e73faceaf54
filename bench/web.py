"""Web API speed: requests per second and p50 / p95 / p99 latency with 50 concurrent clients on
loopback, for the disclosure detail, the cells API and the aggregate endpoint, on SQLite and PostgreSQL;
and the aggregate endpoint beside the same SELECT run directly in the database.

Run: .venv/bin/python bench/web.py [--copies 10] [--requests 2000] [--backends sqlite,postgresql]

The database holds the demo publications (yusuan serve --demo), each also stored under `--copies` more
bodies (甲部门 → 单位k), so the tables hold tens of thousands of cells. The server is one uvicorn process
(as `yusuan serve` runs it) on 127.0.0.1; the clients are one asyncio process with httpx. Every loop is
bounded in requests and in time, and only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PG = os.environ.get("YUSUAN_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
CONCURRENCY = 50
TIME_LIMIT = 60.0  # seconds per endpoint, at most


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def populate(store, copies: int) -> dict:
    """Demo publications, then each again under `copies` units of one department."""
    from yusuan.store.demo import DEMO, demo_dir, import_demo
    from yusuan.store.intake import read_files
    from yusuan.store.repository import UploadedFile, ensure_body, ingest

    with store.session() as s:
        import_demo(s)
    n = 0
    for names in DEMO:
        files = [UploadedFile.from_path(demo_dir() / name) for name in names]
        doc, findings, stored = read_files(files)
        for k in range(copies):
            with store.session() as s:
                body = ensure_body(s, f"基准单位{k:03d}", parent="基准部门", level="unit")
                ingest(s, doc, findings, stored, status="published", body=body, year=doc.identity.year)
                n += 1
    from sqlalchemy import func, select

    from yusuan.store import models as m

    with store.session() as s:
        return {"disclosures": s.scalar(select(func.count()).select_from(m.Disclosure)),
                "cells": s.scalar(select(func.count()).select_from(m.Cell)),
                "ids": s.execute(select(m.Disclosure.id).where(m.Disclosure.status == "published")).scalars().all()}


def serve(url: str, schema: str | None, port: int) -> None:
    """The server process: `yusuan serve` without the CLI around it."""
    import uvicorn

    from yusuan.store import Store
    from yusuan.web import create_app

    uvicorn.run(create_app(Store(url, schema=schema, pool_size=CONCURRENCY)), host="127.0.0.1", port=port,
                log_level="warning", timeout_keep_alive=30)


async def load(base: str, paths: list[str], total: int, concurrency: int) -> dict:
    import httpx

    latencies: list[float] = []
    errors = 0
    next_i = 0
    deadline = time.perf_counter() + TIME_LIMIT

    async def worker(client):
        nonlocal next_i, errors
        while next_i < total and time.perf_counter() < deadline:
            path = paths[next_i % len(paths)]
            next_i += 1
            t = time.perf_counter()
            try:
                r = await client.get(path)
                ok = r.status_code == 200
            except httpx.TransportError:
                ok = False
            latencies.append(time.perf_counter() - t)
            errors += not ok

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        await client.get(paths[0])  # warm up
        start = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"requests": len(latencies), "errors": errors, "rps": len(latencies) / elapsed,
            "p50": q[49] * 1000, "p95": q[94] * 1000, "p99": q[98] * 1000}


def direct(store, repeat: int = 50) -> float:
    """The aggregate's SELECT run directly on one connection: median ms."""
    from yusuan.store import aggregate as agg
    from yusuan.store.access import PUBLIC

    q = agg.Query.parse(drilldown=["function.class|year"])
    with store.session() as s:
        stmt = agg.statement(s, PUBLIC, q)
    times = []
    with store.engine.connect() as c:
        c.execute(stmt).all()
        for _ in range(repeat):
            t = time.perf_counter()
            c.execute(stmt).all()
            times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def run_backend(backend: str, copies: int, total: int) -> list[tuple]:
    from yusuan.store import Store

    schema = None
    if backend == "sqlite":
        tmp = tempfile.mkdtemp(prefix="yusuan-bench-")
        url = f"sqlite:///{tmp}/bench.db"
    else:
        import psycopg

        url, schema = PG, f"yusuan_bench_{secrets.token_hex(4)}"
        with psycopg.connect(PG.replace("+psycopg", ""), autocommit=True) as c:
            c.execute(f'CREATE SCHEMA "{schema}"')
    store = Store(url, schema=schema)
    try:
        store.upgrade()
        t = time.perf_counter()
        info = populate(store, copies)
        store.analyze()  # fresh planner statistics, as autovacuum would give PostgreSQL a minute later
        print(f"[{backend}] {info['disclosures']} disclosures, {info['cells']} cells, "
              f"loaded in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        port = free_port()
        proc = subprocess.Popen([sys.executable, __file__, "--serve", url, "--schema", schema or "", "--port", str(port)])
        try:
            base = f"http://127.0.0.1:{port}"
            _wait(base)
            ids = info["ids"]
            endpoints = {
                "disclosure page": [f"/disclosures/{i}" for i in ids],
                "disclosure detail": [f"/api/disclosures/{i}" for i in ids],
                "cells": [f"/api/cells?kind=expense_summary&measure=total&year={y}&limit=100"
                          for y in (2017, 2018, 2019, 2023, 2025)],
                "aggregate": ["/api/aggregate?drilldown=function.class|year"],
            }
            rows = []
            for name, paths in endpoints.items():
                r = asyncio.run(load(base, paths, total, CONCURRENCY))
                rows.append((backend, name, CONCURRENCY, r))
            one = asyncio.run(load(base, endpoints["aggregate"], 200, 1))
            rows.append((backend, "aggregate", 1, one))
            rows.append((backend, "aggregate SELECT, direct", 1, {"p50": direct(store)}))
            return [(*r, info) for r in rows]
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    finally:
        store.dispose()
        if schema:
            import psycopg

            with psycopg.connect(PG.replace("+psycopg", ""), autocommit=True) as c:
                c.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _wait(base: str) -> None:
    import httpx

    for _ in range(300):
        try:
            httpx.get(base + "/api/me", timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--serve")
    ap.add_argument("--schema", default="")
    ap.add_argument("--port", type=int)
    a = ap.parse_args()
    if a.serve:
        serve(a.serve, a.schema or None, a.port)
        return
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
    print("| database | endpoint | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|---|---|---|---|")
    for backend in a.backends.split(","):
        for backend_name, name, clients, r, info in run_backend(backend, a.copies, a.requests):
            if "requests" in r:
                print(f"| {backend_name} | {name} | {clients} | {r['requests']} | {r['errors']} | {r['rps']:.0f} | {r['p50']:.1f} "
                      f"| {r['p95']:.1f} | {r['p99']:.1f} |")
            else:
                print(f"| {backend_name} | {name} | 1 | 50 | — | — | {r['p50']:.1f} | — | — |")
        print(f"<!-- {backend}: {info['disclosures']} disclosures, {info['cells']} cells -->")


if __name__ == "__main__":
    main()
