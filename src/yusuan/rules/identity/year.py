"""年度前后一致：封面、目录、标题、表名和表头（“2023年预算数”）中的年度，以及正文中以本单位为
主语、陈述本单位收支和其他情况的句子（“2023年XX部门预算收入……”“XX2017年度收入、支出预算总计……”
“XX2019年所有项目支出纳入部门预算绩效管理……”）所说的年度，都应当是
本文件的预算（决算）年度；表头中的上年数栏为上一年度。"""

import re

from yusuan.model.vocabulary import split_measure
from yusuan.rules.identity import OPENS, OWN_FACTS
from yusuan.rules.names import BODY_END
from yusuan.rules.printed import located, quote
from yusuan.rules.registry import rule

_YEAR = re.compile(r"(?<![\d\-—~～至])(20\d\d)\s*年(?![\d\-—~～至])")
# Words before a year that make it another year on purpose: 比2022年, 截至2022年10月, 自2017年7月起.
_OTHER = re.compile(r"(?:比|较|与|截至|截止|自|至|于|上年|以前|前)\s*$")
_SUBJECT = rf"(?:[^\s\d，。；、：“”\"]{{2,40}}?{BODY_END}|本部门|本单位|我部门|我单位)"
# Sentences naming this budget's year: “2023 年XX部门预算收入”, “XX2017年度收入、支出预算总计”, “2023年部门预算支出”,
# “XX2019年所有项目支出纳入部门预算绩效管理”, “XX2021年面向中小企业预留政府采购项目……” (identity/__init__.py).
_SENTENCES = (
    re.compile(rf"{OPENS}\s*(?P<year>20\d\d)\s*年度?[，,]?\s*{_SUBJECT}?\s*(?:部门|单位)(?:汇总)?(?:预算|决算)"),
    re.compile(rf"{OPENS}\s*(?P<year>20\d\d)\s*年度?[，,]?\s*{_SUBJECT}\s*{OWN_FACTS}"),
    re.compile(rf"{OPENS}\s*{_SUBJECT}\s*(?P<year>20\d\d)\s*年度?\s*{OWN_FACTS}"),
)


def _claims(ctx):
    """(year printed, expected year, piece, offset)."""
    year = ctx.identity.year
    for p in ctx.pieces:
        if p.part in ("title", "contents", "heading", "table_title"):
            for m in _YEAR.finditer(p.text):
                if not _OTHER.search(p.text[: m.start()]):
                    yield int(m[1]), year, p, m.start()
        elif p.part == "header":
            column = next(c for c in p.table.columns if c.header == p.text)
            prior = split_measure(column.measure)[1].startswith("prior")
            for m in _YEAR.finditer(p.text):
                yield int(m[1]), year - 1 if prior else year, p, m.start()
        elif p.part == "paragraph":
            for pattern in _SENTENCES:
                for m in pattern.finditer(p.text):
                    yield int(m["year"]), year, p, m.start("year")


@rule("ident-year")
def check(ctx, emit):
    if ctx.identity.year is None:
        return
    seen = set()
    for printed, expected, p, at in _claims(ctx):
        key = (id(p), at)
        if printed == expected or key in seen:
            continue
        seen.add(key)
        yield located(
            emit(table=p.table, printed=printed, expected_year=expected, part=p.where,
                 text=quote(p.text, at, at + 5), where=[p.source_at(at)]),
            item=quote(p.text, at, at + 5, context=8),
        )
