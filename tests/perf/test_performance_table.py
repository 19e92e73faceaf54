"""parse_performance on the 表12 整体支出绩效目标表 of both Shenzhen text files."""

from collections import Counter
from decimal import Decimal as D

import pytest

from corpus_rows import SHENZHEN, performance_rows
from test_targets import PRINTED
from yusuan.ingest.blocks import Cell
from yusuan.model.errors import IngestError
from yusuan.model.provenance import Source
from yusuan.ingest.assemble.performance import clean, parse_performance

PINGSHAN, ZHINENG = SHENZHEN


@pytest.fixture(scope="module", params=SHENZHEN)
def perf(request):
    return parse_performance(performance_rows(request.param), request.param)


@pytest.fixture(scope="module")
def pingshan():
    return parse_performance(performance_rows(PINGSHAN), PINGSHAN)


@pytest.fixture(scope="module")
def zhineng():
    return parse_performance(performance_rows(ZHINENG), ZHINENG)


def amounts(values):
    return tuple(values[m].amount for m in ("total", "fiscal", "other"))


def test_identity(pingshan, zhineng):
    assert (pingshan.body, pingshan.parent) == ("深圳市生态环境局坪山管理局", "深圳市生态环境局")
    # As printed: the centre's table names 深圳市财政局 as 主管部门, its other tables 深圳市生态环境局.
    assert (zhineng.body, zhineng.parent) == ("深圳市生态环境智能管控中心", "深圳市财政局")
    assert (pingshan.source.page, zhineng.source.page) == (476, 462)


PINGSHAN_TASKS = [
    ("一般行政管理工作", 479, (903, 903, 0)),
    ("法制与宣传工作", 480, (189, 189, 0)),
    ("执法监督工作", 481, (1755, 1755, 0)),
    ("环境监督管理工作", 482, (1354, 1354, 0)),
    ("行政服务工作", 483, (420, 420, 0)),
    ("基本支出", 484, (913, 913, 0)),
    ("环保所监管工作经费", 485, (147, 147, 0)),
    ("区财政安排项目", 486, (941, 0, 941)),
]
ZHINENG_TASKS = [
    ("环境宣传教育", 465, (977, 977, 0)),
    ("信息化建设与维护", 468, (2150, 2150, 0)),
    ("小型电子政务", 469, (270, 270, 0)),
    ("新增大型运维项目", 472, (1072, 1072, 0)),
    ("环评政策与技术审查及标准", 475, (557, 557, 0)),
    ("综合管理", 478, (716, 716, 0)),
    ("基本支出", 479, (1802, 1802, 0)),
    ("生态环境专项资金", 481, (114, 114, 0)),
]


def test_tasks(pingshan, zhineng):
    for perf, expected in ((pingshan, PINGSHAN_TASKS), (zhineng, ZHINENG_TASKS)):
        got = [(t.name, t.source.page, amounts(t.values)) for t in perf.tasks]
        assert got == [(n, p, tuple(D(v) for v in a)) for n, p, a in expected]


def test_values_keep_printed_text_and_line(pingshan, zhineng):
    v = pingshan.tasks[2].values["total"]
    assert (v.amount, v.text, v.source.page) == (D("1755"), "1,755", 481)
    assert {m: v.text for m, v in pingshan.total.items()} == {"total": "6,623", "fiscal": "5,682", "other": "941"}
    assert {m: v.text for m, v in zhineng.total.items()} == {"total": "7656", "fiscal": "7656", "other": "0"}
    assert pingshan.total["total"].source.page == 487 and zhineng.total["total"].source.page == 482


@pytest.mark.parametrize("name, printed, difference", [
    # 金额合计 minus the sum of the task rows, per measure: both files are off by rounding only
    # (8 rows of whole 万元: tolerance (8 + 1) × 0.5 = 4.5).
    (PINGSHAN, (6623, 5682, 941), (1, 1, 0)),
    (ZHINENG, (7656, 7656, 0), (-2, -2, 0)),
])
def test_total_against_sum_of_tasks(name, printed, difference):
    perf = parse_performance(performance_rows(name), name)
    total = amounts(perf.total)
    sums = tuple(sum(t.values[m].amount for t in perf.tasks) for m in ("total", "fiscal", "other"))
    assert total == tuple(D(v) for v in printed)
    assert tuple(t - s for t, s in zip(total, sums)) == tuple(D(d) for d in difference)
    assert all(abs(t - s) <= D("4.5") for t, s in zip(total, sums))


