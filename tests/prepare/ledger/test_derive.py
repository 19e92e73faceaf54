"""Every table of each family's set derived from the lines: consistent by construction (check finds no
error), the 决算 set from the lines' 执行数, last year's columns only where every line has last year's figure,
a department's internal transfers netted out, next year's ledger from this year's."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.prepare.ledger.conftest import line, small_ledger
from yusuan.model.families import TABLE_SETS
from yusuan.prepare.ledger.carry import next_year
from yusuan.prepare.ledger.derive import derive
from yusuan.prepare.ledger.rollup import consolidate, rollup
from yusuan.rules.registry import run


def _errors(doc) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in run(doc) if f.severity == "error"]


def _table(doc, kind):
    return next(t for t in doc.tables if t.kind == kind)


def _total(table, measure):
    return next(r for r in table.rows if r.is_total and not r.side or r.side == "expense" and r.is_total
                ).values[measure].amount


def with_final(ledger):
    out = ledger.copy()
    for x in out.lines:
        x.final = x.amount * Decimal("0.9")
        x.prior_final = x.prior_budget
    return out


@pytest.mark.parametrize("style", ["shenzhen", "jiangsu", "shanghai"])
@pytest.mark.parametrize("final", [False, True], ids=["预算", "决算"])
def test_each_family_set_derived_and_consistent(style, final):
    ledger = with_final(small_ledger()) if final else small_ledger()
    doc = derive(ledger, style, final=final)
    numbered = [t.kind for t in doc.tables if t.kind != "project_performance"]
    assert numbered == list(TABLE_SETS["final_accounts" if final else style])
    assert doc.identity.kind == ("final_accounts" if final else "budget")
    assert _errors(doc) == []
    assert any(p.drafted for s in doc.sections for p in s.paragraphs)


def test_the_cells_add_up_the_lines():
    ledger = small_ledger()
    doc = derive(ledger, "shenzhen")
    total = sum(x.amount for x in ledger.lines)
    summary = _table(doc, "expense_summary")
    body = summary.rows[0]
    assert body.is_total and body.item == "测试单位"
    assert body.values["total"].amount == round(total)
    assert body.values["procurement"].amount == 240 and body.values["procurement_sme"].amount == 120
    general = _table(doc, "general_budget_by_function").rows[0].values["total"].amount
    assert general == round(sum(x.amount for x in ledger.lines if x.fund == "general_budget"))
    fund = _table(doc, "gov_fund_expense")
    assert [r.code for r in fund.rows if r.code] == ["211", "21103", "2110399"] and not fund.empty
    soe = _table(doc, "soe_capital_expense")
    assert soe.empty and soe.notes == ["注：本表本年无发生额。"]
    income = _table(doc, "income_expense_summary")
    rows = {r.item: r.values["amount"].amount for r in income.rows if r.side == "income"}
    assert rows["5.其他收入"] == 50 and rows["2.政府性基金预算拨款"] == 80 and rows["收入总计"] == round(total)


def test_three_public_and_office_from_the_tags():
    doc = derive(small_ledger(), "shenzhen")
    three = _table(doc, "three_public_costs")
    by_year = {r.item: {m: v.amount for m, v in r.values.items()} for r in three.rows}
    assert by_year["2023年"]["total"] == 8 and by_year["2023年"]["reception"] == 2
    assert by_year["2022年"]["total"] == 11 and by_year["增减变化金额"]["vehicle_operation"] == -2
    paragraphs = " ".join(p.text for s in doc.sections for p in s.paragraphs)
    assert "机关运行经费财政拨款预算32万元" in paragraphs
    assert "请填写" not in paragraphs  # the lines say how much changed, not why: nothing asked of the reader


def test_last_years_column_only_when_every_line_has_it():
    ledger = small_ledger()
    doc = derive(ledger, "shenzhen")
    assert "total@prior_budget" in [c.measure for c in _table(doc, "general_budget_by_function").columns]
    ledger.lines[0].prior_budget = None
    doc = derive(ledger, "shenzhen")
    assert "total@prior_budget" not in [c.measure for c in _table(doc, "general_budget_by_function").columns]


def test_final_needs_the_lines_execution():
    with pytest.raises(ValueError, match="执行数"):
        derive(small_ledger(), "shenzhen", final=True)
    doc = derive(with_final(small_ledger()), "shanghai", final=True)
    summary = _table(doc, "expense_summary")
    assert summary.rows[0].values["total@final"].amount == Decimal("637.50") * Decimal("0.9") * 10000


def _units(paid: str, received: str):
    """A 本级 paying 对附属单位补助 to its 所属单位, which spends it as 上级补助收入."""
    parent = small_ledger()
    parent.body = "测试部门本级"
    for x in parent.lines:
        x.unit = "测试部门本级"
    parent.lines.append(line(unit="测试部门本级", function="2110199", economic="", purpose="subsidy",
                             amount=paid, counterpart="测试所属单位"))
    child = small_ledger()
    child.body = "测试所属单位"
    child.lines = [line(unit="测试所属单位", function="2110101", economic="30101", amount=received,
                        fund="superior_subsidy", counterpart="测试部门本级", performance="基本支出")]
    return parent, child


def test_transfers_between_units_are_not_counted_twice():
    parent, child = _units("100", "100")
    dept, transfers = rollup("测试部门", [parent, child])
    assert [t.matched for t in transfers] == [True]
    assert "抵消" in transfers[0].describe("万元")
    marked = [x for x in dept.lines if x.internal]
    assert {(x.unit, x.purpose, x.fund) for x in marked} == {
        ("测试部门本级", "subsidy", "general_budget"), ("测试所属单位", "basic", "superior_subsidy")}
    lines, notes = consolidate(dept)
    assert not any(x.purpose == "subsidy" for x in lines)  # the payer's side left out
    assert [x.fund for x in lines if x.unit == "测试所属单位"] == ["general_budget"]  # funded by the payer's source
    assert notes and "抵消" in notes[0]
    doc = derive(dept, "shenzhen", decimals=2)
    spent = sum(x.amount for x in parent.lines if x.purpose != "subsidy") + 100
    assert _table(doc, "expense_summary").rows[0].values["total"].amount == spent
    income = {r.item: r.values["amount"].amount for r in _table(doc, "income_expense_summary").rows
              if r.side == "income"}
    assert income["3.上级补助收入"] == 0 and income["收入总计"] == spent
    assert _errors(doc) == []


def test_transfers_that_disagree_are_left_and_said():
    parent, child = _units("100", "90")
    dept, transfers = rollup("测试部门", [parent, child])
    assert [t.matched for t in transfers] == [False] and "不一致" in transfers[0].describe("万元")
    assert not any(x.internal for x in dept.lines)
    doc = derive(dept, "shenzhen")
    income = {r.item: r.values["amount"].amount for r in _table(doc, "income_expense_summary").rows
              if r.side == "income"}
    assert income["3.上级补助收入"] == 90


def test_rollup_refuses_mixed_years_and_units():
    a, b = small_ledger(), small_ledger()
    b.body, b.year = "另一单位", 2024
    with pytest.raises(ValueError, match="年度"):
        rollup("部门", [a, b])
    b.year, b.unit = 2023, "元"
    with pytest.raises(ValueError, match="金额单位"):
        rollup("部门", [a, b])


def test_next_year_starts_from_this_years_lines():
    ledger = small_ledger()
    ledger.lines.append(line(economic="30212", amount="0", prior_budget="5", three_public="abroad"))
    nxt = next_year(ledger)
    assert nxt.year == 2024 and len(nxt.lines) == len(ledger.lines) - 1  # a line of no amount is dropped
    assert [x.prior_budget for x in nxt.lines] == [x.amount for x in ledger.lines if x.amount]
    assert [x.amount for x in nxt.lines] == [x.amount for x in ledger.lines if x.amount]
    this, coming = derive(ledger, "shenzhen"), derive(nxt, "shenzhen")
    now = _table(this, "general_budget_by_function").rows[0].values["total"].amount
    assert _table(coming, "general_budget_by_function").rows[0].values["total@prior_budget"].amount == now
    three = {r.item: r.values["total"].amount for r in _table(coming, "three_public_costs").rows}
    assert three["2023年"] == three["2024年"] == 8
    assert _errors(coming) == []
    zero = next_year(ledger, start_from_zero=True)
    assert all(x.amount == 0 and x.procurement_amount is None for x in zero.lines)


def test_units_of_print():
    ledger = small_ledger(unit="元")
    for x in ledger.lines:
        x.amount *= 10000
        x.prior_budget = None if x.prior_budget is None else x.prior_budget * 10000
        for f in ("procurement_amount", "procurement_sme", "procurement_small_micro"):
            if getattr(x, f) is not None:
                setattr(x, f, getattr(x, f) * 10000)
    doc = derive(ledger, "shenzhen")  # lines in 元, Shenzhen prints 万元
    assert _table(doc, "expense_summary").rows[0].values["total"].text == "638"
    doc = derive(ledger, "shanghai")  # Shanghai prints 元 with cents
    assert _table(doc, "expense_summary").rows[-1].values["total"].text == "6,375,000.00"


def test_a_unit_without_office_costs_or_three_public_costs_says_so():
    """A 事业 unit's lines: no 机关运行经费, no 三公 item. The 机关运行经费 table is printed empty with its note;
    a 决算's “三公”经费 are 0 (the lines carry the 执行数), stated in the narrative."""
    ledger = with_final(small_ledger())
    for x in ledger.lines:
        x.office, x.three_public = False, ""
    budget = derive(ledger, "jiangsu")
    office = _table(budget, "office_operating_costs")
    assert office.empty and office.notes == ["注：本表本年无发生额。"]
    final = derive(ledger, "jiangsu", final=True)
    assert _errors(budget) == [] and _errors(final) == []
    three = next(s for s in final.sections if "三公" in s.heading)
    assert three.paragraphs[0].text.startswith("测试单位2023年一般公共预算“三公”经费决算数为0万元")
