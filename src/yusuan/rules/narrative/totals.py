"""正文所述收支总数与表格一致：收入（支出）预算总计、收入支出总计，财政拨款、一般公共预算、政府性基金预算、
国有资本经营预算、其他资金等数额，与收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表
所列相同（各按其打印精度四舍五入，表格为元的换算为万元）。"""

from yusuan.rules.narrative import against_tables
from yusuan.rules.registry import rule

KEYS = ("total", "income_total", "expense_total", "fiscal", "general_budget", "gov_fund", "soe_capital",
        "other_funds")


@rule("text-totals", columns=True)
def check(ctx, emit):
    yield from against_tables(ctx, emit, KEYS)
