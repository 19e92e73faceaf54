"""绩效目标表中每项任务（及金额合计）的总额等于财政拨款与其他资金之和，允许四舍五入误差。"""

from yusuan.model.tolerance import bound, rounding_unit
from yusuan.rules.performance import performance_table
from yusuan.rules.printed import located
from yusuan.rules.registry import rule


@rule("perf-task-split")
def check(ctx, emit):
    perf = ctx.performance
    if perf is None:
        return
    lines = [(t.name, t.values) for t in perf.tasks] + ([("金额合计", perf.total)] if perf.total else [])
    for name, values in lines:
        total, fiscal, other = values.get("total"), values.get("fiscal"), values.get("other")
        if total is None or fiscal is None or other is None:
            continue
        tol = bound([total, fiscal, other], rounding_unit([total, fiscal, other]))
        added = fiscal.amount + other.amount
        if abs(total.amount - added) > tol:
            yield located(
                emit(table=performance_table(ctx), measure="total", expected=added, actual=total.amount,
                     tolerance=tol, task=name, fiscal=fiscal.text, other=other.text, where=[total.source]),
                item=name,
            )
