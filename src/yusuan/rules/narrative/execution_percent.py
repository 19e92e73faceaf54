"""上海格式的科目说明“X 年当年预算执行数为 A 万元，Y 年预算安排 B 万元，比 X 年预算执行数增加（减少）P%”中，P 应当
等于 (B − A) ÷ A（在 A、B 四舍五入的范围内），增减方向与 B、A 的大小一致；写“持平”的 B 应等于 A；A 为 0 时写不出
增减率。差一个末位的另见 text-percent-rounding。"""


from yusuan.rules.executions import executions
from yusuan.rules.narrative import located, pct, ratio, span
from yusuan.rules.registry import rule


def percent_check(ex):
    """(verdict, detail, expected rate or None) of an execution sentence's stated change; None when none stated."""
    a, b = ex.executed, ex.budget
    tol = (a.wan_step + b.wan_step) / 2
    diff = b.wan - a.wan
    sign = 0 if abs(diff) <= tol else (1 if diff > 0 else -1)
    if ex.direction is None:
        return None
    if ex.direction == 0:
        if sign == 0:
            return None
        return "wrong", f"预算安排 {b.text} 与执行数 {a.text} 相差 {abs(diff):f} 万元，并不持平", None
    if sign and sign != ex.direction:
        return ("wrong", f"预算安排 {b.text} {'多于' if sign > 0 else '少于'}执行数 {a.text}，应为"
                f"{'增加' if sign > 0 else '减少'}", None)
    r = ratio(abs(diff), a.wan_step + b.wan_step, a.wan, a.wan_step)
    if r is None:
        return "wrong", f"执行数为 {a.text}，无从计算增减率", None
    verdict = r.verdict(ex.percent)
    if verdict == "ok":
        return None
    detail = f"({b.text} − {a.text}) ÷ {a.text} = {pct(r.value)}{span(r)}"
    return verdict, detail, r


@rule("text-execution-percent")
def check(ctx, emit):
    for ex in executions(ctx):
        found = percent_check(ex)
        if found is None or found[0] != "wrong":
            continue
        _, detail, r = found
        shown = ex.percent if ex.percent is not None else ex.budget
        f = emit(
            measure="change_pct", expected=r.value.quantize(ex.percent.step) if r is not None else None,
            actual=ex.percent.value if ex.percent is not None else None,
            where=[ex.source_at(shown.start)], sentence=ex.quote(),
            subject=f"“{ex.item.label}”" if ex.item else "该科目", detail=detail, unit="%",
        )
        yield located(f, item=ex.item.label if ex.item else ex.quote(30))
