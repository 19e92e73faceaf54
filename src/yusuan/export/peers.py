"""Comparing bodies with their peers: a few figures of each disclosure, their shares of its spending, and
which are far from the rest of the group.

The figures are read from the tables as the reconciliation rules read them (rules/reconcile.py): the
whole spending (支出总计, all funds), 项目支出, the “三公” costs of the year, 机关运行经费 and
委托业务费 (economic class 30227). A share is a figure over the whole spending.

Far from the rest: the robust z-score of Iglewicz and Hoaglin, 0.6745 · (x − median) / MAD, against the
group's median and median absolute deviation (when more than half the group share one value, so that
the MAD is 0, the mean absolute deviation · 1.2533 stands in). A share is flagged beyond 3.5, and only
in a group of at least 5 bodies that print it: the score says “unusual among these”, not “wrong”.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from yusuan.model.disclosure import Disclosure, Row, Table
from yusuan.rules.reconcile import Figures, collect
from yusuan.rules.tables import scale

ZERO = Decimal(0)
THRESHOLD = Decimal("3.5")
MIN_PEERS = 5
_K = Decimal("0.6745")
_MEAN_AD = Decimal("1.2533")

INDICATORS: dict[str, str] = {
    "spending": "支出总计",
    "project": "项目支出",
    "three_public": "“三公”经费",
    "office_operating": "机关运行经费",
    "commissioned": "委托业务费",
}
SHARES = ("project", "three_public", "office_operating", "commissioned")  # each over the spending


@dataclass
class Profile:
    """One disclosure's figures in 元 (None: not printed) and their shares of its spending."""

    label: str
    year: int | None
    figures: dict[str, Decimal | None]
    shares: dict[str, Decimal | None] = field(default_factory=dict)
    scores: dict[str, Decimal | None] = field(default_factory=dict)  # robust z of each share
    flags: list[str] = field(default_factory=list)  # the shares far from the group's
    ref: object = None  # the caller's handle (a disclosure id, a file name)


def _first(figures: Figures, *keys) -> Decimal | None:
    for key in keys:
        found = figures.by_key.get(key)
        if found:
            return found[0].yuan
    return None


_CHANGE = re.compile(r"增减|变化|比上年|差额|增长")


def _three_public_row(doc: Disclosure, table: Table) -> Row | None:
    """The row of the 三公 table for the document's year: the one naming the year, or the only one that is
    not a change."""
    rows = [r for r in table.rows if r.values and not _CHANGE.search(r.item)]
    year = str(doc.identity.year or "")
    named = [r for r in rows if year and year in r.item]
    if named:
        return named[0]
    return rows[0] if len(rows) == 1 else None


def three_public(doc: Disclosure) -> Decimal | None:
    for table in doc.tables_of("three_public_costs"):
        row = _three_public_row(doc, table)
        if row is None:
            continue
        if "total" in row.values:
            return row.values["total"].amount * scale(table)
        parts = [row.values[m].amount for m in ("abroad", "reception", "vehicle_total") if m in row.values]
        if parts:
            return sum(parts, ZERO) * scale(table)
    return None


def office_operating(doc: Disclosure) -> Decimal | None:
    for table in doc.tables_of("office_operating_costs"):
        total = next((r for r in table.rows if r.is_total and "amount" in r.values), None)
        if total is not None:
            return total.values["amount"].amount * scale(table)
    for table in doc.tables_of("three_public_costs"):  # Shanghai prints it beside the 三公
        row = _three_public_row(doc, table)
        if row is not None and "office_operating" in row.values:
            return row.values["office_operating"].amount * scale(table)
    return None


def profile(doc: Disclosure, label: str = "", ref: object = None, figures: Figures | None = None) -> Profile:
    figures = collect(doc) if figures is None else figures
    spending = _first(figures, ("expense", "", "total", "", "all"), ("expense_grand", "", "total", "", "all"),
                      ("expense", "", "total", "", "fiscal"), ("expense", "", "total", "", "general"))
    values = {
        "spending": spending,
        "project": None,
        "three_public": three_public(doc),
        "office_operating": office_operating(doc),
        "commissioned": None,
    }
    p = Profile(label or doc.identity.body or "+".join(doc.files), doc.identity.year, values, ref=ref)
    for key in SHARES:
        x = values[key]
        p.shares[key] = (x / spending) if x is not None and spending else None
    # 项目支出 and 委托业务费 over the spending of the same funds: a table of 一般公共预算 alone says
    # nothing of the share of all funds; 委托业务费 only where the economic table covers 项目支出 too
    # (a table of 基本支出 by economic class leaves out most of it)
    for key, dim, code in (("project", "expense", ""), ("commissioned", "economic", "30227")):
        part, share = part_of_spending(figures, "project" if key == "project" else "total", dim, code)
        if part is not None:
            values[key], p.shares[key] = part, share
    return p


def part_of_spending(figures: Figures, measure: str, dim: str = "expense", code: str = "") -> tuple[Decimal | None, Decimal | None]:
    """A part of the spending (基本支出: `basic`, 项目支出: `project`, an economic class's total) in 元, and its
    share of the spending of the same funds (all funds, else 财政拨款, else 一般公共预算)."""
    for scope in ("all", "fiscal", "general"):
        part = _first(figures, (dim, code, measure, "", scope))
        whole = _first(figures, ("expense", "", "total", "", scope))
        if part is not None and whole:
            return part, part / whole
    return None, None


def robust_scores(values: list[Decimal]) -> list[Decimal | None]:
    """The robust z-score of each value in its group (None for all when the group cannot say)."""
    if len(values) < MIN_PEERS:
        return [None] * len(values)
    med = median(values)
    deviations = [abs(v - med) for v in values]
    mad = median(deviations)
    if mad:
        return [_K * (v - med) / mad for v in values]
    mean_ad = sum(deviations, ZERO) / len(deviations)
    if not mean_ad:
        return [ZERO] * len(values)
    return [(v - med) / (_MEAN_AD * mean_ad) for v in values]


def compare(profiles: list[Profile], key: Callable[[Profile], object] | None = None) -> list[Profile]:
    """Score every share of every profile against its group (all of them, or those with the same
    `key`: the year, say) and flag the far ones. Returns the profiles, scored in place."""
    groups: dict[object, list[Profile]] = {}
    for p in profiles:
        groups.setdefault(key(p) if key else None, []).append(p)
    for members in groups.values():
        for share in SHARES:
            have = [p for p in members if p.shares.get(share) is not None]
            for p, z in zip(have, robust_scores([p.shares[share] for p in have])):
                p.scores[share] = z
                if z is not None and abs(z) > THRESHOLD:
                    p.flags.append(share)
    return profiles


def percent(share: Decimal | None) -> str:
    return "" if share is None else f"{share * 100:.2f}%"
