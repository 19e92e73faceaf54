"""Text normalisation for matching: NFKC, no whitespace. Raw text is kept for display."""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal

_WS = re.compile(r"\s+")
# Chinese numerals: the digits, the positional units and the large units.
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def squash(text: str) -> str:
    """All whitespace removed (the cells export's `item`)."""
    return _WS.sub("", text)


@functools.lru_cache(maxsize=8192)  # the same labels and headings are matched again and again by the checks
def match_key(text: str) -> str:
    """NFKC and no whitespace, with curly quotes straightened: the form used for matching."""
    t = unicodedata.normalize("NFKC", text)
    t = t.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return _WS.sub("", t)


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20; None when not a Chinese numeral below 100."""
    if not text or any(c not in CN_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    value = (CN_DIGITS.get(tens, 0) if tens else 1) * 10
    if ones:
        if len(ones) != 1:
            return None
        value += CN_DIGITS[ones]
    return value


def chinese_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (1 to 99): the numeral of a printed ordinal (第十二部分, 十二、)."""
    if not 0 < n < 100:
        raise ValueError(f"no Chinese ordinal for {n}")
    digits = "〇一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (digits[ones] if ones else "")


# Printed ordinals: 一、 (first level), 1. / （一） (second), and any of them.
CN_NUMERAL = "[一二三四五六七八九十]+"
ORDINAL_1 = re.compile(rf"^{CN_NUMERAL}、")
ORDINAL_2 = re.compile(rf"^(\d+[.．、]|[(（]{CN_NUMERAL}[)）])")
ORDINAL = re.compile(rf"^({CN_NUMERAL}、|\d+[.．、]|[(（]({CN_NUMERAL}|\d+)[)）])")


def cn_number(text: str) -> Decimal | None:
    """The value of a Chinese numeral (一, 十二, 两千三百, 三万五千, 二〇二三), or None."""
    if not text or any(c not in CN_DIGITS and c not in _CN_UNITS and c not in _CN_BIG for c in text):
        return None
    if all(c in CN_DIGITS for c in text):  # digit by digit: 二〇二三
        return Decimal("".join(str(CN_DIGITS[c]) for c in text))
    total, section, digit = 0, 0, None
    for c in text:
        if c in "零〇":
            continue  # a placeholder: 一千零五
        if c in CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row inside a positional numeral
            digit = CN_DIGITS[c]
        elif c in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[c]
            digit = None
        else:
            section += digit or 0
            if section == 0:
                return None
            total += section * _CN_BIG[c]
            section, digit = 0, None
    return Decimal(total + section + (digit or 0))
