"""绩效指标值应当可衡量：写明数值和方向（≥90%、≤24 小时、2023 年 11 月底前、一份/周）；
（达到标准的等级，如“达Ⅲ类标准”，也可衡量）；“有效保障”“明显提升”一类定性表述难以考核，提示改用可量化
或分级的目标。"""

from yusuan.model.targets import GRADE_STANDARD
from yusuan.rules.performance import indicator_label, performance_table
from yusuan.rules.printed import located
from yusuan.rules.registry import rule


@rule("perf-target-measurable")
def check(ctx, emit):
    perf = ctx.performance
    if perf is None:
        return
    for ind in perf.indicators:
        if ind.name and ind.target.text.strip() and not ind.target.measurable and not GRADE_STANDARD.search(ind.target.text):
            yield located(emit(table=performance_table(ctx), indicator=indicator_label(ind),
                               target=ind.target.text.strip(), where=[ind.source]), item=ind.name)
