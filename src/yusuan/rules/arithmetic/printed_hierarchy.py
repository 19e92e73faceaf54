"""未编码的分级行：上一级行等于其下一级各行之和（一、行 = 其下 1. 2. 行；政府采购表按所列层级；
小计行 = 其下各行）；“其中”行不得大于其所属行。"""

from yusuan.rules.arithmetic.total_rows import names
from yusuan.rules.registry import rule
from yusuan.rules.tables import (
    check_sum,
    column_name,
    hierarchy,
    printed,
    sides,
    table_unit,
)


@rule("arith-printed-hierarchy")
def check(ctx, emit):
    for table in ctx.tables:
        unit = None
        for side in sides(table):
            for parent, parts, of_which in hierarchy(table, side):
                for measure, total in parent.values.items():
                    unit = unit or table_unit(table)
                    if parts:
                        values = [p.values.get(measure) for p in parts]
                        shown = printed(values)
                        if shown:
                            s = check_sum(total, values, unit)
                            if not s.holds:
                                yield emit(
                                    table=table, row=parent, measure=measure, expected=s.parts,
                                    actual=s.total, tolerance=s.tolerance,
                                    where=[total.source, *(v.source for v in shown)],
                                    column=column_name(table, measure, side), n=len(parts),
                                    parts=names(parts), relation="之和为", note="",
                                )
                    for line in of_which:
                        v = line.values.get(measure)
                        if v is not None and v.amount > total.amount + unit:
                            yield emit(
                                table=table, row=parent, measure=measure, expected=v.amount,
                                actual=total.amount, tolerance=unit, where=[total.source, v.source],
                                column=column_name(table, measure, side), n=1, parts=names([line]),
                                relation="为", note="，“其中”数不应大于所属行",
                            )
