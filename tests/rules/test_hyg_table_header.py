from tests.rules.factories import FILE, doc, findings, row, table
from yusuan.model.disclosure import Column
from yusuan.model.provenance import Source

RULE = "hyg-table-header"


def expense(*headers):
    t = table("expense_summary", [row("行政运行", code="2010101", total="10", basic="6", project="4", page=5)],
              number="3", title="2025年部门支出预算总表", unit="元")
    t.columns = [Column(m, h) for m, h in zip(("total", "basic", "project"), headers)]
    t.source = Source(FILE, 5)
    return doc(t)


def test_passes_for_the_templates_labels():
    assert findings(expense("支出预算/合计", "支出预算/基本支出", "支出预算/项目支出"), RULE) == []
    assert findings(expense("2023年预算数", "其中:面向中小企业政府采购项目", "预算数(万元)"), RULE) == []


def test_fails_for_a_label_cut_short_or_misprinted():
    assert findings(expense("支出预算/合计", "支出预算/基本支", "支出预算/项目支岀"), RULE) == [
        (RULE, 5, "3", "基本支", "basic"), (RULE, 5, "3", "项目支岀", "project")]
