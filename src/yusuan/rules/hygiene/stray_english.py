"""中文句子中不应夹杂英文虚词：“结转 to 本年”之类是误录或机器翻译的残留（缩写 CIM、APP、PPP、
PM2.5、No. 等不在此列）。"""

from yusuan.rules.hygiene import STRAY_ENGLISH, listed, tokens
from yusuan.rules.printed import lead, located, quote
from yusuan.rules.registry import rule


@rule("hyg-stray-english")
def check(ctx, emit):
    for p in ctx.pieces:
        found = tokens(STRAY_ENGLISH, p.text)
        if not found:
            continue
        first = found[0]
        yield located(
            emit(table=p.table, row=p.row, part=p.where, text=quote(p.text, first.start(), first.end(), 12),
                 words=listed(found), where=[p.source_at(first.start(1))]),
            item=lead(p.text, first.start(), first.end()), code=p.row.code if p.row else "",
        )
