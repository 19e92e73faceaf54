"""未编码的分级行：上一级行等于其下一级各行之和（一、行 = 其下 1. 2. 行；政府采购表按所列层级；
小计行 = 其下各行）；“其中”行不得大于其所属行。"""

from yusuan.rules.arithmetic.total_rows import names
from yusuan.rules.identities import HIERARCHY, OF_WHICH, of_table
from yusuan.rules.registry import rule
from yusuan.rules.tables import column_name, printed


@rule("arith-printed-hierarchy")
def check(ctx, emit):
    for table in ctx.tables:
        for i in of_table(ctx, table):
            if i.kind not in (HIERARCHY, OF_WHICH) or i.holds:
                continue
            column = column_name(table, i.measure, i.side)
            if i.kind == HIERARCHY:
                yield emit(
                    table=table, row=i.row, measure=i.measure, expected=i.check.parts, actual=i.check.total,
                    tolerance=i.check.tolerance, where=[i.total.source, *(v.source for v in printed(i.parts))],
                    column=column, n=len(i.part_rows), parts=names(i.part_rows), relation="之和为", note="",
                )
            else:
                line = i.parts[0]
                yield emit(
                    table=table, row=i.row, measure=i.measure, expected=line.amount, actual=i.total.amount,
                    tolerance=i.check.tolerance, where=[i.total.source, line.source], column=column, n=1,
                    parts=names(i.part_rows), relation="为", note="，“其中”数不应大于所属行",
                )
