"""没有数据的表格应当列出空表并说明：表中没有任何金额（或全部为 0）时，表下须有“本表无数据”
“本部门无此项收支”一类的说明，或者文字部分对此作了说明（如“本部门无政府性基金预算支出”）。"""

import re

from yusuan.model.text import match_key
from yusuan.model.vocabulary import TABLE_KINDS
from yusuan.rules.printed import note_source, table_source
from yusuan.rules.registry import rule
from yusuan.rules.standard_sets import glossary

# Words saying there is nothing to show.
_NONE = re.compile(r"无发生额|无数据|空表|无.{0,20}?(?:项目|收支|收入|支出|安排|预算|数据)|没有|不涉及|未安排|"
                   r"为0|为零|0(?:\.0+)?万?元")
# What the narrative must name to explain the table's emptiness, by kind.
_SUBJECT = {
    "gov_fund_expense": "政府性基金",
    "soe_capital_expense": "国有资本经营",
    "three_public_costs": '三公"',
    "office_operating_costs": "机关运行经费",
    "procurement": "政府采购",
    "performance_targets": "绩效目标",
}


def _no_amounts(table) -> bool:
    values = [v.amount for _, _, v in table.cells()]
    return table.empty or not values or all(a == 0 for a in values)


def _explained_in_text(ctx, kind) -> bool:
    subject = _SUBJECT.get(kind)
    if subject is None:
        return False
    for section in ctx.sections:
        if glossary(section.heading):
            continue
        for p in section.paragraphs:
            for sentence in re.split(r"[。；;\n]", match_key(p.text)):
                if subject in sentence and _NONE.search(sentence):
                    return True
    return False


@rule("complete-empty-table")
def check(ctx, emit):
    for table in ctx.tables:
        if not _no_amounts(table):
            continue
        if any(_NONE.search(match_key(n)) for n in table.notes):
            continue
        if _explained_in_text(ctx, table.kind):
            continue
        yield emit(table=table, kind_name=TABLE_KINDS[table.kind],
                   where=[note_source(table) if table.rows else table_source(table)])
