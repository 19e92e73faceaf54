"""各资金来源的收入在各表一致：收支总表收入方的财政拨款（一般公共预算、政府性基金、国有资本经营预算）、
财政专户管理资金、单位资金（事业收入、经营收入、其他收入等）、上年结转，与收入总表、财政拨款收支总表
所列同一来源相同。"""

from yusuan.rules.reconcile import emit_mismatches
from yusuan.rules.registry import rule


@rule("recon-income-sources", columns=True)
def check(ctx, emit):
    yield from emit_mismatches(emit, ctx.figures, {"source"})
