from tests.rules.factories import doc, findings, row, table

RULE = "arith-year-change"


def three_public(change: str):
    return table("three_public_costs", [
        row("2022年", total="8.47", reception="0.47", vehicle_operation="8"),
        row("2023年", total="8", reception="0", vehicle_operation="8"),
        row("增减变化金额", total=change, reception="-0.47", vehicle_operation="0", page=2),
    ], number="9")


def test_passes_when_the_change_row_is_this_year_less_last_year():
    assert findings(doc(three_public("-0.47")), RULE) == []


def test_fails_when_the_change_row_is_not_the_difference():
    assert findings(doc(three_public("0.47")), RULE) == [(RULE, 2, "9", "增减变化金额", "total")]
