"""Check speed on the corpus: `run(doc)` (every rule of the catalogue) on each document already read.

Run: PYTHONPATH=src python3 bench/check.py [REPETITIONS]
Each document is read once (`read_disclosure`, not timed); then the whole check is run REPETITIONS times
(default 50) and the median CPU time of this process is reported (`time.process_time`, steadier than
wall time on a shared machine), for every rule and for the arithmetic and reconciliation families alone.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract import documents  # noqa: E402  (bench/extract.py: a *-text.pdf and its *-tables.pdf are one document)

from yusuan.export.cells import cell_records  # noqa: E402
from yusuan.ingest.read import read_disclosure  # noqa: E402
from yusuan.rules import catalog  # noqa: E402
from yusuan.rules.registry import load_rules, run  # noqa: E402

FAMILIES = ("arithmetic", "reconciliation")


def rule_ids(families=None) -> list[str]:
    rules = load_rules()
    return [r for r, info in catalog.load().items()
            if r in rules and (families is None or info.family in families)]


def median_ms(doc, ids, repetitions: int) -> tuple[float, int]:
    times = []
    findings = 0
    for _ in range(repetitions):
        start = time.process_time()
        findings = len(run(doc, only=ids))
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000, findings


def main() -> None:
    repetitions = int(sys.argv[1]) if sys.argv[1:] else 50
    every, ours = rule_ids(), rule_ids(FAMILIES)
    print(f"Python {platform.python_version()}, {platform.machine()}; {len(every)} rules "
          f"({len(ours)} arithmetic and reconciliation); median of {repetitions} runs per document")
    print()
    print("| document | cells | all rules ms | findings | arithmetic + reconciliation ms |")
    print("|---|---|---|---|---|")
    totals = [0.0, 0.0]
    for name, files in documents():
        doc = read_disclosure(*files)
        run(doc, only=every)  # warm up: imports, caches
        all_ms, found = median_ms(doc, every, repetitions)
        our_ms, _ = median_ms(doc, ours, repetitions)
        totals[0] += all_ms
        totals[1] += our_ms
        print(f"| {name} | {sum(1 for _ in cell_records(doc))} | {all_ms:.1f} | {found} | {our_ms:.1f} |")
    n = len(documents())
    print(f"| **mean per document** | | {totals[0] / n:.1f} | | {totals[1] / n:.1f} |")


if __name__ == "__main__":
    main()
