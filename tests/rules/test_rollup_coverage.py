import copy

from tests.rules.rollup_cases import department, found, units
from yusuan.rules.context import Related

RULE = "rollup-coverage"


def test_passes_when_every_unit_publishes_every_table():
    assert found(department(), RULE) == []


def test_fails_when_a_unit_lacks_a_table_of_the_department():
    first, second = units()
    second = copy.deepcopy(second)
    second.tables = [t for t in second.tables if t.kind != "three_public_costs"]
    [f] = found(department(), RULE, Related(units=(first, second)))
    assert f[:2] == ("info", "9")
    # nor is the table added up from the units that have it
    assert found(department(), "rollup-three-public", Related(units=(first, second))) == []
