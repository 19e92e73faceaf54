"""正文所述增减率与增减额相符：“比上年增加（减少）X 万元，增长（下降）Y%”中，Y 应等于 X 除以上年数
（本年数减去增加额或加上减少额，或正文写明的上年数），在各数四舍五入的范围内；增减方向也应一致。
差一个末位的另见 text-percent-rounding。"""

from yusuan.rules.narrative import fmt, located, name_of, pct, percent_checks, span
from yusuan.rules.registry import rule


@rule("text-change-percent")
def check(ctx, emit):
    for c in percent_checks(ctx):
        if c.kind != "change" or c.verdict != "wrong":
            continue
        st, ch = c.statement, c.statement.change
        if c.note == "direction":
            detail = (f"增减额写的是{'增加' if ch.direction > 0 else '减少'}，增减率却写的是"
                      f"{'增长' if ch.percent_direction > 0 else '下降'}，方向相反")
            expected = None
        else:
            r = c.ratio
            detail = (f"按{'正文所写上年数' if st.prior else '本年数'} {st.amount.text}"
                      f"{'' if st.prior else f'与增减额 {ch.amount.text} 推算的上年数 {fmt(c.basis_amount)} 万元'}，"
                      f"增减率应为 {pct(r.value)}{span(r)}")
            expected = r.value.quantize(ch.percent.step) if ch.percent.step < 1 else r.value.quantize(1)
        f = emit(
            measure="change_pct", expected=expected, actual=ch.percent.value, where=[st.source_of(ch.percent)],
            sentence=st.quote(upto=ch.percent), subject=name_of(st), printed=ch.percent.text, detail=detail, unit="%",
        )
        yield located(f, item=st.label)
