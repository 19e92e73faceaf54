from decimal import Decimal

from tests.rules.factories import doc, row, table
from tests.rules.rollup_cases import department, found, row_of
from yusuan.rules.context import Related

RULE = "rollup-totals"


def test_passes_for_a_department_that_adds_up_its_real_units():
    assert found(department(), RULE) == []


def test_passes_without_units_whatever_the_figures():
    d = department()
    row_of(d, "income_expense_summary", item="收入总计", side="income").values["amount"].amount += 100
    assert found(d, RULE, Related()) == []


def test_fails_when_the_departments_total_is_not_its_units_sum():
    d = department()
    row_of(d, "income_expense_summary", item="收入总计", side="income").values["amount"].amount += 5
    assert found(d, RULE) == [("error", "1", "收入总计", "amount", Decimal(14279), Decimal(14284))]


def test_fails_on_the_total_row_printed_with_the_body_name():
    d = department()
    row_of(d, "expense_summary", item="深圳市生态环境局").values["basic"].amount -= 3
    [f] = found(d, RULE)
    assert f[:4] == ("error", "3", "深圳市生态环境局", "basic") and f[4] - f[5] == 3


def _income(total: str, subsidy: str = "0") -> object:
    return table("income_expense_summary", [
        row("一般公共预算拨款", side="income", amount="100"),
        row("上级补助收入", side="income", amount=subsidy),
        row("收入总计", side="income", is_total=True, amount=total),
    ])


def test_fails_with_a_note_only_where_internal_transfers_may_explain_it():
    parent = doc(_income("100"), body="甲局本级")
    child = doc(_income("140", subsidy="40"), body="甲局所属中心")
    related = Related(units=(parent, child))
    short_by_transfer = doc(_income("200"), body="甲局")  # 240 less the 40 passed down
    [f] = found(short_by_transfer, RULE, related)
    assert f[0] == "info" and f[2] == "收入总计"
    beyond = doc(_income("150"), body="甲局")  # short by 90: more than the transfers
    assert [x[0] for x in found(beyond, RULE, related)] == ["error"]
    above = doc(_income("250"), body="甲局")
    assert [x[0] for x in found(above, RULE, related)] == ["error"]


def test_fails_softly_when_the_units_are_not_all_given():
    parent = doc(_income("100"), body="甲局本级")
    partial = Related(units=(parent,), complete=False)
    [f] = found(doc(_income("130"), body="甲局"), RULE, partial)
    assert f[0] == "info"
    assert [x[0] for x in found(doc(_income("90"), body="甲局"), RULE, partial)] == ["error"]
