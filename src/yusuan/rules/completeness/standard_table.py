"""没有目录（或目录未列表格）时，按版式（深圳、江苏、上海部门预算，部门决算）的标准表格清单
核对：清单中的表应当公开。"""

from yusuan.model.families import FAMILY_NAMES, TABLE_SETS, expected_family
from yusuan.model.vocabulary import TABLE_KINDS
from yusuan.rules.printed import located
from yusuan.rules.registry import rule
from yusuan.rules.standard_sets import contents_tables


@rule("complete-standard-table")
def check(ctx, emit):
    if contents_tables(ctx.doc):
        return  # the document's own contents are the list of record (complete-toc-table)
    fam = expected_family(ctx.doc)
    if fam is None:
        return
    printed = {t.kind for t in ctx.tables}
    for kind in TABLE_SETS[fam]:
        if kind not in printed:
            yield located(emit(kind_name=TABLE_KINDS[kind], family=FAMILY_NAMES[fam],
                               standard=len(TABLE_SETS[fam])), item=TABLE_KINDS[kind], kind=kind)
