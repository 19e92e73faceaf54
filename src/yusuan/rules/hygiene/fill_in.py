"""“按……填写”“根据……规定填写”一类说明是写给填表人的，公开时宜删去或改写为对读者的说明
（如“采购品目按《政府采购品目分类目录》分类”）。可能是有意保留的表注，只作警告。告诉读者数字从何而来的
说明（“根据《……的批复》填列”“按……口径填列”）不是填表说明。"""

from yusuan.rules.hygiene import (
    FILL_IN,
    INSTRUCTIONS,
    PLACEHOLDERS,
    SOURCE_OF_FIGURES,
    tokens,
)
from yusuan.rules.printed import lead, located, quote
from yusuan.rules.registry import rule


@rule("hyg-fill-in")
def check(ctx, emit):
    for p in ctx.pieces:
        found = [m for m in tokens(FILL_IN, p.text) if not SOURCE_OF_FIGURES.match(m.group(0))]
        if not found or INSTRUCTIONS.search(p.text) or PLACEHOLDERS.search(p.text):
            continue  # already template residue (hyg-instruction, hyg-placeholder)
        first = found[0]
        yield located(
            emit(table=p.table, row=p.row, part=p.where, text=quote(p.text, first.start(), first.end(), 10),
                 where=[p.source_at(first.start())]),
            item=lead(p.text, first.start(), first.end()), code=p.row.code if p.row else "",
        )
