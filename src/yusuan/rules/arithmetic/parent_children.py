"""上级科目（类、款）金额等于其下级科目（款、项）金额之和，逐列核对。"""

from yusuan.rules.identities import CHILDREN, evidence, failing
from yusuan.rules.registry import rule


@rule("arith-parent-children")
def check(ctx, emit):
    for table, i in failing(ctx, CHILDREN):
        yield emit(**evidence(table, i), children=len(i.part_rows))
