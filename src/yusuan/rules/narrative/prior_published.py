"""正文的增减额与上年公开的文件相符：“比上年增加（减少）D 万元”“与上年持平”所指的上年数（本年数减增减额），以及
正文写明的上年数，应等于同一单位上一年度公开的同类文件中同一数字（科目编码调整的按科目调整表对应）。写明“比上年
预算数”“比上年决算数”的不符报警告；只写“比上年”的，所比可能是上年执行数或调整后的预算，只作提示。只在有上一年度
的文件时检查。"""

from decimal import Decimal

from yusuan.rules.narrative import fmt, located, name_of
from yusuan.rules.prior import prior_of
from yusuan.rules.registry import rule
from yusuan.rules.stated_cells import agrees, cells_for

_WAN = {"万元": Decimal(1), "元": Decimal("0.0001")}


@rule("text-prior-published", related=True)
def check(ctx, emit):
    prior = ctx.prior
    if prior is None or prior.identity.kind != ctx.identity.kind:
        return
    for st in ctx.statements:
        c = st.change
        if not st.is_figure or st.prior or st.amount is None:
            continue
        stated = []  # (what the text says the prior figure is, amount in 万元, step, where)
        if c is not None and c.direction is not None and (c.amount is not None or c.direction == 0):
            d, du = (c.amount.wan, c.amount.wan_step) if c.amount is not None else (Decimal(0), Decimal(0))
            stated.append((f"本年 {st.amount.text}、比上年{_said(c)}", st.amount.wan - c.direction * d,
                           st.amount.wan_step + du, st.source_of(c.amount) if c.amount else st.source))
        p = st.prior_statement
        if p is not None and p.amount is not None:
            stated.append((f"上年为 {p.amount.text}", p.amount.wan, p.amount.wan_step, p.source))
        if not stated:
            continue
        cells = [x for x in cells_for(ctx, st) if agrees(st.amount.wan, st.amount.wan_step, x)]
        published = []
        for cell in cells:
            pf = prior_of(ctx, cell.table, cell.row, cell.measure)
            if pf is not None:
                factor = _WAN.get(pf.table.unit, Decimal(1))
                published.append((pf, pf.amount.yuan / Decimal(10000), pf.amount.slack / Decimal(10000),
                                  factor))
        if not published:
            continue
        for said, amount, step, where in stated:
            if any(not pf.unsure and abs(amount - wan) <= step / 2 + slack for pf, wan, slack, _ in published):
                continue
            pf, wan, slack, _ = min(published, key=lambda x: (bool(x[0].unsure), abs(x[1] - amount)))
            explicit = c is not None and any(w in (c.basis or "") for w in ("预算", "决算"))
            severity = "" if explicit and not pf.unsure else "info"
            why = (f"{pf.unsure}，结论不确定。" if pf.unsure else
                   "" if explicit else "正文只写“比上年”，所比也可能是上年执行数或调整后的预算，结论不确定。")
            f = emit(
                measure="change", expected=wan, actual=amount, tolerance=step / 2 + slack, where=[where, *pf.where],
                severity=severity, sentence=st.quote(upto=c.amount if c else None), subject=name_of(st), said=said,
                stated=fmt(amount), prior_year=prior.identity.year, prior_table=f"《{pf.table.title}》",
                prior_line=(pf.row.item if pf.row else "、".join(pf.old_codes)) + pf.note, prior=fmt(wan),
                unit="万元", why=why,
            )
            yield located(f, item=st.label)


def _said(c) -> str:
    if c.direction == 0:
        return "持平"
    return ("增加 " if c.direction > 0 else "减少 ") + c.amount.text
