"""The monitoring table and the self-evaluation report, rendered (PDF, DOCX, XLSX) and read back with
yusuan's own readers: every figure of their tables where it was put."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest

from tests.render.perf_readback import rendered, table_with
from yusuan.perf.monitoring import Monitoring, MonitoringEntry, assess
from yusuan.perf.scoring import Evaluation, EvaluationEntry, score
from yusuan.perf.targets import Indicator, TargetSet
from yusuan.render.perf import evaluation_layout, monitoring_layout


@pytest.fixture(scope="module")
def targets() -> TargetSet:
    return TargetSet("测试单位", 2023, budget={"total": D(1000)}, goals=["完成全年培训任务。"], indicators=[
        Indicator("a", "产出指标", "数量指标", "培训场次", "ge", D(20), unit="次", weight=D(30)),
        Indicator("b", "产出指标", "时效指标", "响应时间", "le", D(24), unit="小时", weight=D(20)),
        Indicator("c", "效益指标", "社会效益指标", "群众环境意识", "qualitative", text="明显提高", weight=D(30)),
        Indicator("d", "满意度指标", "服务对象满意度指标", "服务对象满意度", "ge", D(90), unit="%", weight=D(10)),
    ])


@pytest.fixture(scope="module")
def monitoring(targets):
    mon = Monitoring(datetime.date(2023, 8, 31), executed=D(500), forecast=D(950), reason="funding", action="加快支付",
                     entries={"a": MonitoringEntry("a", achieved=D(6), likelihood="possible", reason="funding",
                                                   action="追加培训班次"),
                              "b": MonitoringEntry("b", achieved=D(20), likelihood="certain"),
                              "c": MonitoringEntry("c", likelihood="certain", note="宣传已开展"),
                              "d": MonitoringEntry("d", achieved=D(85), likelihood="certain")})
    return mon, assess(targets, mon)


@pytest.fixture(scope="module")
def evaluation(targets):
    ev = Evaluation(executed=D("876.54"), problems="培训场地不足。", measures="提前安排场地。", entries={
        "a": EvaluationEntry("a", actual=D(15), reason="场地不足，少办 5 场"),
        "b": EvaluationEntry("b", actual=D(30), reason="人手不足"),
        "c": EvaluationEntry("c", grade="partial", share=D(70), actual_text="有所提高", reason="宣传覆盖不全"),
        "d": EvaluationEntry("d", actual=D(95))})
    return ev, score(targets, ev)


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx"])
def test_the_monitoring_table_reads_back(tmp_path, targets, monitoring, fmt):
    mon, result = monitoring
    text, tables = rendered(monitoring_layout(targets, mon, result), tmp_path / f"monitoring.{fmt}")
    spending = table_with(tables, "预算执行进度")
    assert spending[0][:4] == ["全年预算数", "1–8月执行数", "预算执行进度", "时间进度"]
    assert spending[1][:8] == ["1,000", "500", "50.00%", "66.67%", "950", "黄色预警", "投入保障", "加快支付"]
    rows = table_with(tables, "完成目标可能性")
    by_name = {r[2]: r for r in rows[1:]}
    # 6 of 20 is 30 % done where 66.67 % of the year is gone: 45 % of the pace, red
    assert by_name["培训场次"][3:] == ["≥", "≥20次", "6次", "30.00%", "66.67%", "红色预警", "", "有可能", "投入保障",
                                   "追加培训班次"]
    assert by_name["服务对象满意度"][6:9] == ["94.44%", "100.00%", "正常"]
    assert by_name["群众环境意识"][5] == "宣传已开展"
    assert "红色预警 1 个：培训场次" in text.replace("\n", "")  # the summary before the tables


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_the_self_evaluation_report_reads_back(tmp_path, targets, evaluation, fmt):
    ev, sc = evaluation
    text, tables = rendered(evaluation_layout(targets, ev, sc), tmp_path / f"evaluation.{fmt}")
    table = table_with(tables, "偏差原因分析及改进措施")
    assert table[0] == ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "实际完成值", "分值", "得分",
                        "偏差原因分析及改进措施"]
    assert table[1] == ["预算执行率", "", "", "≥", "100%", "87.65%", "10", "8.77", ""]
    assert [r[2:] for r in table[2:6]] == [
        ["培训场次", "≥", "≥20次", "15次", "30", "22.50", "场地不足，少办 5 场"],
        ["响应时间", "≤", "≤24小时", "30小时", "20", "15", "人手不足"],
        ["群众环境意识", "定性", "明显提高", "有所提高，部分达成（70%）", "30", "21", "宣传覆盖不全"],
        ["服务对象满意度", "≥", "≥90%", "95%", "10", "10", ""]]
    assert table[6][0] == "总分" and table[6][6:] == ["100", "77.27", "评价等级：中"]
    flat = text.replace("\n", "")
    assert "综合得分 77.27 分，评价等级为“中”" in flat and "存在的问题：培训场地不足。" in flat
