"""同一科目编码在本文件各表中的名称应当相同：同一个编码印成两个名称，至少有一处写错。"""

from collections import defaultdict

from yusuan.rules.classification import coded_rows, name_key
from yusuan.rules.registry import rule


@rule("code-name-consistent")
def check(ctx, emit):
    first: dict[str, tuple] = {}
    reported = defaultdict(set)
    for table, row in coded_rows(ctx):
        if not row.label.strip():
            continue
        key = name_key(row.label)
        if row.code not in first:
            first[row.code] = (table, row, key)
            continue
        t0, r0, k0 = first[row.code]
        if key != k0 and key not in reported[row.code]:
            reported[row.code].add(key)
            yield emit(table=table, row=row, other=r0.label.strip(), other_table=f"《{t0.title}》",
                       where=[row.source, r0.source])
