"""How well the checks catch a misprinted amount: change ONE printed amount of a corpus publication by
more than its table's rounding tolerance, run every rule, and see whether a new error points at it.

The rules measured are the arithmetic and reconciliation families (the narrative rules that compare
the text with the tables catch some more; `every-family` below counts them too). A mutation is detected
when an error finding that the unchanged publication does not have names the changed table (same kind
and number), lists the changed cell among its locations, or is a reconciliation finding naming the
changed table. Run as a script for the full report:

    PYTHONPATH=src:. python3 -m tests.rules.test_mutation [all] [every-family]
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from tests.ingest.test_corpus import PINS, load
from yusuan.rules import catalog
from yusuan.rules.registry import load_rules, run
from yusuan.rules.tables import table_unit

SEED = 20231
MUTATIONS = 1000
FLOOR = Decimal("0.995")  # detection rate the rules must keep (997 of 1000 at the time of writing)


@dataclass(frozen=True, slots=True)
class Cell:
    publication: str
    table: int  # index in doc.tables
    row: int
    measure: str


@dataclass(slots=True)
class Outcome:
    cell: Cell
    kind: str
    item: str
    old: Decimal
    new: Decimal
    detected: bool


def key(f) -> tuple:
    return (f.rule, f.table_no, f.kind, f.item, f.measure, f.expected, f.actual)


def delta(amount: Decimal, unit: Decimal, lines: int) -> Decimal:
    """More than the table's rounding tolerance: at least 5 printing units, at least 1 % of the amount,
    and more than (n + 1) · u / 2 for n the lines printing that column (a change within that bound could
    be rounding, as when a class of twelve printed 0.00 lines is changed by 0.05)."""
    d = max(5 * unit, abs(amount) / 100, (lines + 1) * unit / 2 + unit)
    return (d / unit).to_integral_value(rounding=ROUND_CEILING) * unit


def text(amount: Decimal, unit: Decimal) -> str:
    places = max(0, -unit.as_tuple().exponent)
    return f"{amount:,.{places}f}"


FAMILIES = ("arithmetic", "reconciliation")  # the families measured; None: every family


def rule_ids(families=FAMILIES) -> list[str]:
    rules = load_rules()
    return [r for r, info in catalog.load().items() if r in rules and (families is None or info.family in families)]


def mutate(rng: random.Random, n: int = MUTATIONS, families=FAMILIES) -> list[Outcome]:
    docs = {name: load(name)[1] for name in PINS}
    ids = rule_ids(families)
    cells = [Cell(name, ti, ri, m)
             for name, doc in docs.items()
             for ti, t in enumerate(doc.tables)
             for ri, r in enumerate(t.rows)
             for m in r.values]
    baseline = {name: {key(f) for f in run(doc, only=ids) if f.severity == "error"} for name, doc in docs.items()}
    units: dict[tuple[str, int], Decimal] = {}
    out = []
    for cell in rng.sample(cells, min(n, len(cells))):
        doc = docs[cell.publication]
        table = doc.tables[cell.table]
        row = table.rows[cell.row]
        value = row.values[cell.measure]
        unit = units.setdefault((cell.publication, cell.table), table_unit(table))
        old_amount, old_text = value.amount, value.text
        lines = sum(1 for r in table.rows if r.side == row.side and cell.measure in r.values)
        new = old_amount + rng.choice((-1, 1)) * delta(old_amount, unit, lines)
        value.amount, value.text = new, text(new, unit)
        try:
            found = run(doc, only=ids)
            findings = [f for f in found if f.severity == "error" and key(f) not in baseline[cell.publication]]
        finally:
            value.amount, value.text = old_amount, old_text
        detected = any(
            (f.kind == table.kind and f.table_no == table.number)
            or value.source in f.locations
            or (f.category == "表间勾稽" and table.title in f.message)
            for f in findings
        )
        out.append(Outcome(cell, table.kind, row.item, old_amount, new, detected))
    return out


def report(outcomes: list[Outcome]) -> str:
    found = sum(o.detected for o in outcomes)
    lines = [f"mutations {len(outcomes)}, detected {found} ({found / len(outcomes):.1%})"]
    missed = Counter((o.cell.publication, o.kind, o.cell.measure) for o in outcomes if not o.detected)
    for (pub, kind, measure), count in sorted(missed.items()):
        items = sorted({o.item for o in outcomes if not o.detected
                        and (o.cell.publication, o.kind, o.cell.measure) == (pub, kind, measure)})
        lines.append(f"  undetected {count:3}  {pub} · {kind} · {measure}: {'、'.join(items)[:120]}")
    return "\n".join(lines)


def test_mutations_are_detected():
    outcomes = mutate(random.Random(SEED))
    text_ = report(outcomes)
    print(text_)
    rate = Decimal(sum(o.detected for o in outcomes)) / len(outcomes)
    assert len(outcomes) >= 500
    assert rate >= FLOOR, text_


if __name__ == "__main__":
    import sys

    # `… test_mutation [all] [every-family]`: every printed amount of the corpus once; every rule family
    args = set(sys.argv[1:])
    n = 10**6 if "all" in args else MUTATIONS
    print(report(mutate(random.Random(SEED), n, None if "every-family" in args else FAMILIES)))
