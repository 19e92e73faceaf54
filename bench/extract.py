"""Extraction speed on the corpus: yusuan (whole model) against pdfplumber (extract_tables only).

Run: .venv/bin/python bench/extract.py            (in one running process)
     .venv/bin/python bench/extract.py --process  (whole processes, as a user runs them)
One pass over tests/data/corpus. In one process, per document: yusuan's read_disclosure (read + assemble),
the PDF reader alone timed page by page, and pdfplumber's page.extract_tables() on the same pages.
With --process, per PDF: the command `yusuan extract FILE` (start-up, imports, reading, assembling, the
CSV written) against a Python process that imports pdfplumber and calls extract_tables() on every page,
each run --repeat times alternately, the fastest of each kept.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from processes import fastest, run_process, yusuan_command

from yusuan.export.cells import cell_records
from yusuan.ingest.pdf.reader import page_blocks
from yusuan.ingest.read import read_disclosure

# import lazily loaded modules now, so that the first document's time holds no import
import yusuan.ingest.text.reader  # noqa: F401,E402

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"


@dataclass
class Result:
    name: str
    pages: int  # PDF pages; 0 for the text form
    cells: int
    yusuan: float  # read_disclosure, seconds
    reader: float  # sum of per-page read_pdf_blocks work
    plumber: float  # sum of per-page extract_tables


def documents() -> list[tuple[str, list[Path]]]:
    """(name, files): a *-text.pdf and its *-tables.pdf are one document."""
    docs: dict[str, list[Path]] = {}
    for path in sorted(p for p in CORPUS.iterdir() if p.suffix in {".pdf", ".txt"}):
        stem = path.stem.removesuffix("-text").removesuffix("-tables")
        docs.setdefault(stem, []).append(path)
    for files in docs.values():  # text part first, as published
        files.sort(key=lambda p: p.stem.endswith("-tables"))
    return list(docs.items())


def time_reader_pages(path: Path) -> tuple[int, float]:
    """(pages, seconds) of yusuan's PDF page reader, each page timed alone."""
    total = 0.0
    doc = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(doc)):
            start = time.perf_counter()
            page = doc[index]
            textpage = page.get_textpage()
            page_blocks(page, textpage, path.name, index + 1)
            textpage.close()
            page.close()
            total += time.perf_counter() - start
        return len(doc), total
    finally:
        doc.close()


def time_plumber_pages(path: Path) -> float:
    total = 0.0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            start = time.perf_counter()
            page.extract_tables()
            total += time.perf_counter() - start
            page.close()
    return total


def measure(name: str, files: list[Path]) -> Result:
    start = time.perf_counter()
    doc = read_disclosure(*files)
    yusuan = time.perf_counter() - start
    cells = sum(1 for _ in cell_records(doc))
    pages, reader, plumber = 0, 0.0, 0.0
    for path in files:
        if path.suffix == ".pdf":
            n, seconds = time_reader_pages(path)
            pages, reader = pages + n, reader + seconds
            plumber += time_plumber_pages(path)
    return Result(name, pages, cells, yusuan, reader, plumber)


def per_page(seconds: float, pages: int) -> str:
    return f"{seconds / pages:.4f}" if pages else "—"


def ratio(plumber: float, yusuan: float) -> str:
    return f"{plumber / yusuan:.1f}×" if plumber else "—"


def table(results: list[Result]) -> str:
    head = ("document", "pages", "cells", "yusuan s", "yusuan s/page", "reader s/page", "pdfplumber s/page", "ratio")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        lines.append(
            f"| {r.name} | {r.pages or '— (text)'} | {r.cells} | {r.yusuan:.3f} | {per_page(r.yusuan, r.pages)} | "
            f"{per_page(r.reader, r.pages)} | {per_page(r.plumber, r.pages)} | {ratio(r.plumber, r.yusuan)} |"
        )
    pdfs = [r for r in results if r.pages]
    pages = sum(r.pages for r in pdfs)
    y, rd, pl = (sum(getattr(r, f) for r in pdfs) for f in ("yusuan", "reader", "plumber"))
    lines.append(
        f"| **PDF total** | {pages} | {sum(r.cells for r in pdfs)} | {y:.3f} | {per_page(y, pages)} | "
        f"{per_page(rd, pages)} | {per_page(pl, pages)} | **{ratio(pl, y)}** |"
    )
    text = [r for r in results if not r.pages]
    lines.append(f"| text form total | — | {sum(r.cells for r in text)} | {sum(r.yusuan for r in text):.3f} "
                 "| — | — | — | — |")
    return "\n".join(lines)


PLUMBER = """
import sys
import pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_tables()
"""


def process_table(repeat: int) -> str:
    yusuan = yusuan_command()
    baseline = fastest([run_process([sys.executable, "-c", "pass"]) for _ in range(repeat)])
    head = ("PDF", "pages", "yusuan wall s", "pdfplumber wall s", "ratio (wall)", "yusuan CPU s",
            "pdfplumber CPU s", "ratio (CPU)")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    walls, cpus = [], []
    for path in sorted(CORPUS.glob("*.pdf")):
        ours, theirs = [], []
        for _ in range(repeat):  # alternately, so that a burst of load hits both
            ours.append(run_process([*yusuan, "extract", str(path)]))
            theirs.append(run_process([sys.executable, "-c", PLUMBER, str(path)]))
        (yw, yc), (pw, pc) = fastest(ours), fastest(theirs)
        walls.append(pw / yw)
        cpus.append(pc / yc)
        pages = len(pdfium.PdfDocument(str(path)))
        lines.append(f"| {path.stem} | {pages} | {yw:.3f} | {pw:.3f} | {walls[-1]:.1f}× | {yc:.3f} | {pc:.3f} | "
                     f"{cpus[-1]:.1f}× |")
    lines.append(f"| **lowest / median** | | | | **{min(walls):.1f}× / {statistics.median(walls):.1f}×** | | | "
                 f"**{min(cpus):.1f}× / {statistics.median(cpus):.1f}×** |")
    lines.append(f"\n`{' '.join(Path(c).name for c in yusuan)} extract FILE`; Python start-up alone "
                 f"(`python -c pass`): {baseline[0]:.3f} s wall, {baseline[1]:.3f} s CPU; fastest of {repeat} "
                 "runs each.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--process", action="store_true", help="whole processes, per PDF")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each process (the fastest is kept)")
    args = parser.parse_args()
    info = (f"Python {platform.python_version()}, pdfplumber {pdfplumber.__version__}, "
            f"pypdfium2 {pdfium.PYPDFIUM_INFO}, {platform.machine()}, load average "
            f"{os.getloadavg()[0]:.1f}")
    if args.process:
        print(info)
        print(process_table(args.repeat))
        return
    results = [measure(name, files) for name, files in documents()]
    print(info)
    print(table(results))
    print("ratio = pdfplumber s/page ÷ yusuan s/page (how many times faster yusuan is); "
          "reader = yusuan's PDF page reader alone, without assembly")


if __name__ == "__main__":
    main()
