"""上级科目（类、款）金额等于其下级科目（款、项）金额之和，逐列核对。"""

from yusuan.rules.identities import checked, child_sums
from yusuan.rules.registry import rule
from yusuan.rules.tables import column_name, printed


@rule("arith-parent-children")
def check(doc, emit):
    for table in doc.tables:
        for sum_, s in checked(table, child_sums(table)):
            if not s.holds:
                yield emit(
                    table=table, row=sum_.row, measure=sum_.measure, expected=s.parts, actual=s.total,
                    tolerance=s.tolerance, where=[sum_.total.source, *(v.source for v in printed(sum_.parts))],
                    children=sum_.children, column=column_name(table, sum_.measure, sum_.row.side),
                )
