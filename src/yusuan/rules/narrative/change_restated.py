"""同一数额的增减前后一致：正文几处写同一项目本年同为 X 万元，而比上年的增减额不同，意味着所比的上年数不同，
其中必有一处有误（或所比口径不同，应写明）。"""

from collections import defaultdict

from yusuan.rules.narrative import fmt, located, name_of
from yusuan.rules.registry import rule


@rule("text-change-restated")
def check(ctx, emit):
    groups = defaultdict(list)
    for st in ctx.statements:
        c = st.change
        if not st.is_figure or c is None or c.amount is None or not c.direction or st.key in ("item", "count"):
            continue
        groups[(st.key, st.path, st.amount.wan)].append(st)
    for (_, _, amount), found in groups.items():
        first = found[0]
        a = first.change.direction * first.change.amount.wan
        for other in found[1:]:
            b = other.change.direction * other.change.amount.wan
            tol = (first.change.amount.wan_step + other.change.amount.wan_step) / 2
            if abs(a - b) <= tol:
                continue
            f = emit(
                measure="change", expected=a, actual=b, tolerance=tol,
                where=[other.source_of(other.change.amount), first.source_of(first.change.amount)],
                subject=name_of(other), current=fmt(amount), first=first.quote(50), second=other.quote(50),
                first_change=first.change.amount.text, second_change=other.change.amount.text,
                first_page=first.source.page, prior1=fmt(amount - a), prior2=fmt(amount - b), unit="万元",
            )
            yield located(f, item=other.label)
            break
