"""重点项目绩效情况表中每个项目都应写明绩效目标：表中有“绩效目标”一栏而某个项目一栏空白的，
是缺项。"""

from yusuan.rules.registry import rule


@rule("perf-project-goal")
def check(ctx, emit):
    for table in ctx.tables_of("project_performance"):
        goal_columns = {k for r in table.rows for k in r.texts if "绩效目标" in k or "目标" in k}
        if not goal_columns:
            continue
        for row in table.rows:
            if row.is_total:
                continue
            if not any(row.texts.get(k, "").strip() for k in goal_columns):
                yield emit(table=table, row=row)
