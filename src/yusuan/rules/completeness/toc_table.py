"""目录列出的每一张表都应公开：按表的含义（种类）而不是编号，将目录条目与正文中的表格对应；
目录列了而正文没有的表，为缺表。"""

from yusuan.model.vocabulary import TABLE_KINDS
from yusuan.rules.printed import located
from yusuan.rules.registry import rule
from yusuan.rules.standard_sets import contents_tables


@rule("complete-toc-table")
def check(ctx, emit):
    printed = {t.kind for t in ctx.tables}
    unrecognised = [t for t in ctx.tables if t.kind == "unknown"]  # one of them may be the table listed
    listed = contents_tables(ctx.doc)
    for entry, kind in listed:
        if kind not in printed:
            yield located(
                emit(entry=entry.strip(), kind_name=TABLE_KINDS[kind], listed=len(listed),
                     printed=len([k for _, k in listed if k in printed]), against=unrecognised),
                item=entry.strip(), kind=kind,
            )
