"""A synthetic corpus on disk: N documents spread over the families, kinds and levels, rendered in the
formats asked for (our PDF, DOCX, XLSX, HTML; PDFs printed by LibreOffice from our DOCX and XLSX), some
with one defect each, and the ground truth beside them.

    DIR/manifest.json   the plan and, per document, its identity, files and defect (null when clean)
    DIR/manifest.csv    the same, one line a document
    DIR/cells/ID.csv    the cells the document prints (defect included; `yusuan extract`'s CSV): what its
                        files must read back as
    DIR/FORMAT/ID.EXT   pdf/ docx/ xlsx/ html/, lo-docx/ and lo-xlsx/ (PDFs LibreOffice printed)

Document n is drawn from the seed "SEED:n" alone, so the same seed gives the same documents (and the same
bytes, except the dates a DOCX or XLSX package records and LibreOffice's PDFs), and a larger count only
adds documents after the others.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from yusuan.export.cells import write_cells_csv
from yusuan.model.families import STYLES
from yusuan.model.formats import writer_for
from yusuan.render import build_layout
from yusuan.synth.defects import TYPES, NoPlace, apply_to_layout, inject
from yusuan.synth.document import KINDS, LEVEL_KEYS, YEARS, Spec, generate
from yusuan.synth.office import to_pdf

RENDERED = ("pdf", "docx", "xlsx", "html")  # by our renderer
OFFICE = {"lo-docx": "docx", "lo-xlsx": "xlsx"}  # printed to PDF by LibreOffice from our DOCX / XLSX
FORMATS = RENDERED + tuple(OFFICE)
SUFFIX = {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx", "html": ".html", "lo-docx": ".pdf", "lo-xlsx": ".pdf"}
OFFICE_BATCH = 40  # files per LibreOffice process


@dataclass(frozen=True, slots=True)
class Planned:
    n: int
    id: str
    spec: Spec
    defect: str | None  # the type of its defect, None for a clean document
    formats: tuple[str, ...]  # the files to write


def plan(count: int, seed: str, formats: tuple[str, ...], defect_rate: float = 0.0, styles=STYLES, kinds=KINDS,
         levels=LEVEL_KEYS, types=TYPES, mix: bool = False) -> list[Planned]:
    """`count` documents cycling over family × kind × level, each in every format of `formats` (or, `mix`,
    in one of them, in turn); a share `defect_rate` of them with one defect, the types taken in turn so that
    each is injected about as often as the others."""
    combos = [(s, k, lv) for s in styles for k in kinds for lv in levels]
    # mixed: the formats turn at a pace prime to the combinations', so each family meets each format
    step = len(combos) + 1
    out, k = [], 0
    for n in range(count):
        style, kind, level = combos[n % len(combos)]
        rng = random.Random(f"{seed}:{n}:plan")
        year = rng.choice(YEARS)
        defect = None
        if rng.random() < defect_rate:
            defect, k = types[k % len(types)], k + 1
        short = "budget" if kind == "budget" else "final"
        mine = (formats[(n // step + n) % len(formats)],) if mix else formats
        out.append(Planned(n, f"{n:05d}-{style}-{short}-{level}", Spec(style, kind, level, year, f"{seed}:{n}"),
                           defect, mine))
    return out


def make(p: Planned, out: Path, staging: Path) -> dict:
    """Generate, damage (when planned) and render one document; its manifest entry."""
    formats = p.formats
    doc, _ = generate(p.spec, p.id)
    defect = None
    if p.defect:
        rng = random.Random(f"{p.spec.seed}:defect")
        kinds = [p.defect, *[t for t in TYPES if t != p.defect]]  # the next type when it has no place for one
        for kind in kinds:
            try:
                defect = inject(doc, p.spec.style, kind, rng)
                break
            except NoPlace:
                continue
    files = {}
    wanted = set(formats) | {OFFICE[f] for f in formats if f in OFFICE}
    for fmt in RENDERED:
        if fmt not in wanted:
            continue
        layout = build_layout(doc, p.spec.style)
        apply_to_layout(layout, defect)
        data = writer_for(fmt).load()(layout)
        folder = out / fmt if fmt in formats else staging / fmt
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{p.id}{SUFFIX[fmt]}").write_bytes(data)
        if fmt in formats:
            files[fmt] = f"{fmt}/{p.id}{SUFFIX[fmt]}"
    for fmt in formats:
        if fmt in OFFICE:
            files[fmt] = f"{fmt}/{p.id}.pdf"
    truth = out / "cells" / f"{p.id}.csv"
    truth.parent.mkdir(parents=True, exist_ok=True)
    with truth.open("w", encoding="utf-8", newline="") as f:
        write_cells_csv([doc], f)
    i = doc.identity
    return {"id": p.id, "seed": p.spec.seed, "family": p.spec.style, "kind": i.kind, "level": i.level,
            "year": i.year, "body": i.body, "parent": i.parent, "title": doc.title, "cells": f"cells/{p.id}.csv",
            "files": files, "tables": len(doc.tables), "defect": defect.to_dict() if defect else None}


def _make_many(args: tuple[list[Planned], str, str]) -> list[dict]:
    batch, out, staging = args
    return [make(p, Path(out), Path(staging)) for p in batch]


def write_corpus(out: Path, planned: list[Planned], *, workers: int = 1, progress: Callable[[int], None] | None = None,
                 seed: str = "", defect_rate: float = 0.0) -> dict:
    """Write the documents of `planned` into `out` with their manifest; `progress(n)` after each n done."""
    out.mkdir(parents=True, exist_ok=True)
    entries: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="yusuan-synth-") as tmp:
        staging = Path(tmp)
        for done in _render_all(out, planned, staging, workers):
            entries.extend(done)
            if progress:
                progress(len(done))
        for fmt, source in OFFICE.items():
            files = [(out if source in p.formats else staging) / source / f"{p.id}.{source}"
                     for p in planned if fmt in p.formats]
            if files:
                _print_with_office(files, out / fmt)
    entries.sort(key=lambda e: e["id"])
    formats = list(dict.fromkeys(f for p in planned for f in p.formats))
    manifest = {"generator": "yusuan synth", "seed": seed, "count": len(planned), "formats": formats,
                "defect_rate": defect_rate, "documents": entries}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    write_manifest_csv(out / "manifest.csv", entries)
    return manifest


def _render_all(out: Path, planned: list[Planned], staging: Path, workers: int) -> Iterator[list[dict]]:
    if workers <= 1:
        for p in planned:
            yield [make(p, out, staging)]
        return
    size = max(1, min(8, len(planned) // (workers * 4) or 1))
    batches = [planned[i:i + size] for i in range(0, len(planned), size)]
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(_make_many, [(b, str(out), str(staging)) for b in batches])


def _print_with_office(files: list[Path], outdir: Path) -> None:
    for i in range(0, len(files), OFFICE_BATCH):
        to_pdf(files[i:i + OFFICE_BATCH], outdir)
    missing = [f.stem for f in files if not (outdir / f"{f.stem}.pdf").exists()]
    if missing:
        raise RuntimeError(f"LibreOffice 没有生成这些文件的 PDF：{'、'.join(missing[:5])}")


CSV_FIELDS = ("id", "family", "kind", "level", "year", "body", "defect", "part", "table_kind", "table_no", "side",
              "code", "item", "measure", "section", "paragraph", "before", "after", "expected_rules",
              "expected_severity", "files")


def write_manifest_csv(path: Path, entries: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(CSV_FIELDS)
        for e in entries:
            d = e["defect"] or {}
            where = d.get("where", {})
            w.writerow([e["id"], e["family"], e["kind"], e["level"], e["year"], e["body"], d.get("type", ""),
                        where.get("part", ""), where.get("kind", ""), where.get("number", ""), where.get("side", ""),
                        where.get("code", ""), where.get("item", ""), where.get("measure", ""),
                        where.get("section", ""), where.get("paragraph", ""), d.get("before", ""), d.get("after", ""),
                        " ".join(d.get("expected_rules", [])), d.get("expected_severity", ""),
                        " ".join(e["files"].values())])


def clear(out: Path) -> None:
    """Remove a previous corpus's files from `out` (only what a corpus writes)."""
    for name in ("manifest.json", "manifest.csv"):
        (out / name).unlink(missing_ok=True)
    for folder in ("cells", *FORMATS):
        shutil.rmtree(out / folder, ignore_errors=True)
