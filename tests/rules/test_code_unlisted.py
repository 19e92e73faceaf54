from tests.rules.factories import doc, findings, row, table

RULE = "code-unlisted"


def _doc(*rows):
    return doc(table("general_budget_by_function", list(rows), number="7"), year=2023)


def test_passes_when_the_shipped_list_has_the_code(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))
    assert findings(_doc(row("节能环保支出", code="211", amount="5")), RULE) == []


def test_fails_softly_once_per_table_naming_each_code_once(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))
    function = table("general_budget_by_function", [
        row("公共安全支出", code="204", amount="5"), row("司法", code="20406", amount="5", page=2),
        row("公共法律服务", code="2040607", amount="5", page=2)], number="7")
    expense = table("expense_summary", [row("公共安全支出", code="204", total="5", page=3),
                                        row("其他公共安全支出", code="20499", total="0", page=3)], number="3")
    d = doc(function, expense, year=2023)
    assert findings(d, RULE) == [(RULE, 1, "7", "", ""), (RULE, 3, "3", "", "")]
    from yusuan.rules.registry import run

    found = run(d, only=[RULE])
    assert {f.severity for f in found} == {"info"}
    assert "有 3 个科目编码" in found[0].message and "“2040607 公共法律服务”" in found[0].message
    assert "有 1 个科目编码" in found[1].message and "“20499 其他公共安全支出”" in found[1].message
    assert [s.page for s in found[0].locations] == [1, 2, 2]
