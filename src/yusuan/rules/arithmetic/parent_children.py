"""上级科目（类、款）金额等于其下级科目（款、项）金额之和，逐列核对。"""

from yusuan.rules.identities import CHILDREN, of_table
from yusuan.rules.registry import rule
from yusuan.rules.tables import column_name, printed


@rule("arith-parent-children")
def check(ctx, emit):
    for table in ctx.tables:
        for i in of_table(ctx, table):
            if i.kind != CHILDREN or i.holds:
                continue
            yield emit(
                table=table, row=i.row, measure=i.measure, expected=i.check.parts, actual=i.check.total,
                tolerance=i.check.tolerance, where=[i.total.source, *(v.source for v in printed(i.parts))],
                children=len(i.part_rows), column=column_name(table, i.measure, i.side),
            )
