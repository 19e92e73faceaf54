"""正文所写百分比（增减率、占比、完成率）与其数字差一个末位：多为截尾而非四舍五入，或为使各项占比合计
凑足 100% 而调整，数字本身并无大错，提示核对。"""

from yusuan.rules.executions import executions
from yusuan.rules.narrative import located, name_of, pct, percent_checks
from yusuan.rules.narrative.execution_percent import percent_check
from yusuan.rules.registry import rule

WHAT = {"change": "增减率", "share": "占比", "completion": "完成率"}


@rule("text-percent-rounding")
def check(ctx, emit):
    for c in percent_checks(ctx):
        if c.verdict != "rounding":
            continue
        st, r = c.statement, c.ratio
        f = emit(
            measure={"change": "change_pct", "share": "share", "completion": "completion"}[c.kind],
            expected=r.value.quantize(c.printed.step), actual=c.printed.value, where=[st.source_of(c.printed)],
            sentence=st.quote(upto=c.printed), subject=name_of(st), what=WHAT[c.kind], printed=c.printed.text,
            computed=pct(r.value, 3), low=pct(r.low, 3), high=pct(r.high, 3), unit="%",
        )
        yield located(f, item=st.label)
    for ex in executions(ctx):  # 比上年预算执行数增加 P% (text-execution-percent)
        found = percent_check(ex)
        if found is None or found[0] != "rounding":
            continue
        r = found[2]
        f = emit(
            measure="change_pct", expected=r.value.quantize(ex.percent.step), actual=ex.percent.value,
            where=[ex.source_at(ex.percent.start)], sentence=ex.quote(), subject=f"“{ex.item.label}”" if ex.item else "该科目",
            what="增减率", printed=ex.percent.text, computed=pct(r.value, 3), low=pct(r.low, 3), high=pct(r.high, 3),
            unit="%",
        )
        yield located(f, item=ex.item.label if ex.item else ex.quote(30))
