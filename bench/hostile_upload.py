"""Reading pages while a hostile upload is being read: the reader's latency, and the server's memory.

Run: .venv/bin/python bench/hostile_upload.py [--job-seconds 8] [--reads 400]

One `yusuan serve` process on 127.0.0.1 with a fresh SQLite file holding one published disclosure. One
client uploads each file of tests/data/hostile in turn; meanwhile another reads `/`, `/api/bodies`, the
disclosure's JSON and `/search` one after another, as long as the upload lasts (at most `--reads`
requests). Printed per file: the upload's status and seconds, the reads made meanwhile with their p50,
p99 and maximum, and the server's resident memory after the upload.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "data" / "hostile"
PUBLISHED = ROOT / "tests" / "data" / "corpus" / "shenzhen-2023-pingshan-guanliju-budget.txt"
PASSWORD = "correct horse battery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--job-seconds", default="8")
    ap.add_argument("--reads", type=int, default=400)
    args = ap.parse_args()
    from yusuan.store import Store
    from yusuan.store.accounts import create_user
    from yusuan.store.intake import import_paths

    db = f"sqlite:///{tempfile.mkdtemp(prefix='yusuan-bench-')}/yusuan.db"
    store = Store(db)
    store.upgrade()
    with store.session() as s:
        create_user(s, "uploader", PASSWORD, "admin")
        published = import_paths(s, [PUBLISHED]).id
    store.dispose()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "yusuan", "serve", "--db", db, "--port", str(port),
                               "--job-seconds", args.job_seconds], stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/api/me", timeout=5)
                break
            except httpx.ConnectError:
                time.sleep(0.1)
        uploader = httpx.Client(base_url=base, timeout=600)
        csrf = uploader.post("/api/login", json={"username": "uploader", "password": PASSWORD}).json()["csrf_token"]
        reader = httpx.Client(base_url=base, timeout=600)
        pages = ["/", "/api/bodies", f"/api/disclosures/{published}", "/search?q=坪山"]
        print(f"server RSS at start: {rss_mb(server.pid):.0f} MB")
        print("| file | status | upload s | reads | p50 ms | p99 ms | max ms | server RSS MB |")
        print("|---|---|---|---|---|---|---|---|")
        for path in sorted(HOSTILE.glob("*")):
            if path.suffix == ".md":
                continue
            answer = {}

            def upload():
                start = time.perf_counter()
                answer["r"] = uploader.post("/api/disclosures", headers={"X-CSRF-Token": csrf},
                                            files=[("files", (path.name, path.read_bytes(), "text/plain"))])
                answer["s"] = time.perf_counter() - start

            thread = threading.Thread(target=upload)
            thread.start()
            seconds = []
            while thread.is_alive() and len(seconds) < args.reads:
                start = time.perf_counter()
                reader.get(pages[len(seconds) % len(pages)])
                seconds.append(time.perf_counter() - start)
            thread.join()
            ms = sorted(x * 1000 for x in seconds)
            p99 = statistics.quantiles(ms, n=100, method="inclusive")[98] if len(ms) > 1 else ms[0]
            print(f"| {path.name} | {answer['r'].status_code} | {answer['s']:.1f} | {len(ms)} | "
                  f"{statistics.median(ms):.0f} | {p99:.0f} | {ms[-1]:.0f} | {rss_mb(server.pid):.0f} |")
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
