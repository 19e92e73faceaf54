"""What makes a PDF faster must not change it: WeasyPrint's user-agent stylesheet less the rules for
pseudo-elements yusuan never prints, and the collector frozen during a render (`render.pdf`)."""

from __future__ import annotations

import gc

from yusuan.render import pdf
from yusuan.render.layout import AMOUNT, LABEL, Cell, CoverLine, Heading, Layout, Paragraph, TableLayout, TocEntry


def small_layout() -> Layout:
    table = TableLayout(anchor="t1", kind="expense_summary", number_text="表1", title="支出总表", body="某单位",
                        unit="万元", roles=[LABEL, AMOUNT], header=[[Cell("项目", "header"), Cell("金额", "header")]],
                        rows=[[Cell("合计", LABEL, bold=True), Cell("1,234.56", AMOUNT, bold=True)]], widths=[70, 30])
    return Layout(style="shenzhen", title="某单位2024年部门预算", cover=[CoverLine("深圳市")],
                  toc=[TocEntry("一、部门职责", "h1", 1), TocEntry("表1 支出总表", "t1", 3)],
                  blocks=[Heading("一、部门职责", 1, "h1"), Paragraph("第一行\n第二行"), table])


def test_the_lean_stylesheet_prints_the_same_pdf(monkeypatch):
    from weasyprint import HTML

    lean = pdf.render_pdf(small_layout())
    assert pdf._html_class() is not HTML  # WeasyPrint still has html.UA and _ua_stylesheets
    monkeypatch.setattr(pdf, "_html_class", lambda: HTML)
    assert pdf.render_pdf(small_layout()) == lean


def test_a_render_leaves_the_collector_as_it_was():
    pdf.render_pdf(small_layout())
    assert gc.isenabled() and gc.get_freeze_count() == 0
