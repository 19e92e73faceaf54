from decimal import Decimal

from tests.rules.factories import doc, row, table
from tests.rules.rollup_cases import department, found, row_of
from yusuan.rules.context import Related

RULE = "rollup-tables"


def test_passes_for_a_department_that_adds_up_its_real_units():
    assert found(department(), RULE) == []


def test_fails_on_one_changed_line_of_a_classified_table():
    d = department()
    r = row_of(d, "general_budget_by_function", code="2110101")
    r.values["total"].amount += 10
    [f] = found(d, RULE)
    assert f[0] == "error" and f[1] == "7" and f[3] == "total" and f[5] - f[4] == 10


def test_fails_when_the_department_leaves_out_a_class_its_units_print():
    d = department()
    table = next(t for t in d.tables if t.kind == "general_budget_by_economic")
    gone = next(r for r in table.rows if r.code and any(v.amount for v in r.values.values()))
    table.rows.remove(gone)
    result = found(d, RULE)
    assert result and {x[0] for x in result} == {"error"}
    assert all(x[5] == 0 for x in result)


def test_fails_on_a_named_line_and_reads_units_printed_in_yuan():
    def income(general: str, unit: str):
        return table("income_expense_summary", [
            row("一般公共预算拨款", side="income", amount=general),
            row("收入总计", side="income", is_total=True, amount=general),
        ], unit=unit)
    related = Related(units=(doc(income("1234500", "元"), body="甲"), doc(income("10.5", "万元"), body="乙")))
    assert found(doc(income("133.95", "万元"), body="部门"), RULE, related) == []
    [f] = found(doc(income("140.95", "万元"), body="部门"), RULE, related)
    assert f == ("error", "1", "一般公共预算拨款", "amount", Decimal("133.95"), Decimal("140.95"))
