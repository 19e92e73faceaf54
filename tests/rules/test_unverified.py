"""A rule about figures does not report a problem from a table whose reading is doubtful (model/reading.py):
it says once, as info, that the table could not be verified and why."""

from tests.rules.factories import as_read, doc, findings, row, table, value
from yusuan.model.disclosure import UnmappedColumn
from yusuan.rules.registry import run


def shifted():
    """表7 of a Shenzhen budget as a reader that lost the 合计 column of its second page would give it: the
    基本支出 figures read as 合计, the 项目支出 ones as 基本支出."""
    return table("general_budget_by_function", [
        row("深圳市生态环境局坪山管理局", is_total=True, total="6,623", basic="913", project="5,710"),
        row("节能环保支出", code="211", total="6,233", basic="523", project="5,710"),
        row("环境保护管理事务", code="21101", total="523", basic="2,602", page=2),
        row("行政运行", code="2110101", total="523", basic="0", page=2),
        row("一般行政管理事务", code="2110102", total="0", basic="1,093", page=2),
        row("其他环境保护管理事务支出", code="2110199", total="0", basic="1,509", page=2),
        row("污染防治", code="21103", total="0", basic="1,354", page=2),
        row("其他污染防治支出", code="2110399", total="0", basic="1,354", page=2),
        row("污染减排", code="21111", total="0", basic="1,755", page=2),
        row("生态环境执法监察", code="2111102", total="0", basic="1,755", page=2),
    ], number="7")


def severities(d, rule_id):
    return [(f.rule, f.severity, f.table_no) for f in run(d, only=[rule_id])]


def test_a_table_whose_own_sums_mostly_fail_gives_one_note_per_rule():
    t = shifted()
    assert len(findings(doc(t), "arith-parent-children")) > 1  # without its reading report: errors
    as_read(t)
    assert t.reading.sums_checked >= 3 and t.reading.sums_held * 2 < t.reading.sums_checked
    found = run(doc(t), only=["arith-parent-children", "arith-column-parts"])
    assert [(f.rule, f.severity, f.table_no) for f in found] == [
        ("arith-column-parts", "info", "7"), ("arith-parent-children", "info", "7")]
    assert "不成立" in found[1].message and "未能核实" in found[1].message


def test_one_printed_defect_among_sums_that_hold_is_still_an_error():
    t = as_read(table("general_budget_by_function", [
        row("合计", is_total=True, total="100", basic="60", project="40"),
        row("一般公共服务支出", code="201", total="70", basic="50", project="20"),
        row("人大事务", code="20101", total="70", basic="50", project="20"),
        row("行政运行", code="2010101", total="75", basic="50", project="20"),
        row("住房保障支出", code="221", total="30", basic="10", project="20"),
    ]))
    assert severities(doc(t), "arith-parent-children") == [("arith-parent-children", "error", "1")]


def test_an_unmapped_column_leaves_column_comparisons_unverified_not_row_sums():
    # 支出决算表 (本年支出合计 | 基本支出 | 项目支出 | 经营支出 | 对附属单位补助支出) whose 经营支出 header was not
    # understood: its figures are kept apart, so 合计 = 基本 + 项目 + 对附属单位补助 seems to fail
    t = table("expense_summary", [
        row("合计", is_total=True, total__final="320.00", basic__final="105.58", project__final="202.24",
            affiliated_subsidy__final="2.18"),
        row("社会保障和就业支出", code="208", total__final="30.00", basic__final="20.00", project__final="10.00",
            affiliated_subsidy__final="0.00"),
        row("行政事业单位养老支出", code="20805", total__final="31.00", basic__final="20.00",
            project__final="10.00", affiliated_subsidy__final="0.00"),
    ], number="3")
    t.unmapped = [UnmappedColumn("经营支出", reason="表头“经营支出”不能对应到任何度量",
                                 values=[value("10.00"), value("0.00"), value("0.00")])]
    assert {s for _, s, _ in severities(doc(t), "arith-column-parts")} == {"error"}  # unsaid, errors
    t.reading.add("unmapped-column", "第 6 列：表头“经营支出”不能对应到任何度量")
    # 合计 = 基本支出 + 项目支出 + … cannot be checked; the 类 = Σ款 error is in mapped columns
    assert severities(doc(t), "arith-column-parts") == [("arith-column-parts", "info", "3")]
    assert severities(doc(t), "arith-parent-children") == [("arith-parent-children", "error", "3")]


def test_a_table_of_unknown_kind_is_not_verified():
    t = table("unknown", [
        row("合计", is_total=True, amount="100"),
        row("一、基本支出", level=1, amount="70"),
        row("二、项目支出", level=1, amount="40"),
    ])
    assert severities(doc(t), "arith-total-rows") == [("arith-total-rows", "info", "1")]


def test_a_comparison_with_a_doubtful_table_is_not_an_error():
    summary = table("income_expense_summary", [
        row("一、财政拨款", side="income", level=1, amount="100"),
        row("本年收入合计", side="income", is_total=True, amount="100"),
        row("本年支出合计", side="expense", is_total=True, amount="100"),
    ], number="1")
    expense = table("expense_summary", [row("某单位", is_total=True, total="110", basic="70", project="40")],
                    number="3")
    assert severities(doc(summary, expense), "recon-totals")[0][1] == "error"
    summary.reading.add("unparsed-value", "“1OO”")
    assert {s for _, s, _ in severities(doc(summary, expense), "recon-totals")} == {"info"}


def test_words_in_a_doubtful_table_are_still_checked():
    t = table("unknown", [row("合计", is_total=True, amount="1")], number="5")
    t.notes = ["注：“科目编码”和“科目名称”为必填项。"]
    assert severities(doc(t), "hyg-instruction") == [("hyg-instruction", "error", "5")]
