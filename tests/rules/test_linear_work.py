"""The checks' work per row and per paragraph grows with the row and the paragraph, not with their
square (tests/data/fuzz-repro: a row of 100,000 cells took `check` 56 s in the reconciliation measures,
a paragraph of 40,000 characters without punctuation 45 s in the statement reader's classified names).

A corpus document is read, given two rows of 100,000 amounts (one on each side of its 收支总表) or a paragraph of 200,000 characters, and
checked in a subprocess under a hang guard: minutes with the old algorithms, seconds now. The findings
must be those of the document without the addition, as neither adds anything a rule reads.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD = 90  # seconds

SCRIPT = """
import json, sys
from decimal import Decimal
from yusuan.ingest.read import read_disclosure
from yusuan.model.disclosure import Paragraph, Value
from yusuan.rules.registry import run

doc = read_disclosure(sys.argv[1])
if sys.argv[2] == "row":
    table = next(t for t in doc.tables if t.kind == "income_expense_summary")
    for side in ("income", "expense"):
        row = next(r for r in table.rows if r.side == side and r.values and not r.is_total)
        source = next(iter(row.values.values())).source
        for i in range(100_000):  # columns no header names: measures ?N, as the assembler calls them
            row.values[f"?{i + 100}"] = Value(Decimal(1), "1", source)
elif sys.argv[2] == "paragraph":
    section = next(s for s in doc.sections if s.paragraphs)
    section.paragraphs.append(Paragraph("人" * 200_000, section.paragraphs[0].source))
print(json.dumps(sorted((f.rule, f.message) for f in run(doc)), ensure_ascii=False))
"""


def findings(addition: str) -> list:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "tests/data/corpus/shenzhen-2023-pingshan-guanliju-budget.txt"),
                           addition], capture_output=True, text=True, encoding="utf-8", timeout=HANG_GUARD,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("addition", ["row", "paragraph"])
def test_a_huge_row_or_paragraph_is_checked_in_linear_time(addition):
    assert findings(addition) == findings("nothing")
