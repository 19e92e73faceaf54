"""文字与表格：正文所述数字与表格、与其自身（分项之和、增减额与增减率、占比、完成率）是否相符。

The rules of this family read `yusuan.rules.statements` (the figures the text states) and
`yusuan.rules.stated_cells` (where the tables print the same figures). The checks they share live here:
percentages against the figures they are computed from, under the rounding of every printed number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from yusuan.rules.printed import located
from yusuan.rules.stated_cells import Cell, agrees, cells_for, prior_cells
from yusuan.rules.statements import TOTAL_KEYS, Number, Statement, subject
from yusuan.rules.statements.subjects import NAMES

if TYPE_CHECKING:
    from yusuan.rules.context import Context

HUNDRED = Decimal(100)
ZERO = Decimal(0)

# What a subject is called in a message.


def name_of(st: Statement) -> str:
    if st.key in ("function", "item", "count"):
        return f"“{st.label}”"
    return NAMES.get(st.key, st.label)


def fmt(value: Decimal) -> str:
    return f"{value:,f}"


def pct(value: Decimal, places: int = 2) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-places)):f}%"


def span(r: "Ratio") -> str:
    """（考虑四舍五入在 a～b 之间）, or nothing when rounding leaves no room."""
    low, high = pct(r.low, 3), pct(r.high, 3)
    return "" if low == high else f"（考虑四舍五入在 {low}～{high} 之间）"


# ----------------------------------------------------------------------------------- text against tables

def against_tables(ctx: Context, emit, keys: Iterable[str], lookup=cells_for, *, truncated: bool = False) -> Iterator:
    """Each stated figure of these subjects against the cells printing the same quantity: a finding when
    it agrees with none of them (each printed figure may be off by half its printing unit). A figure that
    is a cell cut short rather than rounded (87.708 stated 87.70) is not said to differ: `truncated` gives
    those instead (text-truncated)."""
    keys = set(keys)
    for st in ctx.statements:
        if not st.is_figure or st.key not in keys:
            continue
        if st.key in ("personnel", "public", "family") and "项目" in st.passage.text[st.clause_start:st.amount.start]:
            continue  # 项目中的人员经费 is not the 基本支出's
        cells = lookup(ctx, st)
        if not cells or any(agrees(st.amount.wan, st.amount.wan_step, c) for c in cells):
            continue
        if wider_scope(st) and any(st.amount.wan + st.amount.wan_step / 2 >= c.wan - c.step / 2 for c in cells):
            continue  # 机关运行经费（含其他资金）: more than the 财政拨款 table prints, and said so
        cut = [c for c in cells if truncates(st.amount.wan, st.amount.wan_step, c)]
        if bool(cut) != truncated:
            continue
        best = cut[0] if cut else min(cells, key=lambda c: abs(c.wan - st.amount.wan))
        yield emit(
            table=best.table, row=best.row, measure=best.measure, expected=best.wan, actual=st.amount.wan,
            tolerance=(st.amount.wan_step + best.step) / 2, where=[st.source, best.source],
            sentence=st.quote(), subject=name_of(st), stated=st.amount.text,
            printed=(best.value.text + best.table.unit) if best.value is not None else "空白",
            unit="万元", rounded=fmt(best.wan.quantize(st.amount.wan_step)) if cut else "",
        )


# Subjects printed in tables of 财政拨款 (一般公共预算) only; the text may count other funds in them too.
FISCAL_TABLE_KEYS = {"office_operating", "meeting", "training", "three_public.total", "three_public.abroad",
                     "three_public.reception", "three_public.vehicle_total", "three_public.vehicle_purchase",
                     "three_public.vehicle_operation"}
_OTHER_FUNDS = r"(?:其他资金|单位资金|非财政拨款|全部资金|各类资金|自有资金|事业收入|经营收入)"
_WIDER = re.compile(rf"(?:含|包含|包括|涵盖)[^。;]{{0,40}}?{_OTHER_FUNDS}|(?:统计|口径)[^。;]{{0,30}}?{_OTHER_FUNDS}")


def wider_scope(st: Statement) -> bool:
    """The sentence stating the figure says it counts funds besides 财政拨款 (机关运行经费……包括财政拨款和其他
    资金 / 含单位资金), where the table prints 财政拨款 only."""
    if st.key not in FISCAL_TABLE_KEYS:
        return False
    text = st.passage.text
    start = text.rfind("。", 0, st.clause_start) + 1
    stop = text.find("。", st.amount.end)
    return bool(_WIDER.search(text[start:stop if stop >= 0 else len(text)]))


def truncates(amount: Decimal, step: Decimal, cell: Cell) -> bool:
    """The stated figure is the cell cut (not rounded) to the stated unit: 87.708 stated 87.70, the cell
    itself anywhere within its own rounding."""
    if amount * cell.wan < 0:
        return False
    a, c = abs(amount), abs(cell.wan)
    return c + cell.step / 2 >= a and c - cell.step / 2 < a + step


# --------------------------------------------------------------------------------------- percentages

@dataclass(frozen=True, slots=True)
class Ratio:
    """100·a/b for printed a and b, as the interval their rounding allows."""

    low: Decimal
    high: Decimal
    value: Decimal

    def verdict(self, printed: Number) -> str:
        """'ok' within rounding; 'rounding' one printed unit further (truncated, or forced to add to 100%);
        'wrong' beyond."""
        p, u = printed.value, printed.step
        if self.low - u / 2 <= p <= self.high + u / 2:
            return "ok"
        if self.low - u * 3 / 2 <= p <= self.high + u * 3 / 2:
            return "rounding"
        return "wrong"


def ratio(a: Decimal, a_step: Decimal, b: Decimal, b_step: Decimal) -> Ratio | None:
    lo_b, hi_b = b - b_step / 2, b + b_step / 2
    if lo_b <= 0:
        return None
    lo_a, hi_a = max(ZERO, a - a_step / 2), a + a_step / 2
    return Ratio(HUNDRED * lo_a / hi_b, HUNDRED * hi_a / lo_b, HUNDRED * a / b)


def change_ratio(st: Statement, current: tuple[Decimal, Decimal] | None = None) -> Ratio | None:
    """The rate a stated change gives: 增减额 / 上年数, 上年数 = 本年数 ∓ 增减额 (or the stated 上年数)."""
    c = st.change
    if c is None or c.amount is None or not c.direction or st.amount is None:
        return None
    d, du = c.amount.wan, c.amount.wan_step
    cur, cu = current or (st.amount.wan, st.amount.wan_step)
    if st.prior:
        return ratio(d, du, cur, cu)
    base = cur - c.direction * d
    lows, highs = [], []
    for dd in (d - du / 2, d + du / 2):
        for cc in (cur - cu / 2, cur + cu / 2):
            b = cc - c.direction * dd
            if b <= 0:
                return None
            lows.append(HUNDRED * max(ZERO, dd) / b)
            highs.append(HUNDRED * dd / b)
    if base <= 0:
        return None
    return Ratio(min(lows), max(highs), HUNDRED * d / base)


@dataclass(frozen=True, slots=True)
class PercentCheck:
    kind: str  # change | share | completion
    statement: Statement
    printed: Number
    ratio: Ratio | None  # None: the rate cannot be computed (a zero base)
    verdict: str  # ok | rounding | wrong
    basis: str = ""  # what the rate was computed against, for the message
    basis_amount: Decimal | None = None
    note: str = ""


def precise(ctx: Context, st: Statement) -> tuple[Decimal, Decimal]:
    """A stated figure as exactly as the document prints it: the text drops zeros (110 万元) that the
    table prints (110.00), so a figure the tables confirm is known to the table's precision."""
    amount, step = st.amount.wan, st.amount.wan_step
    if st.is_figure:
        for cell in cells_for(ctx, st):
            if cell.step < step and agrees(amount, step, cell):
                amount, step = cell.wan, cell.step
    return amount, step


