"""A department's 部门预算 from its units' ledgers (本级 and 所属单位), with the transfers between them
marked and not counted twice.

A transfer is spending of the payer (上缴上级支出 / 对附属单位补助支出, its 对方单位 the payee) and income of
the payee (附属单位上缴收入 / 上级补助收入, its 对方单位 the payer). When both units are in the department and
the two sides agree, both are marked 内部往来: the department's tables leave the payer's transfer out and
show the payee's spending as funded by the payer's own sources (`consolidate`), so each 元 counts once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from yusuan.prepare.ledger.model import FUNDS, PURPOSES, TRANSFER_INCOME, TRANSFERS, Ledger, Line


@dataclass(frozen=True, slots=True)
class Transfer:
    kind: str  # upward | subsidy
    payer: str
    payee: str
    paid: Decimal  # the payer's transfer lines
    received: Decimal  # the payee's lines funded by it

    @property
    def matched(self) -> bool:
        return self.paid == self.received

    def describe(self, unit: str) -> str:
        what = PURPOSES[self.kind]
        income = FUNDS[TRANSFER_INCOME[self.kind]]
        if self.matched:
            return f"{self.payer}的{what} {self.paid:,f} {unit}与{self.payee}的{income}相符，汇总时抵消"
        return (f"{self.payer}列{what} {self.paid:,f} {unit}，而{self.payee}列来自该单位的{income} "
                f"{self.received:,f} {unit}，两者不一致：不作内部往来抵消，请核对")


def transfers(lines: list[Line], units: set[str]) -> list[Transfer]:
    """The transfers between `units` the lines show, from either side."""
    paid: dict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    received: dict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    for line in lines:
        if line.purpose in TRANSFERS and line.counterpart in units:
            paid[(line.purpose, line.unit, line.counterpart)] += line.amount
        for kind, fund in TRANSFER_INCOME.items():
            if line.fund == fund and line.counterpart in units:
                received[(kind, line.counterpart, line.unit)] += line.amount
    keys = list(dict.fromkeys([*paid, *received]))
    return [Transfer(k, payer, payee, paid.get((k, payer, payee), Decimal(0)),
                     received.get((k, payer, payee), Decimal(0))) for k, payer, payee in keys]


def _sides(line: Line, t: Transfer) -> bool:
    """Whether `line` is a side of transfer `t`."""
    if line.purpose == t.kind and line.unit == t.payer and line.counterpart == t.payee:
        return True
    return line.fund == TRANSFER_INCOME[t.kind] and line.unit == t.payee and line.counterpart == t.payer


def rollup(department: str, ledgers: list[Ledger], *, parent: str = "", body_type: str = "",
           file: str = "") -> tuple[Ledger, list[Transfer]]:
    """The department's ledger: its units' lines one after the other, the matched transfers marked."""
    if not ledgers:
        raise ValueError("没有所属单位的预算行")
    years = {led.year for led in ledgers}
    if len(years) > 1:
        raise ValueError(f"各单位预算行的年度不同（{'、'.join(str(y) for y in sorted(years))}），不能汇总")
    units = {led.unit for led in ledgers}
    if len(units) > 1:
        raise ValueError("各单位预算行的金额单位不同（万元与元），请统一后再汇总")
    bodies = [led.body for led in ledgers]
    repeated = {b for b in bodies if bodies.count(b) > 1}
    if repeated:
        raise ValueError(f"单位“{'、'.join(sorted(repeated))}”的预算行给出了不止一次")
    dept = Ledger(body=department, year=ledgers[0].year, unit=ledgers[0].unit, parent=parent, level="department",
                  body_type=body_type, file=file)
    for led in ledgers:
        dept.lines += [replace(line, internal=False) for line in led.lines]
        dept.names.update(led.names)
    members = {line.unit for line in dept.lines}
    found = transfers(dept.lines, members)
    for t in found:
        if t.matched:
            for line in dept.lines:
                if _sides(line, t):
                    line.internal = True
    return dept, found


def consolidate(ledger: Ledger) -> tuple[list[Line], list[str]]:
    """The lines a disclosure of `ledger` adds up: a department's internal transfers netted out (the
    payer's transfer left out, the payee's spending funded by the payer's sources), and what was done."""
    internal = [line for line in ledger.lines if line.internal]
    if not internal:
        return list(ledger.lines), []
    notes = []
    members = set(ledger.units)
    by_key = {(t.kind, t.payer, t.payee): t for t in transfers(internal, members)}
    out: list[Line] = []
    for line in ledger.lines:
        if not line.internal:
            out.append(line)
            continue
        if line.purpose in TRANSFERS:
            continue  # the payer's side: counted as the payee's spending
        kind = next(k for k, f in TRANSFER_INCOME.items() if f == line.fund)
        t = by_key[(kind, line.counterpart, line.unit)]
        if not t.matched:
            raise ValueError(t.describe(ledger.unit))
        payer = [x for x in internal if x.purpose == kind and x.unit == t.payer and x.counterpart == t.payee]
        out += _refunded(line, payer)
    for t in by_key.values():
        notes.append(t.describe(ledger.unit))
    return out, notes


def _refunded(line: Line, payer: list[Line]) -> list[Line]:
    """The payee's line funded by the payer's sources, split in their proportions (to the cent, the
    remainder on the last part)."""
    shares: dict[tuple[str, bool], Decimal] = defaultdict(Decimal)
    for x in payer:
        shares[(x.fund, x.carryover)] += x.amount
    paid = sum(shares.values(), Decimal(0))
    if len(shares) == 1 or not paid:
        fund, carried = next(iter(shares), (line.fund, False))
        return [replace(line, fund=fund, carryover=line.carryover or carried, counterpart="", internal=False)]
    out = []
    left = {f: getattr(line, f) for f in ("amount", "prior_budget", "prior_final", "final", "procurement_amount",
                                           "procurement_sme", "procurement_small_micro")}
    items = list(shares.items())
    for n, ((fund, carried), share) in enumerate(items):
        part = {}
        for f, whole in left.items():
            original = getattr(line, f)
            if original is None:
                part[f] = None
            elif n == len(items) - 1:
                part[f] = whole
            else:
                part[f] = (original * share / paid).quantize(Decimal("0.01"), ROUND_HALF_UP)
                left[f] = whole - part[f]
        out.append(replace(line, fund=fund, carryover=line.carryover or carried, counterpart="", internal=False,
                           **part))
    return out
