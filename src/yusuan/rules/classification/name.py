"""科目名称与编码相符：表中印的科目名称应当与当年科目表中该编码的名称一致（忽略空格、全半角
括号和“（项）”之类的层级字样）。只与本年度科目表中的名称比较：科目名称逐年有调整，其他年度的名称
由 code-name-other-year 参照（只作提醒）。"""

from yusuan.rules.classification import Catalogs, coded_rows, name_key
from yusuan.rules.registry import rule


@rule("code-name")
def check(ctx, emit):
    year = ctx.identity.year
    if year is None:
        return
    catalogs = Catalogs(year)
    for table, row in coded_rows(ctx):
        catalog = catalogs.of(row.code)
        if catalog.year_of(row.code) != year:
            continue  # no name of this year's list (another year's may differ)
        official = catalog.name(row.code)
        if official is None or not row.label.strip() or name_key(row.label) == name_key(official):
            continue
        yield emit(table=table, row=row, official=official, year=year)
