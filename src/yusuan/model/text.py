"""Text normalisation for matching: NFKC, no whitespace. Raw text is kept for display."""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def squash(text: str) -> str:
    """All whitespace removed (the cells export's `item`)."""
    return _WS.sub("", text)


def match_key(text: str) -> str:
    """NFKC and no whitespace, with curly quotes straightened: the form used for matching."""
    t = unicodedata.normalize("NFKC", text)
    t = t.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return _WS.sub("", t)


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20; None when not a Chinese numeral below 100."""
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10
    if ones:
        if len(ones) != 1:
            return None
        value += _CN_DIGITS[ones]
    return value


# Printed ordinals: 一、 (first level), 1. / （一） (second), and any of them.
CN_NUMERAL = "[一二三四五六七八九十]+"
ORDINAL_1 = re.compile(rf"^{CN_NUMERAL}、")
ORDINAL_2 = re.compile(rf"^(\d+[.．、]|[(（]{CN_NUMERAL}[)）])")
ORDINAL = re.compile(rf"^({CN_NUMERAL}、|\d+[.．、]|[(（]({CN_NUMERAL}|\d+)[)）])")
