"""按经济分类科目逐行一致：财政拨款基本支出表与一般公共预算基本支出表中同一经济科目（类、款）的金额相同
（没有政府性基金、国有资本经营预算拨款时）。"""

from yusuan.rules.reconcile import emit_mismatches
from yusuan.rules.registry import rule


@rule("recon-economic-classes", columns=True)
def check(ctx, emit):
    yield from emit_mismatches(emit, ctx.figures, {"economic"})
