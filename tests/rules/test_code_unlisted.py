from tests.rules.factories import doc, findings, row, table

RULE = "code-unlisted"


def _doc(*rows):
    return doc(table("general_budget_by_function", list(rows), number="7"), year=2023)


def test_passes_when_the_shipped_list_has_the_code(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))
    assert findings(_doc(row("节能环保支出", code="211", amount="5")), RULE) == []


def test_fails_softly_once_per_code_the_partial_list_lacks(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))
    d = doc(table("general_budget_by_function", [row("公共安全支出", code="204", amount="5")], number="7"),
            table("expense_summary", [row("公共安全支出", code="204", total="5")], number="3"), year=2023)
    assert findings(d, RULE) == [(RULE, 1, "7", "公共安全支出", "")]
    from yusuan.rules.registry import run

    assert {f.severity for f in run(d, only=[RULE])} == {"info"}