def percent_checks(ctx: Context) -> list[PercentCheck]:
    return ctx.memo("percent_checks", lambda: _percent_checks(ctx))


def _percent_checks(ctx: Context) -> list[PercentCheck]:
    out: list[PercentCheck] = []
    found = ctx.statements
    for st in found:
        c = st.change
        if c is not None and c.percent is not None and c.amount is not None and st.amount is not None:
            if c.direction and c.percent_direction and c.direction != c.percent_direction:
                out.append(PercentCheck("change", st, c.percent, None, "wrong", note="direction"))
            else:
                r = change_ratio(st, precise(ctx, st))
                if r is not None:
                    base = st.amount.wan if st.prior else st.amount.wan - c.direction * c.amount.wan
                    out.append(PercentCheck("change", st, c.percent, r, r.verdict(c.percent), "上年数", base))
        if st.share is not None and st.amount is not None and not st.prior:
            out.extend(_share_check(ctx, st, found))
        for basis, rate in st.completion:
            out.extend(_completion_check(ctx, st, basis, rate, found))
    return out


def _share_check(ctx: Context, st: Statement, found: list[Statement]) -> list[PercentCheck]:
    bases: list[tuple[str, Decimal, Decimal]] = []  # (what, amount, step)
    label = st.share_base
    if not label:
        if st.whole is not None and st.whole.amount is not None:
            bases.append((name_of(st.whole), *precise(ctx, st.whole)))
    else:
        if "三公" in label:
            keys = {"three_public.total"}
        elif "支出" in label and ("合计" in label or "总计" in label):
            keys = {"expense_total", "total"}
        elif "收入" in label and ("合计" in label or "总计" in label):
            keys = {"income_total", "total"}
        else:
            s = subject(label)
            keys = {s[0]} if s else set()
        for other in found:
            if other.key in keys and other.is_figure and other.amount.wan > 0:
                bases.append((name_of(other), *precise(ctx, other)))
        probe = Statement(next(iter(keys)), label, None, st.passage, 0, 0) if keys else None
        if probe is not None:
            for cell in cells_for(ctx, probe):
                bases.append((f"{cell.table.title}", cell.wan, cell.step))
        if keys == {"three_public.total"} and not bases:
            parts = [o for o in found if o.passage is st.passage and o.share is not None and o.is_figure
                     and o.key.startswith("three_public.")]
            if len(parts) >= 3:
                exact = [precise(ctx, o) for o in parts]
                bases.append(("所列三项之和", sum((a for a, _ in exact), ZERO), sum((u for _, u in exact), ZERO)))
    checks = []
    value, value_step = precise(ctx, st)
    for what, amount, step in bases:
        r = ratio(value, value_step, amount, step)
        if r is not None:
            checks.append(PercentCheck("share", st, st.share, r, r.verdict(st.share), what, amount))
    if not checks:
        return []
    order = {"ok": 0, "rounding": 1, "wrong": 2}
    return [min(checks, key=lambda c: (order[c.verdict], abs(c.ratio.value - c.printed.value)))]


