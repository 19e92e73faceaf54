"""公开文本中不应留有写给编制人员的模板说明：如“无……的，仍保留该表格式，并在本表下方作下述说明”
“（如持平作持平表述）”“（不涉及的不列）”“按上述格式依次说明到各项级科目”“……为必填项”。"""

from yusuan.rules.hygiene import INSTRUCTIONS, listed, tokens
from yusuan.rules.printed import lead, located, quote
from yusuan.rules.registry import rule


@rule("hyg-instruction")
def check(ctx, emit):
    for p in ctx.pieces:
        found = tokens(INSTRUCTIONS, p.text)
        if not found:
            continue
        first = found[0]
        yield located(
            emit(table=p.table, row=p.row, part=p.where, text=quote(p.text, first.start(), first.end(), 20),
                 residue=listed(found), where=[p.source_at(first.start())]),
            item=lead(p.text, first.start(), first.end()), code=p.row.code if p.row else "",
        )
