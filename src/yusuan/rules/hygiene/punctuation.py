"""句读规范：句末标点不重复（“支出。。”“，，”；三个以上的“。。。”是模板占位行，见 hyg-placeholder），一段话写完
有句末标点（最后一句以“；”结尾而整段到此为止的，也缺了句号），括号和引号成对。多是编辑时的疏漏，只作警告。"""

import re

from yusuan.model.text import match_key
from yusuan.rules.printed import lead, located, quote
from yusuan.rules.registry import rule
from yusuan.rules.statements import enumerator

_DOUBLED = re.compile(r"(?<![。，；、：.,;])[。，；、：]\s*[。，；、](?![。，；、.,;])")
_ENDED = re.compile(r"[。！？!?：:…”’）)》】]\s*$")
# brackets on the folded text (（ and ( are one bracket), quotes on the printed one (folding makes “ and ” one)
_FOLDED_PAIRS = (("(", ")"), ("[", "]"))
_PRINTED_PAIRS = (("“", "”"), ("《", "》"))


def _missing_stop(passage, nxt) -> bool:
    """A passage of sentences that ends with no full stop where the paragraph ends: the next passage starts
    a numbered item or another section (else the page may just have broken the sentence)."""
    text = passage.printed.rstrip()
    if _ENDED.search(text) or "\t" in text:
        return False
    listed = text.endswith(("；", ";"))  # an item of a list: the last one ends the list with 。
    last = text if listed else re.split(r"[。；;]", text)[-1]
    if "，" not in last or re.search(r"\d,\s", last):  # a sentence, not a chart's labels
        return False
    if nxt is None or nxt.section is not passage.section:
        # a section whose heading is a cut sentence (（四）讨论、决定本省…、) is a list the reader split
        return not re.search(r"[、，,；;]\s*$", passage.section.heading)
    return not listed and bool(enumerator(nxt.text))


def _unbalanced(passage) -> int | None:
    """The offset of the first bracket or quote left without its pair."""
    for text, pairs in ((passage.text, _FOLDED_PAIRS), (passage.printed, _PRINTED_PAIRS)):
        for o, c in pairs:
            opened = []
            for i, ch in enumerate(text):
                if ch == o:
                    opened.append(i)
                elif ch == c:
                    if not opened:
                        return i
                    opened.pop()
            if opened:
                return opened[0]
    return None


def problems(passages_):
    """(passage, offset, length, what) of each punctuation slip."""
    for i, passage in enumerate(passages_):
        text = passage.printed
        for m in _DOUBLED.finditer(text):
            marks = "".join(m.group(0).split())
            yield passage, m.start(), m.end() - m.start(), f"句末标点重复（“{marks}”）"
        nxt = passages_[i + 1] if i + 1 < len(passages_) else None
        if _missing_stop(passage, nxt):
            end = len(text.rstrip())
            yield passage, end - 1, 1, "段末没有句末标点"
        at = _unbalanced(passage)
        if at is not None:
            yield passage, at, 1, f"“{text[at]}”不成对"


@rule("hyg-punctuation")
def check(ctx, emit):
    for passage, at, length, what in problems(ctx.passages):
        text = passage.printed
        f = emit(part=f"“{match_key(passage.section.heading)[:30]}”部分", text=quote(text, at, at + length, 16), what=what,
                 where=[passage.source_at(at)])
        yield located(f, item=lead(text, at, at + length))
