"""The numbers of a narrative text (each with its unit and offset), and the length-preserving fold that
makes printed punctuation and digits comparable."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from yusuan.model.tolerance import unit_of

# ---------------------------------------------------------------------------------------------- text

# length-preserving fold: offsets in the folded text are offsets in the printed text
_FOLD = str.maketrans({
    "（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "％": "%", "．": ".", "“": '"', "”": '"',
    "‘": "'", "’": "'", "\u3000": " ", "－": "-", "〔": "[", "〕": "]", "【": "[", "】": "]", "！": "!",
    "？": "?", **{chr(0xFF10 + i): str(i) for i in range(10)},
})


@functools.lru_cache(maxsize=8192)  # several checks fold the same paragraphs and labels
def fold(text: str) -> str:
    return text.translate(_FOLD)


_WS = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Folded text without whitespace, for matching phrases printed with stray spaces."""
    return _WS.sub("", fold(text))


def _sq(folded: str) -> str:
    return _WS.sub("", folded)


# a numbered item at the start of a paragraph: 一、 (一) 1. 1、 (1) ①
_ENUM = re.compile(
    r"\s*(?:(?P<cn>[一二三四五六七八九十]+)、|\((?P<cnp>[一二三四五六七八九十]+)\)|(?P<num>\d{1,2})(?:[.、](?!\d)|\s+(?![年月\d]))"
    r"|\((?P<nump>\d{1,2})\)|(?P<circ>[①-⑳]))"
)


def enumerator(text: str) -> str:
    """The style of the numbered item a paragraph starts with ('' when it starts with none)."""
    m = _ENUM.match(fold(text))
    if not m:
        return ""
    return next(k for k, v in m.groupdict().items() if v is not None)


# -------------------------------------------------------------------------------------------- numbers

@dataclass(frozen=True, slots=True)
class Number:
    value: Decimal  # as printed, in `unit`
    text: str
    unit: str  # 万元 | 亿元 | 元 | % | 倍 | 辆 | 台 | 个 | 人 | 家
    start: int
    end: int

    @property
    def step(self) -> Decimal:
        """The printing unit: 1 for 14, 0.01 for 0.47."""
        return unit_of(self.value)

    @property
    def wan(self) -> Decimal:
        return self.value * _TO_WAN.get(self.unit, Decimal(1))

    @property
    def wan_step(self) -> Decimal:
        return self.step * _TO_WAN.get(self.unit, Decimal(1))

    @property
    def is_money(self) -> bool:
        return self.unit in _TO_WAN


_TO_WAN = {"万元": Decimal(1), "万": Decimal(1), "亿元": Decimal(10000), "元": Decimal("0.0001")}
_NUM = r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_TOKEN = re.compile(
    _NUM + r"\s*(?:(?P<money>亿元|万元|万(?![人户])|元)|(?P<pct>%)|(?P<times>倍)"
    r"|(?P<count>辆|台\(套\)|台|个|人|家|项))"
)
# amounts that are thresholds, not figures: 单价 50 万元以上, 20万元(含)以上
_THRESHOLD_AFTER = re.compile(r"\s*(?:\(含\))?\s*(?:以上|以下)")


def numbers(text: str) -> list[Number]:
    out = []
    for m in _TOKEN.finditer(text):
        unit = m.group("money") or m.group("pct") or m.group("times") or m.group("count")
        if m.group("money") and (_THRESHOLD_AFTER.match(text, m.end()) or text[max(0, m.start() - 3):m.start()].rstrip().endswith("单价")):
            continue
        if m.group("count"):
            if m.group("count") == "项" and text[max(0, m.start() - 1):m.start()] in ("(", "（"):
                continue  # the code of a 项 in its level bracket: 行政单位医疗（01项）
            unit = unit.replace("(套)", "")
        value = Decimal(m.group(1).replace(",", ""))
        out.append(Number(value, m.group(0).strip(), unit, m.start(), m.end()))
    return out
