"""The grid of budget lines with 5,000 lines, measured in the browser (Debian's Chromium, headless).

    .venv/bin/python bench/grid.py      # figures as a Markdown table (bench/README.md, "The grid of budget lines")

The unit of 5,000 synthetic lines of bench/ledger.py (seeded: the same every run) is saved in a fresh SQLite
store behind the real server (uvicorn in a thread) and opened in the grid page by its editor. Measured:

- API: `GET` and `PUT` of the 5,000 lines (`/api/bodies/{id}/lines/{year}`, every cell checked on the
  put), median of 5, wall time seen by an HTTP client on the same machine;
- render, in the page (`performance.now()`): from the navigation's start to the first rows painted, and
  from the grid script's start (the page's data parsed in it) to the first rows painted;
- an edit: one amount changed through Tabulator (`cell.setValue`, as an editor's Enter does), then the
  totals recomputed (exact, BigInt) and the next frame painted; median of 15 edits of different rows; and
  the recomputation alone.

Peers, in the same browser: the same 5,000 rows built as a plain `<table>` (every row in the DOM, no
virtual rendering) from the same parsed data, until painted; the same totals summed as JavaScript
numbers (floating point) in the same loop, the cost of the exact arithmetic.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "bench")]

import random  # noqa: E402

import httpx  # noqa: E402

from ledger import lines_for  # noqa: E402  (bench/ledger.py)
from tests.browser.conftest import chromium_path  # noqa: E402
from yusuan.prepare.ledger.grid import rows_of  # noqa: E402

YEAR, N, PASSWORD = 2023, 5000, "bench grid password"

PLAIN_TABLE = """rows => new Promise(done => {
  const t0 = performance.now();
  const fields = Object.keys(rows[0]);
  const table = document.createElement("table"), head = table.createTHead().insertRow();
  fields.forEach(f => { const th = document.createElement("th"); th.textContent = f; head.append(th); });
  const body = table.createTBody();
  for (const r of rows) { const tr = body.insertRow(); for (const f of fields) tr.insertCell().textContent = r[f]; }
  document.body.append(table);
  document.body.offsetHeight;
  requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
})"""

EDITS = """n => new Promise(async done => {
  const t = yusuanLines.table, rows = t.getRows("active"), out = [], alone = [], floats = [];
  for (let i = 0; i < n; i++) {
    const cell = rows[(i * 331) % rows.length].getCell("amount");
    const t0 = performance.now();
    cell.setValue(String(1000 + i));
    await new Promise(r => requestAnimationFrame(() => r()));
    out.push(performance.now() - t0);
    alone.push(yusuanLines.recompute());
    const f0 = performance.now();
    let sum = 0; const by = new Map();
    for (const c of t.getRows()) { const row = c.getData(), v = Number(String(row.amount).replace(/,/g, "")); sum += v;
      by.set(row.fund, (by.get(row.fund) || 0) + v); by.set(row.purpose, (by.get(row.purpose) || 0) + v);
      by.set(String(row.function).slice(0, 3), (by.get(String(row.function).slice(0, 3)) || 0) + v); }
    floats.push(performance.now() - f0);
  }
  done({edit: out, recompute: alone, floats});
})"""


def median(xs) -> float:
    return statistics.median(xs)


def serve(store):
    import socket

    import uvicorn

    from yusuan.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def main() -> None:
    from playwright.sync_api import sync_playwright

    from yusuan.store import Store
    from yusuan.store.accounts import create_user
    from yusuan.store.repository import ensure_body

    rows = rows_of(lines_for("基准单位", N, random.Random(2023)))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        store.upgrade()
        with store.session() as s:
            body = ensure_body(s, "基准单位", parent="基准部门", level="unit")
            create_user(s, "bench_editor", PASSWORD, "editor", body.id)
            body_id = body.id
        server, thread, url = serve(store)
        api = f"{url}/api/bodies/{body_id}/lines/{YEAR}"
        results = []
        try:
            with httpx.Client(timeout=120) as http:
                login = http.post(f"{url}/api/login", json={"username": "bench_editor", "password": PASSWORD})
                csrf = {"X-CSRF-Token": login.json()["csrf_token"]}
                puts, gets = [], []
                for k in range(5):
                    t0 = time.perf_counter()
                    r = http.put(api, json={"revision": k, "unit": "元", "lines": rows}, headers=csrf)
                    puts.append(time.perf_counter() - t0)
                    assert r.status_code == 200, r.text[:300]
                    t0 = time.perf_counter()
                    got = http.get(api)
                    gets.append(time.perf_counter() - t0)
                    assert len(got.json()["lines"]) == N
                cookies = dict(http.cookies)
            results.append(("API: PUT 5,000 lines (checked, stored)", median(puts) * 1000, None))
            results.append(("API: GET 5,000 lines", median(gets) * 1000, None))
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium_path(), headless=True,
                                            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                context.add_cookies([{"name": k, "value": v, "url": url} for k, v in cookies.items()])
                pg = context.new_page()
                renders, readies = [], []
                for _ in range(3):
                    pg.goto(f"{url}/bodies/{body_id}/lines/{YEAR}")
                    pg.wait_for_selector("#grid[data-ready]", timeout=120_000)
                    t = pg.evaluate("() => yusuanLines.timings")
                    renders.append(t["render"])
                    readies.append(t["ready_at"])
                data = pg.evaluate("() => yusuanLines.table.getData()")
                edits = pg.evaluate(EDITS, 15)
                blank = context.new_page()
                blank.set_content("<!doctype html><html><body></body></html>")
                plains = [blank.evaluate(PLAIN_TABLE, data) for _ in range(3)]
                browser.close()
            results.append(("page: navigation → first rows painted", median(readies), None))
            results.append(("page: grid script → first rows painted", median(renders), median(plains)))
            results.append(("edit → totals recomputed and painted", median(edits["edit"]), None))
            results.append(("totals recomputed (exact, BigInt)", median(edits["recompute"]), median(edits["floats"])))
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            store.dispose()
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    print("| step | yusuan ms | peer ms | ratio |")
    print("|---|---|---|---|")
    for step, ms, peer in results:
        ratio = f"{ms / peer:.2f}×" if peer else ""
        print(f"| {step} | {ms:.1f} | {'' if peer is None else f'{peer:.1f}'} | {ratio} |")


if __name__ == "__main__":
    main()
