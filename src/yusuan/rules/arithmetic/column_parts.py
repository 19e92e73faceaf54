"""同一行中，合计列等于其组成列之和：合计 = 基本支出 + 项目支出（+ 预留机动经费、结转下年），
“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费，等等。"""

from yusuan.rules.identities import checked, column_sums
from yusuan.rules.registry import rule
from yusuan.rules.tables import column_name, printed


@rule("arith-column-parts")
def check(doc, emit):
    for table in doc.tables:
        for sum_, s in checked(table, column_sums(table)):
            if not s.holds:
                row = sum_.row
                yield emit(
                    table=table, row=row, measure=sum_.measure, expected=s.parts, actual=s.total,
                    tolerance=s.tolerance, where=[sum_.total.source, *(v.source for v in printed(sum_.parts))],
                    column=column_name(table, sum_.measure, row.side),
                    parts="、".join(f"“{column_name(table, p, row.side)}”" for p in sum_.names),
                )
