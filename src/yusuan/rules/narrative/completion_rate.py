"""决算正文所述完成率与数字相符：“年初预算为 A 万元，（全年预算为 B 万元，）支出决算为 C 万元，完成年初预算的 P%”
中，P 应等于 C 除以所说的预算数（年初预算或全年预算）；所说的预算数为 0 时写不出完成率。"""

from yusuan.rules.narrative import fmt, located, name_of, pct, percent_checks, span
from yusuan.rules.registry import rule


@rule("text-completion-rate")
def check(ctx, emit):
    for c in percent_checks(ctx):
        if c.kind != "completion" or c.verdict != "wrong":
            continue
        st = c.statement
        if c.ratio is None:
            detail = f"而{c.basis}为 {fmt(c.basis_amount)} 万元，无从计算完成率"
            if c.note:
                detail += f"；{c.note}，所写的完成率是对全年预算而言的"
            expected = None
        else:
            detail = (f"而 {st.amount.text} ÷ {fmt(c.basis_amount)} 万元 = {pct(c.ratio.value)}"
                      f"{span(c.ratio)}")
            expected = c.ratio.value.quantize(c.printed.step)
        f = emit(
            measure="completion", expected=expected, actual=c.printed.value, where=[st.source_of(c.printed)],
            sentence=st.quote(upto=c.printed), subject=name_of(st), basis=c.basis, printed=c.printed.text, detail=detail,
            unit="%",
        )
        yield located(f, item=st.label)
