"""正文写明的日期和年度应当是本文件能用的年度：“截至 N 年…”的资产、车辆等数据，预算是编制时（上年或本年）的，
决算是本年末（或其后）的；“纳入本部门 N 年部门预算（决算）编制范围”是本年度；上海格式“X 年当年预算执行数…，
Y 年预算安排…，比 X 年预算执行数…”中 X 是上年、Y 是本年；还有少了一位的年份（“202 年度”）。
封面、标题、表名、表头和以本单位为主语的句子的年度见 ident-year，“比 N 年”见 ident-prior-year。"""

import re

from yusuan.rules.executions import executions
from yusuan.rules.printed import located, quote
from yusuan.rules.registry import rule

_AS_OF = re.compile(r"(?:截至|截止)(?:到|于)?\s*(20\d\d)\s*年")
_INCLUDED = re.compile(r"纳入[^，。；,;]{0,24}?(20\d\d)\s*年度?[^，。；,;]{0,12}?(?:预算|决算)")
_SHORT = re.compile(r"(?<![\d.,])(20\d)\s*年(?!\d)")


def _claims(ctx):
    """(year printed, years it may be, what it is, source, item) for every year the rule reads."""
    year, final = ctx.identity.year, ctx.identity.kind == "final_accounts"
    for p in ctx.pieces:
        for m in _SHORT.finditer(p.text):
            yield m.group(1), (), "年份少了一位", p.source_at(m.start()), quote(p.text, m.start(), m.end(), 8), p.where
        if p.part != "paragraph":
            continue
        for m in _AS_OF.finditer(p.text):
            allowed = (year, year + 1) if final else (year - 1, year)
            yield (m.group(1), allowed, "“截至”的日期" + ("应在本年末或其后" if final else "应是编制预算时（上年或本年）"),
                   p.source_at(m.start(1)), quote(p.text, m.start(), m.end(), 10), p.where)
        for m in _INCLUDED.finditer(p.text):
            yield (m.group(1), (year,), "纳入编制范围的是本年度的" + ("决算" if final else "预算"),
                   p.source_at(m.start(1)), quote(p.text, m.start(), m.end(), 6), p.where)
    for ex in executions(ctx):
        item = ex.quote(40)
        yield str(ex.executed_year), (year - 1,), "“当年预算执行数”是上一年度的", ex.source_at(ex.start), item, "正文"
        yield str(ex.year), (year,), "“预算安排”是本年度的", ex.source_at(ex.year_at), item, "正文"
        if ex.compared_year is not None:
            yield (str(ex.compared_year), (year - 1,), "所比的是上一年度的预算执行数", ex.source_at(ex.compared_at),
                   item, "正文")


@rule("ident-stated-year")
def check(ctx, emit):
    if ctx.identity.year is None:
        return
    for printed, allowed, why, where, item, part in _claims(ctx):
        if allowed and int(printed) in allowed:
            continue
        f = emit(printed=printed, why=why, part=part, text=item, year=ctx.identity.year,
                 allowed="、".join(f"{y} 年" for y in allowed) or "四位数的年份", where=[where])
        yield located(f, item=item)
