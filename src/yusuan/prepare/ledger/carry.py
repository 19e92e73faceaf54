"""Next year's ledger from this year's: the same lines, this year's figures become last year's.

Each line keeps its unit, classes, purpose, source, project and tags; its 预算数 becomes the 上年预算数 (its
执行数, when given, the 上年执行数), and next year's 预算数 starts at this year's, for the officer to change.
Lines of no amount (kept only for last year's figure) are dropped. The classes keep their codes: the
catalog names them in the new year (a 类 renamed between years takes its new name, catalog/renames.py).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from yusuan.prepare.ledger.model import Ledger


def next_year(ledger: Ledger, *, start_from_zero: bool = False) -> Ledger:
    """The ledger of the year after `ledger`'s: amounts start at this year's (or at 0)."""
    lines = []
    for line in ledger.lines:
        if not line.amount and line.final is None:
            continue
        lines.append(replace(
            line, amount=Decimal(0) if start_from_zero else line.amount, prior_budget=line.amount,
            prior_final=line.final, final=None, carryover=False, internal=line.internal,
            procurement_amount=None if start_from_zero else line.procurement_amount,
            procurement_sme=None if start_from_zero else line.procurement_sme,
            procurement_small_micro=None if start_from_zero else line.procurement_small_micro,
            source=line.source))
    return replace(ledger, year=ledger.year + 1, kind="budget", lines=lines, names=dict(ledger.names), file="")
