"""句子要写完整：“主要原因是。”“主要用于：。”是说明原因、用途的句子没有写出内容就结束了（多是模板中该填的
原因漏填了）；段末停在“主要原因是”“主要用于：”而下文不是逐条列出的，也是如此。"""

import re

from yusuan.model.text import match_key
from yusuan.rules.printed import lead, located, quote
from yusuan.rules.registry import rule
from yusuan.rules.statements import enumerator

_ASKS = r"(?:原因(?:是|为|系|在于|主要是|主要有)|原因\s*[:：]|主要用于|用于|主要是|具体用途为)\s*[:：]?\s*"
_EMPTY = re.compile(_ASKS + r"[。；;]")
_AT_END = re.compile(_ASKS + r"$")


def unfinished(passages_):
    """(passage, match) of each sentence ending where its content should begin."""
    for i, passage in enumerate(passages_):
        for m in _EMPTY.finditer(passage.printed):
            yield passage, m
        m = _AT_END.search(passage.printed.rstrip())
        if m:
            nxt = passages_[i + 1] if i + 1 < len(passages_) else None
            if nxt is None or nxt.section is not passage.section or not enumerator(nxt.text):
                yield passage, m


@rule("hyg-unfinished")
def check(ctx, emit):
    for passage, m in unfinished(ctx.passages):
        text = passage.printed
        f = emit(part=f"“{match_key(passage.section.heading)[:30]}”部分", text=quote(text, m.start(), m.end(), 16),
                 where=[passage.source_at(m.start())])
        yield located(f, item=lead(text, m.start(), m.end()))
