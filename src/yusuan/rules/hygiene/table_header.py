"""表头用标准栏目名称：表头的栏目名称（基本支出、项目支出、公务用车购置及运行维护费……）被截短（“基本支”
“公务用车购置及运”）或错了一个字（“项目支岀”），多是调整列宽或手工改表头时的疏漏。栏目仍能识别，只作警告。"""

import re

from yusuan.model.text import match_key
from yusuan.model.vocabulary import MEASURES, PHASES
from yusuan.rules.printed import located, table_source
from yusuan.rules.registry import rule

# The column labels of the families' templates (Shenzhen, Jiangsu, Shanghai 预算 and 决算), besides the vocabulary's.
TEMPLATE_LABELS = (
    "收入", "支出", "本年收入", "本年支出", "本年收入合计", "本年支出合计", "收入总计", "支出总计", "总计", "小计",
    "合计", "金额", "预算数", "决算数", "全年预算数", "支出用途", "功能分类", "收入预算", "支出预算", "财政拨款收入",
    "财政拨款支出", "一般公共预算支出", "政府性基金预算支出", "国有资本经营预算支出", "一般公共预算基本支出",
    "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款", "公务用车购置及运行费", '"三公"经费',
    '"三公"经费预算数', '财政拨款"三公"经费', "机关运行经费支出", "机关运行经费预算数", "结转下年资金", "年初结转和结余",
    "年末结转和结余", "其他收入", "事业单位经营收入", "购置费", "运行费", "政府采购项目", "面向中小企业政府采购项目",
    "面向小型、微型企业政府采购项目", "公务用车运行费",
)
STANDARD = frozenset(match_key(x) for x in (*MEASURES.values(), *PHASES.values(), *TEMPLATE_LABELS))
_LONGEST = max(len(x) for x in STANDARD)
_DECOR = re.compile(r"^(?:\d{4}年度?|其中[:：]?)+|\((?:万元|元)\)$")


def _label(element: str) -> str:
    return _DECOR.sub("", match_key(element))


def departure(element: str) -> tuple[str, str] | None:
    """(what happened, the standard label) when a header element is a standard label cut short or with one
    character changed; None when it is standard or like none."""
    e = _label(element)
    if len(e) < 2 or e in STANDARD:
        return None
    cut = [s for s in STANDARD if len(s) >= len(e) + 1 and s.startswith(e)]
    if cut and len(e) >= 3:
        return "截短了", min(cut, key=len)
    if len(e) >= 4:
        for s in STANDARD:
            if len(s) == len(e) and sum(a != b for a, b in zip(s, e)) == 1:
                return "错了一个字", s
    return None


@rule("hyg-table-header")
def check(ctx, emit):
    for table in ctx.tables:
        seen = set()
        for column in table.columns:
            for element in column.header.split("/"):
                found = departure(element)
                if found is None or element in seen:
                    continue
                seen.add(element)
                what, standard = found
                f = emit(table=table, measure=column.measure, printed=element.strip(), what=what, standard=standard,
                         where=[table_source(table)])
                yield located(f, item=element.strip())
