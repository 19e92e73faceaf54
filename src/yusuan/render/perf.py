"""Performance reports as layouts (render/layout.py), written by the same back-ends as a disclosure
(`render.render_layout`: PDF, DOCX, XLSX, HTML):

- the monitoring table (绩效运行监控表): the spending against the time elapsed, then every indicator's
  progress, band, likelihood, reason and corrective action;
- the self-evaluation report (绩效自评报告): the year's budget and execution, the self-evaluation table
  (指标性质, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施), the analysis by category, the
  deviations and the conclusion.

Every figure printed comes from the perf objects; the sentences only put them in words.
"""

from __future__ import annotations

from decimal import Decimal

from yusuan.perf.monitoring import BAND_NAMES, LIKELIHOODS, REASONS, Monitoring, MonitoringResult, percent
from yusuan.perf.scoring import QUALITATIVE_GRADES, Evaluation, Score
from yusuan.perf.targets import NATURES, Indicator, TargetSet, plain
from yusuan.render.build import fit_cover, title_lines
from yusuan.render.layout import AMOUNT, LABEL, TEXT, Cell, CoverLine, Heading, Layout, Paragraph, TableLayout, TocEntry
from yusuan.rules.tables import money

STYLE = "perf"
SHOWN = 10  # red indicators named in the monitoring's summary (all are in its table)


def _amount(d: Decimal | None, bold: bool = False) -> Cell:
    if d is None:
        return Cell("")
    exp = d.as_tuple().exponent
    decimals = 0 if d == d.to_integral_value() or not isinstance(exp, int) else -exp  # as money() prints it
    return Cell(money(d), AMOUNT, amount=d, decimals=decimals, bold=bold)


def _texts(*texts: str, bold: bool = False) -> list[Cell | None]:
    return [Cell(t, TEXT, bold=bold) for t in texts]


def _header(*names: str) -> list[list[Cell | None]]:
    return [[Cell(n) for n in names]]


def _table(anchor: str, title: str, body: str, unit: str, widths: list[float], header, rows, notes=()) -> TableLayout:
    """A captioned table, its columns `widths` percent wide (their roles from the first body row)."""
    roles = [c.role if c is not None else TEXT for c in rows[0]] if rows else [TEXT] * len(widths)
    return TableLayout(anchor=anchor, kind="perf", number_text="", title=title, body=body, unit=unit, roles=roles,
                       header=header, rows=rows, notes=list(notes), new_page=False, widths=widths)


def _layout(title: str, ts: TargetSet, extra: list[str], blocks: list) -> Layout:
    cover = [CoverLine(x, "title") for x in title_lines(title, ts.body)]
    if ts.body not in title:
        cover.append(CoverLine(f"单位：{ts.body}", "body"))
    cover += [CoverLine(x, "date") for x in extra]
    toc = [TocEntry(b.text, b.anchor, b.level) for b in blocks if isinstance(b, Heading)]
    if blocks and isinstance(blocks[0], Heading):
        blocks[0].new_page = True
    return Layout(style=STYLE, title=title, cover=fit_cover(cover), toc=toc, blocks=blocks)


def _subject(ts: TargetSet) -> str:
    return "整体支出" if ts.is_whole else f"“{ts.project}”项目"


def _grouped(indicators: list[Indicator]):
    """(indicator, 一级 printed, 二级 printed): a category's name on its first row only, as if merged."""
    last1 = last2 = None
    for ind in indicators:
        yield ind, ind.level1 if ind.level1 != last1 else "", ind.level2 if (ind.level1, ind.level2) != (last1, last2) else ""
        last1, last2 = ind.level1, ind.level2


# ---------------------------------------------------------------- monitoring


