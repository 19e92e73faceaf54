"""部门与单位的称谓与文件相符：上海等地部门预算（主管部门及其所属单位）和单位预算（一个预算单位）分别公开，单位
预算中写“部门预算安排”“本部门”、部门预算中写“单位预算编制说明”“单位预算安排”，多是套用了另一种文件的模板。
“预算主管部门”“财政部门”“部门预算经济分类”“所属预算单位”“下属单位决算”一类说法不在此列。用词问题，只作警告。"""

import re

from yusuan.rules.printed import lead, located, quote
from yusuan.rules.registry import rule

# self-references only: “深化部门预算改革” speaks of budgeting, not of this document
_SELF = r"(?:{w}(?:预|决)算(?:安排|编制说明|收入|支出|收支|总体|情况|公开)|(?:\d{{4}}\s*年度?|本){w}(?:预|决)算)"
_DEPARTMENT_WORDS = re.compile(r"(?:本|我)部门|(?<![主管财政职能工作级各关])" + _SELF.format(w="部门"))
_UNIT_WORDS = re.compile(r"(?<![算属层业政各个级位])" + _SELF.format(w="单位"))
_PARTS = ("title", "contents", "heading", "paragraph", "table_title")


@rule("ident-level-wording")
def check(ctx, emit):
    unit = ctx.identity.level == "unit"
    wrong, right = (_DEPARTMENT_WORDS, "单位") if unit else (_UNIT_WORDS, "部门")
    for p in ctx.pieces:
        if p.part not in _PARTS:
            continue
        m = wrong.search(p.text)
        if m is None:
            continue
        f = emit(table=p.table, part=p.where, text=quote(p.text, m.start(), m.end(), 12), word=m.group(0),
                 level="单位预算" if unit else "部门预算", right=right, where=[p.source_at(m.start())])
        yield located(f, item=lead(p.text, m.start(), m.end()))
