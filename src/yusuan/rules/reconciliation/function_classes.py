"""按功能分类科目（类、款、项）逐行一致：收支总表支出方、支出总表、收入总表、财政拨款收支总表、
财政拨款支出表、一般公共预算支出表（及政府性基金、国有资本经营预算支出表）中同一科目的合计、
基本支出、项目支出相同（收支总表只列名称的行按名称和顺序对应科目编码）；不同资金范围的表只在其他资金为零时比较。"""

from yusuan.rules.reconcile import emit_mismatches
from yusuan.rules.registry import rule


@rule("recon-function-classes", columns=True)
def check(ctx, emit):
    yield from emit_mismatches(emit, ctx.figures, {"function"})
