"""model/tolerance.py: each printed value may be off by half its own printing unit."""

from decimal import Decimal as D

from tests.rules.factories import value
from yusuan.model.tolerance import bound, unit_of


def test_the_unit_is_that_of_the_printed_value():
    assert [unit_of(value(t)) for t in ("5,682", "8.47", "110.00", "0", "0.5")] == [D(1), D("0.01"), D("0.01"),
                                                                                  D(1), D("0.1")]


def test_n_parts_sharing_a_unit_give_design_s_bound():
    parts = [value("10"), value("20"), value("30")]
    assert bound([value("60"), *parts]) == (3 + 1) * D(1) / 2


def test_mixed_units_add_their_own_half_units_and_blanks_nothing():
    assert bound([value("438,301"), value("219,150.45"), None, value("219,150.45")]) == D("0.51")


def test_a_printed_zero_counts_at_the_finest_unit_beside_it():
    # 上海 “三公”经费预算表: 37.91 = 0 + 1.35 + 36.56, the 0 is nothing rather than up to 0.5 rounded away
    values = [value("37.91"), value("0"), value("1.35"), value("36.56")]
    assert bound(values, D("0.01")) == D("0.02")
    assert bound(values) == D("0.515")
