"""主管部门前后一致：绩效目标表的“主管部门”、封面的“预算主管部门：”与支出表中列在本单位之上的
部门（深圳表7、表8 等“预算单位”栏先列部门、再列本单位）应当是同一个部门：一个单位只有一个主管部门。"""

from yusuan.rules.names import clean, same_body
from yusuan.rules.printed import located
from yusuan.rules.registry import rule


def departments_in_tables(ctx):
    """(department, table, row) for each body row printed above the document's own body row."""
    body = clean(ctx.identity.body)
    for table in ctx.tables:
        named = [r for r in table.rows if r.is_total and not r.code and not r.label.strip() and r.item]
        own = next((i for i, r in enumerate(named) if clean(r.item) == body), None)
        for row in named[:own or 0]:
            yield row.item, table, row


@rule("ident-parent")
def check(ctx, emit):
    above = list(departments_in_tables(ctx))
    if not ctx.identity.body or not above:
        return
    shown = above[0][0]
    tables = "、".join(dict.fromkeys(t.number_text or f"《{t.title}》" for name, t, _ in above if name == shown))
    perf = ctx.performance
    stated = []
    if perf is not None and perf.parent:
        stated.append((perf.parent, "绩效目标表的“主管部门”", perf.source))
    if ctx.identity.parent and not any(ctx.identity.parent == s for s, _, _ in stated):
        stated.append((ctx.identity.parent, "封面的“主管部门”", None))
    for parent, part, source in stated:
        if any(same_body(parent, name) for name, _, _ in above):
            continue
        yield located(
            emit(stated=parent, part=part, shown=shown, tables=tables, body=ctx.identity.body,
                 where=[source, above[0][2].source]),
            item=parent,
        )
