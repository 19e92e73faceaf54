"""公开文本中不应留有模板占位符：XX、XXX、××（待填的名称、数字），“增加（减少）”“大于（小于）”
（应择一），“（单位名称）”一类待填栏目，“。。。”占位行，“此处填写”等。"""

from yusuan.rules.hygiene import PLACEHOLDERS, listed, tokens
from yusuan.rules.printed import lead, located, quote
from yusuan.rules.registry import rule


@rule("hyg-placeholder")
def check(ctx, emit):
    for p in ctx.pieces:
        found = tokens(PLACEHOLDERS, p.text)
        if not found:
            continue
        first = found[0]
        yield located(
            emit(table=p.table, row=p.row, part=p.where, text=quote(p.text, first.start(), first.end(), 20),
                 residue=listed(found), count=len(found), where=[p.source_at(first.start())]),
            item=lead(p.text, first.start(), first.end()), code=p.row.code if p.row else "",
        )
