"""单位名称前后一致：封面标题、目录和标题（“XX单位2023年度部门预算表”“XX单位主要职能”）、
正文中以本单位为主语、陈述本单位收支和其他情况的句子（“2023年XX单位部门预算收入……”
“XX2021年面向中小企业预留政府采购项目……”“截至2022年10月，XX共有车辆……”）、表格的单位合计行（印出的单位名称或
表头“部门名称：”）和绩效目标表的单位名称，应当都是本单位（可以是简称），不能是另一个单位。
列出多个单位的表（部门及其所属单位）不在此列。"""

import re

from yusuan.rules.identity import AS_OF, OPENS, OWN_FACTS, OWN_HOLDINGS
from yusuan.rules.names import BODY_END, same_body
from yusuan.rules.printed import located
from yusuan.rules.registry import rule

_YEAR = r"20\d\d\s*年度?"
_ORDINAL = r"(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])?"
# Headings, contents entries and the cover: “第二部分 XX 2017年度部门预算表”, “XX（部门）主要职能”.
_HEADING_NAMES = (
    re.compile(rf"^\s*{_ORDINAL}\s*(?P<name>[^\s\d，。；、]{{2,40}}?{BODY_END})\s*{_YEAR}\s*(?:部门|单位)"),
    re.compile(rf"^\s*{_ORDINAL}\s*{_YEAR}\s*(?P<name>[^\s\d，。；、]{{2,40}}?{BODY_END})\s*(?:部门|单位)?(?:预算|决算)"),
    re.compile(rf"^\s*{_ORDINAL}\s*(?P<name>[^\s\d，。；、]{{2,40}}?{BODY_END})\s*(?:[(（](?:部门|单位)[)）])?"
               r"\s*(?:主要职能|机构设置|概况)"),
)
# Sentences whose subject is the body: “2023 年XX单位部门预算收入……”, “XX2017年度收入、支出预算总计……”,
# “XX2021年面向中小企业预留政府采购项目……”, “截至2022年10月，XX共有车辆……” (identity/__init__.py).
_NAME = r"(?P<name>[^\s\d，。；、：“”\"]{2,40}?" + BODY_END + ")"
_SENTENCE_NAMES = (
    re.compile(rf"{OPENS}\s*{_YEAR}[，,]?\s*{_NAME}\s*{OWN_FACTS}"),
    re.compile(rf"{OPENS}\s*{_NAME}\s*{_YEAR}\s*{OWN_FACTS}"),
    re.compile(rf"{OPENS}\s*(?:{AS_OF})?\s*{_NAME}\s*(?:{OWN_HOLDINGS})"),
)
_PERF_TITLE = re.compile(r"^(?P<name>.+?)(?:部门|单位)?整体支出绩效目标表")
_NOT_A_NAME = ("本部门", "本单位", "我部门", "我单位", "部门", "单位")


def _claims(ctx):
    """(name as printed, where, source) for every place that names the document's own body."""
    perf = ctx.performance
    if perf is not None and perf.body:
        yield perf.body, "绩效目标表“单位名称”", perf.source
    for table in ctx.tables:
        if table.kind == "performance_targets" and (m := _PERF_TITLE.match(table.title)):
            yield m["name"], "表名", table.source
        named = [r for r in table.rows if r.is_total and not r.code and not r.label.strip() and r.item]
        if len(named) == 1:  # the body's own total row (its name printed, or the caption's 部门名称)
            yield named[0].item, f"{table.number_text or '《' + table.title + '》'}的单位合计行", named[0].source
    for p in ctx.pieces:
        if p.part in ("title", "contents", "heading"):
            for pattern in _HEADING_NAMES:
                if m := pattern.match(p.text):
                    yield m["name"], p.where, p.source
                    break
        elif p.part == "paragraph":
            for pattern in _SENTENCE_NAMES:
                for m in pattern.finditer(p.text):
                    yield m["name"], p.where, p.source_at(m.start("name"))


@rule("ident-body")
def check(ctx, emit):
    body = ctx.identity.body
    if not body:
        return
    for name, where, source in _claims(ctx):
        name = name.strip()
        if name in _NOT_A_NAME or same_body(name, body):
            continue
        yield located(emit(name=name, body=body, part=where, where=[source]), item=name)
