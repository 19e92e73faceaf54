from tests.rules.factories import doc, findings, row, table

RULE = "code-name"


def test_passes_when_names_match_ignoring_spaces_and_brackets(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))
    t = table("general_budget_by_economic", [row("维修(护)费", code="30213", total="1"),
                                             row(" 节能环保支出 ", code="211", total="1")], number="8")
    assert findings(doc(t, year=2023), RULE) == []


def test_fails_when_the_printed_name_is_not_the_codes(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))
    t = table("general_budget_by_economic", [row("差旅费", code="30213", total="1", page=4)], number="8")
    assert findings(doc(t, year=2023), RULE) == [(RULE, 4, "8", "差旅费", "")]


def test_names_of_another_years_list_are_not_compared(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))
    t = table("general_budget_by_function", [row("行政事业单位离退休", code="20805", total="1")])
    assert findings(doc(t, year=2017), RULE) == []
