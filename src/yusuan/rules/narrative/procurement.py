"""正文所述政府采购与表格一致：政府采购预算总额及货物、工程、服务各类，面向中小企业和小型、微型企业预留的
金额，与政府采购支出表（或支出总表的政府采购列）相同。"""

from yusuan.rules.narrative import against_tables
from yusuan.rules.registry import rule

KEYS = ("procurement.total", "procurement.goods", "procurement.works", "procurement.services",
        "procurement.sme", "procurement.small_micro")


@rule("text-procurement", columns=True)
def check(ctx, emit):
    yield from against_tables(ctx, emit, KEYS)
