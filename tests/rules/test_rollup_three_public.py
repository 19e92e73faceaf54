from tests.rules.rollup_cases import department, found, row_of

RULE = "rollup-three-public"


def test_passes_for_a_department_that_adds_up_its_real_units():
    assert found(department(), RULE) == []


def test_fails_when_one_item_of_a_year_is_not_the_units_sum():
    d = department()
    row_of(d, "three_public_costs", item="2022年").values["vehicle_operation"].amount += 2
    [f] = found(d, RULE)
    assert f[:4] == ("error", "9", "2022年", "vehicle_operation") and f[5] - f[4] == 2
