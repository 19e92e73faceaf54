"""同一行中，合计列等于其组成列之和：合计 = 基本支出 + 项目支出（+ 预留机动经费、结转下年），
“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费，等等。"""

from yusuan.rules.identities import COLUMNS, evidence, failing
from yusuan.rules.registry import rule
from yusuan.rules.tables import column_name


@rule("arith-column-parts", columns=True)
def check(ctx, emit):
    for table, i in failing(ctx, COLUMNS):
        yield emit(**evidence(table, i),
                   parts="、".join(f"“{column_name(table, p, i.side)}”" for p in i.part_measures))
