"""科目名称与编码相符：表中印的科目名称应当与当年科目表中该编码的名称一致（忽略空格、全半角
括号和“（项）”之类的层级字样）。只有载入了本年度的科目表时才比较：科目名称逐年有调整。"""

from yusuan.rules.classification import Catalogs, coded_rows, name_key, this_years_names
from yusuan.rules.registry import rule


@rule("code-name")
def check(ctx, emit):
    year = ctx.identity.year
    if year is None:
        return
    catalogs = Catalogs(year)
    for table, row in coded_rows(ctx):
        catalog = catalogs.of(row.code)
        if not this_years_names(catalog):
            continue
        official = catalog.name(row.code)
        if official is None or not row.label.strip() or name_key(row.label) == name_key(official):
            continue
        yield emit(table=table, row=row, official=official, year=year)
