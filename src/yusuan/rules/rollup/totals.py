"""部门预算的合计等于本级与所属单位预算的合计之和：收支总表的收入、支出合计和总计，收入总表、支出总表等各表的
合计行（以部门名称列示的合计行也是），逐列核对。部门内部的上缴上级、对附属单位补助可能在汇总时抵消，差额在这些
转移以内的只作提示。只在提供了所属单位预算时检查（yusuan check 部门.pdf --units 单位1.pdf 单位2.pdf）。"""

from yusuan.rules.registry import rule
from yusuan.rules.rollup import emit_gaps


@rule("rollup-totals", related=True)
def check(ctx, emit):
    yield from emit_gaps(emit, ctx, lambda g: g.is_total and g.table.kind != "three_public_costs")
