"""公开的文字都能显示：PDF 中没有 Unicode 映射的字形（读出为替换字符 U+FFFD）和私用区字符（U+E000–U+F8FF 等，
符号字体或字库外的字）在网页、复制、朗读和检索中显示不出来或显示成别的字。每页报告一次，指出第一处。
印在纸面上的字形可能是正常的项目符号，只作警告。"""

import re

from yusuan.rules.printed import located, quote
from yusuan.rules.registry import rule

_HIDDEN = re.compile("[\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")


def _name(ch: str) -> str:
    return "无 Unicode 映射的字形" if ch == "\ufffd" else f"私用区字符 U+{ord(ch):04X}"


@rule("hyg-undisplayable")
def check(ctx, emit):
    pages: dict[tuple, list] = {}
    for p in ctx.pieces:
        for m in _HIDDEN.finditer(p.text):
            where = p.source_at(m.start())
            key = (where.file, where.page) if where is not None else (None, None)
            pages.setdefault(key, []).append((p, m.start(), m.group(0), where))
    for found in pages.values():
        p, at, ch, where = found[0]
        kinds = "、".join(dict.fromkeys(_name(c) for _, _, c, _ in found))
        f = emit(table=p.table, part=p.where, text=quote(p.text, at, at + 1, 10), count=len(found), kinds=kinds,
                 where=[where])
        yield located(f, item=quote(p.text, at, at + 1, 6))
