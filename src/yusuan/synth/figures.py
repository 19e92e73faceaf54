"""The figures of one synthetic budget, drawn at random in plausible sizes and shares, as the lines of a
ledger (`prepare.ledger`): every table is then derived from them, so every identity holds by construction.

From the bottom up: the staff and their pay give the basic spending's economic lines (人员经费 301 / 303,
公用经费 302), each on the function line (项) it pays for (养老保险缴费 30108 on 2080505, 住房公积金 30113 on
2210201, the rest on the body's own 行政运行 or its main activity); projects spread over a few function
lines and economic lines; other funds (单位资金, 事业收入, 其他收入) on some projects; government procurement on
some project lines; the “三公”经费 are the lines of their economic classes (公务接待费 30217, 公务用车运行维护费
30231, 公务用车购置 31013; 因公出国（境）费 a part of 30299, the catalog listing no 30212), the 机关运行经费 a
行政 body's 公用经费. Amounts are whole numbers of the printing unit (万元, or 0.01 万元 where the family prints
cents), so that every sum is exact.

Last year's figures (and, for a 决算, this year's execution) are this year's, moved line by line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from yusuan.model.disclosure import Indicator, Paragraph, Performance
from yusuan.model.provenance import Source
from yusuan.model.targets import parse_target
from yusuan.prepare.ledger.model import Ledger, Line, procurement_kind_of
from yusuan.synth.bodies import Body

# function lines (项) a 生态环境 body's projects are classified in, with their task and what it does
PROJECT_LINES = {
    "2110102": ("综合行政管理工作", "保障机关日常运转以外的综合管理、法制审核、档案和信息化等工作。"),
    "2110104": ("生态环境宣传教育工作", "开展六五环境日等主题宣传，组织生态环境保护宣传教育和公众参与活动。"),
    "2110199": ("生态环境事务管理工作", "开展生态环境管理相关的技术服务、课题研究和专家咨询。"),
    "2110203": ("建设项目环评审查工作", "开展建设项目环境影响评价文件技术评估和审批后监督检查。"),
    "2110399": ("污染防治攻坚工作", "实施水、大气、土壤污染防治重点任务，推进污染源整治。"),
    "2111101": ("生态环境监测工作", "开展环境质量监测、污染源监督性监测，运行维护自动监测站点。"),
    "2111102": ("生态环境执法监察工作", "开展污染源现场执法检查、非现场监管和环境违法案件查处。"),
}
BASIC_TASK = ("基本支出", "保障人员工资福利和机关日常运转。")
# personnel lines (301, 303): (code, weight, how often printed); 30107 绩效工资 is a 事业 unit's
_PERSONNEL = (("30101", .16, 1), ("30102", .28, 1), ("30103", .08, .8), ("30107", .0, 1), ("30108", .10, 1),
              ("30109", .05, .9), ("30110", .05, 1), ("30112", .01, .6), ("30113", .09, 1), ("30199", .03, .5),
              ("30399", .03, .5))
# public lines (302)
_PUBLIC = (("30201", .12, 1), ("30205", .02, .7), ("30206", .06, .8), ("30207", .04, .8), ("30209", .12, .7),
           ("30211", .06, .9), ("30213", .08, .8), ("30215", .02, .7), ("30216", .03, .8), ("30217", .01, .8),
           ("30228", .06, 1), ("30229", .03, .7), ("30231", .08, 1), ("30239", .12, .6), ("30299", .08, 1))
# what projects buy
_PROJECT_ECONOMIC = (("30227", .45), ("30226", .12), ("30218", .06), ("30213", .06), ("30299", .06),
                     ("31002", .05), ("31003", .12), ("31007", .08))
# function lines paid by one personnel line (the rest of the basic spending is the body's main line)
_PERSONNEL_FUNCTION = {"30108": "2080505", "30109": "2080506", "30113": "2210201", "30399": "2210203"}
_THREE_PUBLIC = {"30217": "reception", "30231": "vehicle_operation", "31013": "vehicle_purchase"}


@dataclass(slots=True)
class Figures:
    ledger: Ledger
    staff: int
    decimals: int  # of the printed amounts: 0 (whole 万元) or 2
    performance: Performance  # the 整体支出绩效目标表's goals and indicators (the lines give its tasks)
    assets: dict[str, object] = field(default_factory=dict)


def split(total: int, weights: list[float]) -> list[int]:
    """`total` shared in proportion to `weights` in whole units, summing exactly (largest remainders)."""
    s = sum(weights)
    if total <= 0 or s <= 0:
        return [0] * len(weights)
    raw = [total * w / s for w in weights]
    parts = [int(r) for r in raw]
    rest = total - sum(parts)
    for i in sorted(range(len(raw)), key=lambda i: (parts[i] - raw[i], i))[:rest]:
        parts[i] += 1
    return parts


@dataclass(slots=True)
class _Draft:
    """A line while it is drawn: amounts in whole printing units."""

    function: str
    economic: str
    purpose: str
    fund: str
    units: int
    task: tuple[str, str]
    tag: str = ""  # the 三公 item
    office: bool = False
    project: str = ""
    bought: int = 0  # procurement
    sme: int = 0
    small: int = 0


def draw(rng: random.Random, body: Body, style: str, year: int, final: bool, file: str) -> Figures:
    decimals = 0 if style == "shenzhen" else 2
    unit = 10 ** decimals
    staff = rng.randint(30, 160) if body.body_type == "行政" else rng.randint(12, 90)
    per_head = rng.uniform(26, 40) if style == "shenzhen" else rng.uniform(20, 32)
    personnel_total = int(staff * per_head * unit * rng.uniform(0.95, 1.05))
    public_total = int(personnel_total * rng.uniform(0.08, 0.2))
    main = "2110101" if body.body_type == "行政" else rng.choice(("2111101", "2110199"))
    office = body.body_type == "行政"
    drafts: list[_Draft] = []
    for code, v in _economic_lines(rng, _PERSONNEL, personnel_total, body).items():
        function = _PERSONNEL_FUNCTION.get(code, main)
        if code == "30110":
            function = "2101101" if body.body_type == "行政" else "2101102"
        drafts.append(_Draft(function, code, "basic", "general_budget", v, BASIC_TASK))
    for code, v in _economic_lines(rng, _PUBLIC, public_total, body).items():
        tag = _THREE_PUBLIC.get(code, "")
        if code == "30299" and v > 3 * unit and rng.random() < 0.25:  # 因公出国（境）费 paid from it
            abroad = rng.randint(unit, v // 3)
            drafts.append(_Draft(main, code, "basic", "general_budget", abroad, BASIC_TASK, "abroad", office))
            v -= abroad
        drafts.append(_Draft(main, code, "basic", "general_budget", v, BASIC_TASK, tag, office))
    basic = personnel_total + public_total
    project_total = int(basic * rng.uniform(0.3, 3.0))
    pool = [c for c in PROJECT_LINES if c != main or body.body_type == "事业"]
    chosen = rng.sample(pool, k=rng.randint(2, min(5, len(pool))))
    buys = [x for x in _PROJECT_ECONOMIC if rng.random() < 0.75] or [_PROJECT_ECONOMIC[0]]
    projects: list[_Draft] = []
    for function, amount in zip(chosen, split(project_total, [rng.uniform(0.5, 3) for _ in chosen])):
        economics = rng.sample(buys, k=min(len(buys), rng.randint(1, 3)))
        for (code, _), v in zip(economics, split(amount, [w * rng.uniform(0.6, 1.4) for _, w in economics])):
            if v:
                projects.append(_Draft(function, code, "project", "general_budget", v, PROJECT_LINES[function]))
    has_car = any(d.tag == "vehicle_operation" for d in drafts)
    if has_car and rng.random() < 0.15:  # a car bought this year
        projects.append(_Draft(main, "31013", "project", "general_budget", rng.randint(15, 45) * unit,
                               PROJECT_LINES.get(main, PROJECT_LINES["2110102"]), "vehicle_purchase"))
    other_fund = "business_income" if body.body_type == "事业" else "other"
    if rng.random() < (0.6 if body.body_type == "事业" else 0.3):  # other funds pay for some projects
        other_total = int((basic + project_total) * rng.uniform(0.05, 0.3))
        funded = rng.sample(chosen, k=min(len(chosen), rng.randint(1, 2)))
        for function, v in zip(funded, split(other_total, [rng.uniform(1, 3) for _ in funded])):
            if v:
                projects.append(_Draft(function, rng.choice(buys)[0], "project", other_fund, v,
                                       PROJECT_LINES[function]))
    buyers = [d for d in projects if rng.random() < 0.5] or [max(projects, key=lambda d: d.units)]
    for d in buyers:  # government procurement, from SMEs and small firms in part
        d.bought = int(d.units * rng.uniform(0.3, 1.0))
        d.sme = int(d.bought * rng.uniform(0.4, 1.0))
        d.small = int(d.sme * rng.uniform(0.0, 0.6))
    by_function: dict[str, int] = {}
    for d in projects:
        by_function[d.function] = by_function.get(d.function, 0) + d.units
    for function in sorted(by_function, key=lambda f: -by_function[f])[:rng.randint(1, 2)]:  # key projects
        name = PROJECT_LINES[function][0].removesuffix("工作") + "项目"
        for d in projects:
            if d.function == function:
                d.project = name
    drafts += projects
    ledger = Ledger(body.name, year, "万元", body.parent, body.level, body.body_type, style, file=file)
    with_prior = rng.random() < 0.7
    for n, d in enumerate(drafts, start=2):
        ledger.lines.append(_line(rng, d, decimals, body.name, final, with_prior, Source(file, 1, cell=f"A{n}")))
    _vehicle_last_year(rng, ledger, drafts, main, decimals, body.name, final, with_prior, unit)
    return Figures(ledger, staff, decimals, _performance(rng, year, file), _assets(rng, ledger, year, final))


def _economic_lines(rng, spec, total: int, body: Body) -> dict[str, int]:
    lines = []
    for code, weight, often in spec:
        if code == "30107":  # 绩效工资: 事业 units
            weight = 0.2 if body.body_type == "事业" else 0
        if code == "30231" and rng.random() < 0.2:  # no car
            continue
        if weight and rng.random() < often:
            lines.append((code, weight * rng.uniform(0.7, 1.3)))
    values = split(total, [w for _, w in lines])
    return {code: v for (code, _), v in zip(lines, values) if v}


def _money(units: int, decimals: int) -> Decimal:
    return Decimal(units).scaleb(-decimals)


def _moved(rng, units: int, low: float, high: float) -> int:
    return int(units * rng.uniform(low, high))


def _line(rng, d: _Draft, decimals: int, unit: str, final: bool, with_prior: bool, source: Source) -> Line:
    """The ledger's line: this year's budget; last year's figure; for a 决算 this year's execution."""
    line = Line(unit, d.function, d.economic, d.purpose, d.fund, _money(d.units, decimals), office=d.office,
                project=d.project, project_description=d.task[1], performance=d.task[0], three_public=d.tag,
                source=source)
    if d.bought:
        line.procurement = procurement_kind_of(d.economic)
        line.procurement_amount = _money(d.bought, decimals)
        line.procurement_sme = _money(d.sme, decimals)
        line.procurement_small_micro = _money(d.small, decimals)
    if final:
        line.final = _money(_moved(rng, d.units, 0.85, 1.0), decimals)  # spent a little less than budgeted
    if with_prior:
        base = _units_of(line.final, decimals) if final else d.units
        last = 0 if d.purpose == "project" and rng.random() < 0.1 else _moved(rng, base, 0.85, 1.15)  # new
        setattr(line, "prior_final" if final else "prior_budget", _money(last, decimals))
    return line


def _units_of(amount: Decimal, decimals: int) -> int:
    return int(amount.scaleb(decimals))


def _vehicle_last_year(rng, ledger: Ledger, drafts, main: str, decimals: int, unit: str, final: bool,
                       with_prior: bool, per: int) -> None:
    """A car bought last year and none this year: a line of no amount holding last year's 购置费."""
    if not with_prior or any(d.tag == "vehicle_purchase" for d in drafts) or rng.random() > 0.15:
        return
    line = Line(unit, main, "31013", "project", "general_budget", Decimal(0), three_public="vehicle_purchase",
                performance=PROJECT_LINES.get(main, PROJECT_LINES["2110102"])[0],
                project_description=PROJECT_LINES.get(main, PROJECT_LINES["2110102"])[1],
                source=Source(ledger.file, 1, cell=f"A{len(ledger.lines) + 2}"))
    if final:
        line.final = Decimal(0)
    setattr(line, "prior_final" if final else "prior_budget", _money(rng.randint(15, 45) * per, decimals))
    ledger.lines.append(line)


