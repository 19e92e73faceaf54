"""正文所述机关运行经费与表格一致：机关运行经费支出表（或“三公”经费和机关运行经费预算表）的合计与正文相同。"""

from yusuan.rules.narrative import against_tables
from yusuan.rules.registry import rule

KEYS = ("office_operating",)


@rule("text-office-operating", columns=True)
def check(ctx, emit):
    yield from against_tables(ctx, emit, KEYS)
