"""与上年比较时，所比的年度应当是上一年度：2023 年预算写“比 2022 年增加”，而不是“比 2021 年”；
2024 年决算写“与 2023 年度相比”。比较其他年度多半是沿用了往年的文本。"""

import re

from yusuan.rules.printed import located, quote
from yusuan.rules.registry import rule

_COMPARED = re.compile(r"(?:比|较)\s*(20\d\d)\s*年|与\s*(20\d\d)\s*年度?[^，。；]{0,8}?相比")


@rule("ident-prior-year")
def check(ctx, emit):
    year = ctx.identity.year
    if year is None:
        return
    for p in ctx.pieces:
        if p.part != "paragraph":
            continue
        for m in _COMPARED.finditer(p.text):
            printed = int(m[1] or m[2])
            if printed != year - 1:
                yield located(
                    emit(printed=printed, prior=year - 1, year=year, text=quote(p.text, m.start(), m.end()),
                         where=[p.source_at(m.start())]),
                    item=quote(p.text, m.start(), m.end(), context=6),
                )
