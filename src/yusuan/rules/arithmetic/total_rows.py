"""合计行等于其所列各行之和：合计（总计、本年收入合计、单位名称行等）= 各一级行（类、一、二、…、
小计行）之和；总计 = 本年合计 + 上年结转（结转下年）等所列调整行。逐列、逐方（收入、支出）核对。"""

from yusuan.rules.registry import rule
from yusuan.rules.tables import (
    check_sum,
    column_name,
    printed,
    sides,
    table_unit,
    total_specs,
)


@rule("arith-total-rows")
def check(ctx, emit):
    for table in ctx.tables:
        unit = None
        for side in sides(table):
            for spec in total_specs(table, side):
                if not spec.parts:
                    continue
                for measure, total in spec.total.values.items():
                    values = [p.values.get(measure) for p in spec.parts]
                    shown = printed(values)
                    if not shown:
                        continue
                    unit = unit or table_unit(table)
                    s = check_sum(total, values, unit)
                    if s.holds:
                        continue
                    yield emit(
                        table=table, row=spec.total, measure=measure, expected=s.parts, actual=s.total,
                        tolerance=s.tolerance, where=[total.source, *(v.source for v in shown)],
                        column=column_name(table, measure, side), n=len(spec.parts),
                        parts=names(spec.parts),
                    )


def names(rows, limit=4):
    items = [f"“{r.item or r.label}”" for r in rows]
    return "、".join(items[:limit]) + ("等" if len(items) > limit else "")
