from tests.rules.factories import doc, findings, section

RULE = "text-final-direction"

ITEM = "1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。主要用于：行政单位人员支出、公用支出。"


def final(*paragraphs, page=18):
    d = doc(sections=[section("（三）一般公共预算财政拨款支出决算具体情况", *paragraphs, page=page)], year=2024)
    d.identity.kind = "final_accounts"
    return d


def test_passes_when_the_words_match_the_figures():
    d = final(ITEM + "全年预算为 52.00 万元，支出决算为 51.32 万元，完成全年预算数的 98.69%。决算数小于全年预算数的主要原因："
              "人员变动引起实际支出低于预算。",
              "3、一般公共服务支出（类）社会工作事务（款）其他社会工作事务支出（项）。主要用于：新建部门开办费。全年预算为 "
              "202.24 万元，支出决算为 202.24 万元。决算数与全年预算数持平。",
              "一般公共预算财政拨款支出年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元。决算数小于预算数的主要"
              "原因：人员经费支出数小于预算数。")
    assert findings(d, RULE) == []


def test_fails_when_the_words_contradict_the_figures():
    d = final(ITEM + "全年预算为 52.00 万元，支出决算为 51.32 万元，完成全年预算数的 98.69%。决算数大于全年预算数的主要原因："
              "人员变动引起实际支出低于预算。",
              "3、一般公共服务支出（类）社会工作事务（款）其他社会工作事务支出（项）。主要用于：新建部门开办费。全年预算为 "
              "202.24 万元，支出决算为 190.00 万元。决算数与全年预算数持平。")
    assert findings(d, RULE) == [
        (RULE, 18, "", "一般公共服务支出(类)社会工作事务(款)行政运行(项)", "final"),
        (RULE, 18, "", "一般公共服务支出(类)社会工作事务(款)其他社会工作事务支出(项)", "final")]


def test_a_budget_is_not_a_final_account():
    d = final(ITEM + "全年预算为 52.00 万元，支出决算为 51.32 万元。决算数大于全年预算数的主要原因：人员增加。")
    d.identity.kind = "budget"
    assert findings(d, RULE) == []
