"""正文所述增减额与上年数相符：正文或表格写明上年数的（如深圳“三公”经费表列出上年和本年两行，或正文括注
“上年为 X 万元”），“比上年增加（减少）D 万元”“与上年持平”应等于本年数减上年数（在各数四舍五入的范围内）。"""

from yusuan.rules.narrative import fmt, located, name_of, prior_figures
from yusuan.rules.registry import rule


@rule("text-change-prior")
def check(ctx, emit):
    for st in ctx.statements:
        c = st.change
        if c is None or not st.is_figure or c.direction is None or (c.amount is None and c.direction != 0):
            continue
        priors = prior_figures(ctx, st)
        if not priors:
            continue
        stated = c.direction * c.amount.wan if c.amount is not None else 0
        stated_step = c.amount.wan_step if c.amount is not None else 0
        misses = []
        for what, amount, step, where in priors:
            expected = st.amount.wan - amount
            tol = (st.amount.wan_step + step + stated_step) / 2
            if abs(expected - stated) <= tol:
                break
            misses.append((abs(expected - stated), what, amount, expected, tol, where))
        else:
            _, what, amount, expected, tol, where = min(misses, key=lambda m: m[0])
            word = "持平" if c.direction == 0 else ("增加 " if c.direction > 0 else "减少 ") + c.amount.text
            should = "持平" if expected == 0 else ("增加 " if expected > 0 else "减少 ") + fmt(abs(expected)) + " 万元"
            f = emit(
                measure="change", expected=expected, actual=stated, tolerance=tol,
                where=[st.source_of(c.amount) if c.amount else st.source, getattr(where, "source", where)],
                sentence=st.quote(upto=c.amount), subject=name_of(st), current=st.amount.text, stated=word,
                prior_where=what, prior=fmt(amount), should=should, unit="万元",
            )
            yield located(f, item=st.label)
