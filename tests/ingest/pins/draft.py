"""Draft a pin module for a publication: prints it, with each cell's printed source beside it.

The draft is a proposal: every line is checked against the page (image or text) before it is kept.
"""

import random
import sys
from pathlib import Path

from yusuan.export.cells import cell_records
from yusuan.ingest.read import read_disclosure


def main(paths: list[str]) -> None:
    doc = read_disclosure(*paths)
    text = Path(paths[0]).read_text(encoding="utf-8").splitlines() if paths[0].endswith(".txt") else None
    rng = random.Random(7)
    print(f"FILES = {[Path(p).name for p in paths]!r}")
    i = doc.identity
    print(f"IDENTITY = {(i.body, i.year, i.kind, i.level)!r}")
    print("TABLES = [")
    for t in doc.tables:
        print(f"    ({t.number!r}, {t.kind!r}, {t.title!r}, {t.unit!r}, {len(t.rows)}),")
    print("]")
    records = list(cell_records(doc))
    print("TOTALS = [")
    for t in doc.tables:
        for row in t.rows:
            if row.is_total:
                for r in records:
                    if r.table_no == t.number and r.kind == t.kind and r.item == row.item and r.side == row.side:
                        print(f"    {(r.table_no, r.side, r.code, r.item, r.measure, r.value, r.page)!r},")
    print("]")
    print("CELLS = [")
    for t in doc.tables:
        mine = [r for r in records if r.table_no == t.number and r.kind == t.kind]
        picked = sorted(rng.sample(range(len(mine)), min(22, len(mine))))
        for k in picked:
            r = mine[k]
            raw = f"  # {text[r.page - 1].strip()[:90]}" if text else ""
            print(f"    {(r.table_no, r.side, r.code, r.item, r.measure, r.value, r.page)!r},{raw}")
    print("]")


if __name__ == "__main__":
    main(sys.argv[1:])
