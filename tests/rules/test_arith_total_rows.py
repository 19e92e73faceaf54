from tests.rules.factories import doc, findings, row, table

RULE = "arith-total-rows"


def function_table(total: str):
    return table("general_budget_by_function", [
        row("某单位", is_total=True, total=total, basic="60", project="40"),
        row("一般公共服务支出", code="201", total="70", basic="50", project="20", page=2),
        row("行政运行", code="2010101", total="70", basic="50", project="20", page=2),
        row("住房保障支出", code="221", total="30", basic="10", project="20", page=2),
    ])


def test_passes_when_the_total_row_is_the_sum_of_the_classes():
    assert findings(doc(function_table("100")), RULE) == []


def test_fails_when_the_total_row_is_not_the_sum_of_the_classes():
    assert findings(doc(function_table("110")), RULE) == [(RULE, 1, "1", "某单位", "total")]


def summary(grand: str, carry: str = "0"):
    return table("income_expense_summary", [
        row("一、财政拨款", side="income", level=1, amount="90"),
        row("1.一般公共预算", side="income", level=2, amount="90"),
        row("二、其他资金", side="income", level=1, amount="10"),
        row("本年收入合计", side="income", is_total=True, amount="100", page=2),
        row("上年结转", side="income", amount=carry, page=2),
        row("收入总计", side="income", is_total=True, amount=grand, page=3),
    ])


def test_passes_when_the_grand_total_adds_the_carry_over():
    assert findings(doc(summary("105", "5")), RULE) == []


def test_fails_when_the_grand_total_leaves_out_the_carry_over():
    assert findings(doc(summary("100", "5")), RULE) == [(RULE, 3, "1", "收入总计", "amount")]


def test_blank_lines_add_no_rounding():
    # one printed part: tolerance (1 + 1) * 1 / 2 = 1, however many blank lines the side lists
    rows = [row(f"{n}、支出", side="expense", level=1) for n in "一二三四五六七八九"]
    rows += [row("十、住房保障支出", side="expense", level=1, amount="10"),
             row("本年支出合计", side="expense", is_total=True, amount="12")]
    assert findings(doc(table("income_expense_summary", rows)), RULE) == [(RULE, 1, "1", "本年支出合计", "amount")]


def test_performance_targets_total_is_the_sum_of_the_tasks():
    t = table("performance_targets", [
        row("一般行政管理工作", total="900", fiscal="900"),
        row("基本支出", total="100", fiscal="100"),
        row("金额合计", is_total=True, total="1,010", fiscal="1,000", page=2),
    ])
    assert findings(doc(t), RULE) == [(RULE, 2, "1", "金额合计", "total")]


def test_parallel_subtotals_each_sum_their_own_lines():
    t = table("general_budget_by_economic", [
        row("工资福利支出", code="301", amount="95.36"),
        row("对个人和家庭的补助", code="303", amount="0.00"),
        row("人员经费合计", is_total=True, amount="95.36"),
        row("商品和服务支出", code="302", amount="10.23"),
        row("资本性支出", code="310", amount="0.00"),
        row("公用经费合计", is_total=True, amount="10.23"),
    ])
    assert findings(doc(t), RULE) == []


def carried(grand: str):
    """江苏 收支预算总表 (2018 检察院) with a carry-over broken down by fund under it, as the Ministry's 部门收支
    总表 prints it: the “其中” lines are parts of 上年结转资金, not more lines of 收入合计."""
    return table("income_expense_summary", [
        row("一、财政拨款", side="income", level=1, amount="21,940.96"),
        row("1.一般公共预算", side="income", level=2, amount="21,940.96"),
        row("三、其他资金", side="income", level=1, amount="14.39"),
        row("当年收入小计", side="income", is_total=True, amount="21,955.35", page=2),
        row("上年结转资金", side="income", amount="300.00", page=2),
        row("其中：一般公共预算", side="income", amount="250.00", page=2),
        row("政府性基金预算", side="income", amount="50.00", page=2),
        row("收入合计", side="income", is_total=True, amount=grand, page=2),
    ])


def test_of_which_lines_are_not_added_again_to_the_total():
    assert findings(doc(carried("22,255.35")), RULE) == []
    assert findings(doc(carried("22,555.35")), RULE) == [(RULE, 2, "1", "收入合计", "amount")]
