"""A campaign of hostile inputs (tests/fuzz/mutate.py) through extract and check.

Run: PYTHONPATH=src python3 bench/fuzz.py [--cases 3000] [--seed 1] [--workers 2] [--keep DIR]

Every case is read, exported (CSV, JSON) and checked (text, JSON) in a worker process limited to 4 GB of
address space (`ulimit -v 4000000`), with --timeout seconds per case (60 by default: long enough to
measure a slow case rather than cut it). Printed: per format, the cases, how they ended (read, rejected
with a Chinese message naming the file, or one of the failures: internal error, a rejection without such
a message, MemoryError, timeout, crashed worker), how many took over 20 s, the slowest case, and the
largest peak resident size of a worker (a worker serves many cases; its peak only grows). --keep writes
the failing and slow cases there, named by case number, format and mutator.
"""

from __future__ import annotations

import argparse
import collections
import queue
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from tests.fuzz.harness import FAILURES, Worker  # noqa: E402
from tests.fuzz.mutate import FORMATS, case, make_seeds  # noqa: E402

SLOW = 20.0  # seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--keep", type=Path)
    args = ap.parse_args()
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="yusuan-fuzz-") as tmp:
        tmp = Path(tmp)
        seeds = make_seeds(tmp)
        numbers: queue.Queue[int] = queue.Queue()
        for n in range(args.cases):
            numbers.put(n)
        results: list[tuple[str, str, object]] = []
        lock = threading.Lock()

        def serve(index: int) -> None:
            with Worker() as worker:
                while True:
                    try:
                        n = numbers.get_nowait()
                    except queue.Empty:
                        return
                    c = case(seeds, FORMATS[n % len(FORMATS)], n, args.seed)
                    path = tmp / f"w{index}" / c.name
                    path.parent.mkdir(exist_ok=True)
                    path.write_bytes(c.data)
                    outcome = worker.run(path, args.timeout)
                    if args.keep and (outcome.failed or outcome.seconds > SLOW):
                        args.keep.mkdir(parents=True, exist_ok=True)
                        (args.keep / c.name).write_bytes(c.data)
                    path.unlink()
                    with lock:
                        results.append((c.fmt, c.mutator, outcome))
                        if outcome.failed or outcome.seconds > SLOW:
                            print(f"{c.name}: {outcome.status} {outcome.seconds:.1f} s {outcome.detail[-300:]}",
                                  file=sys.stderr)
                        if len(results) % 250 == 0:
                            print(f"{len(results)} cases, {time.time() - started:.0f} s", file=sys.stderr)

        threads = [threading.Thread(target=serve, args=(i,)) for i in range(args.workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    report(results, args, time.time() - started)


def report(results, args, elapsed: float) -> None:
    print(f"{len(results)} cases, seed {args.seed}, {args.workers} workers, {elapsed / 60:.1f} min\n")
    print("| format | cases | read | rejected | " + " | ".join(FAILURES) + " | over 20 s | slowest s | peak RSS MB |")
    print("|---" * (8 + len(FAILURES)) + "|")
    by_format = collections.defaultdict(list)
    for fmt, _, o in results:
        by_format[fmt].append(o)
    for fmt in [*FORMATS, "all"]:
        outs = [o for _, _, o in results] if fmt == "all" else by_format[fmt]
        if not outs:
            continue
        count = collections.Counter(o.status for o in outs)
        slowest = max(outs, key=lambda o: o.seconds)
        cells = [fmt if fmt != "all" else "**all**", len(outs), count["ok"], count["rejected"],
                 *(count[f] for f in FAILURES), sum(o.seconds > SLOW for o in outs),
                 f"{slowest.seconds:.1f}", max(o.rss_mb for o in outs)]
        print("| " + " | ".join(str(c) for c in cells) + " |")
    print("\nslowest cases:")
    for _, _, o in sorted(results, key=lambda r: -r[2].seconds)[:8]:
        print(f"  {o.name}: {o.status}, {o.seconds:.1f} s")
    print("\nby mutator (cases, rejected, slowest s):")
    by_mutator = collections.defaultdict(list)
    for fmt, mutator, o in results:
        by_mutator[f"{fmt}/{mutator.rstrip('2')}"].append(o)
    for key in sorted(by_mutator):
        outs = by_mutator[key]
        print(f"  {key}: {len(outs)}, {sum(o.status == 'rejected' for o in outs)}, {max(o.seconds for o in outs):.1f}")


if __name__ == "__main__":
    main()
