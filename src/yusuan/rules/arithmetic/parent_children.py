"""上级科目（类、款）金额等于其下级科目（款、项）金额之和，逐列核对。"""

from collections import defaultdict

from yusuan.rules.registry import rule
from yusuan.rules.tables import check_sum, coded_rows, column_name, printed, table_unit


@rule("arith-parent-children")
def check(ctx, emit):
    for table in ctx.tables:
        rows = coded_rows(table)
        if not rows:
            continue
        unit = table_unit(table)
        under = defaultdict(list)  # direct children by code: 2010201 under 20102 under 201
        for r in rows:
            if len(r.code) > 3:
                under[(r.code[:-2], r.side)].append(r)
        for parent in rows:
            kids = under.get((parent.code, parent.side))
            if not kids:
                continue
            for measure, total in parent.values.items():
                parts = [k.values.get(measure) for k in kids]
                shown = printed(parts)
                if not shown and total.amount == 0:
                    continue
                s = check_sum(total, parts, unit)
                if not s.holds:
                    yield emit(
                        table=table, row=parent, measure=measure, expected=s.parts, actual=s.total,
                        tolerance=s.tolerance, where=[total.source, *(v.source for v in shown)],
                        children=len(kids), column=column_name(table, measure, parent.side),
                    )