_BASIS_QUALIFIER = {"年初预算": ("initial_budget",), "全年预算": ("adjusted_budget",),
                    "调整预算": ("adjusted_budget",), "预算": ("initial_budget", "adjusted_budget")}


def _completion_check(ctx: Context, st: Statement, basis: str, rate: Number,
                      found: list[Statement]) -> list[PercentCheck]:
    if st.amount is None:
        return []
    same = [o for o in found if o.passage is st.passage and o.sentence == st.sentence and o.amount is not None
            and o is not st and o.key == st.key and o.path == st.path]
    wanted = _BASIS_QUALIFIER.get(basis, ())
    candidates = [o for o in same if any(q in o.qualifiers for q in wanted)]
    if not candidates:
        return []
    checks = []
    for o in candidates:
        r = ratio(*precise(ctx, st), *precise(ctx, o))
        if r is None:
            others = [x for x in same if x not in candidates and x.amount.wan > 0]
            note = ""
            for x in others:
                rx = ratio(st.amount.wan, st.amount.wan_step, x.amount.wan, x.amount.wan_step)
                if rx is not None and rx.verdict(rate) == "ok":
                    note = f"按{_basis_name(x)} {x.amount.text} 计算为 {pct(rx.value)}"
            checks.append(PercentCheck("completion", st, rate, None, "wrong", basis, o.amount.wan, note))
        else:
            checks.append(PercentCheck("completion", st, rate, r, r.verdict(rate), basis, o.amount.wan))
    order = {"ok": 0, "rounding": 1, "wrong": 2}
    return [min(checks, key=lambda c: order[c.verdict])]


