"""正文所述经济分类科目金额与表格一致：正文写明“工资福利支出（类）”“基本工资（款）”等及其金额的，
与财政拨款基本支出表、一般公共预算基本支出表或机关运行经费支出表中同名科目所列相同。"""

from yusuan.rules.narrative import against_tables
from yusuan.rules.registry import rule
from yusuan.rules.stated_cells import economic_cells, function_cells


def _economic_only(ctx, st):
    return [] if function_cells(ctx, st) else economic_cells(ctx, st)


KEYS, LOOKUP = ("function",), _economic_only


@rule("text-economic-items", columns=True)
def check(ctx, emit):
    yield from against_tables(ctx, emit, KEYS, LOOKUP)
