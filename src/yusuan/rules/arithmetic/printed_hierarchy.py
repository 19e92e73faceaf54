"""未编码的分级行：上一级行等于其下一级各行之和（一、行 = 其下 1. 2. 行；政府采购表按所列层级；
小计行 = 其下各行）；“其中”行不得大于其所属行。"""

from yusuan.rules.arithmetic.total_rows import names
from yusuan.rules.identities import HIERARCHY, OF_WHICH, evidence, failing
from yusuan.rules.registry import rule


@rule("arith-printed-hierarchy")
def check(ctx, emit):
    for table, i in failing(ctx, HIERARCHY, OF_WHICH):
        said = evidence(table, i)
        if i.kind == HIERARCHY:
            yield emit(**said, n=len(i.part_rows), parts=names(i.part_rows), relation="之和为", note="")
        else:  # the “其中” line is shown as what the row should at least be
            line = i.parts[0]
            said.update(expected=line.amount, actual=i.total.amount)
            yield emit(**said, n=1, parts=names(i.part_rows), relation="为", note="，“其中”数不应大于所属行")
