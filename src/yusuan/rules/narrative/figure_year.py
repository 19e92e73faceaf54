"""正文所述数字的年度正确：写明年度的本年数字应是本文件的年度（2024 年预算写“2024 年……预算 X 万元”），
与之比较的上年数字应是上一年度；写成其他年度的，多是沿用了往年文本。"""

import re
from decimal import Decimal

from yusuan.rules.narrative import NAMES, located, name_of
from yusuan.rules.registry import rule

# a year named with carry-overs, balances or running totals is not the year of the figure
_OTHER_YEARS = re.compile(r"结转|结余|截至|截止|以来|累计|起|至今")


@rule("text-figure-year")
def check(ctx, emit):
    year = ctx.identity.year
    if year is None:
        return
    for st in ctx.statements:
        if st.amount is None or st.year is None or st.key not in NAMES or st.key == "carryover":
            continue
        if _OTHER_YEARS.search(st.passage.text, st.clause_start, st.amount.start):
            continue
        expected = year - 1 if st.prior else year
        if st.year == expected:
            continue
        fields = dict(
            sentence=st.quote(), subject=name_of(st), stated=st.amount.text, printed=st.year, year=year,
            role="上年数" if st.prior else "本年数", kind_word="决算" if ctx.identity.kind == "final_accounts" else "预算",
        )
        f = emit(
            measure="year", expected=Decimal(expected), actual=Decimal(st.year),
            where=[st.passage.source_at(st.year_at if st.year_at is not None else st.clause_start)],
            **fields,
        )
        # years print as years, not as amounts (2,024)
        message = emit.info.template.format(expected=expected, **fields)
        yield located(f, item=st.label, message=message)
