"""The monitoring table and the self-evaluation report of a stored record, through yusuan.render (every
registered output format: PDF, DOCX, XLSX, HTML)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from yusuan.model.formats import writers
from yusuan.render import render_layout
from yusuan.render.perf import evaluation_layout, monitoring_layout
from yusuan.store.access import Principal
from yusuan.store.db import StoreError
from yusuan.store.exports import NotAvailable
from yusuan.store.perf import KIND_NAMES, evaluation_of, get_record, monitoring_of


def report(s: Session, p: Principal, record_id: int, fmt: str) -> tuple[bytes, str]:
    """(the record's report in `fmt`, its download name)."""
    rec = get_record(s, p, record_id)
    if fmt not in writers():
        raise StoreError(f"不支持的下载格式：{fmt}（可选 {'、'.join(writers())}）")
    if rec.kind == "monitoring":
        layout = monitoring_layout(*monitoring_of(rec))
    elif rec.kind == "evaluation":
        layout = evaluation_layout(*evaluation_of(rec))
    else:
        raise StoreError("绩效目标没有报告：请下载监控表或自评报告")
    try:
        data = render_layout(layout, fmt)
    except ImportError as e:  # a writer whose own dependency is missing
        raise NotAvailable(f"暂不能生成 {fmt.upper()}：缺少 {e.name or e}") from None
    subject = rec.project or "整体支出"
    return data, f"{rec.body.name}-{rec.year}年-{subject}-{KIND_NAMES[rec.kind]}-第{rec.version}版.{fmt}"