def monitoring_layout(ts: TargetSet, mon: Monitoring, result: MonitoringResult) -> Layout:
    n = mon.month
    title = f"{ts.year}年{ts.body}{'整体支出' if ts.is_whole else ts.project}绩效运行监控表"
    spend = _table("spending", "预算执行监控表", ts.body, ts.unit, [12, 12, 11, 10, 12, 9, 14, 20],
                   _header("全年预算数", f"1–{n}月执行数", "预算执行进度", "时间进度", "全年预计执行数", "预警",
                           "偏差原因", "纠偏措施"),
                   [[_amount(result.budget), _amount(mon.executed), Cell(percent(result.execution)),
                     Cell(percent(result.time_progress)), _amount(mon.forecast), Cell(BAND_NAMES[result.execution_band]),
                     Cell(REASONS.get(mon.reason, "")), Cell(mon.action)]])
    rows = []
    for ind, l1, l2 in _grouped(ts.scored):
        e, p = mon.entry(ind.key), result.of(ind.key)
        achieved = f"{plain(e.achieved)}{ind.unit}" if e.achieved is not None else (
            f"{e.done_on.isoformat()}完成" if e.done_on else e.note)
        forecast = f"{plain(e.forecast)}{ind.unit}" if e.forecast is not None else ""
        rows.append([Cell(l1, LABEL), Cell(l2, LABEL), Cell(ind.name, LABEL), Cell(NATURES.get(ind.nature, "")),
                     Cell(ind.target_text), Cell(achieved), Cell(percent(p.progress)), Cell(percent(p.expected)),
                     Cell(BAND_NAMES[p.band]), Cell(forecast), Cell(LIKELIHOODS.get(e.likelihood, "")),
                     Cell(REASONS.get(e.reason, "")), Cell(e.action)])
    table = _table("indicators", "绩效指标监控表", ts.body, "见各指标", [7, 7, 16, 4, 8, 8, 6, 6, 6, 7, 5, 8, 12],
                   _header("一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", f"1–{n}月实际完成值", "完成进度",
                           "应达进度", "预警", "全年预计完成值", "完成目标可能性", "偏差原因", "纠偏措施"), rows,
                   notes=[f"时间进度：截至 {mon.as_of.isoformat()} 已过全年的 {percent(result.time_progress)}。累计型指标"
                          "（数量等）的应达进度为时间进度，其余为 100%；完成进度与应达进度之比低于红色、黄色预警线的，"
                          "须说明偏差原因并提出纠偏措施。"])
    reds = [ind.name for ind in ts.scored if result.of(ind.key).band == "red"]
    named = "、".join(reds[:SHOWN]) + ("等" if len(reds) > SHOWN else "")
    summary = (f"截至 {mon.as_of.isoformat()}，{_subject(ts)}预算执行进度 {percent(result.execution)}，时间进度 "
               f"{percent(result.time_progress)}（{BAND_NAMES[result.execution_band] or '未评定'}）；全年预计执行率 "
               f"{percent(result.forecast_rate)}。共 {len(ts.scored)} 个绩效指标，红色预警 {len(reds)} 个"
               + (f"：{named}。" if reds else "。"))
    blocks = [Heading("一、预算执行情况", 1, "h-spending"), Paragraph(summary), spend,
              Heading("二、绩效指标完成情况", 1, "h-indicators", new_page=True, wide=True), table]
    return _layout(title, ts, [f"监控日期：{mon.as_of.isoformat()}"], blocks)


# ---------------------------------------------------------------- self-evaluation


def evaluation_table(ts: TargetSet, ev: Evaluation, sc: Score) -> TableLayout:
    rows: list[list[Cell | None]] = [
        [Cell("预算执行率", LABEL), Cell("", LABEL), Cell("", LABEL), *_texts("≥", "100%", percent(sc.execution_rate)),
         _amount(sc.execution_points), _amount(sc.execution_score), Cell("")]]
    for ind, l1, l2 in _grouped(ts.scored):
        e, s = ev.entry(ind.key), sc.of(ind.key)
        rows.append([Cell(l1, LABEL), Cell(l2, LABEL), Cell(ind.name, LABEL), Cell(NATURES.get(ind.nature, "")),
                     Cell(ind.target_text), Cell(actual_text(ind, e)), _amount(s.points), _amount(s.score),
                     Cell(e.reason)])
    points = sc.execution_points + sum((s.points for s in sc.indicators), Decimal(0))
    rows.append([Cell("总分", LABEL, bold=True), Cell("", LABEL), Cell("", LABEL), *_texts("", "", ""),
                 _amount(points, True), _amount(sc.total, True), Cell(f"评价等级：{sc.grade}", TEXT, bold=True)])
    return _table("table", "绩效自评表", ts.body, "分（分值、得分）", [9, 9, 18, 6, 10, 10, 7, 7, 24],
                  _header("一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "实际完成值", "分值", "得分",
                          "偏差原因分析及改进措施"), rows)