def _assets(rng, ledger: Ledger, year: int, final: bool) -> dict[str, object]:
    field_ = "final" if final else "amount"
    running = sum((getattr(x, field_) or 0 for x in ledger.lines if x.three_public == "vehicle_operation"), 0)
    bought = sum((getattr(x, field_) or 0 for x in ledger.lines if x.three_public == "vehicle_purchase"), 0)
    cars = rng.randint(1, 8) if running else 0
    out: dict[str, object] = {"as_of": f"{year if final else year - 1}年12月31日", "vehicles": cars}
    if cars:
        out["vehicles_official"], out["vehicles_enforcement"] = split(cars, [rng.random() + 0.1, rng.random()])
    out["general_50"] = rng.randint(0, 4)
    out["special_100"] = rng.randint(0, 3)
    if not final:
        out["new_vehicles"] = rng.randint(1, 2) if bought else 0
    return out


_INDICATORS = (
    ("产出指标", "数量指标", "开展执法检查次数", "≥{n}次", (60, 300)),
    ("产出指标", "数量指标", "完成监测样品数", "≥{n}个", (500, 3000)),
    ("产出指标", "数量指标", "开展宣传活动场次", "≥{n}场", (4, 20)),
    ("产出指标", "数量指标", "编制监测报告份数", "≥{n}份", (12, 60)),
    ("产出指标", "质量指标", "监测数据有效率", "≥{n}%", (90, 98)),
    ("产出指标", "质量指标", "案件办理合格率", "{n}%", (100, 100)),
    ("产出指标", "时效指标", "信访件办结时限", "≤{n}个工作日", (5, 15)),
    ("产出指标", "时效指标", "监测报告报送时限", "≤{n}天", (3, 10)),
    ("产出指标", "成本指标", "项目预算控制率", "≤{n}%", (100, 100)),
    ("效益指标", "社会效益指标", "环境信访问题化解率", "≥{n}%", (85, 98)),
    ("效益指标", "生态效益指标", "空气质量优良天数比例", "≥{n}%", (80, 95)),
    ("效益指标", "生态效益指标", "地表水考核断面达标率", "≥{n}%", (80, 100)),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥{n}%", (85, 95)),
    ("满意度指标", "服务对象满意度指标", "企业满意度", "≥{n}%", (85, 95)),
)
_GOALS = (
    "持续改善生态环境质量，完成年度空气质量和水环境质量考核目标。",
    "严格生态环境执法监管，依法查处环境违法行为，维护群众环境权益。",
    "提升生态环境监测能力，保证监测数据真实、准确、完整。",
    "深入推进污染防治攻坚，推动重点行业污染减排。",
    "加强生态环境宣传教育，提高公众生态环境保护意识。",
)


def _performance(rng, year: int, file: str) -> Performance:
    """整体支出绩效目标: the year's goals and indicators (framework: catalog/data, 一级 and 二级)."""
    where = Source(file, 2, cell="B3")
    perf = Performance(source=where)
    perf.goals = [Paragraph(g, where) for g in rng.sample(_GOALS, k=rng.randint(2, 4))]
    for i in sorted(rng.sample(range(len(_INDICATORS)), k=rng.randint(5, 9))):
        level1, level2, name, target, (lo, hi) = _INDICATORS[i]
        perf.indicators.append(Indicator(level1, level2, name, parse_target(target.format(n=rng.randint(lo, hi))),
                                         where))
    return perf
