from yusuan.model.disclosure import Performance
from yusuan.model.provenance import Source
from tests.rules.factories import doc, findings, row, table

RULE = "ident-parent"


def _doc(parent):
    rows = [row("", is_total=True, total="7656", page=311), row("", is_total=True, total="7656", page=312),
            row("社会保障和就业支出", code="208", total="7656", page=313)]
    rows[0].item, rows[1].item = "深圳市生态环境局", "深圳市生态环境智能管控中心"
    d = doc(table("general_budget_by_function", rows, number="7"), body="深圳市生态环境智能管控中心")
    d.performance = Performance(body="深圳市生态环境智能管控中心", parent=parent, source=Source("t.pdf", 462))
    d.identity.parent = parent
    return d


def test_passes_when_the_performance_table_names_the_department_above_the_body():
    assert findings(_doc("深圳市生态环境局"), RULE) == []


def test_fails_when_the_performance_table_names_another_department():
    assert findings(_doc("深圳市财政局"), RULE) == [(RULE, 462, "", "深圳市财政局", "")]


def test_nothing_to_compare_without_a_department_row():
    d = doc(table("general_budget_by_function", [row("合计", is_total=True, total="1")]), body="某局")
    d.performance = Performance(parent="某部门")
    assert findings(d, RULE) == []
