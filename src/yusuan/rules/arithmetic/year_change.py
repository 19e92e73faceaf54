"""按年度分行列示的“三公”经费表（深圳：2022年、2023年、增减变化金额）：增减变化行 = 本年行 − 上年行，逐列核对。"""

from yusuan.model.tolerance import bound
from yusuan.rules.registry import rule
from yusuan.rules.tables import bare, column_name, table_unit, year_of


@rule("arith-year-change")
def check(ctx, emit):
    for table in ctx.tables:
        if table.kind != "three_public_costs":
            continue
        years = [r for r in table.rows if year_of(r)]
        changes = [r for r in table.rows if not year_of(r) and any(w in bare(r.item) for w in ("增减", "变化", "增加额"))]
        if len(years) != 2 or len({year_of(r) for r in years}) != 2 or not changes:
            continue
        before, after = sorted(years, key=year_of)
        finest = table_unit(table)
        for change in changes:
            for measure, v in change.values.items():
                a, b = after.values.get(measure), before.values.get(measure)
                if a is None and b is None:
                    continue
                expected = (a.amount if a else 0) - (b.amount if b else 0)
                tol = bound([v, a, b], finest)
                if abs(v.amount - expected) > tol:
                    yield emit(
                        table=table, row=change, measure=measure, expected=expected, actual=v.amount,
                        tolerance=tol, where=[v.source, *(x.source for x in (a, b) if x)],
                        column=column_name(table, measure), after=after.item, before=before.item,
                    )
