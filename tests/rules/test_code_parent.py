from tests.rules.factories import doc, findings, row, table

RULE = "code-parent"


def _table(*codes):
    return table("general_budget_by_function", [row(f"科目{c}", code=c, amount="1", page=i + 1)
                                                for i, c in enumerate(codes)], number="7")


def test_passes_when_each_code_sits_under_its_prefix():
    assert findings(doc(_table("201", "20101", "2010101", "2010102", "208", "20805", "2080505")), RULE) == []


def test_fails_for_a_code_under_a_parent_that_is_not_its_prefix():
    assert findings(doc(_table("201", "20101", "2080505", "208", "20805", "2010101")), RULE) == [
        (RULE, 3, "7", "科目2080505", ""), (RULE, 6, "7", "科目2010101", "")]


def test_a_missing_level_is_not_a_misplacement():
    assert findings(doc(_table("208", "2080505")), RULE) == []
