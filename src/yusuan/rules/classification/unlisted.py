"""载入的科目表不完整（随软件提供的科目表只收录了部分编码）时，表中没有的编码无法核实，只作提示；
导入当年完整的科目表后，由 code-unknown 判断。每个编码提示一次。"""

from yusuan.rules.classification import SCHEME_NAMES, codes_not_listed, scheme_of
from yusuan.rules.registry import rule


@rule("code-unlisted")
def check(ctx, emit):
    for table, row, catalog, year in codes_not_listed(ctx, complete_lists=False):
        used = catalog.imported_year or catalog.shipped_year
        yield emit(table=table, row=row, year=year, scheme=SCHEME_NAMES[scheme_of(row.code)],
                   catalog_year=used if used is not None else "（无）")
