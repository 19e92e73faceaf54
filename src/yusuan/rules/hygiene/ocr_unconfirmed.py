"""扫描件经文字识别（OCR）读出的数字，只有表内合计关系能够印证的才采用；其余单元格列入表格的读取报告，
逐一提示核实，其他检查把这些单元格当作未知，不据以报告错误。"""

from yusuan.rules.registry import UNCONFIRMED, rule
from yusuan.rules.tables import column_name


@rule(UNCONFIRMED)
def check(ctx, emit):
    for table in ctx.tables:
        rows = {(r.item, r.code, r.side): r for r in table.rows}
        for u in table.unreadable:
            yield emit(
                table=table, row=rows.get((u.item, u.code, u.side)), measure=u.measure, where=[u.source],
                column=column_name(table, u.measure, u.side), text=u.text, reason=u.reason,
                confidence=f"{u.source.ocr:.2f}" if u.source.ocr is not None else "—",
            )
