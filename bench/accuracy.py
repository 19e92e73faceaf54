"""Detection accuracy on the synthetic corpus (`yusuan synth`): every file read and checked as a user's
would be (`read_disclosure`, then every rule), the findings compared with the manifest's ground truth.

Run: PYTHONPATH=src python3 bench/accuracy.py [--corpus DIR] [--count 200] [--seed acc] [--defects 0.5]
         [--formats pdf,docx,xlsx,html,lo-docx,lo-xlsx] [--all-formats] [--workers 2] [--json FILE]

Without --corpus, a corpus is generated first into a temporary directory (`--out DIR` keeps it): COUNT
documents across the families, kinds and levels, each in one of FORMATS in turn (`--all-formats`: each
in all of them), a share DEFECTS of them with one defect each.

Reported:
- per defect type: files injected; found (a rule expected for that type reports it at the expected severity,
  and where the type has a place to match — the code of a renamed class, the kind of a missing table — at
  that place); flagged (the file has any error at all); per output format;
- false findings: errors (and warnings) on the files with nothing injected, by rule;
- reading: files whose cells read back exactly as the document printed them (`cells/ID.csv`), by format;
- the misses, one line each, for bench/README.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from yusuan.export.cells import cell_records
from yusuan.ingest.read import read_disclosure
from yusuan.model.errors import IngestError
from yusuan.rules.registry import run
from yusuan.synth.corpus import FORMATS, plan, write_corpus
from yusuan.synth.defects import TYPE_NAMES, TYPES, found
from yusuan.synth.office import soffice


def cells(doc) -> list[tuple]:
    return sorted(r.as_tuple()[:-1] for r in cell_records(doc))


def truth(path: Path) -> list[tuple]:
    """The cells the document prints (the corpus's cells/ID.csv), without the page."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    return sorted(tuple(r[:-1]) for r in rows)


def examine(task: tuple[str, str, str, str]) -> dict:
    """Read and check one file; its findings and whether its cells are the printed model's."""
    corpus, doc_id, fmt, rel = task
    root = Path(corpus)
    started = time.perf_counter()
    try:
        doc = read_disclosure(root / rel)
    except IngestError as e:
        return {"id": doc_id, "format": fmt, "error": str(e), "seconds": time.perf_counter() - started}
    findings = run(doc)
    seconds = time.perf_counter() - started
    got, want = cells(doc), truth(root / "cells" / f"{doc_id}.csv")
    return {"id": doc_id, "format": fmt, "error": "", "seconds": seconds, "cells_equal": got == want,
            "cells_differ": len(set(got) ^ set(want)),
            "findings": [{"rule": f.rule, "severity": f.severity, "kind": f.kind, "code": f.code, "item": f.item,
                          "message": f.message} for f in findings if f.severity in ("error", "warning")]}


def corpus_dir(args) -> Path:
    if args.corpus:
        return Path(args.corpus)
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="yusuan-accuracy-"))
    formats = tuple(f for f in args.formats.split(",") if f)
    if soffice() is None:
        formats = tuple(f for f in formats if not f.startswith("lo-"))
    planned = plan(args.count, args.seed, formats, args.defects, mix=not args.all_formats)
    started = time.perf_counter()
    done = [0]

    def progress(n: int) -> None:
        done[0] += n
        print(f"\r生成 {done[0]}/{len(planned)}", end="", file=sys.stderr, flush=True)

    write_corpus(out, planned, workers=args.workers, progress=progress, seed=args.seed, defect_rate=args.defects)
    print(f"\r生成 {len(planned)} 份，用时 {time.perf_counter() - started:.0f} 秒：{out}", file=sys.stderr)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", help="an existing corpus (yusuan synth --out DIR)")
    ap.add_argument("--out", help="where to generate the corpus (default: a temporary directory)")
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", default="acc")
    ap.add_argument("--defects", type=float, default=0.5)
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--all-formats", action="store_true", help="every document in every format")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", help="write every file's result here")
    args = ap.parse_args()

    root = corpus_dir(args)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in manifest["documents"]}
    tasks = [(str(root), d["id"], fmt, rel) for d in manifest["documents"] for fmt, rel in d["files"].items()]
    started = time.perf_counter()
    results = []
    with ProcessPoolExecutor(args.workers) as pool:
        for n, r in enumerate(pool.map(examine, tasks, chunksize=4), start=1):
            results.append(r)
            print(f"\r检查 {n}/{len(tasks)}", end="", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    print(file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    report(manifest, docs, results, elapsed, args)


def report(manifest: dict, docs: dict, results: list[dict], elapsed: float, args) -> None:
    formats = [f for f in FORMATS if any(r["format"] == f for r in results)]
    print(f"Python {platform.python_version()}, {platform.machine()}; corpus seed {manifest['seed']!r}, "
          f"{manifest['count']} documents, defect rate {manifest['defect_rate']}; {len(results)} files read and "
          f"checked in {elapsed:.0f} s with {args.workers} workers")
    print()
    by_type: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for r in results:
        defect = docs[r["id"]]["defect"]
        if defect is None:
            continue
        t, fmt = defect["type"], r["format"]
        by_type[t]["injected"] += 1
        by_type[t][f"injected:{fmt}"] += 1
        if r["error"]:
            misses.append((r, defect, f"unreadable: {r['error']}"))
            continue
        errors = [f for f in r["findings"] if f["severity"] == "error"]
        if found(defect, r["findings"]):
            by_type[t]["found"] += 1
            by_type[t][f"found:{fmt}"] += 1
        else:
            misses.append((r, defect, "; ".join(sorted({f"{f['rule']} ({f['severity']})" for f in r["findings"]}))
                           or "no finding"))
        if errors:
            by_type[t]["flagged"] += 1
    print("| defect | files injected | found | flagged (any error) | " + " | ".join(formats) + " |")
    print("|---|---|---|---|" + "---|" * len(formats))
    total = Counter()
    for t in TYPES:
        c = by_type[t]
        total.update({k: v for k, v in c.items() if ":" not in k})
        per = " | ".join(f"{c[f'found:{f}']}/{c[f'injected:{f}']}" for f in formats)
        print(f"| {t} ({TYPE_NAMES[t]}) | {c['injected']} | {c['found']} ({_pct(c['found'], c['injected'])}) | "
              f"{c['flagged']} | {per} |")
    print(f"| **all** | {total['injected']} | {total['found']} ({_pct(total['found'], total['injected'])}) | "
          f"{total['flagged']} | |")
    print()
    clean = [r for r in results if docs[r["id"]]["defect"] is None]
    false_errors = Counter(f["rule"] for r in clean if not r["error"] for f in r["findings"] if f["severity"] == "error")
    false_warnings = Counter(f["rule"] for r in clean if not r["error"] for f in r["findings"]
                             if f["severity"] == "warning")
    with_errors = sum(1 for r in clean if not r["error"] and any(f["severity"] == "error" for f in r["findings"]))
    print(f"Clean files: {len(clean)}; with an error: {with_errors}; errors {sum(false_errors.values())} "
          f"({_rules(false_errors)}); warnings {sum(false_warnings.values())} ({_rules(false_warnings)}); "
          f"unreadable {sum(1 for r in clean if r['error'])}")
    print()
    print("| format | files | read back with the printed cells | unreadable | s per file (read + check) |")
    print("|---|---|---|---|---|")
    for f in formats:
        rs = [r for r in results if r["format"] == f]
        ok = [r for r in rs if not r["error"]]
        print(f"| {f} | {len(rs)} | {sum(1 for r in ok if r['cells_equal'])} | {len(rs) - len(ok)} | "
              f"{sum(r['seconds'] for r in rs) / max(1, len(rs)):.2f} |")
    print()
    print(f"Misses ({len(misses)}):")
    for r, d, why in sorted(misses, key=lambda m: (m[1]["type"], m[0]["id"])):
        where = {k: v for k, v in d["where"].items() if k in ("kind", "number", "code", "item", "measure", "section",
                                                                 "contents", "residue", "printed", "percent")}
        print(f"- {d['type']} {r['id']} {r['format']}: {json.dumps(where, ensure_ascii=False)} "
              f"{d['before'][:40]!r} → {d['after'][:40]!r}; got: {why}")


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f} %" if b else "–"


def _rules(counter: Counter) -> str:
    return ", ".join(f"{rule} {n}" for rule, n in counter.most_common()) or "none"


if __name__ == "__main__":
    main()
