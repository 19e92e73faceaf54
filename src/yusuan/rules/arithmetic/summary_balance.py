"""收支总表、财政拨款收支总表收支平衡：支出总计等于收入总计（按功能分类、按支出用途各方）；两方都没有
结转结余（上年结转、年初结转和结余、结余分配、年末结转和结余等）金额时，本年支出合计也等于本年收入合计——
有结转结余时两者相差的正是结转结余，只有总计行必须平衡。某方合计未填列时，以该方所列各行之和比较。
预算表中，支出方一般公共预算（政府性基金预算、国有资本经营预算）列的合计等于收入方同一资金来源行。"""

from decimal import Decimal

from yusuan.model.tolerance import bound
from yusuan.rules.registry import rule
from yusuan.rules.tables import (
    Totals,
    column_name,
    side_rows,
    sides,
    source_key,
    with_phase,
)

SIDE_NAMES = {"income": "收入方", "expense": "支出方", "purpose": "支出方（按支出用途）"}
FUND_COLUMNS = ("general_budget", "gov_fund", "soe_capital")


@rule("arith-summary-balance", columns=True)
def check(ctx, emit):
    for table in ctx.tables:
        present = sides(table)
        if "income" not in present or len(present) < 2:
            continue
        income = Totals(table, "income")
        for side in present:
            if side in ("income", ""):
                continue
            other = Totals(table, side)
            for phase in income.phases():
                in_m, out_m = income.main(phase), other.main(phase)
                if not in_m or not out_m:
                    continue
                for cat in ("current", "grand"):
                    if cat == "current" and not (income.split and other.split) or cat == "current" and (
                            _carried(income, in_m) or _carried(other, out_m)):
                        continue
                    i, o = income.cats.get(cat), other.cats.get(cat)
                    if i is None or o is None:
                        continue
                    a, b = income.value(i, in_m), other.value(o, out_m)
                    if a is None or b is None or (a.derived and b.derived):
                        continue
                    tol = a.slack + b.slack
                    if abs(a.amount - b.amount) <= tol:
                        continue
                    row = other.specs[o].total
                    yield emit(
                        table=table, row=row, measure=out_m, expected=a.amount, actual=b.amount,
                        tolerance=tol, where=[*([row.source] if b.derived else []), *b.where, *a.where],
                        side_name=SIDE_NAMES.get(side, side), column=column_name(table, out_m, side),
                        how="（未填列，按该方所列各行合计）" if b.derived else "",
                        other_item=income.specs[i].total.item,
                        other_how="（未填列，按所列各行合计）" if a.derived else "",
                    )
                if ctx.identity.kind == "budget" and income.specs:
                    yield from funds(emit, table, income, other, phase)


def _carried(totals: Totals, measure: str) -> bool:
    """A side prints an amount between its 本年合计 and its 总计 (上年结转, 年初结转和结余, 结余分配, 年末结转和
    结余 …): the year's income and spending then differ by what was carried, and only the 总计 rows balance."""
    c, g = totals.cats.get("current"), totals.cats.get("grand")
    if c is None or g is None or c == g:
        return False
    rows = totals.rows
    i, j = sorted(next(n for n, r in enumerate(rows) if r is totals.specs[k].total) for k in (c, g))
    return any((v := r.values.get(measure)) is not None and v.amount != 0 for r in rows[i + 1:j] if not r.is_total)


def funds(emit, table, income, other, phase):
    """预算：支出方资金来源列合计 = 收入方同一来源行。"""
    o = other.cats.get("grand")
    if o is None:
        return
    total_row = other.specs[o].total
    lines = {source_key(r): r for r in side_rows(table, "income") if not r.is_total}
    in_m = income.main(phase)
    for fund in FUND_COLUMNS:
        m = with_phase(fund, phase)
        v = total_row.values.get(m)
        line = lines.get(fund)
        if v is None or line is None:
            continue
        w = line.values.get(in_m)
        got = w.amount if w is not None else Decimal(0)
        tol = bound([v, w], other.finest)
        if abs(v.amount - got) > tol:
            yield emit(
                table=table, row=total_row, measure=m, expected=got, actual=v.amount, tolerance=tol,
                where=[v.source, *([w.source] if w else [])], side_name=SIDE_NAMES.get(total_row.side, ""),
                column=column_name(table, m, total_row.side), how="", other_item=line.item, other_how="",
            )
