"""部门预算的每张表都能与所属单位预算核对：有单位的文件中没有部门所列的某张表时，该表无法汇总核对，予以说明
（不据此报告问题）。只在提供了所属单位预算时检查。"""

from yusuan.rules.registry import rule
from yusuan.rules.rollup import gaps


@rule("rollup-coverage", related=True)
def check(ctx, emit):
    for m in gaps(ctx)[1]:
        yield emit(table=m.table, units="、".join(m.units), count=len(m.units), where=[m.table.source])
