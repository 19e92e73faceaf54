"""正文所述功能分类科目金额与表格一致：正文写明“××支出（类）××（款）××（项）”及其金额的，与收支总表、
支出总表、财政拨款支出表、一般公共预算支出表中同名科目（按类、款、项层级对应）所列相同。"""

from yusuan.rules.narrative import against_tables
from yusuan.rules.registry import rule
from yusuan.rules.stated_cells import function_cells

KEYS, LOOKUP = ("function",), function_cells


@rule("text-function-items", columns=True)
def check(ctx, emit):
    yield from against_tables(ctx, emit, KEYS, LOOKUP)