def _basis_name(st: Statement) -> str:
    if "initial_budget" in st.qualifiers:
        return "年初预算"
    if "adjusted_budget" in st.qualifiers:
        return "全年预算"
    return "预算"


# ------------------------------------------------------------------------------------------ parts

# wholes whose parts, when all named, leave nothing out
COMPLETE = {
    "three_public.total": [{"three_public.abroad", "three_public.vehicle_total", "three_public.reception"},
                           {"three_public.abroad", "three_public.vehicle_purchase",
                            "three_public.vehicle_operation", "three_public.reception"}],
    "three_public.vehicle_total": [{"three_public.vehicle_purchase", "three_public.vehicle_operation"}],
    "procurement.total": [{"procurement.goods", "procurement.works", "procurement.services"}],
    "basic": [{"personnel", "public"}],
    "expense_total": [{"basic", "project"}, {"personnel", "public", "project"}],
    "total": [{"basic", "project"}, {"personnel", "public", "project"}],
}


def is_complete(whole: Statement) -> bool:
    if whole.list_word == "合计":  # the figures a sentence sums up itself (……，合计 X 万元)
        return True
    keys = {p.key for p in whole.parts}
    if any(p.label.startswith("其他") or p.key == "other_funds" for p in whole.parts) and len(whole.parts) >= 2:
        return True
    return any(need <= keys for need in COMPLETE.get(whole.key, ()))


@dataclass(frozen=True, slots=True)
class PartsSum:
    whole: Statement
    total: Decimal
    tolerance: Decimal

    @property
    def excess(self) -> Decimal:
        return self.total - self.whole.amount.wan


def parts_sums(ctx: Context) -> list[PartsSum]:
    out = []
    for st in ctx.statements:
        if not st.parts or st.amount is None or st.prior or st.key in TOTAL_KEYS and not st.parts:
            continue
        total = sum((p.amount.wan for p in st.parts), ZERO)
        tol = (sum((p.amount.wan_step for p in st.parts), ZERO) + st.amount.wan_step) / 2
        if st.amount.is_money is False:
            tol = ZERO  # counts are exact
        out.append(PartsSum(st, total, tol))
    return out


def prior_figures(ctx: Context, st: Statement) -> list[tuple[str, Decimal, Decimal, object]]:
    """(what, amount, step, where) of the year-before figure of a statement: stated with it, or in a table."""
    out = []
    if st.prior_statement is not None and st.prior_statement.amount is not None:
        p = st.prior_statement
        out.append(("文字所述上年数", p.amount.wan, p.amount.wan_step, p.source))
    for cell in prior_cells(ctx, st):
        out.append((f"《{cell.table.title}》“{cell.row.item}”", cell.wan, cell.step, cell))
    return out


__all__ = [
    "Cell", "HUNDRED", "NAMES", "PercentCheck", "Ratio", "against_tables", "change_ratio", "fmt", "is_complete",
    "located", "name_of", "parts_sums", "pct", "percent_checks", "prior_figures", "ratio",
]
