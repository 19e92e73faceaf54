"""绩效目标表中各项年度主要任务的预算金额之和等于“金额合计”（总额、财政拨款、其他资金逐列），
允许四舍五入误差。"""

from yusuan.model.tolerance import bound, rounding_unit
from yusuan.model.vocabulary import MEASURES
from yusuan.rules.performance import performance_table
from yusuan.rules.printed import located
from yusuan.rules.registry import rule


@rule("perf-task-total")
def check(ctx, emit):
    perf = ctx.performance
    if perf is None or not perf.tasks or not perf.total:
        return
    for measure, total in perf.total.items():
        parts = [t.values[measure] for t in perf.tasks if measure in t.values]
        if not parts:
            continue
        tol = bound([total, *parts], rounding_unit([total, *parts]))
        added = sum((p.amount for p in parts), total.amount * 0)
        if abs(total.amount - added) > tol:
            yield located(
                emit(table=performance_table(ctx), measure=measure, expected=added, actual=total.amount,
                     tolerance=tol, tasks=len(parts), measure_name=MEASURES.get(measure, measure),
                     where=[total.source]),
                item="金额合计",
            )