def test_task_content(pingshan, zhineng):
    assert pingshan.tasks[5].content == "主要用于人员、公用及对个人和家庭补助支出等"
    # cells split by page breaks are joined back (lines 465 + 467, 469 + 471, 472 + 474, 475 + 477)
    assert "持续强化全市生态文明保护和生态文明建设宣传力度" in zhineng.tasks[0].content
    assert zhineng.tasks[2].content == (
        "基于市 CIM 平台，开展重点建筑工地噪声污染非现场执法、水质净化厂精细化管控、"
        "深圳市危险废物视频远程执法示范模式等三个智能化应用场景建设。"
    )
    assert "硬件运行维护服务包括各类硬件系统的例行检查" in zhineng.tasks[3].content
    assert "承担政策、规划、项目环境影响评价报告的技术审查" in zhineng.tasks[4].content
    # <p> paragraphs become lines, tags are gone
    assert zhineng.tasks[5].content.split("\n") == [
        "（一）根据 2023 年的工作计划，综合管理主要工作内容：开展后勤管理、会务、机要、人事、财务、档案、党群活动、"
        "履职能力提升等日常事务性工作。",
        "（二）预期达到的效益：及时提供日常办公保障，满足中心正常运转需求。",
    ]
    assert not any("<" in t.name + t.content for t in pingshan.tasks + zhineng.tasks)


def test_goals(pingshan, zhineng):
    assert len(pingshan.goals) == 9 and len(zhineng.goals) == 7
    assert [g.text.split(":")[0] for g in pingshan.goals] == [f"年度目标 {i}" for i in range(1, 10)]
    assert [g.text.split("：")[0] for g in zhineng.goals] == [f"目标 {i}" for i in range(1, 8)]
    assert pingshan.goals[0].text == (
        "年度目标 1: 按照“数字政府建设”的“信息安全管理”,“网络安全和舆情应对”指标评分标准“网络安全”要求,"
        "开展网络安全风险防范及防护管理。"
    )
    # goal 5 runs over a page break (line 483 into 485); goals 6 and 7 are printed on line 485
    assert "出具 30 份建设项目环评技术审查意见，以及市、区环保主管部门" in zhineng.goals[4].text
    assert [g.source.page for g in zhineng.goals] == [483] * 5 + [485] * 2
    assert zhineng.goals[5].text == "目标 6：及时提供日常办公保障，满足中心正常运转需求。"


PINGSHAN_LEVELS = {
    ("产出", "数量"): 26, ("产出", "质量"): 13, ("产出", "时效"): 11, ("产出", "成本"): 4,
    ("效益", "社会效益"): 8, ("满意度", "服务对象满意度"): 6,
}
ZHINENG_LEVELS = {
    ("产出指标", "数量指标"): 8, ("产出指标", "质量指标"): 7, ("产出指标", "时效指标"): 5, ("产出指标", "成本指标"): 3,
    ("效益指标", "社会效益指标"): 4, ("满意度指标", "服务对象满意度指标"): 2,
}


def test_indicator_counts(pingshan, zhineng):
    named = lambda perf: Counter((i.level1, i.level2) for i in perf.indicators if i.name)  # noqa: E731
    assert named(pingshan) == PINGSHAN_LEVELS
    assert named(zhineng) == ZHINENG_LEVELS
    assert (len(pingshan.indicators), len(zhineng.indicators)) == (72, 30)


def test_declared_categories_without_indicators_are_kept_as_empty(pingshan, zhineng):
    empty = lambda perf: [(i.level1, i.level2, i.source.page) for i in perf.indicators if not i.name]  # noqa: E731
    assert empty(pingshan) == [("效益", "经济效益", 548), ("效益", "生态效益", 558), ("效益", "可持续影响", 559),
                                      ("满意度", "其他满意度", 566)]
    assert empty(zhineng) == [("效益指标", "可持续影响指标", 517)]


