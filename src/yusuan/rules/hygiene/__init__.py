"""文字规范: template residue, preparers' instructions and stray Latin words in printed text."""

from __future__ import annotations

import re

# Placeholders a template leaves for the preparer to replace.
PLACEHOLDERS = re.compile(
    r"(?<![A-Za-z])(?:[XxＸｘ]{2,}|[×✕╳]{2,})(?![A-Za-z])"  # XX, XXX, XXXXXXXX, ××
    r"|(?:增加|减少|增长|下降|上升|降低|大于|小于|高于|低于|多于|少于)[（(]"
    r"(?:增加|减少|增长|下降|上升|降低|大于|小于|高于|低于|多于|少于)[)）]"  # 增加（减少）: pick one
    r"|[（(](?:单位名称|部门名称|单位全称|制度名称|项目名称|具体原因|原因|金额|年份|数量)[)）]"  # （单位名称）
    r"|(?:增加|减少|增长|下降|上升|降低|大于|小于)\s*[/／]\s*(?:增加|减少|增长|下降|上升|降低|大于|小于)"  # 增加/减少
    r"|[增减]\s*[（(]\s*[增减]\s*[)）]"  # 增（减）
    r"|某某|[□■]{2,}"  # 某某单位, □□ boxes for digits
    r"|。{3,}"  # 。。。 rows left for more units
    r"|此处填写|在此填写|请填写|待填写|待补充"
)
# Instructions to the preparer printed as if they were content.
INSTRUCTIONS = re.compile(
    r"仍保留该表格式|在本表下方作|作下述说明|如持平作持平表述|不涉及的不列|按上述格式|依次说明到|"
    r"由主管部门根据|本部分内容为|为必填项|列明公务用车购置数量|列明公务接待批次|以下同[)）]|但不列举主要内容|"
    r"持平的不用说明|不用说明变动原因|"
    r"[（(](?:请按[^（）()]{0,60}?填(?:写|列|报)|按[^（）()]{0,60}?填(?:写|报))[)）]"  # （按“部门预算公开06表…”…填写）
)
# Softer: notes that tell how a column was filled in (按…填写).
FILL_IN = re.compile(r"(?:按|根据|依据|参照)[^。；;]{0,40}?填(?:写|列|报)|填(?:写|列|报)说明|"
                     r"应与《[^》]{1,30}》[^。；;]{0,20}?一致|细化列示")
# ... unless it tells the reader where the figures come from: 根据《…的批复》填列, 按…口径填列
SOURCE_OF_FIGURES = re.compile(r"^(?:按|根据|依据|参照)[^。；;]*?(?:批复|批准|审定|核定|下达|口径)[^。；;]*?填列$")

CJK = r"\u3400-\u9fff\uf900-\ufaff"
# English function words: inside a Chinese sentence they are a stray translation or typing slip.
FUNCTION_WORDS = ("to", "of", "the", "and", "for", "with", "from", "is", "are", "was", "were", "be", "by", "at",
                  "in", "on", "or", "as")
STRAY_ENGLISH = re.compile(rf"(?<=[{CJK}，。、；：])\s*\b({'|'.join(FUNCTION_WORDS)})\b\s*(?=[{CJK}])")


def tokens(pattern: re.Pattern, text: str) -> list[re.Match]:
    return list(pattern.finditer(text))


def listed(matches: list[re.Match]) -> str:
    """The distinct matched texts, in order: “XXX”、“增加（减少）”."""
    seen = dict.fromkeys(m.group(0).strip() for m in matches)
    return "、".join(f"“{t}”" for t in seen)
