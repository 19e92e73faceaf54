"""编码属于本表应用的科目体系：按功能分类的表（支出表、一般公共预算支出表等）用 2 开头的 3/5/7 位
功能科目，按经济分类的表（基本支出表、机关运行经费表、收支总表“按用途”一栏）用 3（或 5）开头的
3/5 位经济科目；经济科目出现在功能分类表中（或反之），或编码位数不合规则，都是错误。"""

from yusuan.rules.classification import SCHEME_NAMES, expected_scheme, scheme_of
from yusuan.rules.registry import rule


@rule("code-scheme")
def check(ctx, emit):
    for table in ctx.tables:
        for row in table.rows:
            if not row.code:
                continue
            expected = expected_scheme(table, row)
            printed = scheme_of(row.code)
            if expected is None or printed == expected:
                continue
            what = f"{SCHEME_NAMES[printed]}的编码" if printed else "不是有效的科目编码（功能科目 3/5/7 位、经济科目 3/5 位）"
            yield emit(table=table, row=row, what=what, expected_scheme=SCHEME_NAMES[expected])
