"""表中所列上年数与上年公开的文件相符：上年预算数（决算的上年决算数）栏，及按年度分行的表（深圳“三公”经费表
的上年行），应等于同一单位上一年度公开的同类文件中同一行的本年数；科目编码在两个年度之间有调整的，按科目调整表
对应（合并的相加）。上年预算经过调整等原因不同的应当注明。科目拆分或下级科目调入调出、上年数口径不同的只作提示。
只在有上一年度的文件时检查（yusuan check --prior 上年.pdf；数据库中同一单位上一年度已公开的文件）。"""

from yusuan.rules.lines import Amount, line_key, line_name
from yusuan.rules.prior import current_measure, prior_of
from yusuan.rules.registry import rule
from yusuan.rules.tables import column_name, money, scale


@rule("recon-prior-published", related=True)
def check(ctx, emit):
    prior = ctx.prior
    if prior is None or prior.identity.kind != ctx.identity.kind:
        return
    year = ctx.identity.year
    for table in ctx.tables:
        for row in table.rows:
            key = line_key(row)
            by_year = key is not None and key[1] == "name" and year and key[2].startswith(f"{year - 1}年")
            for measure, value in row.values.items():
                target = measure if by_year else current_measure(measure, ctx.identity.kind)
                if target is None:
                    continue
                pf = prior_of(ctx, table, row, target, shift=False)
                if pf is None:
                    continue
                printed = Amount.of(table, value)
                if not pf.unsure and printed.agrees(pf.amount):
                    continue
                k = scale(table)
                yield emit(
                    table=table, row=row, measure=measure, expected=pf.amount.yuan / k, actual=value.amount,
                    tolerance=(printed.slack + pf.amount.slack) / k, where=[value.source, *pf.where],
                    severity="info" if pf.unsure else "", line=line_name(key, row),
                    column=column_name(table, measure, row.side), prior_year=prior.identity.year,
                    prior_table=f"《{pf.table.title}》", prior_line=(pf.row.item if pf.row else "、".join(pf.old_codes)),
                    prior_amount=money(pf.in_unit_of(table)), note=pf.note,
                    verdict=(f"{pf.unsure}，结论不确定。" if pf.unsure else
                             "所列上年数应与上年公开的数字一致；上年预算经过调整等原因不同的，请在表下注明。"),
                )
