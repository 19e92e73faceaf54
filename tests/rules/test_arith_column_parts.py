from tests.rules.factories import doc, findings, row, table

RULE = "arith-column-parts"


def test_passes_when_total_is_basic_plus_project():
    t = table("expense_summary", [row("行政运行", code="2010101", total="100", basic="60", project="40")])
    assert findings(doc(t), RULE) == []


def test_fails_when_total_is_not_basic_plus_project():
    t = table("expense_summary", [row("行政运行", code="2010101", total="100", basic="60", project="45")])
    assert findings(doc(t), RULE) == [(RULE, 1, "1", "行政运行", "total")]


def test_three_public_costs_parts():
    good = row("2023年", total="14", abroad="0", reception="0", vehicle_total="14", vehicle_purchase="0",
               vehicle_operation="14")
    bad = row("2023年", total="14", abroad="0", reception="0", vehicle_total="14", vehicle_purchase="5",
              vehicle_operation="14")
    assert findings(doc(table("three_public_costs", [good])), RULE) == []
    assert findings(doc(table("three_public_costs", [bad])), RULE) == [(RULE, 1, "1", "2023年", "vehicle_total")]


def test_basic_split_into_personnel_and_public():
    t = table("income_expense_summary", [row("一、一般公共服务支出", total="100", basic_personnel="50",
                                             basic_public="20", project="30")])
    assert findings(doc(t), RULE) == []


def test_jiangsu_grand_total_adds_meeting_and_training():
    good = row("某单位", grand_total="1,452.35", total="584.35", abroad="110.00", vehicle_total="317.80",
               vehicle_purchase="50.00", vehicle_operation="267.80", reception="156.55", meeting="168.00",
               training="700.00")
    assert findings(doc(table("three_public_costs", [good])), RULE) == []
    good.values["training"].amount += 5
    assert findings(doc(table("three_public_costs", [good])), RULE) == [(RULE, 1, "1", "某单位", "grand_total")]


def test_final_accounts_expense_counts_grants_to_affiliated_units():
    t = table("expense_summary", [row("合计", is_total=True, total__final="310.00", basic__final="105.58",
                                      project__final="202.24", affiliated_subsidy__final="2.18")])
    assert findings(doc(t), RULE) == []


def test_shenzhen_income_summary_adds_the_funds_and_the_other_sources():
    """合计 | 一般公共预算拨款 | 政府性基金预算拨款 | 国有资本经营预算拨款 | 财政专户管理资金 | 单位资金: the three funds are the
    财政拨款 beside the other sources, not the whole."""
    good = row("某单位", is_total=True, total="8,836", general_budget="6,860", gov_fund="0", soe_capital="0",
               special_account="0", unit_funds="1,976")
    assert findings(doc(table("income_summary", [good])), RULE) == []
    good.values["unit_funds"].amount += 10
    assert findings(doc(table("income_summary", [good])), RULE) == [(RULE, 1, "1", "某单位", "total")]


def test_the_funds_alone_are_the_whole_when_no_other_source_is_printed():
    bad = row("某单位", is_total=True, total="8,836", general_budget="6,860", gov_fund="0", soe_capital="0")
    assert findings(doc(table("income_summary", [bad])), RULE) == [(RULE, 1, "1", "某单位", "total")]
