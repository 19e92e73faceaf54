"""每个三级绩效指标都应有指标值（目标值）：只列指标名称、指标值一栏空白的，无法考核。"""

from yusuan.rules.performance import indicator_label, performance_table
from yusuan.rules.printed import located
from yusuan.rules.registry import rule


@rule("perf-target-missing")
def check(ctx, emit):
    perf = ctx.performance
    if perf is None:
        return
    for ind in perf.indicators:
        if ind.name and not ind.target.text.strip():
            yield located(emit(table=performance_table(ctx), indicator=indicator_label(ind), where=[ind.source]),
                          item=ind.name)
