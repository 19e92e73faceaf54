"""合计行等于其所列各行之和：合计（总计、本年收入合计、单位名称行等）= 各一级行（类、一、二、…、
小计行）之和；总计 = 本年合计 + 上年结转（结转下年）等所列调整行。逐列、逐方（收入、支出）核对。"""

from yusuan.rules.identities import TOTAL, evidence, failing
from yusuan.rules.registry import rule


@rule("arith-total-rows")
def check(ctx, emit):
    for table, i in failing(ctx, TOTAL):
        yield emit(**evidence(table, i), n=len(i.part_rows), parts=names(i.part_rows))


def names(rows, limit=4):
    items = [f"“{r.item or r.label}”" for r in rows]
    return "、".join(items[:limit]) + ("等" if len(items) > limit else "")
