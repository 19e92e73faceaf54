"""科目编码应当存在于当年的科目表中。用户导入了当年完整的科目表时，表中没有的编码是错误。"""

from yusuan.rules.classification import SCHEME_NAMES, codes_not_listed, scheme_of
from yusuan.rules.registry import rule


@rule("code-unknown")
def check(ctx, emit):
    for table, row, _, year in codes_not_listed(ctx, complete_lists=True):
        yield emit(table=table, row=row, year=year, scheme=SCHEME_NAMES[scheme_of(row.code)])
