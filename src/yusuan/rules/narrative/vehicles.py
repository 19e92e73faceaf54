"""车辆数与公务用车经费相符：正文写本单位没有车辆（共有车辆 0 辆）却安排了公务用车运行维护费，或安排了
公务用车购置费却计划购置 0 辆（或计划购置车辆却没有购置费），两处说法不一致，提示核对。"""

import re

from yusuan.rules.narrative import located
from yusuan.rules.registry import rule
from yusuan.rules.stated_cells import cells_for

_OWNED = re.compile(r"共有车辆|实有车辆|车辆保有量|公务用车保有量")
_BOUGHT = re.compile(r"(?:购置|新增)车辆|公务用车购置")


def _money(ctx, found, key):
    """The year's figure for a 三公 part: stated in the text, else printed in the “三公”经费表."""
    for st in found:
        if st.key == key and st.is_figure:
            return st.amount.wan, st
    for st in found:
        if st.key == "three_public.total" and st.is_figure:
            probe = type(st)(key, key, None, st.passage, st.sentence, st.clause_start)
            cells = cells_for(ctx, probe)
            if cells:
                return cells[0].wan, st
    return None, None


@rule("text-vehicles")
def check(ctx, emit):
    found = ctx.statements
    counts = [st for st in found if st.key == "count" and st.amount is not None and st.amount.unit == "辆"
              and st.whole is None]
    owned = next((c for c in counts if _OWNED.search(c.label)), None)
    bought = next((c for c in counts if _BOUGHT.search(c.label)), None)
    run, run_st = _money(ctx, found, "three_public.vehicle_operation")
    buy, buy_st = _money(ctx, found, "three_public.vehicle_purchase")
    problems = []
    if owned is not None and owned.amount.value == 0 and run:
        problems.append((owned, f"共有车辆 {owned.amount.text}，却安排公务用车运行维护费 {run} 万元"))
    if bought is not None and bought.amount.value == 0 and buy:
        problems.append((bought, f"计划购置车辆 {bought.amount.text}，却安排公务用车购置费 {buy} 万元"))
    if bought is not None and bought.amount.value > 0 and buy is not None and buy == 0:
        problems.append((bought, f"计划购置车辆 {bought.amount.text}，公务用车购置费却为 0"))
    for st, what in problems:
        f = emit(measure="vehicles", where=[st.source], sentence=st.quote(), what=what)
        yield located(f, item=st.label)
