"""决算说明“决算数大于（小于、等于）预算数的主要原因”“决算数与全年预算数持平”所说的大小，应当与其前面写明的
决算数和所比的预算数（写明年初预算、全年预算或调整预算的，比那一个；只写“预算数”的，比前面写明的任一预算数）
相符。两数在四舍五入范围内相同的，不判断大于、小于。"""

import re

from yusuan.rules.narrative import located, name_of
from yusuan.rules.registry import rule

_CLAIM = re.compile(
    r"决算数?\s*(?:(?P<gt>大于|高于|超过|多于)|(?P<lt>小于|低于|少于)|(?P<eq>等于)|与)\s*"
    r"(?P<basis>年初|全年|调整后?)?\s*预算数?\s*(?(eq)|(?(gt)|(?(lt)|(?P<flat>持平|相等|一致|相同))))"
)
_BASES = {"年初": ("initial_budget",), "全年": ("adjusted_budget",), "调整": ("adjusted_budget",),
          "调整后": ("adjusted_budget",), None: ("initial_budget", "adjusted_budget")}
_WORDS = {1: "大于", -1: "小于", 0: "等于"}


def _claim(m: re.Match) -> int | None:
    if m["gt"]:
        return 1
    if m["lt"]:
        return -1
    if m["eq"] or m["flat"]:
        return 0
    return None


def _relation(final, budget) -> int | None:
    """+1, -1 or 0 when the printed figures prove it; None when they agree only within rounding."""
    tol = (final.amount.wan_step + budget.amount.wan_step) / 2
    diff = final.amount.wan - budget.amount.wan
    if diff > tol:
        return 1
    if diff < -tol:
        return -1
    return 0 if diff == 0 else None


def _holds(claim: int, rel: int | None) -> bool:
    if rel is None:
        return True  # within rounding: neither proven nor disproven
    return claim == rel


@rule("text-final-direction")
def check(ctx, emit):
    if ctx.identity.kind != "final_accounts":
        return
    by_passage = {}
    for st in ctx.statements:
        if st.amount is not None and st.amount.is_money:
            by_passage.setdefault(id(st.passage), []).append(st)
    for figures in by_passage.values():
        passage = figures[0].passage
        start = 0
        for m in _CLAIM.finditer(passage.text):
            claim = _claim(m)
            before = [st for st in figures if start <= st.amount.start < m.start()]
            start = m.end()
            if claim is None:
                continue
            finals = [st for st in before if "final" in st.qualifiers]
            if not finals:
                continue
            final = finals[-1]
            wanted = _BASES[m["basis"]]
            budgets = [st for st in before if st.key == final.key and st.path == final.path
                       and any(q in st.qualifiers for q in wanted)]
            if not budgets or any(_holds(claim, _relation(final, b)) for b in budgets):
                continue
            budget = budgets[-1]
            rel = _relation(final, budget)
            basis = "全年预算数" if "adjusted_budget" in budget.qualifiers else "年初预算数"
            f = emit(
                measure="final", expected=budget.amount.wan, actual=final.amount.wan,
                where=[passage.source_at(m.start()), final.source, budget.source],
                sentence=re.sub(r"\s+", "", passage.printed[m.start():m.end()]), subject=name_of(final),
                basis=basis, budget=budget.amount.text, final=final.amount.text, claimed=_WORDS[claim],
                actual_word=_WORDS[rel], unit="万元",
            )
            yield located(f, item=final.label)
