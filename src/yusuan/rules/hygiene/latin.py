"""中文文本中其他来历不明的拉丁字母词：小写英文单词、排版代码（$\\geq$、<p>、&nbsp;）等。大写缩写
（CIM、APP、PPP、VOCs、PC）、数字后的单位（24h、10km）、编号（No.、W-07）和常见网络用语不在此列。
可能是有意的用法，只作警告。"""

import functools
import re

from yusuan.rules.hygiene import CJK, FUNCTION_WORDS, listed
from yusuan.rules.printed import lead, located, quote
from yusuan.rules.registry import rule

_WORD = re.compile(r"(?<![A-Za-z0-9.\-_/@])([a-z]{2,})(?![A-Za-z0-9])")
_MARKUP = re.compile(r"\\[a-zA-Z]+|</?\s*[a-zA-Z][a-zA-Z0-9]*\s*/?>|&[a-z]+;|\$[^$\n]{1,40}\$")
# Lowercase words at home in Chinese text: units and common web words.
_ALLOWED = {"km", "kg", "mg", "ml", "mm", "cm", "kw", "kwh", "ha", "pm", "app", "wifi", "web", "www", "http",
            "https", "com", "cn", "gov", "org", "net", "html", "pdf", "ctx", "docx", "xls", "xlsx", "email", "no",
            "ppm", "db", "dba", "mb", "gb", "tb", "kb"}


@functools.cache
def _near_cjk() -> re.Pattern:  # compiled on first use (3 ms, the CJK ranges): most texts have no stray word
    return re.compile(rf"[{CJK}]")


def _stray(text: str) -> list[re.Match]:
    found = [m for m in _MARKUP.finditer(text)]
    for m in _WORD.finditer(text):
        word = m.group(1)
        if word in _ALLOWED or word in FUNCTION_WORDS:  # function words: hyg-stray-english
            continue
        before, after = text[max(0, m.start() - 2): m.start()], text[m.end(): m.end() + 2]
        if not (_near_cjk().search(before) or _near_cjk().search(after)):
            continue  # an English phrase or a URL, not a word inside a Chinese sentence
        if any(a.start() <= m.start() < a.end() for a in found):
            continue
        found.append(m)
    return sorted(found, key=lambda m: m.start())


@rule("hyg-latin")
def check(ctx, emit):
    for p in ctx.pieces:
        found = _stray(p.text)
        if not found:
            continue
        first = found[0]
        yield located(
            emit(table=p.table, row=p.row, part=p.where, text=quote(p.text, first.start(), first.end(), 12),
                 words=listed(found), where=[p.source_at(first.start())]),
            item=lead(p.text, first.start(), first.end()), code=p.row.code if p.row else "",
        )
