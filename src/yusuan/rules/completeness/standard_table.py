"""按版式（深圳、江苏、上海部门预算，部门决算）的标准表格清单核对：清单中的表应当公开。

没有目录（或目录未列表格）时，按清单逐表核对。有目录时，目录列了而正文没有的表由“目录所列表格均已公开”
报告；目录和正文都没有的标准表格，只在能确定文件所用清单时报告：封面或单位名称写明了版式所属的地方，
（预算）表格的编号和表名也是这一版式的，清单中至少三分之二的表已列出或公开，文字部分也没有说明本单位
无此项内容。其他地方或年度的公开文件可能按另一套清单公开，不作推断。"""

from yusuan.model.families import FAMILY_NAMES, TABLE_SETS, expected_family, family_of, place_family
from yusuan.model.vocabulary import TABLE_KINDS
from yusuan.rules.printed import located
from yusuan.rules.registry import rule
from yusuan.rules.standard_sets import contents_tables, said_to_be_empty


def _beside_contents(doc, fam: str, present: set[str]) -> bool:
    """Whether the standard set of `fam` is surely the document's own, though it prints contents."""
    if place_family(doc) is None:
        return False  # a family guessed from its tables alone may be another place's variant
    if fam != "final_accounts" and family_of(doc) != fam:
        return False  # the place's name, but not its layout
    standard = TABLE_SETS[fam]
    return 3 * len(present & set(standard)) >= 2 * len(standard)


@rule("complete-standard-table")
def check(ctx, emit):
    fam = expected_family(ctx.doc)
    if fam is None:
        return
    printed = {t.kind for t in ctx.tables}
    listed = {kind for _, kind in contents_tables(ctx.doc)}
    if listed and not _beside_contents(ctx.doc, fam, printed | listed):
        return  # the document's own contents are the list of record (complete-toc-table)
    contents = f"本文件目录列出了 {len(listed)} 张表，其中也没有此表，" if listed else "本文件没有列出表格的目录可对照，"
    for kind in TABLE_SETS[fam]:
        if kind in printed or kind in listed or (listed and said_to_be_empty(ctx.doc, kind, closely=True)):
            continue
        yield located(emit(kind_name=TABLE_KINDS[kind], family=FAMILY_NAMES[fam],
                           standard=len(TABLE_SETS[fam]), contents=contents), item=TABLE_KINDS[kind], kind=kind)
