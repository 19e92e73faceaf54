"""合计行等于其所列各行之和：合计（总计、本年收入合计、单位名称行等）= 各一级行（类、一、二、…、
小计行）之和；总计 = 本年合计 + 上年结转（结转下年）等所列调整行。逐列、逐方（收入、支出）核对。"""

from yusuan.rules.identities import TOTAL, of_table
from yusuan.rules.registry import rule
from yusuan.rules.tables import column_name, printed


@rule("arith-total-rows")
def check(ctx, emit):
    for table in ctx.tables:
        for i in of_table(ctx, table):
            if i.kind != TOTAL or i.holds:
                continue
            yield emit(
                table=table, row=i.row, measure=i.measure, expected=i.check.parts, actual=i.check.total,
                tolerance=i.check.tolerance, where=[i.total.source, *(v.source for v in printed(i.parts))],
                column=column_name(table, i.measure, i.side), n=len(i.part_rows), parts=names(i.part_rows),
            )


def names(rows, limit=4):
    items = [f"“{r.item or r.label}”" for r in rows]
    return "、".join(items[:limit]) + ("等" if len(items) > limit else "")
