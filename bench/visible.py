"""The visibility pass of the PDF reader (ingest/pdf/visible.py `page_visibility`), per page.

Run: .venv/bin/python bench/visible.py
Every page of every corpus PDF, each timed alone (CPU time, fastest of 5), with its page objects
counted (text objects, other objects, into form XObjects): the pass's cost per page and per object.
"""

from __future__ import annotations

import platform
import time
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from yusuan.ingest.pdf.visible import page_visibility

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"
REPEAT = 5


def objects(holder, count, get, depth: int = 0) -> tuple[int, int]:
    """(text objects, other objects) of a page or a form XObject, forms included."""
    text = other = 0
    for k in range(count(holder)):
        obj = get(holder, k)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            text += 1
        else:
            other += 1
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 8:
                t, o = objects(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, depth + 1)
                text, other = text + t, other + o
    return text, other


def main() -> None:
    print(f"Python {platform.python_version()}, pypdfium2 {pdfium.PYPDFIUM_INFO}, {platform.machine()}")
    print("| PDF | pages | text objects / page | other objects / page | ms / page | µs / text object |")
    print("|---|---|---|---|---|---|")
    all_pages = all_time = all_text = 0
    for path in sorted(CORPUS.glob("*.pdf")):
        doc = pdfium.PdfDocument(str(path))
        seconds = text = other = 0
        for index in range(len(doc)):
            page = doc[index]
            t, o = objects(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject)
            text, other = text + t, other + o
            best = float("inf")
            for _ in range(REPEAT):
                start = time.process_time()
                page_visibility(page)
                best = min(best, time.process_time() - start)
            seconds += best
            page.close()
        n = len(doc)
        doc.close()
        print(f"| {path.stem} | {n} | {text / n:.0f} | {other / n:.0f} | {seconds / n * 1000:.2f} | "
              f"{seconds / text * 1e6:.1f} |")
        all_pages, all_time, all_text = all_pages + n, all_time + seconds, all_text + text
    print(f"| **all** | {all_pages} | {all_text / all_pages:.0f} | | **{all_time / all_pages * 1000:.2f}** | "
          f"{all_time / all_text * 1e6:.1f} |")


if __name__ == "__main__":
    main()
