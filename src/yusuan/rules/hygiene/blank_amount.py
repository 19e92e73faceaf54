"""正文的金额和比例不能空着：“支出预算万元”“比上年增加万元，增长%”是模板中该填的数字漏填了（“XXX 万元”一类
占位符见 hyg-placeholder）。“按万元列示”“以万元为单位”一类说明单位的写法不在此列。"""

import re

from yusuan.model.text import match_key
from yusuan.rules.printed import lead, located, quote
from yusuan.rules.registry import rule

# a unit with no number before it, after a word that asks for one
_BLANK = re.compile(
    r"(?:(?<=[为是计达出入算排加少长降费数额金资款额])|(?<=[为是计达出入算排加少长降费数额金资款额][\s\u3000]))"
    r"(?P<unit>万元|亿元)(?!为单位)"
    r"|(?:(?<=增长|下降|增加|减少|降低|提高|上升|增幅|降幅)|(?<=占))\s*(?P<pct>[%％])"
)


def blanks(text: str) -> list[re.Match]:
    return list(_BLANK.finditer(text))


@rule("hyg-blank-amount")
def check(ctx, emit):
    for passage in ctx.passages:
        text = passage.printed
        for m in blanks(text):
            f = emit(part=f"“{match_key(passage.section.heading)[:30]}”部分", text=quote(text, m.start(), m.end(), 14),
                     unit=m.group(0).strip(), where=[passage.source_at(m.start())])
            yield located(f, item=lead(text, m.start(), m.end()))
