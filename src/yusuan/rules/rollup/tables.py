"""部门预算各表的每一行等于本级与所属单位预算同一行之和：按功能分类、经济分类科目编码的行，收入来源、支出用途等
按名称的行，逐列核对；单位列出而部门漏列的科目也报告。部门内部的上缴上级、对附属单位补助可能在汇总时抵消，差额在
这些转移以内的只作提示。只在提供了所属单位预算时检查。"""

from yusuan.rules.registry import rule
from yusuan.rules.rollup import emit_gaps


@rule("rollup-tables", related=True)
def check(ctx, emit):
    yield from emit_gaps(emit, ctx, lambda g: not g.is_total and g.table.kind != "three_public_costs")
