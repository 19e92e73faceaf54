import copy

from tests.ingest.test_corpus import load
from tests.rules.factories import doc, findings, row, section, table
from yusuan.rules.registry import run
from yusuan.rules.standard_sets import contents_tables

RULE = "complete-standard-table"

SHANGHAI = ["income_expense_summary", "income_summary", "expense_summary", "appropriation_summary",
            "general_budget_by_function", "gov_fund_expense", "soe_capital_expense", "general_budget_by_economic",
            "three_public_costs"]


def _doc(kinds, **kw):
    return doc(*(table(k, [row("合计", is_total=True, amount="1")]) for k in kinds), **kw)


def test_passes_when_the_family_set_is_printed():
    assert findings(_doc(SHANGHAI, body="上海市普陀区某局", year=2025), RULE) == []


def test_fails_for_a_missing_standard_table():
    d = _doc([k for k in SHANGHAI if k != "three_public_costs"], body="上海市普陀区某局", year=2025)
    assert findings(d, RULE) == [(RULE, None, "", "“三公”经费表", "")]


def test_final_accounts_have_their_own_set():
    d = _doc(["income_expense_summary"], body="上海市普陀区某局", year=2024)
    d.identity.kind = "final_accounts"
    assert len(findings(d, RULE)) == 8


def test_contents_listing_tables_take_precedence():
    d = _doc(["income_expense_summary"], body="上海市普陀区某局")
    d.contents = ["1.2025年部门财务收支预算总表"]
    assert findings(d, RULE) == []


def test_unknown_family_is_not_checked():
    assert findings(_doc(["income_expense_summary"], body="某局"), RULE) == []


# Beside the contents: real publications, a table taken out of both the contents and the body.

def _without(name: str, kind: str):
    """The corpus publication with the table of `kind` gone from its body and its contents."""
    d = copy.deepcopy(load(name)[1])
    d.tables = [t for t in d.tables if t.kind != kind]
    d.contents = [e for e in d.contents if all(k != kind for _, k in contents_tables(_listing(e)))]
    return d


def _listing(entry: str):
    d = doc()
    d.contents = [entry]
    return d


def test_passes_beside_the_contents_when_the_set_is_printed():
    for name in ("shanghai_2025_putuo_caizhengju", "jiangsu_2018_renda", "shanghai_2024_putuo_shehui_final"):
        assert findings(load(name)[1], RULE) == []


def test_fails_beside_the_contents_for_a_table_neither_lists_nor_prints():
    d = _without("shanghai_2025_putuo_caizhengju", "three_public_costs")
    assert len(d.contents) == 15 and len(d.tables) == 8
    assert findings(d, RULE) == [(RULE, None, "", "“三公”经费表", "")]
    d = _without("jiangsu_2018_renda", "procurement")
    [f] = run(d, only=[RULE])
    assert (f.severity, f.kind) == ("warning", "procurement")
    assert "目录列出了 11 张表，其中也没有此表" in f.message
    d = _without("shanghai_2024_putuo_shehui_final", "income_summary")
    assert [f.kind for f in run(d, only=[RULE])] == ["income_summary"]


def test_a_table_the_narrative_says_is_empty_is_not_required_beside_the_contents():
    """江苏省人大常委会办公厅 2018: “…2018年政府性基金支出预算支出0 万元” explains a table left out."""
    assert findings(_without("jiangsu_2018_renda", "gov_fund_expense"), RULE) == []


def test_a_table_listed_but_not_printed_is_the_contents_rule_s():
    d = copy.deepcopy(load("jiangsu_2018_renda")[1])
    d.tables = [t for t in d.tables if t.kind != "procurement"]
    assert findings(d, RULE) == []
    assert [f[3] for f in findings(d, "complete-toc-table")] == ["十二、政府采购支出预算表"]


def test_beside_the_contents_only_where_the_set_is_surely_the_document_s():
    d = _without("shanghai_2025_putuo_caizhengju", "three_public_costs")
    d.identity.body, d.title = "某区财政局", "某区财政局2025年部门预算"
    assert findings(d, RULE) == []  # no place named: another province's set may differ
    d = _without("shanghai_2025_putuo_caizhengju", "three_public_costs")
    d.identity.body = d.title = "江苏省财政厅"
    assert findings(d, RULE) == []  # 江苏 by name, Shanghai's tables: not the Jiangsu set
    d = _without("jiangsu_2018_renda", "procurement")
    d.tables = d.tables[:7]
    d.contents = d.contents[:12]
    assert findings(d, RULE) == []  # fewer than two thirds of the set: another variant


def test_only_a_sentence_saying_the_subject_itself_is_none_explains_a_table_left_out():
    from yusuan.rules.standard_sets import said_to_be_empty

    d = doc(sections=[section("政府采购", "2018年度政府采购支出预算总额2064.25万元，其中：拟采购货物支出59万元、"
                                      "拟采购工程支出0万元、拟购买服务支出2005.25万元。")])
    assert said_to_be_empty(d, "procurement") and not said_to_be_empty(d, "procurement", closely=True)
    d = doc(sections=[section("政府性基金", "省检察院2017年政府性基金支出预算支出0万元，本部门无政府性基金预算。")])
    assert said_to_be_empty(d, "gov_fund_expense", closely=True)
    d = doc(sections=[section("三公", "2025年“三公”经费预算数为0.95万元，与2024年预算持平。")])
    assert not said_to_be_empty(d, "three_public_costs")
