"""Every corpus publication printed by LibreOffice in other layouts, read back (tests/render/variants.py).

    .venv/bin/python bench/variants.py [--keep DIR] [--fmt docx|xlsx]   # figures as Markdown (bench/README.md)

`--fmt xlsx` runs only the XLSX variants (or `--fmt docx` only the DOCX ones).

For each publication (read once) and each variant: yusuan renders DOCX or XLSX in the publication's own
family, the file is restyled (font, paper, orientation, column widths), LibreOffice converts all files of a
variant in one process, and the PDF is read back. A variant reads back exactly when its cells (without
pages) and its sections (whitespace removed; the renderer's added 名词解释 left out) are those of the
publication. Needs `soffice` (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui) and the fonts
fonts-noto-cjk, fonts-wqy-zenhei, fonts-wqy-microhei.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.ingest.test_corpus import PINS, load  # noqa: E402
from tests.render.roundtrip import cells, diff, sections, without_glossary  # noqa: E402
from tests.render.variants import VARIANTS, restyle, soffice, to_pdf  # noqa: E402
from yusuan.model.errors import IngestError  # noqa: E402
from yusuan.ingest.read import read_disclosure  # noqa: E402
from yusuan.render import family_of, render  # noqa: E402


def compare(doc, back) -> list[str]:
    """What differs: 'cells', 'sections' (empty when the read-back is exact)."""
    out = []
    if diff(cells(doc), cells(back)) != ([], []):
        out.append("cells")
    whole = [(lvl, h, "".join(ps)) for lvl, h, ps in sections(doc, squash=True)]
    got = without_glossary(sections(back, squash=True), sections(doc, squash=True))
    if [(lvl, h, "".join(ps)) for lvl, h, ps in got] != whole:
        out.append("sections")
    return out


def _refused(r) -> bool:
    return any(p.startswith("refused") for p in r[3])


def main() -> None:
    if not soffice():
        sys.exit("LibreOffice (soffice) is not installed")
    keep = Path(sys.argv[sys.argv.index("--keep") + 1]) if "--keep" in sys.argv else None
    only = sys.argv[sys.argv.index("--fmt") + 1] if "--fmt" in sys.argv else None
    variants = [v for v in VARIANTS if only in (None, v.fmt)]
    docs = {name: load(name)[1] for name in PINS}
    results = []  # (variant, publication, pages, problems)
    times = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = keep or Path(tmp)
        for v in variants:
            files = []
            for name, doc in docs.items():
                path = work / v.name / "src" / f"{name}.{v.fmt}"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(restyle(render(doc, v.fmt, family_of(doc)), v))
                files.append(path)
            start = time.perf_counter()
            pdfs = to_pdf(files, work / v.name / "pdf", Path(tmp) / "profile")
            times["convert"] += time.perf_counter() - start
            for (name, doc), pdf in zip(docs.items(), pdfs):
                start = time.perf_counter()
                try:
                    back = read_disclosure(pdf)
                    problems = compare(doc, back)
                except IngestError as e:
                    problems = [f"refused: {e}"]
                times["read"] += time.perf_counter() - start
                import pypdfium2 as pdfium

                pages = len(pdfium.PdfDocument(pdf))
                results.append((v.name, name, pages, problems))
                print(v.name, name, pages, problems or "exact", file=sys.stderr)
    print("| variant | publications | same cells | same sections | read back exactly | PDF pages |")
    print("|---|---:|---:|---:|---:|---:|")
    fmt = {v.name: v.fmt for v in VARIANTS}

    def exact(r) -> bool:  # an XLSX's narrative sheet is printed overlapping by LibreOffice: cells only
        return not r[3] or (fmt[r[0]] == "xlsx" and r[3] == ["sections"])

    for v in variants:
        rs = [r for r in results if r[0] == v.name]
        print(f"| {v.name} | {len(rs)} | {sum(1 for r in rs if 'cells' not in r[3] and not _refused(r))} | "
              f"{sum(1 for r in rs if 'sections' not in r[3] and not _refused(r))} | "
              f"{sum(1 for r in rs if exact(r))} | {sum(r[2] for r in rs)} |")
    print(f"| **all** | {len(results)} | {sum(1 for r in results if 'cells' not in r[3] and not _refused(r))} | "
          f"{sum(1 for r in results if 'sections' not in r[3] and not _refused(r))} | "
          f"**{sum(1 for r in results if exact(r))}** | {sum(r[2] for r in results)} |")
    print(f"\nLibreOffice {times['convert']:.0f} s, reading {times['read']:.0f} s "
          f"({times['read'] / max(sum(r[2] for r in results), 1):.4f} s a page)")
    for r in results:
        if r[3]:
            print(f"- {r[0]} / {r[1]}: {', '.join(r[3])}")


if __name__ == "__main__":
    main()
