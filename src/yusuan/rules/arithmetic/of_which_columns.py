"""“其中”列不大于其所属列：政府采购中面向中小企业的部分不大于政府采购合计，面向小型、微型企业的部分不大于
面向中小企业的部分；政府采购金额不大于该行支出合计。"""

from yusuan.model.tolerance import bound
from yusuan.model.vocabulary import split_measure
from yusuan.rules.registry import rule
from yusuan.rules.tables import column_name, table_unit

# (part, whole): the part is printed as 其中 of the whole
OF_WHICH = (("procurement_sme", "procurement"), ("procurement_small_micro", "procurement_sme"),
            ("procurement", "total"))


@rule("arith-of-which-columns", columns=True)
def check(ctx, emit):
    for table in ctx.tables:
        if table.kind not in ("expense_summary", "basic_expense_summary", "project_expense_summary"):
            continue
        finest = table_unit(table)
        for row in table.rows:
            for m, v in row.values.items():
                base, phase = split_measure(m)
                for part, whole in OF_WHICH:
                    if base != part:
                        continue
                    whole_m = f"{whole}@{phase}" if phase else whole
                    w = row.values.get(whole_m)
                    if w is None:
                        continue
                    tol = bound([v, w], finest)
                    if v.amount > w.amount + tol:
                        yield emit(
                            table=table, row=row, measure=m, expected=w.amount, actual=v.amount, tolerance=tol,
                            where=[v.source, w.source], column=column_name(table, m),
                            whole=column_name(table, whole_m),
                        )
