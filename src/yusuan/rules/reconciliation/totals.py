"""各表总数一致：收支总表的收入合计、支出合计（及总计）与收入总表、支出总表、财政拨款收支总表、
一般公共预算支出表（功能、经济分类）、政府性基金等各表的合计相同；基本支出、项目支出、预留机动经费
及人员经费、公用经费的合计在各表相同；绩效目标表金额合计与收支总表一致。不同资金范围的表
（全部资金、财政拨款、一般公共预算）只在其他资金为零时比较。"""

from yusuan.rules.reconcile import emit_mismatches
from yusuan.rules.registry import rule


@rule("recon-totals", columns=True)
def check(ctx, emit):
    yield from emit_mismatches(emit, ctx.figures, {"expense", "expense_grand", "income", "income_grand"})
