"""正文所述支出结构与表格一致：基本支出、项目支出、单位预留机动经费，人员经费（人员支出）、公用经费（公用支出）、
对个人和家庭的补助，与支出总表、收支总表（按支出用途）、财政拨款收支总表和经济分类支出表所列相同。
人员经费对应工资福利支出（或工资福利支出与对个人和家庭的补助之和），公用经费对应商品和服务支出。"""

from yusuan.rules.narrative import against_tables
from yusuan.rules.registry import rule

KEYS = ("basic", "project", "reserve", "personnel", "public", "family")


@rule("text-splits", columns=True)
def check(ctx, emit):
    yield from against_tables(ctx, emit, KEYS)
