"""部门的“三公”经费等于本级与所属单位“三公”经费之和：因公出国（境）费、公务用车购置及运行维护费、公务接待费及
合计（深圳按年度分行列示的，各年度行分别核对），逐项核对。只在提供了所属单位预算时检查。"""

from yusuan.rules.registry import rule
from yusuan.rules.rollup import emit_gaps


@rule("rollup-three-public", related=True)
def check(ctx, emit):
    yield from emit_gaps(emit, ctx, lambda g: g.table.kind == "three_public_costs")
