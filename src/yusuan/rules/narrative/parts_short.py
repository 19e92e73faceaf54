"""“包括”之后所列各项应当完整：正文写“××共 X 万元，包括：……”而所列各项合计少于总数、又看不出是否已列全的，
提示补全或改写为“其中”。"""

from yusuan.rules.narrative import fmt, is_complete, located, name_of, parts_sums
from yusuan.rules.registry import rule


@rule("text-parts-short")
def check(ctx, emit):
    for s in parts_sums(ctx):
        whole = s.whole
        if -s.excess <= s.tolerance or is_complete(whole) or "包括" not in whole.list_word:
            continue
        if "主要" in whole.list_word:
            continue
        unit = "万元" if whole.amount.is_money else whole.amount.unit
        f = emit(
            measure="parts", expected=s.total, actual=whole.amount.wan, tolerance=s.tolerance,
            where=[whole.source] + [p.source for p in whole.parts],
            sentence=whole.quote(), subject=name_of(whole), stated=whole.amount.text, count=len(whole.parts),
            parts="、".join(f"{p.label}{p.amount.text}" for p in whole.parts)[:120],
            shortfall=fmt(-s.excess), unit=unit, total=fmt(s.total),
        )
        yield located(f, item=whole.label)
