"""Web speed: requests per second and p50 / p95 / p99 latency with 50 concurrent clients on loopback,
for the disclosure page (HTML), the disclosure detail, the cells API and the aggregate endpoint, on
SQLite and PostgreSQL, each against two servers over the same database, one without the public cache
(web/cache.py) and one with it; the page, the cells and the aggregate also as browsers revalidating their
copy (If-None-Match) and right after a change of the data (the cache empty); and the aggregate endpoint
beside the same SELECT run directly in the database.

Run: .venv/bin/python bench/web.py [--copies 10] [--requests 2000] [--backends sqlite,postgresql]

The database holds the demo publications (yusuan serve --demo), each also stored under `--copies` more
bodies (甲部门 → 单位k), so the tables hold tens of thousands of cells. Each server is one uvicorn process
(as `yusuan serve` runs it) on 127.0.0.1; the clients are one asyncio process on plain keep-alive HTTP/1.1
connections (`Connection`), 50 at once. Every loop is bounded in requests and in time, and only 127.0.0.1
is contacted.
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
CACHE_MB = 64  # the public cache of the server with the cache on (WebSettings.cache_bytes)
REVALIDATED = ("disclosure page", "cells", "aggregate")  # also timed as a browser revalidating its copy


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


def serve(url: str, schema: str | None, port: int, cache_mb: int) -> None:
    """The server process: `yusuan serve` without the CLI around it."""
    import uvicorn

    from yusuan.store import Store
    from yusuan.web import create_app
    from yusuan.web.settings import WebSettings

    try:
        settings = WebSettings(cache_bytes=cache_mb * 2**20)
    except TypeError:  # a yusuan without the public cache
        settings = WebSettings()
    uvicorn.run(create_app(Store(url, schema=schema, pool_size=CONCURRENCY), settings), host="127.0.0.1", port=port,
                log_level="warning", timeout_keep_alive=30)


class Connection:
    """One keep-alive HTTP/1.1 connection to the server, as lean as a client can be (httpx spent 1–5 ms of
    CPU a request, more than a cached answer costs the server, on the same two cores): a GET written,
    the status, the headers and the body (Content-Length or chunked) read; the body is not unzipped."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept-Encoding: gzip\r\n"
                          f"{extra}\r\n".encode("latin-1"))
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        fields = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:] if h)}
        if "content-length" in fields:
            body = await self.reader.readexactly(int(fields["content-length"]))
        elif fields.get("transfer-encoding") == "chunked":
            parts = []
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                parts.append(await self.reader.readexactly(size + 2))
            await self.reader.readuntil(b"\r\n")
            body = b"".join(x[:-2] for x in parts)
        else:
            body = b""
        if fields.get("connection") == "close":
            await self.close()
        return status, fields, body

    async def close(self):
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def load(base: str, paths: list[str], total: int, concurrency: int, revalidate: bool = False,
               warm: bool = True, pid: int | None = None) -> dict:
    """`total` GETs of `paths` in turn by `concurrency` clients (one connection each), after one untimed
    GET of each path (`warm`). `revalidate`: every request sends the ETag of that first answer in
    If-None-Match, as a browser revalidating its copy does (a server without ETags answers 200 with the
    whole body)."""
    host, port = base.removeprefix("http://").split(":")
    latencies: list[float] = []
    errors = not_modified = 0
    next_i = 0
    deadline = 0.0  # set once the warm-up is over
    etags: dict[str, str] = {}

    async def worker(conn):
        nonlocal next_i, errors, not_modified
        while next_i < total and time.perf_counter() < deadline:
            path = paths[next_i % len(paths)]
            next_i += 1
            headers = {"If-None-Match": etags[path]} if path in etags else {}
            t = time.perf_counter()
            try:
                status, _, _ = await conn.get(path, headers)
                ok = status == 200 or (status == 304 and bool(headers))
            except (OSError, asyncio.IncompleteReadError, ValueError):
                await conn.close()
                ok, status = False, 0
            latencies.append(time.perf_counter() - t)
            errors += not ok
            not_modified += status == 304

    conns = [Connection(host, int(port)) for _ in range(concurrency)]
    try:
        for path in paths if warm else []:  # untimed: the server's cache filled, the copies a browser holds
            _, fields, _ = await conns[0].get(path, {})
            if revalidate and fields.get("etag"):
                etags[path] = fields["etag"]
        server, mine = cpu_seconds(pid) if pid else 0.0, time.process_time()
        start = time.perf_counter()
        deadline = start + TIME_LIMIT
        await asyncio.gather(*(worker(c) for c in conns))
        elapsed = time.perf_counter() - start
        server, mine = (cpu_seconds(pid) if pid else 0.0) - server, time.process_time() - mine
    finally:
        for c in conns:
            await c.close()
    q = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else [latencies[0]] * 99
    return {"requests": len(latencies), "errors": errors, "not_modified": not_modified,
            "rps": len(latencies) / elapsed, "p50": q[49] * 1000, "p95": q[94] * 1000, "p99": q[98] * 1000,
            "server_cpu": server / len(latencies) * 1000, "client_cpu": mine / len(latencies) * 1000}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process `pid` so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def changed(store) -> bool:
    """Count a change of the data, as a publication does, so the server's cache starts empty (False on a
    yusuan without the data generation: nothing to empty)."""
    try:
        from yusuan.store import generation
    except ImportError:
        return False
    with store.session() as s:
        generation.bump(s.connection())
    return True


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
        servers = {}
        for label, cache_mb in (("off", 0), ("on", CACHE_MB)):
            port = free_port()
            servers[label] = (f"http://127.0.0.1:{port}", subprocess.Popen(
                [sys.executable, __file__, "--serve", url, "--schema", schema or "", "--port", str(port),
                 "--cache-mb", str(cache_mb)]))
        try:
            for base, _ in servers.values():
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

            def measure(name, paths, total, clients, **kw):
                for label, (base, proc) in servers.items():  # the same load on each server, one after the other
                    rows.append((backend, name, clients, label, asyncio.run(load(base, paths, total, clients,
                                                                                 pid=proc.pid, **kw))))

            for name, paths in endpoints.items():
                if name in REVALIDATED and changed(store):  # the cache empty: every address asked, 50 requests at least
                    measure(name + ", right after a change", paths, max(len(paths), CONCURRENCY), CONCURRENCY, warm=False)
                measure(name, paths, total, CONCURRENCY)
                if name in REVALIDATED:
                    measure(name + ", If-None-Match", paths, total, CONCURRENCY, revalidate=True)
            measure("aggregate", endpoints["aggregate"], 200, 1)
            rows.append((backend, "aggregate SELECT, direct", 1, "—", {"p50": direct(store)}))
            return [(*r, info) for r in rows]
        finally:
            for _, proc in servers.values():
                proc.terminate()
            for _, proc in servers.values():
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
    ap.add_argument("--cache-mb", type=int, default=CACHE_MB)
    a = ap.parse_args()
    if a.serve:
        serve(a.serve, a.schema or None, a.port, a.cache_mb)
        return
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at the start")
    print("| database | endpoint | clients | cache | requests | errors | 304 | req/s | p50 ms | p95 ms | p99 ms "
          "| server CPU ms/req | client CPU ms/req |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for backend in a.backends.split(","):
        for backend_name, name, clients, cache, r, info in run_backend(backend, a.copies, a.requests):
            if "requests" in r:
                print(f"| {backend_name} | {name} | {clients} | {cache} | {r['requests']} | {r['errors']} "
                      f"| {r['not_modified']} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} "
                      f"| {r['server_cpu']:.2f} | {r['client_cpu']:.2f} |", flush=True)
            else:
                print(f"| {backend_name} | {name} | 1 | — | 50 | — | — | — | {r['p50']:.1f} | — | — | — | — |")
        print(f"<!-- {backend}: {info['disclosures']} disclosures, {info['cells']} cells; "
              f"load average {os.getloadavg()[0]:.1f} at the end -->", flush=True)


if __name__ == "__main__":
    main()
