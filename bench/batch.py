"""Batch throughput: `run_batch` over a folder of publications on 1 and 2 local processes and on a Dask
LocalCluster of 2 worker processes: documents and PDF pages per second, and the largest resident memory
of any process doing the work.

Run: PYTHONPATH=src python3 bench/batch.py [FOLDER…] [--repeat N] [--configs local1,local2,cluster]
Default: tests/data/corpus (15 publications), repeated 4 times. A repeated publication is the same files
under another key (its doc_id with `-k` appended), so the batch reads and checks it again as a new one.
Each configuration writes into a fresh folder; the time is the whole `run_batch` call (reading, checking,
writing the parts, merging them, the report), the Dask cluster started beforehand. Memory is the peak
resident set (VmHWM) of every process below this one (job children, Dask workers), sampled every 0.1 s.
CPU is the processor time of the reading and checking in the workers (documents.cpu_seconds) and of this
process (the driver: parts, merge, report); two cores kept busy by it would do 2 / (CPU per document)
documents a second — what an idle 2-core machine could reach, the figure a shared machine cannot show.
Machine CPU is every process's processor time over the run (/proc/stat's busy time): on a quiet machine,
the whole cost of a document, the fork server's and Dask's included.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from yusuan.batch.inputs import gather  # noqa: E402
from yusuan.batch.run import Settings, run_batch  # noqa: E402

PEER_SECONDS = 6.0  # the peer's published figure: one PDF per job, about 6 s a document (not measured here)


class PeakMemory:
    """The largest VmHWM (peak resident set) among this process's descendants while it runs."""

    def __init__(self):
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                try:
                    with open(f"/proc/{child.pid}/status") as f:
                        hwm = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
                    self.peak = max(self.peak, hwm * 1024)
                except (OSError, StopIteration, ValueError):
                    pass
            time.sleep(0.1)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def busy() -> float:
    """CPU seconds the whole machine has spent not idle: every process's, ours (the driver, the fork
    server, the job children, Dask's workers and nannies) and anyone else's."""
    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


def measure(name: str, pubs, settings: Settings, processes: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="yusuan-bench-batch-") as tmp, PeakMemory() as memory:
        start, cpu, machine = time.perf_counter(), time.process_time(), busy()
        result = run_batch(pubs, Path(tmp) / "out", settings)
        seconds, driver, machine = time.perf_counter() - start, time.process_time() - cpu, busy() - machine
        workers = sum(c or 0 for c in pq.read_table(Path(tmp) / "out" / "documents.parquet")["cpu_seconds"].to_pylist())
    run = result.manifest["runs"][-1]
    return {"name": name, "documents": run["processed"], "failed": run["failed"], "pages": run["pages"],
            "seconds": seconds, "peak": memory.peak, "load": os.getloadavg()[0], "processes": processes,
            "cpu": workers + driver, "machine": machine}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="*", default=[str(ROOT / "tests" / "data" / "corpus")])
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--configs", default="local1,local2,cluster")
    args = parser.parse_args()
    found = gather(args.folders)
    pubs = [dataclasses.replace(p, doc_id=f"{p.doc_id}-{k}") for k in range(args.repeat) for p in found]
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores; {len(found)} "
          f"publications × {args.repeat} = {len(pubs)}; load average before: {os.getloadavg()[0]:.1f}")
    rows = []
    for config in args.configs.split(","):
        if config.startswith("local"):
            n = int(config[5:])
            rows.append(measure(f"local, {n} process{'es' if n > 1 else ''}", pubs, Settings(workers=n), n))
        elif config == "cluster":
            import dask
            from distributed import Client, LocalCluster

            # worker processes that may start job children (time and memory budgets), as docs/batch.md says
            with dask.config.set({"distributed.worker.daemon": False}), \
                    LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                    Client(cluster) as client:
                rows.append(measure("Dask LocalCluster, 2 worker processes", pubs, Settings(scheduler=client), 2))
        print(f"  {rows[-1]['name']}: {rows[-1]['seconds']:.1f} s", file=sys.stderr)
    base = next((r for r in rows if r["name"].startswith("local, 1")), None)
    print()
    print("| configuration | documents | pages | seconds | documents/s | pages/s | largest process MB | "
          "scaling vs 1 process | vs peer (as many jobs, 6 s a document) | load | CPU s a document | "
          "documents/s on 2 idle cores | machine CPU s a document |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        rate = r["documents"] / r["seconds"]
        scale = f"{rate / (base['documents'] / base['seconds']):.2f}×" if base else "—"
        print(f"| {r['name']} | {r['documents']} ({r['failed']} not read) | {r['pages']} | {r['seconds']:.1f} | "
              f"{rate:.2f} | {r['pages'] / r['seconds']:.1f} | {r['peak'] / 2**20:.0f} | {scale} | "
              f"{rate / (r['processes'] / PEER_SECONDS):.1f}× | {r['load']:.1f} | {r['cpu'] / r['documents']:.3f} | "
              f"{2 * r['documents'] / r['cpu']:.1f} | {r['machine'] / r['documents']:.3f} |")


if __name__ == "__main__":
    main()
