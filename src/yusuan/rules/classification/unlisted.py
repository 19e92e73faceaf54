"""载入的科目表不完整（随软件提供的科目表只收录了部分编码）时，表中没有的编码无法核实，只作提示；
导入当年完整的科目表后，由 code-unknown 判断。每张表提示一次，列出其中无法核实的编码（每个编码只列一次）。"""

from yusuan.rules.classification import SCHEME_NAMES, codes_not_listed, scheme_of
from yusuan.rules.registry import rule

SHOWN = 20  # codes named in one finding; the rest are counted


@rule("code-unlisted")
def check(ctx, emit):
    by_table: dict[int, tuple] = {}
    for table, row, catalog, year in codes_not_listed(ctx, complete_lists=False):
        used = catalog.imported_year or catalog.shipped_year
        entry = by_table.setdefault(id(table), (table, [], {}, year))
        entry[1].append(row)
        entry[2][SCHEME_NAMES[scheme_of(row.code)]] = used if used is not None else "（无）"
    for table, rows, catalogs, year in by_table.values():
        named = "、".join(f"“{r.code} {r.item}”" for r in rows[:SHOWN])
        more = f"等 {len(rows)} 个" if len(rows) > SHOWN else ""
        yield emit(table=table, year=year, count=len(rows), codes=named + more, where=[r.source for r in rows],
                   catalogs="、".join(f"{scheme}（{y} 年）" for scheme, y in catalogs.items()))
