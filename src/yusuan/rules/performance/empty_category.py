"""绩效目标表中列出的一级、二级指标类别下应当有三级指标：只印类别名称（如“经济效益”“可持续影响”），
其下没有任何指标的，是空行或模板残留；不适用的类别应当删去，适用的应当设置指标。

读入时，一个其下没有三级指标的类别记为名称为空的指标（Indicator.name == ""）。"""

from yusuan.rules.performance import performance_table
from yusuan.rules.printed import located
from yusuan.rules.registry import rule


@rule("perf-empty-category")
def check(ctx, emit):
    perf = ctx.performance
    if perf is None:
        return
    filled = {(i.level1, i.level2) for i in perf.indicators if i.name}
    filled_level1 = {l1 for l1, _ in filled}
    for ind in perf.indicators:
        if ind.name:
            continue
        if ind.level2 and (ind.level1, ind.level2) not in filled:
            category = f"{ind.level1}／{ind.level2}" if ind.level1 else ind.level2
        elif not ind.level2 and ind.level1 not in filled_level1:
            category = ind.level1
        else:
            continue
        yield located(emit(table=performance_table(ctx), category=category, where=[ind.source]), item=category)
