"""重点项目不超过项目支出：重点项目预算绩效情况所列各项目金额之和不大于全部资金的项目支出合计
（重点项目是项目支出的一部分）。"""

from decimal import Decimal

from yusuan.model.tolerance import bound
from yusuan.rules.reconcile import SCOPES
from yusuan.rules.registry import rule
from yusuan.rules.tables import is_grand, scale, table_unit


@rule("recon-key-projects", columns=True)
def check(ctx, emit):
    tables = [t for t in ctx.tables if t.kind == "project_performance"]
    if not tables:
        return
    figs = ctx.figures
    scope = figs.canon[SCOPES["expense_summary"]]
    projects = [f for f in figs.by_key.get(("expense", "", "project", "", scope), []) if f.values]
    if not projects:
        return
    ref = projects[0]
    for table in tables:
        lines = [(r, v) for r in table.rows if not is_grand(r) for m, v in r.values.items() if "@" not in m]
        if not lines:
            continue
        k = scale(table) / scale(ref.table)
        amount = sum((v.amount for _, v in lines), Decimal(0)) * k
        tol = bound((v for _, v in lines), table_unit(table)) * k + ref.slack / scale(ref.table)
        if amount > ref.amount + tol:
            yield emit(
                table=ref.table, row=ref.row, measure=ref.measure, expected=amount, actual=ref.amount, tolerance=tol,
                where=[*ref.where, *(v.source for _, v in lines)], projects=len(lines), against=[table],
                column=ref.column,
                key_table=f"《{table.title}》",
            )
