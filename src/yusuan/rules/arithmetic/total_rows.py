"""合计行等于其所列各行之和：合计（总计、本年收入合计、单位名称行等）= 各一级行（类、一、二、…、
小计行）之和；总计 = 本年合计 + 上年结转（结转下年）等所列调整行。逐列、逐方（收入、支出）核对。"""

from yusuan.rules.registry import rule
from yusuan.rules.identities import checked, total_row_sums
from yusuan.rules.tables import column_name, printed


@rule("arith-total-rows")
def check(doc, emit):
    for table in doc.tables:
        for sum_, s in checked(table, total_row_sums(table)):
            if s.holds:
                continue
            spec = sum_.spec
            yield emit(
                table=table, row=spec.total, measure=sum_.measure, expected=s.parts, actual=s.total,
                tolerance=s.tolerance, where=[sum_.total.source, *(v.source for v in printed(sum_.parts))],
                column=column_name(table, sum_.measure, spec.total.side), n=len(spec.parts),
                parts=names(spec.parts),
            )


def names(rows, limit=4):
    items = [f"“{r.item or r.label}”" for r in rows]
    return "、".join(items[:limit]) + ("等" if len(items) > limit else "")
