"""Render time per corpus publication, as whole commands, beside LibreOffice converting our DOCX to PDF.

    .venv/bin/python bench/render.py [--repeat 3]   # whole processes (bench/README.md, "Render")
    .venv/bin/python bench/render.py --in-process   # render(doc, fmt) for each format in one running process

Whole processes. For each corpus publication, made first and not timed: its JSON model (`yusuan extract
--format json`) and the DOCX yusuan writes of it. Then, alternately (so that a burst of load hits all three),
--repeat times each, the fastest wall time and the smallest CPU time kept:
  - `yusuan render MODEL.json --style auto --to out.pdf`: start-up, imports, the model loaded, the layout,
    Typst's typesetting, the file written;
  - `yusuan render PUBLICATION --style auto --to out.pdf`: the same from the published PDF or text, read;
  - `soffice --headless --convert-to pdf FILE.docx`: LibreOffice's start-up and conversion, as an office
    pays it per file (its first run, untimed, creates the user profile).
CPU time is user + system of the process and the children it waited for. LibreOffice is used only here,
never by yusuan.

In one process (--in-process): the whole `render(doc, fmt)` for HTML, DOCX, XLSX and PDF, after one PDF
rendered as a warm-up (a process's first PDF also pays the imports and, on a machine's first run, building
the cached font copies, render/fontcache.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from processes import fastest, run_process, yusuan_command  # noqa: E402

from tests.conftest import CORPUS  # noqa: E402
from tests.ingest.test_corpus import PINS, load  # noqa: E402
from yusuan.render import family_of, render  # noqa: E402

FORMATS = ("html", "docx", "xlsx", "pdf")


def _pages(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def process_table(repeat: int, names: list[str]) -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("需要 LibreOffice：apt-get install libreoffice-writer-nogui")
    yusuan = yusuan_command()
    # the commands run this checkout's yusuan
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    head = ("publication", "pages", "ours from the model: wall s", "CPU s", "from the publication: wall s", "CPU s",
            "LibreOffice DOCX→PDF: wall s", "CPU s", "LibreOffice ÷ ours (model): wall", "CPU",
            "÷ ours (publication): wall", "CPU")
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    totals = {k: [0.0, 0.0] for k in ("model", "publication", "lo")}
    pages_total = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n, name in enumerate(names):
            pin, doc = load(name)
            files = [str(CORPUS / f) for f in pin.FILES]
            model, docx, out = tmp / f"{name}.json", tmp / f"{name}.docx", tmp / f"{name}.pdf"
            subprocess.run([*yusuan, "extract", *files, "--format", "json", "-o", str(model)], check=True,
                           capture_output=True)
            docx.write_bytes(render(doc, "docx", family_of(doc)))
            lo = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp / "lo"), str(docx)]
            if n == 0:
                run_process(lo)  # LibreOffice's first run creates its user profile
            runs: dict[str, list] = {k: [] for k in totals}
            for _ in range(repeat):
                runs["model"].append(run_process([*yusuan, "render", str(model), "--style", "auto", "--to", str(out)]))
                runs["publication"].append(run_process([*yusuan, "render", *files, "--style", "auto", "--to", str(out)]))
                runs["lo"].append(run_process(lo))
            best = {k: fastest(v) for k, v in runs.items()}
            for k, (w, c) in best.items():
                totals[k][0] += w
                totals[k][1] += c
            pages = _pages(out)
            pages_total += pages
            (mw, mc), (pw, pc), (lw, lc) = best["model"], best["publication"], best["lo"]
            lines.append(f"| {name} | {pages} | {mw:.2f} | {mc:.2f} | {pw:.2f} | {pc:.2f} | {lw:.2f} | {lc:.2f} | "
                         f"{lw / mw:.1f}× | {lc / mc:.1f}× | {lw / pw:.1f}× | {lc / pc:.1f}× |")
            print(lines[-1], file=sys.stderr)
    (mw, mc), (pw, pc), (lw, lc) = totals["model"], totals["publication"], totals["lo"]
    k = len(names)
    lines.append(f"| **all {k}** | {pages_total} | {mw:.2f} | {mc:.2f} | {pw:.2f} | {pc:.2f} | {lw:.2f} | {lc:.2f} | "
                 f"**{lw / mw:.1f}×** | **{lc / mc:.1f}×** | **{lw / pw:.1f}×** | **{lc / pc:.1f}×** |")
    lines.append(f"| **mean per publication** | {pages_total / k:.1f} | {mw / k:.2f} | {mc / k:.2f} | {pw / k:.2f} | "
                 f"{pc / k:.2f} | {lw / k:.2f} | {lc / k:.2f} | | | | |")
    baseline = fastest([run_process([sys.executable, "-c", "pass"]) for _ in range(repeat)])
    lines.append(f"\nPython start-up alone (`python -c pass`): {baseline[0]:.3f} s wall, {baseline[1]:.3f} s CPU; "
                 f"fastest of {repeat} runs each.")
    return "\n".join(lines)


def in_process_table() -> str:
    rows = []
    _, first = load(PINS[0])
    start = time.perf_counter()
    render(first, "pdf", family_of(first))
    first_pdf = time.perf_counter() - start
    for name in PINS:
        _, doc = load(name)
        style = family_of(doc)
        times = {}
        for fmt in FORMATS:
            start = time.perf_counter()
            render(doc, fmt, style)
            times[fmt] = time.perf_counter() - start
        rows.append((name, times))
    lines = ["| publication | HTML s | DOCX s | XLSX s | PDF s |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {name} | " + " | ".join(f"{t[f]:.3f}" for f in FORMATS) + " |" for name, t in rows]
    n = len(rows)
    lines.append("| **mean per publication** | " + " | ".join(f"{sum(t[f] for _, t in rows) / n:.3f}" for f in FORMATS)
                 + " |")
    lines.append(f"\nFirst PDF of the process (imports, font copies): {first_pdf:.2f} s ({PINS[0]}).")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (the fastest is kept)")
    parser.add_argument("--in-process", action="store_true", help="render(doc, fmt) per format in this process")
    parser.add_argument("--only", nargs="*", default=PINS, metavar="NAME", help="these publications only")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    table = in_process_table() if args.in_process else process_table(args.repeat, args.only)
    print(f"Python {platform.python_version()}, {platform.machine()}, load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after")
    print(table)


if __name__ == "__main__":
    main()
