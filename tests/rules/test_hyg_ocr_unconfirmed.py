"""OCR numbers: taken where the table's own sums confirm them; the others are reported and unknown."""

from dataclasses import replace

from tests.rules.factories import doc, findings, row, table
from yusuan.ingest.assemble.confirm import NO_SUM, SUM_FAILS, confirm_ocr
from yusuan.rules.registry import run

RULE = "hyg-ocr-unconfirmed"


def scanned(d, confidence=0.97):
    """The disclosure as if its tables had been read by OCR (each value's source marked)."""
    for t in d.tables:
        for r in t.rows:
            r.values = {m: replace(v, source=replace(v.source, ocr=confidence)) for m, v in r.values.items()}
    confirm_ocr(d)
    return d


def function_table(leaf: str, alone: str = ""):
    rows = [
        row("合计", is_total=True, amount="30"),
        row("一般公共服务支出", code="201", amount="30"),
        row("人大事务", code="20101", amount="30"),
        row("行政运行", code="2010101", amount="20", page=2),
        row("一般行政管理事务", code="2010102", amount=leaf, page=2),
    ]
    if alone:
        rows.append(row("其中：人员经费", level=0, basic=alone))
    return table("general_budget_by_function", rows)


def test_passes_when_the_sums_confirm_every_ocr_number():
    d = scanned(doc(function_table("10")))
    assert d.tables[0].unreadable == []
    assert findings(d, RULE) == []


def test_fails_for_the_numbers_of_a_sum_that_does_not_hold():
    # 20 + 12 ≠ 30: the children are not confirmed; 人大事务's 30 is, by 201's 30 and the total's
    d = scanned(doc(function_table("12")))
    got = {(u.item, u.reason) for u in d.tables[0].unreadable}
    assert got == {("行政运行", SUM_FAILS), ("一般行政管理事务", SUM_FAILS)}
    assert findings(d, RULE) == [(RULE, 2, "1", "行政运行", "amount"), (RULE, 2, "1", "一般行政管理事务", "amount")]


def test_fails_for_a_number_no_sum_can_check():
    d = scanned(doc(function_table("10", alone="5")))
    assert [(u.item, u.measure, u.text, u.reason) for u in d.tables[0].unreadable] == [
        ("其中：人员经费", "basic", "5", NO_SUM)]


def test_other_rules_take_unconfirmed_cells_as_unknown():
    """The sum that fails on OCR numbers is no error: it is information, with the cells named."""
    printed = doc(function_table("12"))
    errors = [f for f in run(printed, only=["arith-parent-children"])]
    assert [f.severity for f in errors] == ["error"]  # printed in a text layer, the same figures prove it
    d = scanned(doc(function_table("12")))
    told = run(d, only=["arith-parent-children"])
    assert [f.severity for f in told] == ["info"] and "文字识别未能确认" in told[0].message
    assert all(f.severity != "error" for f in run(d))


def test_text_layer_numbers_are_never_in_the_report():
    d = doc(function_table("12"))
    confirm_ocr(d)
    assert d.tables[0].unreadable == []
