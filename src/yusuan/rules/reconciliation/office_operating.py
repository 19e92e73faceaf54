"""机关运行经费是基本支出中的公用经费：机关运行经费表各经济分类类级科目（302、310 等）不应大于一般公共预算
基本支出表同一科目；
“三公”经费表所列机关运行经费不应大于基本支出的公用经费合计。统计口径可能不同，故为警告。"""

from yusuan.model.tolerance import bound
from yusuan.rules.reconcile import basic_only
from yusuan.rules.registry import rule
from yusuan.rules.tables import column_name, is_grand, scale, table_unit


def basic_lines(ctx):
    for t in ctx.tables_of("general_budget_by_economic"):
        if basic_only(t) and any(r.code for r in t.rows):
            return t
    return None


@rule("recon-office-operating", columns=True)
def check(ctx, emit):
    econ = basic_lines(ctx)
    if econ is None:
        return
    by_code = {r.code: r for r in econ.rows if r.code}
    finest_e = table_unit(econ)
    for table in ctx.tables_of("office_operating_costs"):
        k = scale(table) / scale(econ)
        for row in table.rows:
            v = row.values.get("amount")
            if len(row.code) != 3 or v is None or v.amount == 0:
                continue
            line = by_code.get(row.code)
            w = _basic(line)
            theirs = w.amount if w is not None else 0
            tol = bound([v]) * k + bound([w], finest_e)
            if v.amount * k > theirs + tol:
                yield emit(
                    table=table, row=row, measure="amount", expected=theirs / k, actual=v.amount,
                    tolerance=tol / k, where=[v.source, *([w.source] if w is not None else [])], against=[econ],
                    column=column_name(table, "amount"), econ_table=f"《{econ.title}》",
                    econ_item=f"“{row.code} {line.item}”为 {theirs:,f}{econ.unit}" if line else "未列此科目",
                    limit="同一科目",
                )
    public = [r for r in econ.rows if is_grand(r) and "basic_public" in r.values]
    if len(public) != 1:
        public = [r for r in econ.rows if is_grand(r) and "公用经费" in r.item]
    if len(public) != 1:
        return
    total = public[0].values.get("basic_public") or next(iter(public[0].values.values()), None)
    for table in ctx.tables_of("three_public_costs"):
        for row in table.rows:
            v = row.values.get("office_operating")
            if v is None or total is None:
                continue
            k = scale(table) / scale(econ)
            tol = bound([v]) * k + bound([total], finest_e)
            if v.amount * k > total.amount + tol:
                yield emit(
                    table=table, row=row, measure="office_operating", expected=total.amount / k, actual=v.amount,
                    tolerance=tol / k, where=[v.source, total.source], column=column_name(table, "office_operating"),
                    against=[econ],
                    econ_table=f"《{econ.title}》",
                    econ_item=f"公用经费合计为 {total.amount:,f}{econ.unit}", limit="公用经费合计",
                )


def _basic(line):
    if line is None:
        return None
    for m in ("basic", "basic_public", "total", "amount"):
        if m in line.values:
            return line.values[m]
    return None
