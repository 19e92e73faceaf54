"""没有数据的表格应当列出空表并说明：表中没有任何金额（或全部为 0）时，表下须有“本表无数据”
“本部门无此项收支”一类的说明，或者文字部分对此作了说明（如“本部门无政府性基金预算支出”）。"""

from yusuan.model.text import match_key
from yusuan.model.vocabulary import TABLE_KINDS
from yusuan.rules.printed import note_source, table_source
from yusuan.rules.registry import rule
from yusuan.rules.standard_sets import NONE_WORDS, said_to_be_empty


def _no_amounts(table) -> bool:
    values = [v.amount for _, _, v in table.cells()]
    return table.empty or not values or all(a == 0 for a in values)


@rule("complete-empty-table")
def check(ctx, emit):
    for table in ctx.tables:
        if not _no_amounts(table):
            continue
        if any(NONE_WORDS.search(match_key(n)) for n in table.notes):
            continue
        if said_to_be_empty(ctx.doc, table.kind):
            continue
        yield emit(table=table, kind_name=TABLE_KINDS[table.kind],
                   where=[note_source(table) if table.rows else table_source(table)])
