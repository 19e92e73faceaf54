"""Who and when: body, parent, year, budget or final accounts, department or unit."""

from __future__ import annotations

import re
from collections import Counter

from yusuan.model.disclosure import Identity
from yusuan.model.text import match_key

_YEAR = re.compile(r"(20\d\d)年")
_TITLE_NOISE = re.compile(
    r"(20\d\d年度?(区级|省级|市级)?|部门预算公开|单位预算公开|部门决算公开|单位决算公开|部门预算|单位预算|"
    r"部门决算|单位决算|预算公开|决算公开|预算主管部门[:：].*|预算单位[:：].*)"
)


_CN_DIGIT = "〇零一二三四五六七八九十"
_DATE = re.compile(
    rf"(20\d\d年\d{{1,2}}月(\d{{1,2}}日)?|二[{_CN_DIGIT}]{{3}}年[{_CN_DIGIT}]{{1,2}}月([{_CN_DIGIT}]{{1,3}}日)?)"
)


def is_cover_date(text: str) -> bool:
    """A date printed alone on a cover (2025年3月, 二〇二五年三月十日)."""
    return bool(_DATE.fullmatch(match_key(text)))


def identity_of(title: str, bodies: list[str], parent: str = "", headings: list[str] = ()) -> Identity:
    """Identity from the cover title; where the cover has no text (drawn as outlines), from the
    table captions and the headings and contents that name the year."""
    t = _DATE.sub("", match_key(title))
    ident = Identity()
    if m := _YEAR.search(t):
        ident.year = int(m.group(1))
    else:
        years = Counter(int(m.group(1)) for h in headings if (m := re.search(r"(20\d\d)年度?部门(预算|决算)", match_key(h))))
        if years:
            ident.year = years.most_common(1)[0][0]
    ident.kind = _kind(t, headings)
    ident.level = "unit" if re.search(r"单位(预算|决算)", t) else "department"
    named = [b for b in bodies if b]
    if named:
        ident.body = Counter(named).most_common(1)[0][0]
    else:
        ident.body = _TITLE_NOISE.sub("", t)
    ident.parent = parent
    return ident


_TABLE_KIND = re.compile(r"(预算|决算)(总)?表")


def _kind(title: str, headings) -> str:
    """决算 or 预算 as the cover title says; a title saying neither (no cover text, or its end cut off
    by the page) leaves it to the table captions: 收入支出决算总表 against 收支预算总表."""
    if "决算" in title:
        return "final_accounts"
    if "预算" in title:
        return "budget"
    said = Counter(m.group(1) for h in headings for m in _TABLE_KIND.finditer(match_key(h)))
    return "final_accounts" if said["决算"] > said["预算"] else "budget"


def named_in_title(lines: list[str], key: str) -> str:
    for line in lines:
        m = re.search(key + r"[:：](\S+)", match_key(line))
        if m:
            return m.group(1)
    return ""
