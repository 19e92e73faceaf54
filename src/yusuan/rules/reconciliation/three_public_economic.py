"""“三公”经费表与一般公共预算经济分类表的对应科目：公务接待费 ↔ 30217 公务接待费，公务用车运行维护费 ↔
30231 公务用车运行维护费，会议费 ↔ 30215，培训费 ↔ 30216。经济分类表含项目支出时两者应相等；只列基本支出时，
“三公”经费（含项目支出安排）不应小于基本支出中的同一科目。科目归集口径可能不同，故为警告。"""

from yusuan.model.tolerance import bound
from yusuan.rules.reconcile import basic_only
from yusuan.rules.registry import rule
from yusuan.rules.tables import column_name, is_grand, scale, table_unit, year_of

LINES = {"reception": "30217", "vehicle_operation": "30231", "meeting": "30215", "training": "30216"}


def current_row(ctx, table):
    dated = [r for r in table.rows if year_of(r)]
    if dated:
        return next((r for r in dated if year_of(r) == ctx.identity.year), None)
    totals = [r for r in table.rows if is_grand(r)] or table.rows
    return totals[0] if len(totals) == 1 else None


def economic_line(table, code):
    """(value, measure) of an economic line: its all-expenditure column, or its basic column."""
    row = next((r for r in table.rows if r.code == code), None)
    whole = not basic_only(table)
    for m in (("total", "amount") if whole else ("basic", "total", "amount")):
        if row is not None and m in row.values:
            return row, row.values[m], m
    return row, None, None


@rule("recon-three-public-economic", columns=True)
def check(ctx, emit):
    economic = [t for t in ctx.tables_of("general_budget_by_economic") if not t.empty and t.rows]
    if len(economic) != 1:
        return
    econ = economic[0]
    whole = not basic_only(econ)
    if whole and not any(r.code for r in econ.rows):
        return
    for table in ctx.tables_of("three_public_costs"):
        row = current_row(ctx, table)
        if row is None:
            continue
        k = scale(table) / scale(econ)
        finest, finest_e = table_unit(table), table_unit(econ)
        for measure, code in LINES.items():
            v = row.values.get(measure)
            if v is None:
                continue
            line, w, wm = economic_line(econ, code)
            if line is None and not whole:
                continue
            ours = v.amount * k
            theirs = w.amount if w is not None else 0
            tol = bound([v], finest) * k + bound([w], finest_e)
            bad = abs(ours - theirs) > tol if whole else ours < theirs - tol
            if bad:
                yield emit(
                    table=table, row=row, measure=measure, expected=theirs / k, actual=v.amount, tolerance=tol / k,
                    where=[v.source, *([w.source] if w is not None else [line.source] if line else [])], against=[econ],
                    column=column_name(table, measure), econ_table=f"《{econ.title}》", code=code,
                    econ_item=line.item if line else LINE_NAMES[measure], econ_amount=f"{theirs:,f}",
                    econ_unit=econ.unit,
                    relation="两者应相等" if whole else "“三公”经费含项目支出安排，不应小于基本支出中的同一科目",
                )


LINE_NAMES = {"reception": "公务接待费", "vehicle_operation": "公务用车运行维护费", "meeting": "会议费",
              "training": "培训费"}