def actual_text(ind: Indicator, e) -> str:
    if ind.nature == "qualitative":
        grade = QUALITATIVE_GRADES.get(e.grade, "")
        return "，".join(x for x in (e.actual_text, grade and f"{grade}（{plain(e.share)}%）") if x)
    if ind.nature == "deadline":
        return f"{e.done_on.isoformat()}完成" if e.done_on else e.actual_text
    return f"{plain(e.actual)}{ind.unit}" if e.actual is not None else e.actual_text


def evaluation_layout(ts: TargetSet, ev: Evaluation, sc: Score) -> Layout:
    title = f"{ts.year}年度{ts.body}{'整体支出' if ts.is_whole else ts.project}绩效自评报告"
    unit = ts.unit
    blocks: list = [Heading("一、基本情况", 1, "h-basic")]
    blocks.append(Paragraph(
        f"{ts.year}年{_subject(ts)}全年预算数 {money(sc.budget) if sc.budget is not None else '—'} {unit}，全年执行数 "
        f"{money(sc.executed) if sc.executed is not None else '—'} {unit}，预算执行率 {percent(sc.execution_rate)}。"))
    if ts.tasks:
        blocks.append(Paragraph("年度主要任务：" + "；".join(
            f"{t.name}" + (f"（{money(t.amounts['total'])} {unit}）" if "total" in t.amounts else "") for t in ts.tasks) + "。"))
    for n, goal in enumerate(ts.goals, start=1):
        blocks.append(Paragraph(goal if len(ts.goals) == 1 else f"{n}. {goal}"))
    if ev.summary:
        blocks.append(Paragraph(ev.summary))
    blocks += [Heading("二、绩效自评得分情况", 1, "h-table", new_page=True, wide=True), evaluation_table(ts, ev, sc),
               Heading("三、绩效目标完成情况分析", 1, "h-analysis", new_page=True)]
    blocks.append(Paragraph(f"预算执行率 {percent(sc.execution_rate)}，得 {plain(sc.execution_score)} 分"
                            f"（满分 {plain(sc.execution_points)} 分）。"))
    for cat, pts in sc.category_points.items():
        members = [i for i in ts.scored if i.level1 == cat]
        got = sum((sc.of(i.key).score for i in members), Decimal(0))
        missed = [i.name for i in members if not sc.of(i.key).met]
        blocks.append(Paragraph(f"{cat}共 {len(members)} 个，满分 {plain(pts)} 分，得 {plain(got)} 分"
                                + (f"；未完全达成的有{'、'.join(missed)}。" if missed else "；全部达成。")))
    blocks.append(Heading("四、偏差原因分析及改进措施", 1, "h-deviation"))
    deviations = [(i, ev.entry(i.key).reason) for i in ts.scored if ev.entry(i.key).reason]
    for ind, reason in deviations:
        blocks.append(Paragraph(f"{ind.name}：{reason}"))
    if ev.problems:
        blocks.append(Paragraph(f"存在的问题：{ev.problems}"))
    if ev.measures:
        blocks.append(Paragraph(f"改进措施：{ev.measures}"))
    if not (deviations or ev.problems or ev.measures):
        blocks.append(Paragraph("各项指标均已完成，没有需要说明的偏差。"))
    blocks += [Heading("五、自评结论", 1, "h-conclusion"),
               Paragraph(f"{_subject(ts)}绩效自评综合得分 {plain(sc.total)} 分，评价等级为“{sc.grade}”。")]
    return _layout(title, ts, [f"自评得分：{plain(sc.total)} 分（{sc.grade}）"], blocks)
