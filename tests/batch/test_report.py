"""The report: the worst documents, the most frequent findings, spending by year and class, what could
not be read, from the run's own tables."""

from __future__ import annotations

import re
from decimal import Decimal

import pyarrow.parquet as pq

from tests.batch.conftest import GOOD, UNREADABLE
from tests.conftest import corpus_doc
from yusuan.batch.report import class_totals, context


def test_the_report_shows_the_run(local_run):
    out, _ = local_run
    html = (out / "report.html").read_text(encoding="utf-8")
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    ok = [d for d in docs if d["status"] == "ok"]
    first = max(ok, key=lambda d: (d["errors"], d["warnings"]))
    worst = html.split("<h2>问题最多的文件</h2>", 1)[1].split("<h2>", 1)[0]
    assert worst.index(first["body"]) < min(worst.index(d["body"]) for d in ok if d is not first and d["body"] != first["body"])
    findings = pq.read_table(out / "findings.parquet").to_pylist()
    common = max({f["rule"] for f in findings}, key=lambda r: len({f["doc_id"] for f in findings if f["rule"] == r}))
    assert common in html.split("<h2>最常见的问题</h2>", 1)[1].split("<h2>", 1)[0]
    assert html.count("<svg") >= 2  # the rules, and spending by year and class
    for name in UNREADABLE:
        assert name in html.split("<h2>未能处理的文件</h2>", 1)[1]
    assert re.search(r"<b>3</b>份已检查", html) and re.search(r"<b>3</b>份无法读取", html)


def test_spending_by_year_and_class_adds_each_documents_classes(local_run):
    out, result = local_run
    ok = {d["doc_id"]: d for d in pq.read_table(out / "documents.parquet").to_pylist() if d["status"] == "ok"}
    charts = {c["title"]: c for c in class_totals(out, ok)}
    chart = charts["部门预算：按年度和功能分类（类）的支出合计"]
    assert chart["years"] == [2019, 2023]
    # 2023: the two Shenzhen budgets' 支出总表, 类 rows of the total column, in 万元
    expected = Decimal(0)
    for name in GOOD[:2]:
        table = corpus_doc(name).tables_of("expense_summary")[0]
        factor = Decimal(1) if table.unit == "万元" else Decimal("0.0001")
        expected += sum(r.values["total"].amount * factor for r in table.rows
                        if len(r.code) == 3 and r.code.startswith("2") and "total" in r.values)
    assert chart["totals"][1] == f"{expected.quantize(Decimal('0.01')):,}"
    assert "<svg" in chart["svg"] and context(out, result.manifest)["totals"]
