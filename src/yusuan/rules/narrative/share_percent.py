"""正文所述占比与数字相符：“占 Z%”“占本年支出合计的 Z%”“占“三公”经费的 Z%”中，Z 应等于该项金额除以
其所占的总数（正文所列总数、或表格所列总数），在各数四舍五入的范围内。差一个末位的另见 text-percent-rounding。"""

from yusuan.rules.narrative import fmt, located, name_of, pct, percent_checks
from yusuan.rules.registry import rule


@rule("text-share-percent")
def check(ctx, emit):
    for c in percent_checks(ctx):
        if c.kind != "share" or c.verdict != "wrong":
            continue
        st, r = c.statement, c.ratio
        f = emit(
            measure="share", expected=r.value.quantize(c.printed.step), actual=c.printed.value,
            where=[st.source_of(c.printed)], sentence=st.quote(upto=c.printed), subject=name_of(st), stated=st.amount.text,
            printed=c.printed.text, base=fmt(c.basis_amount), base_name=c.basis, computed=pct(r.value),
            low=pct(r.low, 3), high=pct(r.high, 3), unit="%",
        )
        yield located(f, item=st.label)
