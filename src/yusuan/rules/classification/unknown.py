"""科目编码应当存在于当年的科目表中。用户导入了当年完整的科目表时，表中没有的编码是错误。"""

from yusuan.rules.classification import SCHEME_NAMES, Catalogs, complete, coded_rows, scheme_of
from yusuan.rules.registry import rule


@rule("code-unknown")
def check(doc, emit):
    year = doc.identity.year
    if year is None:
        return
    catalogs = Catalogs(year)
    seen = set()
    for table, row in coded_rows(doc):
        catalog = catalogs.of(row.code)
        if not complete(catalog) or catalog.contains(row.code) or row.code in seen:
            continue
        seen.add(row.code)
        yield emit(table=table, row=row, year=year, scheme=SCHEME_NAMES[scheme_of(row.code)])
