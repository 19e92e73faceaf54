"""How fast `yusuan synth` makes documents: the model alone, each output format, LibreOffice's PDFs, and a
whole corpus of 2,000 documents written to disk.

Run: PYTHONPATH=src python3 bench/synth.py [--count 2000] [--sample 24] [--corpus-formats html] [--workers 2]

1. the model: COUNT documents generated (figures, tables, narrative drafted) in this process;
2. each format: SAMPLE documents (two of each family × kind × level) rendered by our renderer, and their
   DOCX and XLSX printed to PDF by LibreOffice (one process for each batch, as the corpus writer does);
3. a corpus: COUNT documents written by `write_corpus` in CORPUS-FORMATS (manifest, models, files) with
   WORKERS processes.

Wall time and this process's CPU time (a shared machine: CPU time is the steadier figure); documents per
second of each.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

from yusuan.render import render
from yusuan.synth.corpus import plan, write_corpus
from yusuan.synth.document import generate
from yusuan.synth.office import soffice, to_pdf


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def children_cpu() -> float:
    t = os.times()
    return t.children_user + t.children_system


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--sample", type=int, default=24)
    ap.add_argument("--corpus-formats", default="html")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores; load average "
          f"{os.getloadavg()[0]:.1f}")
    print()
    print("| step | documents | wall s | CPU s | documents / s (wall) | documents / s (CPU) |")
    print("|---|---|---|---|---|---|")

    def line(step: str, n: int, wall: float, cpu: float) -> None:
        print(f"| {step} | {n} | {wall:.1f} | {cpu:.1f} | {n / wall:.1f} | {n / cpu:.1f} |", flush=True)

    planned = plan(args.count, "bench", ("html",))
    _, wall, cpu = timed(lambda: [generate(p.spec, p.id) for p in planned])
    line("model (figures, tables, narrative)", len(planned), wall, cpu)

    sample = planned[:args.sample]
    docs = [(p, generate(p.spec, p.id)[0]) for p in sample]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for fmt in ("html", "xlsx", "docx", "pdf"):
            folder = root / fmt
            folder.mkdir()

            def write(fmt=fmt, folder=folder):
                for p, doc in docs:
                    (folder / f"{p.id}.{fmt}").write_bytes(render(doc, fmt, p.spec.style))

            _, wall, cpu = timed(write)
            line(f"render {fmt}", len(docs), wall, cpu)
        if soffice():
            for fmt in ("docx", "xlsx"):
                files = sorted((root / fmt).iterdir())
                before = children_cpu()
                _, wall, _ = timed(lambda files=files, fmt=fmt: to_pdf(files, root / f"lo-{fmt}"))
                line(f"LibreOffice PDF from {fmt}", len(files), wall, children_cpu() - before)

        formats = tuple(args.corpus_formats.split(","))
        corpus = plan(args.count, "bench", formats, 0.3)
        before = children_cpu()
        _, wall, cpu = timed(lambda: write_corpus(root / "corpus", corpus, workers=args.workers))
        line(f"corpus in {'+'.join(formats)} ({args.workers} workers)", len(corpus), wall,
             cpu + children_cpu() - before)
        size = sum(f.stat().st_size for f in (root / "corpus").rglob("*") if f.is_file())
        print()
        print(f"corpus on disk: {size / 1e6:.0f} MB ({size / len(corpus) / 1e3:.0f} kB a document, cells CSV and manifest included)")


if __name__ == "__main__":
    main()
