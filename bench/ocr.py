"""OCR of scanned table pages: seconds per page and how many numbers come back right.

    .venv/bin/python bench/ocr.py [PAGES]   # PAGES: how many table pages (default 8); figures in bench/README.md

Table pages of the corpus (the first pages of tables printed on one page, from two Jiangsu and one
Shanghai publication) are rendered at the OCR resolution and wrapped into an image-only PDF, one PDF a
page; `read_disclosure` reads each (render, recognise, lattice from the image's rules, assembly, the sums'
confirmation) and is timed. Against the original's cells of that page: numbers read exactly, numbers the
table's sums confirmed, and confirmed numbers that are wrong (must be 0).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import pypdfium2 as pdfium  # noqa: E402

from tests.conftest import CORPUS  # noqa: E402
from yusuan.export.cells import cell_records  # noqa: E402
from yusuan.ingest.pdf import ocr  # noqa: E402
from yusuan.ingest.read import read_disclosure  # noqa: E402
from yusuan.model.amount import printed_value  # noqa: E402

SOURCES = [
    "jiangsu-2019-zhengxie-bangongting-budget-tables.pdf",
    "jiangsu-2017-zhengxie-bangongting-budget-tables.pdf",
    "shanghai-putuo-2025-wanli-jiedao-dept-budget.pdf",
]


def pages(limit: int):
    for name in SOURCES:
        doc = read_disclosure(CORPUS / name)
        for t in doc.tables:
            if len(t.pages) == 1 and any(True for _ in t.cells()):
                yield name, t.pages[0], {_key(r.table_no, r.side, r.code, r.item, r.measure): r.value
                                         for r in cell_records(doc) if r.page == t.pages[0]}
                limit -= 1
                if limit == 0:
                    return


def _key(table: str, side: str, code: str, item: str, measure: str) -> tuple:
    """A cell by its code where it has one (OCR may misread a label), else by its label."""
    return (table, side, code or item, measure)


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    assert ocr.available(), "pip install yusuan[ocr]"
    ocr.engine()  # the models load once a process (about 1 s), not counted
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, page, want in pages(limit):
            image = pdfium.PdfDocument(CORPUS / name)[page - 1].render(scale=ocr.DPI / 72).to_pil().convert("RGB")
            path = Path(tmp) / f"{Path(name).stem}-p{page}.pdf"
            image.save(path, resolution=ocr.DPI)
            start = time.perf_counter()
            doc = read_disclosure(path)
            seconds = time.perf_counter() - start
            got, confirmed = {}, {}
            for t in doc.tables:
                unsure = {u.source for u in t.unreadable}
                for row, measure, value in t.cells():
                    key = _key(t.number, row.side, row.code, row.item, measure)
                    got[key] = printed_value(value.text)
                    if value.source not in unsure:
                        confirmed[key] = got[key]
            exact = sum(1 for k, v in got.items() if want.get(k) == v)
            wrong = sum(1 for k, v in confirmed.items() if want.get(k) != v)
            rows.append((f"{Path(name).stem} p{page}", seconds, len(want), exact, len(confirmed), wrong))
            print(*rows[-1], file=sys.stderr)
    print("| page | s | numbers printed | read exactly | confirmed by the sums | confirmed but wrong |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r[0]} | {r[1]:.1f} | {r[2]} | {r[3]} | {r[4]} | {r[5]} |")
    n = len(rows)
    print(f"| **{n} pages** | **{sum(r[1] for r in rows) / n:.1f} a page** | {sum(r[2] for r in rows)} | "
          f"{sum(r[3] for r in rows)} | {sum(r[4] for r in rows)} | {sum(r[5] for r in rows)} |")


if __name__ == "__main__":
    main()
