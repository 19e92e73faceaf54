"""说明增减变化时应当说明原因：写了“比上年增加（减少）N 万元 / N%”，同一段中和其后几段（可跨过
“其中：”后的分项）都没有“主要原因”“主要是”“由于”一类说明的，提示补充。为零的变化和持平不需要原因。"""

import re

from yusuan.model.text import match_key
from yusuan.rules.printed import lead, located, quote
from yusuan.rules.registry import rule
from yusuan.rules.standard_sets import glossary

_CHANGE = re.compile(
    r"(?:比|较|与)[^。；;，,]{0,24}?(?:增加|减少|增长|下降|降低|上升|减|增)了?\s*"
    r"(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?:万元|元|%|％|个百分点)"
)
_REASON = re.compile(r"原因|主要是|主要系|主要为|由于|因为|是因|系因|因素|归因|受[^。]{0,12}影响|为满足|"
                     r"新增|新设|新成立|于20\d\d年成立")
# How far a reason may follow its change: the next paragraphs of the section.
_AHEAD = 4


def _amount(m: re.Match) -> float:
    return float(m["amount"].replace(",", ""))


def _explained(paragraphs, n: int) -> bool:
    if _REASON.search(match_key(paragraphs[n].text)):
        return True  # the paragraph gives a reason (before or after the figure)
    return any(_REASON.search(match_key(p.text)) for p in paragraphs[n + 1: n + 1 + _AHEAD])


@rule("hyg-unexplained-change")
def check(ctx, emit):
    for section in ctx.sections:
        if glossary(section.heading):
            continue
        paragraphs = section.paragraphs
        for n, p in enumerate(paragraphs):
            for m in _CHANGE.finditer(p.text):
                if _amount(m) == 0 or _explained(paragraphs, n):
                    continue
                yield located(
                    emit(text=quote(p.text, m.start(), m.end(), 10), part=f"“{match_key(section.heading)[:30]}”部分",
                         where=[p.source_at(m.start())]),
                    item=lead(p.text, m.start(), m.end()),
                )
