from tests.rules.factories import doc, findings, row, table

RULE = "code-implausible-class"


def _doc(body, *rows):
    return doc(table("general_budget_by_function", list(rows), number="7"), body=body)


def test_passes_for_the_bodys_own_and_common_classes():
    d = _doc("江苏省人民检察院", row("公共安全支出", code="204", amount="1"), row("住房保障支出", code="221", amount="1"))
    assert findings(d, RULE) == []


def test_fails_for_a_class_outside_the_bodys_function():
    d = _doc("江苏省人民检察院", row("公共安全支出", code="204", amount="1"),
             row("农林水支出", code="213", amount="1", page=3), row("农业农村", code="21301", amount="1", page=3))
    assert findings(d, RULE) == [(RULE, 3, "7", "农林水支出", "")]


def test_fails_for_a_kuan_named_for_another_body():
    d = _doc("深圳市生态环境局坪山管理局", row("一般公共服务支出", code="201", amount="1"),
             row("人大事务", code="20101", amount="1", page=2))
    assert findings(d, RULE) == [(RULE, 2, "7", "人大事务", "")]


def test_bodies_of_many_functions_are_not_checked():
    d = _doc("上海市普陀区人民政府万里街道办事处", row("城乡社区支出", code="212", amount="1"))
    assert findings(d, RULE) == []
