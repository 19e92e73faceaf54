"""Findings for people (text) and for programs (JSON, contract 2 of docs/architecture.md)."""

from __future__ import annotations

from collections import Counter

from yusuan.model.disclosure import Disclosure
from yusuan.rules.finding import SEVERITY_NAMES, Finding

_ORDER = {"error": 0, "warning": 1, "info": 2}


def document_dict(doc: Disclosure) -> dict:
    i = doc.identity
    return {"body": i.body, "parent": i.parent, "year": i.year, "kind": i.kind, "level": i.level,
            "files": doc.files}


def report_dict(doc: Disclosure, findings: list[Finding]) -> dict:
    return {"document": document_dict(doc), "findings": [f.to_dict() for f in sort(findings)]}


def sort(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_ORDER[f.severity], f.page or 0, f.table_no.zfill(3), f.rule))


def summary(findings: list[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    if not findings:
        return "未发现问题。"
    parts = [f"{SEVERITY_NAMES[s]} {counts[s]} 项" for s in ("error", "warning", "info") if counts[s]]
    return f"共发现 {len(findings)} 项问题：" + "，".join(parts) + "。"


def text_report(doc: Disclosure, findings: list[Finding]) -> str:
    i = doc.identity
    kind = "决算" if i.kind == "final_accounts" else "预算"
    lines = [f"{i.body} {i.year or ''} 年度{kind}（{'、'.join(doc.files)}）", summary(findings)]
    for f in sort(findings):
        where = f"第 {f.page} 页" if f.page else "全文"
        if f.locations and f.locations[0].bbox is None and doc.files and doc.files[0].endswith(".txt"):
            where = f"第 {f.page} 行"
        elif f.locations and f.locations[0].cell:  # a workbook: the sheet and the cell
            where = f"第 {f.page} 张工作表 {f.locations[0].cell} 格"
        lines.append(f"[{SEVERITY_NAMES[f.severity]}] {where}：{f.message}（{f.rule}）")
    return "\n".join(lines)
