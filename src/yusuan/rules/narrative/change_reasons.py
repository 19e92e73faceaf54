"""正文所列增减原因的金额与增减额相符：“主要原因：一是增加……X 万元；二是减少……Y 万元”所列各项，按增减方向
相加应等于所说明的增减额。只说明了部分增减（所列合计与增减同向而较小）不算矛盾；所列合计超过增减额或方向
相反时，因所列可能只是主要原因，作提示。增减相抵后的净额和人均定额一类标准不是原因金额。"""

from decimal import Decimal

from yusuan.rules.narrative import fmt, located, name_of
from yusuan.rules.registry import rule


def _sum(reasons, direction):
    total = sum(((r.direction or direction) * r.amount.wan for r in reasons), Decimal(0))
    step = sum((r.amount.wan_step for r in reasons), Decimal(0))
    return total, step


@rule("text-change-reasons")
def check(ctx, emit):
    for st in ctx.statements:
        c = st.change
        if c is None or not c.reasons or c.amount is None or not c.direction:
            continue
        signed = c.direction * c.amount.wan
        ok = False
        for group in [c.reasons, *c.reason_groups]:
            total, step = _sum(group, c.direction)
            if abs(total - signed) <= (step + c.amount.wan_step) / 2:
                ok = True
                break
        if ok:
            continue
        total, step = _sum(c.reasons, c.direction)
        if total * signed > 0 and abs(total) < abs(signed):
            continue  # the reasons quantify part of the change only
        f = emit(
            measure="change", expected=total, actual=signed, tolerance=(step + c.amount.wan_step) / 2,
            where=[st.source_of(c.amount)] + [st.passage.source_at(r.amount.start) for r in c.reasons],
            sentence=st.quote(upto=c.amount), subject=name_of(st), stated=("增加 " if c.direction > 0 else "减少 ") + c.amount.text,
            reasons="、".join(("+" if (r.direction or c.direction) > 0 else "-") + r.amount.text for r in c.reasons),
            total=fmt(total), unit="万元",
        )
        yield located(f, item=st.label)
