"""The processor time of one publication, read and checked in a running process, as a batch's job child
does it (`batch/work.py` `check_publication`): reading (`read_disclosure`), checking (`run`) and the rows
(`publication_records`), per publication, the smallest of --repeat passes.

    PYTHONPATH=src .venv/bin/python bench/document_cpu.py [FOLDER…] [--repeat 3] [--rounds 2] [--against OLD/src]

Default folder: the corpus (tests/data/corpus; its PDF publications, text and tables parts paired as the
batch pairs them). Each tree runs in a process of its own, after one publication read to load the rules;
with --against, the other source tree (say the `src` of an older checkout) runs alternately, --rounds times,
and the smaller figure of the rounds is kept. CPU time (`time.process_time`) moves less than wall time on a
shared machine; 2 / (CPU s a publication) is what two idle cores would do.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("read", "check", "rows")


def child(folders: list[str], repeat: int) -> None:
    """In the tree's own process: {folder: {"publications", "pages", stage: CPU s summed over publications}}."""
    from yusuan.batch.inputs import gather
    from yusuan.batch.work import pages
    from yusuan.export.records import publication_records
    from yusuan.ingest.read import read_disclosure
    from yusuan.rules.registry import run

    def timed(paths) -> dict[str, float]:
        c0 = time.process_time()
        doc = read_disclosure(*paths)
        c1 = time.process_time()
        findings = run(doc)
        c2 = time.process_time()
        publication_records(doc, findings)
        return {"read": c1 - c0, "check": c2 - c1, "rows": time.process_time() - c2}

    out = {}
    for folder in folders:
        pubs = [p for p in gather([folder]) if any(str(x).lower().endswith(".pdf") for x in p.paths)]
        timed(pubs[0].paths)  # the rules loaded, the imports done
        best: list[dict[str, float]] = [{} for _ in pubs]
        for _ in range(repeat):
            for b, pub in zip(best, pubs):
                for stage, t in timed(pub.paths).items():
                    b[stage] = min(b.get(stage, t), t)
        out[folder] = {"publications": len(pubs), "pages": sum(pages(p.paths) or 0 for p in pubs),
                       **{s: sum(b[s] for b in best) for s in STAGES}}
    json.dump(out, sys.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="*", default=[str(ROOT / "tests" / "data" / "corpus")])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--against", type=Path, help="another source tree, run alternately (before)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.folders, args.repeat)
    trees = [("after", ROOT / "src")] + ([("before", args.against.resolve())] if args.against else [])
    best: dict[tuple[str, str], dict] = {}
    for _ in range(args.rounds):
        for name, src in trees:
            env = {**os.environ, "PYTHONPATH": str(src)}
            done = subprocess.run([sys.executable, __file__, "--child", "--repeat", str(args.repeat), *args.folders],
                                  env=env, capture_output=True, text=True, check=True)
            for folder, figures in json.loads(done.stdout).items():
                key = (folder, name)
                if key not in best or figures["read"] + figures["check"] + figures["rows"] < _total(best[key]):
                    best[key] = figures
    print(f"load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("| folder | tree | publications | pages | read s | check s | rows s | CPU s a publication "
          "| documents/s on 2 idle cores |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for (folder, name), f in best.items():
        n = f["publications"]
        per = _total(f) / n
        print(f"| {Path(folder).name} | {name} | {n} | {f['pages']} | {f['read'] / n:.3f} | {f['check'] / n:.3f} "
              f"| {f['rows'] / n:.3f} | {per:.3f} | {2 / per:.1f} |")


def _total(figures: dict) -> float:
    return sum(figures[s] for s in STAGES)


if __name__ == "__main__":
    main()
