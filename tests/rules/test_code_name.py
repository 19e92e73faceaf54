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


def test_names_of_the_years_own_imported_list_are_compared(tmp_path, monkeypatch):
    """A partial list imported for 2017 over the shipped 2023 one: its names are the year's own."""
    from yusuan.catalog.store import Entry, imported_path, write_entries

    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))
    write_entries(imported_path("function", 2017), {"20805": Entry("行政事业单位离退休", 2, "208", "江苏 2017")})
    ok = table("general_budget_by_function", [row("行政事业单位离退休", code="20805", total="1")])
    assert findings(doc(ok, year=2017), RULE) == []
    wrong = table("general_budget_by_function", [row("行政事业单位养老支出", code="20805", total="1", page=3)])
    assert findings(doc(wrong, year=2017), RULE) == [(RULE, 3, "1", "行政事业单位养老支出", "")]
