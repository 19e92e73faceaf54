"""同一行中，合计列等于其组成列之和：合计 = 基本支出 + 项目支出（+ 预留机动经费、结转下年），
“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费，等等。"""

from yusuan.model.vocabulary import split_measure
from yusuan.rules.registry import rule
from yusuan.rules.tables import check_sum, column_name, measures, printed, table_unit

# (total, parts): a part column the table prints counts; blank cells are 0. A part printed only
# through its own parts (基本支出 as 人员经费 + 公用经费) is replaced by them.
SPLITS = {"basic": ("basic_personnel", "basic_public")}
IDENTITIES = [
    ("total", ("basic", "project", "reserve", "carry_forward")),
    ("basic", ("basic_personnel", "basic_public")),
    ("total", ("general_budget", "gov_fund", "soe_capital")),
    ("total", ("fiscal", "special_account", "unit_funds", "business_income", "operating_income",
               "superior_subsidy", "affiliated_income", "other", "prior_carryover")),
    ("grand_total", ("total", "meeting", "training")),
    ("total", ("abroad", "vehicle_total", "reception")),
    ("vehicle_total", ("vehicle_purchase", "vehicle_operation")),
]


@rule("arith-column-parts")
def check(ctx, emit):
    for table in ctx.tables:
        present = measures(table)
        unit = table_unit(table)
        phases = {split_measure(m)[1] for m in present}
        for phase in phases:
            at = (lambda m: f"{m}@{phase}") if phase else (lambda m: m)
            for total_m, part_ms in IDENTITIES:
                if table.kind == "expense_summary" and "basic" in part_ms and total_m == "total":
                    # 支出决算表: 对附属单位补助支出 is spending too
                    part_ms = (*part_ms, "affiliated_subsidy")
                parts_here = [at(q) for p in part_ms for q in _printed(p, present, at)]
                if at(total_m) not in present or len(parts_here) < 2:
                    continue
                if total_m == "total" and "abroad" in part_ms and table.kind != "three_public_costs":
                    continue
                for row in table.rows:
                    total = row.values.get(at(total_m))
                    if total is None or not any(p in row.values for p in parts_here):
                        continue
                    values = [row.values.get(p) for p in parts_here]
                    s = check_sum(total, values, unit)
                    if not s.holds:
                        yield emit(
                            table=table, row=row, measure=at(total_m), expected=s.parts, actual=s.total,
                            tolerance=s.tolerance, where=[total.source, *(v.source for v in printed(values))],
                            column=column_name(table, at(total_m), row.side),
                            parts="、".join(f"“{column_name(table, p, row.side)}”" for p in parts_here),
                        )


def _printed(part: str, present: set[str], at) -> tuple[str, ...]:
    if at(part) in present:
        return (part,)
    split = SPLITS.get(part, ())
    return split if all(at(q) in present for q in split) and split else ()
