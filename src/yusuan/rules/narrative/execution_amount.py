"""上海格式的科目说明“X 年当年预算执行数为 A 万元，Y 年预算安排 B 万元，比 X 年预算执行数增加 P%”中，本年预算安排
B 应当等于该科目（段首、前一行或标题所写的“××（类）××（款）××（项）”，印有编码“（221类）…（01项）”时按编码）在
支出表中所列的金额。科目名称和金额在同一句中的，text-function-items 已经核对，这里不再重复。"""

from yusuan.rules.executions import executions
from yusuan.rules.narrative import located
from yusuan.rules.registry import rule
from yusuan.rules.stated_cells import agrees, code_cells, function_cells
from yusuan.rules.statements import Statement


def cells_of(ctx, ex):
    """The table cells printing the item's budget: by code when the text prints it, else by name and level."""
    if ex.item.code:
        return code_cells(ctx, ex.item.code)
    probe = Statement("function", ex.item.label, ex.budget, ex.passage, 0, ex.start,
                      path=tuple((n, lvl) for n, lvl, _ in ex.item.path))
    return function_cells(ctx, probe)


def _checked_elsewhere(ctx, ex) -> bool:
    return any(st.passage is ex.passage and st.amount is not None and st.amount.start == ex.budget.start
               and st.key == "function" for st in ctx.statements)


@rule("text-execution-amount")
def check(ctx, emit):
    for ex in executions(ctx):
        if ex.item is None or _checked_elsewhere(ctx, ex):
            continue
        cells = cells_of(ctx, ex)
        b = ex.budget
        if not cells or any(agrees(b.wan, b.wan_step, c) for c in cells):
            continue
        best = min(cells, key=lambda c: abs(c.wan - b.wan))
        f = emit(
            table=best.table, row=best.row, measure=best.measure, expected=best.wan, actual=b.wan,
            tolerance=(b.wan_step + best.step) / 2, where=[ex.source_at(b.start), best.source],
            sentence=ex.quote(), subject=f"“{ex.item.label}”", stated=b.text,
            printed=(best.value.text + best.table.unit) if best.value is not None else "空白", unit="万元",
        )
        yield located(f, item=ex.item.label)
