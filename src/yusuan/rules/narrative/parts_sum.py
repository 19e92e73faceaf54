"""正文所列分项之和等于所述总数：“其中”“包括”之后所列各项（收入来源、支出用途、“三公”经费各项、
政府采购货物工程服务、车辆各类等）合计不得超过总数；所列已是全部组成（如“三公”经费三项、货物工程服务
三类，或列有“其他”项）的，合计应等于总数（金额按打印精度四舍五入，数量须相等）。"""

from yusuan.rules.narrative import fmt, is_complete, located, name_of, parts_sums
from yusuan.rules.registry import rule


@rule("text-parts-sum")
def check(ctx, emit):
    for s in parts_sums(ctx):
        whole = s.whole
        over = s.excess > s.tolerance
        short = -s.excess > s.tolerance and is_complete(whole)
        if not (over or short):
            continue
        unit = "万元" if whole.amount.is_money else whole.amount.unit
        f = emit(
            measure="parts", expected=s.total, actual=whole.amount.wan, tolerance=s.tolerance,
            where=[whole.source] + [p.source for p in whole.parts],
            sentence=whole.quote(), subject=name_of(whole), stated=whole.amount.text, count=len(whole.parts),
            parts="、".join(f"{p.label}{p.amount.text}" for p in whole.parts)[:120],
            relation="超过了总数" if over else "少于总数，而所列各项已是其全部组成",
            unit=unit, total=fmt(s.total), gap=fmt(abs(s.excess)),
        )
        yield located(f, item=whole.label)
