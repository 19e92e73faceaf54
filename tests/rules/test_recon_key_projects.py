from tests.rules.factories import doc, findings, row, table

RULE = "recon-key-projects"


def shenzhen(second: str):
    expense = table("expense_summary", [
        row("某单位", is_total=True, total="6,623", basic="913", project="5,710"),
    ], number="3")
    projects = table("project_performance", [
        row("生态环境管理", amount="4,769", page=2),
        row("区财政安排项目", amount=second, page=3),
    ], number="", title="重点项目预算绩效情况说明")
    return doc(expense, projects)


def test_passes_when_key_projects_fit_within_project_expenditure():
    assert findings(shenzhen("941"), RULE) == []
    assert findings(shenzhen("500"), RULE) == []  # key projects may be fewer than all projects


def test_fails_when_key_projects_exceed_project_expenditure():
    assert findings(shenzhen("960"), RULE) == [(RULE, 1, "3", "某单位", "project")]
