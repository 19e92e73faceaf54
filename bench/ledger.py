"""Budget lines: deriving every table of a set, the XLSX of lines, building lines from a publication.

    .venv/bin/python bench/ledger.py      # figures as a Markdown table (bench/README.md, "Budget lines")

Synthetic ledgers, the same every run (seeded): one unit of 5,000 lines, and a department of 100 units of
50 lines each (5,000 lines, rolled up). Codes are drawn from the shipped catalogs (15 function 项, the
economic 款 of 301 / 302 / 303 / 310), purposes, sources, tasks, procurement and 三公 tags as a budget has
them. Timed:

- derive: `derive(ledger, style)`, every table of the family's set and the drafted narrative (no other
  program derives these tables: there is no peer to time beside it);
- xlsx: `write_ledger` then `read_ledger` of the unit's 5,000 lines; beside it openpyxl alone loading the
  same file and reading every cell (what any reader of it pays);
- build: `build_from_disclosure` on the two Shenzhen units of the corpus (the guess, the linear and the
  integer programme, deriving back and comparing), the publication already read.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from yusuan.catalog.store import load as load_catalog  # noqa: E402
from yusuan.ingest.read import read_disclosure  # noqa: E402
from yusuan.prepare.ledger.build import build_from_disclosure  # noqa: E402
from yusuan.prepare.ledger.derive import derive  # noqa: E402
from yusuan.prepare.ledger.model import Ledger, Line  # noqa: E402
from yusuan.prepare.ledger.rollup import rollup  # noqa: E402
from yusuan.prepare.ledger.xlsx import read_ledger, write_ledger  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"


def lines_for(unit: str, n: int, rng: random.Random) -> list[Line]:
    functions = [c for c, e in load_catalog("function", 2023).entries.items() if e.level == 3]
    economics = [c for c, e in load_catalog("economic_dept", 2023).entries.items()
                 if e.level == 2 and c[:3] in ("301", "302", "303", "310")]
    tags = {"30231": "vehicle_operation", "30217": "reception", "31013": "vehicle_purchase"}
    out = []
    for k in range(n):
        economic = rng.choice(economics)
        purpose = "basic" if economic[:3] in ("301", "303") or rng.random() < 0.3 else "project"
        fund = rng.choices(["general_budget", "gov_fund", "other", "business_income"], [80, 8, 8, 4])[0]
        amount = Decimal(rng.randint(1_000, 2_000_000))
        task = "基本支出" if purpose == "basic" else f"任务{k % 40}"
        line = Line(unit=unit, function=rng.choice(functions), economic=economic, purpose=purpose, fund=fund,
                    amount=amount, prior_budget=amount * Decimal("0.95"), performance=task,
                    project="" if purpose == "basic" else f"项目{k % 60}",
                    three_public=tags.get(economic, ""), office=purpose == "basic" and economic[:3] == "302")
        if purpose == "project" and rng.random() < 0.3:
            line.procurement = "货物" if economic[:3] == "310" else "服务"
            line.procurement_amount = amount // 2
            line.procurement_sme = amount // 4
        out.append(line)
    return out


def timed(fn, *args, repeat: int = 1):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(*args)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return best, result


def main() -> None:
    rng = random.Random(2023)
    unit = Ledger(body="基准单位", year=2023, unit="元", parent="基准部门", lines=lines_for("基准单位", 5000, rng))
    units = []
    for k in range(100):
        name = f"基准单位{k:03d}"
        units.append(Ledger(body=name, year=2023, unit="元", lines=lines_for(name, 50, rng)))
    dept, _ = rollup("基准部门", units)
    rows = []
    for label, ledger in (("one unit, 5,000 lines", unit), ("department, 100 units × 50 lines", dept)):
        for style in ("shenzhen", "jiangsu", "shanghai"):
            seconds, doc = timed(derive, ledger, style)
            cells = sum(1 for t in doc.tables for _ in t.cells())
            rows.append((f"derive {style}: {label}", seconds, None, f"{cells} cells"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lines.xlsx"
        wrote, _ = timed(write_ledger, unit, path)
        read, back = timed(read_ledger, path)

        def raw():
            from openpyxl import load_workbook

            wb = load_workbook(path)
            return sum(1 for row in wb.worksheets[0].iter_rows() for c in row if c.value is not None)

        base, count = timed(raw)
        rows.append(("xlsx: write 5,000 lines", wrote, None, f"{path.stat().st_size // 1024} KiB"))
        rows.append(("xlsx: read 5,000 lines", read, base, f"{count} cells, {len(back.lines)} lines"))
    for name in ("shenzhen-2023-pingshan-guanliju-budget.txt", "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt"):
        doc = read_disclosure(CORPUS / name)
        seconds, built = timed(build_from_disclosure, doc)
        rows.append((f"build: {name}", seconds, None,
                     f"{len(built.ledger.lines)} lines, {len(built.differences)} differences"))
    print("| step | yusuan s | openpyxl alone s | ratio | size |")
    print("|---|---|---|---|---|")
    for step, seconds, base, size in rows:
        ratio = f"{seconds / base:.1f}×" if base else ""
        print(f"| {step} | {seconds:.3f} | {'' if base is None else f'{base:.3f}'} | {ratio} | {size} |")


if __name__ == "__main__":
    main()
