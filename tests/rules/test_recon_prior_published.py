from decimal import Decimal

from tests.rules.factories import doc, findings, row, table
from yusuan.rules.context import Related
from yusuan.rules.registry import run

RULE = "recon-prior-published"


def _found(d, prior):
    return [(f.severity, f.item, f.measure, f.expected, f.actual) for f in run(d, [RULE], Related(prior=prior))]


def _economic(year_rows: list, unit: str = "万元"):
    return table("general_budget_by_economic", [row(*r[:1], code=r[1], **r[2]) for r in year_rows], unit=unit)


def test_passes_when_the_prior_column_repeats_last_years_budget():
    this = doc(_economic([("办公费", "30201", {"amount": "12", "amount__prior_budget": "10"})]), year=2018)
    last = doc(_economic([("办公费", "30201", {"amount": "100000"})], unit="元"), year=2017)
    assert _found(this, last) == []
    assert findings(this, RULE) == []


def test_passes_through_the_code_map_for_a_renumbered_class():
    """2017's 30311 住房公积金 is 2018's 30113 (catalog/data/code_map.csv)."""
    this = doc(_economic([("住房公积金", "30113", {"amount": "1073.77", "amount__prior_budget": "784.22"})]), year=2018)
    last = doc(_economic([("住房公积金", "30311", {"amount": "784.22"})]), year=2017)
    assert _found(this, last) == []


def test_fails_when_the_prior_column_differs_from_last_years_budget():
    this = doc(_economic([("办公费", "30201", {"amount": "12", "amount__prior_budget": "13"})]), year=2018)
    last = doc(_economic([("办公费", "30201", {"amount": "10"})]), year=2017)
    assert _found(this, last) == [("warning", "办公费", "amount@prior_budget", Decimal(10), Decimal(13))]


def test_fails_softly_on_a_class_whose_subtree_changed():
    """301 gained 30113 from 303 in 2018: last year's 301 is not the same sum."""
    this = doc(_economic([("工资福利支出", "301", {"amount": "900", "amount__prior_budget": "884.22"})]), year=2018)
    last = doc(_economic([("工资福利支出", "301", {"amount": "100"})]), year=2017)
    [(severity, *_)] = _found(this, last)
    assert severity == "info"


def test_fails_on_the_year_rows_of_a_shenzhen_three_public_table():
    def three(rows):
        return table("three_public_costs", [row(name, total=t) for name, t in rows], number="9")
    this = doc(three([("2022年", "26"), ("2023年", "14"), ("增减变化金额", "-12")]), year=2023)
    last = doc(three([("2021年", "30"), ("2022年", "26"), ("增减变化金额", "-4")]), year=2022)
    assert _found(this, last) == []
    wrong = doc(three([("2021年", "30"), ("2022年", "24"), ("增减变化金额", "-6")]), year=2022)
    assert _found(this, wrong) == [("warning", "2022年", "total", Decimal(24), Decimal(26))]
