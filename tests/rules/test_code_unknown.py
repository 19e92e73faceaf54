import json

from tests.rules.factories import doc, findings, row, table

RULE = "code-unknown"


def _import_complete(tmp_path, monkeypatch, codes):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))
    folder = tmp_path / "catalogs"
    folder.mkdir()
    lines = ["code,name,level,parent,source"] + [f"{c},{n},{(len(c) - 1) // 2},{c[:-2] if len(c) > 3 else ''},test"
                                                for c, n in codes.items()]
    (folder / "function-2023.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "function-2023.json").write_text(json.dumps({"partial": False}), encoding="utf-8")


def _doc():
    return doc(table("general_budget_by_function", [
        row("一般公共服务支出", code="201", amount="5"),
        row("人大事务", code="20101", amount="5"),
        row("行政运行", code="2010199", amount="5", page=2),
    ], number="7"))


def test_passes_when_every_code_is_in_the_complete_list(tmp_path, monkeypatch):
    _import_complete(tmp_path, monkeypatch, {"201": "一般公共服务支出", "20101": "人大事务", "2010199": "其他人大事务支出"})
    assert findings(_doc(), RULE) == []


def test_fails_for_a_code_missing_from_the_complete_list(tmp_path, monkeypatch):
    _import_complete(tmp_path, monkeypatch, {"201": "一般公共服务支出", "20101": "人大事务"})
    assert findings(_doc(), RULE) == [(RULE, 2, "7", "行政运行", "")]


def test_a_partial_list_never_makes_an_unknown_code_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))
    assert findings(_doc(), RULE) == []
