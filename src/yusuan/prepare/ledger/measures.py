"""What a table's cell adds up from the lines: which lines a table covers, and what each measure (and
phase) of the vocabulary takes from a line. The one home of these meanings: `derive.py` sums by them and
`build.py` turns a published cell into a constraint on the lines by them, so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from yusuan.model.vocabulary import split_measure
from yusuan.prepare.ledger.model import FISCAL, UNIT_FUNDS, Line

Test = Callable[[Line], bool]

ALL: Test = lambda line: True  # noqa: E731
NONE: Test = lambda line: False  # noqa: E731


def _fund(*funds: str) -> Test:
    return lambda line: line.fund in funds


def _purpose(purpose: str) -> Test:
    return lambda line: line.purpose == purpose


# measure -> (the line's field it sums, which lines count)
MEASURES: dict[str, tuple[str, Test]] = {
    "amount": ("amount", ALL),
    "total": ("amount", ALL),
    "basic": ("amount", _purpose("basic")),
    "basic_personnel": ("amount", lambda line: line.personnel),
    "basic_public": ("amount", lambda line: line.public),
    "project": ("amount", _purpose("project")),
    "reserve": ("amount", _purpose("reserve")),
    "affiliated_subsidy": ("amount", _purpose("subsidy")),
    "carry_forward": ("amount", NONE),  # 结转下年: a budget line carries nothing to next year
    "procurement": ("procurement_amount", ALL),
    "procurement_sme": ("procurement_sme", ALL),
    "procurement_small_micro": ("procurement_small_micro", ALL),
    "fiscal": ("amount", _fund(*FISCAL)),
    "unit_funds": ("amount", _fund(*UNIT_FUNDS)),
    "prior_carryover": ("amount", lambda line: line.carryover),
    **{f: ("amount", _fund(f)) for f in ("general_budget", "gov_fund", "soe_capital", "special_account",
                                         "business_income", "operating_income", "superior_subsidy",
                                         "affiliated_income", "other")},
}
# a phase names the figure of another year or stage: the line's field holding it
PHASE_FIELDS = {"": None, "prior_budget": "prior_budget", "prior_final": "prior_final", "final": "final",
                "initial_budget": "amount"}


def measure_of(measure: str) -> tuple[str, Test] | None:
    """(field, test) of a measure with its phase ('total@prior_budget' sums prior_budget), None when the
    lines do not carry it (a growth rate, an adjusted budget)."""
    base, phase = split_measure(measure)
    if base not in MEASURES or phase not in PHASE_FIELDS:
        return None
    field, test = MEASURES[base]
    if phase and PHASE_FIELDS[phase]:
        if field != "amount":
            return None
        field = PHASE_FIELDS[phase]
    return field, test


def value(line: Line, field: str) -> Decimal | None:
    return getattr(line, field)


def total(lines: list[Line], measure: str) -> Decimal | None:
    """The sum of a measure over lines (a blank figure adds nothing); None for a measure the lines do
    not carry."""
    found = measure_of(measure)
    if found is None:
        return None
    field, test = found
    return sum((v for line in lines if test(line) and (v := value(line, field)) is not None), Decimal(0))


def carried(lines: list[Line], measure: str) -> bool:
    """Whether the lines carry a measure's figure in full: a phase of another year or stage (last year's
    budget, this year's 执行数) is printed only when every line holding money has it."""
    found = measure_of(measure)
    if found is None:
        return False
    field = found[0]
    if field in ("amount", "procurement_amount", "procurement_sme", "procurement_small_micro") or not lines:
        return True
    return any(value(line, field) is not None for line in lines) and all(
        value(line, field) is not None for line in lines if line.amount)


def table_scope(kind: str, style: str, final: bool) -> Test:
    """The lines a table of `kind` covers in a family's set (a consolidated department: after netting)."""
    general = _fund("general_budget")
    scopes: dict[str, Test] = {
        "appropriation_summary": _fund(*FISCAL),
        "appropriation_expense": _fund(*FISCAL),
        "appropriation_basic_by_economic": lambda line: line.fund in FISCAL and line.purpose == "basic",
        "general_budget_by_function": general,
        # Shenzhen prints 基本 and 项目 of the general budget by economic class; the others its 基本 only
        "general_budget_by_economic": general if style == "shenzhen" and not final else (
            lambda line: line.fund == "general_budget" and line.purpose == "basic"),
        "gov_fund_expense": _fund("gov_fund"),
        "soe_capital_expense": _fund("soe_capital"),
        "basic_expense_summary": _purpose("basic"),
        "project_expense_summary": _purpose("project"),
        "three_public_costs": lambda line: line.fund == "general_budget" and bool(line.three_public),
        "office_operating_costs": lambda line: line.office and line.fund in FISCAL,
        "procurement": lambda line: bool(line.procurement_amount),
    }
    return scopes.get(kind, ALL)


# the 三公 measures: the line's tag, or an economic class for 会议费 / 培训费 (Jiangsu prints them beside)
THREE_PUBLIC_MEASURES: dict[str, Test] = {
    "abroad": lambda line: line.three_public == "abroad",
    "reception": lambda line: line.three_public == "reception",
    "vehicle_purchase": lambda line: line.three_public == "vehicle_purchase",
    "vehicle_operation": lambda line: line.three_public == "vehicle_operation",
    "vehicle_total": lambda line: line.three_public in ("vehicle_purchase", "vehicle_operation"),
    "total": lambda line: bool(line.three_public),
    "meeting": lambda line: line.economic == "30215",
    "training": lambda line: line.economic == "30216",
}
