"""Render time per corpus publication and format, beside LibreOffice converting our DOCX to PDF.

    .venv/bin/python bench/render.py            # figures as a Markdown table (bench/README.md, "Render")

Each publication is read once (not timed); then for each format the whole `render(doc, fmt)` is timed
(layout, template, WeasyPrint / python-docx / xlsxwriter); then `soffice --headless --convert-to pdf`
on the DOCX we wrote, timed as a command (its start-up included: that is what an office pays per file).
Before the table, one PDF is rendered as a warm-up and its time reported apart (a process's first PDF also
pays the WeasyPrint import and, on a machine's first run, building the cached font copies, render/fontcache.py),
and LibreOffice converts one DOCX untimed (its first run creates the user profile).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.ingest.test_corpus import PINS, load  # noqa: E402
from yusuan.render import family_of, render  # noqa: E402

FORMATS = ("html", "docx", "xlsx", "pdf")


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    rows = []
    load_before = os.getloadavg()
    _, first = load(PINS[0])
    start = time.perf_counter()
    render(first, "pdf", family_of(first))
    first_pdf = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        if soffice:
            warm = Path(tmp) / "warm-up.docx"
            warm.write_bytes(render(first, "docx", family_of(first)))
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(Path(tmp) / "lo"),
                            str(warm)], check=True, capture_output=True, timeout=600)
        for name in PINS:
            _, doc = load(name)
            style = family_of(doc)
            times = {}
            for fmt in FORMATS:
                start = time.perf_counter()
                data = render(doc, fmt, style)
                times[fmt] = time.perf_counter() - start
                (Path(tmp) / f"{name}.{fmt}").write_bytes(data)
            pages = _pages(Path(tmp) / f"{name}.pdf")
            lo = None
            if soffice:
                out = Path(tmp) / "lo"
                start = time.perf_counter()
                subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out),
                                str(Path(tmp) / f"{name}.docx")], check=True, capture_output=True, timeout=600)
                lo = time.perf_counter() - start
            rows.append((name, pages, times, lo))
            print(name, pages, {k: round(v, 2) for k, v in times.items()}, lo and round(lo, 2), file=sys.stderr)
    print("| publication | PDF pages | HTML s | DOCX s | XLSX s | PDF s | LibreOffice DOCX→PDF s | LibreOffice ÷ ours |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, pages, t, lo in rows:
        ratio = f"{lo / t['pdf']:.1f}×" if lo else "–"
        print(f"| {name} | {pages} | {t['html']:.2f} | {t['docx']:.2f} | {t['xlsx']:.2f} | {t['pdf']:.2f} | "
              f"{lo:.2f} | {ratio} |" if lo else f"| {name} | {pages} | {t['html']:.2f} | {t['docx']:.2f} | "
              f"{t['xlsx']:.2f} | {t['pdf']:.2f} | – | – |")
    total = {f: sum(r[2][f] for r in rows) for f in FORMATS}
    lo_total = sum(r[3] for r in rows if r[3]) if soffice else 0
    print(f"| **all {len(rows)}** | {sum(r[1] for r in rows)} | {total['html']:.2f} | {total['docx']:.2f} | "
          f"{total['xlsx']:.2f} | {total['pdf']:.2f} | {lo_total:.2f} | "
          f"{(lo_total / total['pdf']):.1f}× |" if soffice else "")
    n = len(rows)
    print(f"| **mean per publication** | {sum(r[1] for r in rows) / n:.1f} | {total['html'] / n:.2f} | "
          f"{total['docx'] / n:.2f} | {total['xlsx'] / n:.2f} | {total['pdf'] / n:.2f} | "
          + (f"{lo_total / n:.2f} | {sum(r[3] / r[2]['pdf'] for r in rows) / n:.1f}× |"
             if soffice else "– | – |"))
    print(f"\nFirst PDF of the process (imports, font copy): {first_pdf:.2f} s ({PINS[0]}); load average "
          f"before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}")


def _pages(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


if __name__ == "__main__":
    main()