@pytest.mark.parametrize("name, line, level1, level2, indicator, printed, operator, value, upper, unit, date", [
    (PINGSHAN, 491, "产出", "数量", "行政执法案件审查宗数", "≥165 宗", ">=", D(165), None, "宗", ""),
    (PINGSHAN, 513, "产出", "数量", "出具坪山区季度水环境形势分析表份数", "4 份", "=", D(4), None, "份", ""),
    (PINGSHAN, 523, "产出", "质量", "培训覆盖率", "100%", "=", D(100), None, "%", ""),
    # printed with no target (the grid puts 时效 and this name on one line, the targets on the next lines)
    (PINGSHAN, 532, "产出", "时效", "咨询服务回复时限", "", "", None, None, "", ""),
    (PINGSHAN, 533, "产出", "时效", "出具水质研报频次", "一份/周", "per", D(1), None, "份/周", ""),
    (PINGSHAN, 539, "产出", "时效", "应急演练完成时间", "2023 年 11 月底前", "before", None, None, "", "2023-11"),
    (PINGSHAN, 543, "产出", "时效", "漏洞扫描频次", "≥1 次/季度", ">=", D(1), None, "次/季度", ""),
    (PINGSHAN, 544, "产出", "成本", "《2023 年惠企环保家项目》预算节约率", "0%≤N≤1%", "range", D(0), D(1), "%", ""),
    (PINGSHAN, 549, "效益", "社会效益", "全区河流水环境质量同比情况",
     "上洋断面达Ⅲ类标准, 其他纳入考核的河流达到 V 类标准", "", None, None, "", ""),
    (PINGSHAN, 552, "效益", "社会效益", "网络安全重大事故次数", "≤1 次", "<=", D(1), None, "次", ""),
    (PINGSHAN, 565, "满意度", "服务对象满意度", "居民满意度", "≥90%", ">=", D(90), None, "%", ""),
    (ZHINENG, 491, "产出指标", "数量指标", "市生态环境局信息系统安全检测信息系统数量", "≥38 个", ">=", D(38), None, "个", ""),
    (ZHINENG, 499, "产出指标", "质量指标", "市生态环境局网站监测、处理问题合格率", "≥ 98%", ">=", D(98), None, "%", ""),
    (ZHINENG, 507, "产出指标", "时效指标", "公益宣传活动完成时间", "2023 年 11 月 30 日前", "before", None, None, "",
     "2023-11-30"),
    (ZHINENG, 509, "产出指标", "成本指标", "生态环境数据治理服务项目支出", "≤400 万元", "<=", D(400), None, "万元", ""),
    (ZHINENG, 512, "效益指标", "社会效益指标", "保障市生态环境局机关网络、信息化基础设施与信息系统安全、稳定运行",
     "有效保障", "", None, None, "", ""),
    (ZHINENG, 515, "效益指标", "社会效益指标", "支撑生态环境专项资金资助项目立项", "有效支撑", "", None, None, "", ""),
    (ZHINENG, 518, "满意度指标", "服务对象满意度指标", "市、区环保主管部门对环评技术审查服务满意度", "$\\geq 90\\%$",
     ">=", D(90), None, "%", ""),
])
def test_indicator(name, line, level1, level2, indicator, printed, operator, value, upper, unit, date):
    perf = parse_performance(performance_rows(name), name)
    [i] = [i for i in perf.indicators if i.source.page == line]
    t = i.target
    assert (i.level1, i.level2, i.name) == (level1, level2, indicator)
    assert (t.text, t.operator, t.value, t.upper, t.unit, t.date, t.measurable) == (
        printed, operator, value, upper, unit, date, operator != ""
    )


def test_every_printed_target_is_in_the_target_tests(perf):
    assert {i.target.text for i in perf.indicators} <= {case[0] for case in PRINTED}


@pytest.mark.parametrize("name", SHENZHEN)
def test_cells_cleaned_by_the_reader_read_the_same(name):
    """The text reader strips tags and turns </p><p> into a line break; merged cells may be None."""
    rows = [[Cell(clean(c.text), c.source) for c in row] + [None] for row in performance_rows(name)]
    assert parse_performance(rows, name) == parse_performance(performance_rows(name), name)


def _rows(*lines):
    return [[Cell(t, Source("t.txt", n)) for t in line.split("|")] for n, line in enumerate(lines, start=1)]


def test_wrong_number_of_amounts_names_the_line():
    rows = _rows("任务名称|主要内容|预算金额（万元）", "|总额|其中：财政拨款|其中：其他资金", "甲|内容|10|10|")
    with pytest.raises(IngestError, match="t.txt（第 3 行）.*应有 3 个金额，印有 2 个"):
        parse_performance(rows, "t.txt")


def test_unnumbered_goals_are_one_per_paragraph():
    rows = _rows("年度总体目标|<p>提升服务。</p><p>保障运行。</p>", "|一级指标|二级指标|三级指标|目标值",
                 "|产出指标|数量指标|培训次数|≥4 次", "|||培训人数|不少于 100 人", "||质量指标||")
    perf = parse_performance(rows, "t.txt")
    assert [g.text for g in perf.goals] == ["提升服务。", "保障运行。"]
    assert [(i.level1, i.level2, i.name, i.target.value) for i in perf.indicators] == [
        ("产出指标", "数量指标", "培训次数", D(4)), ("产出指标", "数量指标", "培训人数", D(100)),
        ("产出指标", "质量指标", "", None),  # declared, with no indicator
    ]
