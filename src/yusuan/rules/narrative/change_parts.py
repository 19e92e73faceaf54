"""分项的增减之和等于总数的增减：正文列出总数的各组成部分（功能分类各类、基本支出与项目支出等）并逐项说明
比上年增减的，各项增减额（持平为 0）按方向相加应等于总数的增减额。上年有、本年已无的项目不会列出，
故作提示。"""

from decimal import Decimal

from yusuan.rules.narrative import fmt, located, name_of
from yusuan.rules.registry import rule
from yusuan.rules.statements import TOTAL_KEYS


def _signed(change):
    if change is None or change.direction is None or (change.amount is None and change.direction != 0):
        return None
    if change.amount is None:
        return Decimal(0), Decimal(0)
    return change.direction * change.amount.wan, change.amount.wan_step


def _change_of(whole, found):
    """The whole's own change, or the change stated for the same figure elsewhere (收入、支出预算总计 … 各增加)."""
    if _signed(whole.change) is not None and whole.change.amount is not None:
        return whole, whole.change
    family = TOTAL_KEYS if whole.key in TOTAL_KEYS else {whole.key}
    for other in found:
        if (other is not whole and other.is_figure and other.key in family and other.path == whole.path
                and other.amount.wan == whole.amount.wan and other.change is not None
                and other.change.amount is not None and other.change.direction):
            return other, other.change
    return None, None


@rule("text-change-parts")
def check(ctx, emit):
    found = ctx.statements
    for whole in found:
        if len(whole.parts) < 2 or not whole.is_figure:
            continue
        signed = [_signed(p.change) for p in whole.parts]
        if any(s is None for s in signed):
            continue
        source, change = _change_of(whole, found)
        if change is None:
            continue
        total = sum((s for s, _ in signed), Decimal(0))
        target = change.direction * change.amount.wan
        tol = (sum((u for _, u in signed), Decimal(0)) + change.amount.wan_step) / 2
        if abs(total - target) <= tol:
            continue
        f = emit(
            measure="change", expected=total, actual=target, tolerance=tol,
            where=[source.source_of(change.amount)] + [p.source for p in whole.parts],
            sentence=source.quote(upto=change.amount), subject=name_of(whole),
            stated=("增加 " if change.direction > 0 else "减少 ") + change.amount.text,
            parts="、".join(f"{p.label}{'持平' if not p.change.amount else ('+' if p.change.direction > 0 else '-') + p.change.amount.text}"
                           for p in whole.parts)[:160],
            total=fmt(total), unit="万元",
        )
        yield located(f, item=whole.label)
