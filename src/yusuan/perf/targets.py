"""绩效目标: one target set — a body's whole spending (部门（单位）整体支出) or one project's — with its tasks
and amounts, its annual goals and its indicator tree. Each indicator has a nature (≥, ≤, =, a range, a dated
deadline, qualitative), its value and unit, and its weight within its 一级 category.

Money is Decimal in the set's unit (万元 or 元). An indicator's `key` stays the same across the versions of
a set: the monitoring and the self-evaluation refer to indicators by it.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from yusuan.model.disclosure import Target
from yusuan.model.provenance import Source
from yusuan.model.targets import GRADE_STANDARD, parse_target

NATURES: dict[str, str] = {"ge": "≥", "le": "≤", "eq": "=", "range": "区间", "deadline": "时限", "qualitative": "定性"}
QUANTITATIVE = ("ge", "le", "eq", "range")
# parse_target's operators → natures (">" and "<" are read as ≥ and ≤; "一份/周" is a frequency to reach)
_OPERATORS = {">=": "ge", ">": "ge", "<=": "le", "<": "le", "=": "eq", "per": "eq", "range": "range",
              "before": "deadline"}
RATIO_UNITS = ("%", "‰", "分")  # a value in these is a level reached, not a count that accumulates
AMOUNTS = {"total": "总额", "fiscal": "财政拨款", "other": "其他资金"}
UNITS = ("万元", "元")
WHOLE = ""  # the project of a whole body's target set


@dataclass(slots=True)
class Task:
    """A 年度主要任务 with its amounts (总额, 财政拨款, 其他资金) in the set's unit."""

    name: str
    content: str = ""
    amounts: dict[str, Decimal] = field(default_factory=dict)
    source: Source | None = None


@dataclass(slots=True)
class Indicator:
    key: str
    level1: str  # 产出指标 / 效益指标 / 满意度指标
    level2: str  # 数量指标, 质量指标, …
    name: str  # the 三级指标; "" for a category listed without indicators
    nature: str = ""  # NATURES, or "" while the target says no measure
    value: Decimal | None = None  # the target value (the lower bound of a range)
    upper: Decimal | None = None  # a range's upper bound
    unit: str = ""
    deadline: str = ""  # a deadline's date: 2023-11 (the month's end), 2023-11-30, --11 (the set's year)
    text: str = ""  # the target as printed or typed: ≥165 宗; for a qualitative one, what is to be reached
    weight: Decimal | None = None  # its share of its 一级 category's points; None: an equal share
    prior_actual: Decimal | None = None  # last year's actual, when typed (else taken from last year's evaluation)
    cumulative: bool | None = None  # achieved values add up over the year; None: decided by nature and unit
    source: Source | None = None

    @property
    def label(self) -> str:
        return "／".join(x for x in (self.level1, self.level2, self.name) if x)

    @property
    def is_cumulative(self) -> bool:
        """A count that grows over the year (≥165 宗), compared with the time elapsed; a rate or a score
        (≥90%, ≥95 分, 一份/周) is a level compared with the target as it stands."""
        if self.cumulative is not None:
            return self.cumulative
        return self.nature in ("ge", "eq") and self.unit not in RATIO_UNITS and "/" not in self.unit

    def due(self, year: int) -> datetime.date | None:
        """The deadline as a day (a month's deadline is its last day; --11 is in `year`)."""
        if self.nature != "deadline" or not self.deadline:
            return None
        text = f"{year}{self.deadline[1:]}" if self.deadline.startswith("--") else self.deadline
        y, m, *d = (int(x) for x in text.split("-"))
        return datetime.date(y, m, d[0] if d else calendar.monthrange(y, m)[1])

    @property
    def target_text(self) -> str:
        """The target as it is printed in a table: the text typed, else made from nature, value and unit."""
        if self.text:
            return self.text
        return describe(self)


def describe(ind: Indicator) -> str:
    if ind.nature in ("ge", "le"):
        return f"{NATURES[ind.nature]}{plain(ind.value)}{ind.unit}" if ind.value is not None else ""
    if ind.nature == "eq":
        return f"{plain(ind.value)}{ind.unit}" if ind.value is not None else ""
    if ind.nature == "range" and ind.value is not None and ind.upper is not None:
        return f"{plain(ind.value)}{ind.unit}～{plain(ind.upper)}{ind.unit}"
    if ind.nature == "deadline" and ind.deadline:
        return f"{ind.deadline.lstrip('-')}前"
    return ""


def plain(d: Decimal | None) -> str:
    """A Decimal as people write it: 165, 0.5, 1,234.5 without separators (no exponent, no trailing zeros)."""
    if d is None:
        return ""
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return f"{d.normalize():f}"


@dataclass(slots=True)
class TargetSet:
    body: str
    year: int
    project: str = WHOLE
    unit: str = "万元"
    budget: dict[str, Decimal] = field(default_factory=dict)  # 金额合计: total / fiscal / other
    budget_source: Source | None = None
    tasks: list[Task] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def is_whole(self) -> bool:
        return self.project == WHOLE

    @property
    def title(self) -> str:
        return f"{self.body}{self.year}年{'整体支出' if self.is_whole else self.project}"

    @property
    def total(self) -> Decimal | None:
        """The year's budget of the set: its 金额合计, else the sum of its tasks' totals."""
        if "total" in self.budget:
            return self.budget["total"]
        amounts = [t.amounts["total"] for t in self.tasks if "total" in t.amounts]
        return sum(amounts, Decimal(0)) if amounts else None

    @property
    def scored(self) -> list[Indicator]:
        """The indicators proper (a category listed without any is not one)."""
        return [i for i in self.indicators if i.name]

    def indicator(self, key: str) -> Indicator | None:
        return next((i for i in self.indicators if i.key == key), None)


def target_fields(text: str) -> dict:
    """Nature, value, upper, unit and deadline of a target as printed or typed (model.targets.parse_target);
    a grade of a standard (达Ⅲ类标准) is qualitative; a text saying no measure leaves the nature open."""
    return fields_of(parse_target(text))


def fields_of(target: Target) -> dict:
    if target.measurable and target.operator in _OPERATORS:
        nature = _OPERATORS[target.operator]
        return {"nature": nature, "value": target.value, "upper": target.upper, "unit": target.unit,
                "deadline": target.date if nature == "deadline" else ""}
    if target.text.strip() and GRADE_STANDARD.search(target.text):
        return {"nature": "qualitative", "value": None, "upper": None, "unit": "", "deadline": ""}
    return {"nature": "", "value": None, "upper": None, "unit": "", "deadline": ""}


def assign_keys(indicators: list[Indicator], reserved=frozenset()) -> None:
    """Give every indicator without a key the next free one (i1, i2, …), none of `reserved`; keys already
    given stay."""
    used = {i.key for i in indicators if i.key} | set(reserved)
    n = 0
    for ind in indicators:
        if ind.key:
            continue
        n += 1
        while f"i{n}" in used:
            n += 1
        ind.key = f"i{n}"
        used.add(ind.key)
