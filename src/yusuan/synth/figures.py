"""The figures of one synthetic budget, drawn at random in plausible sizes and shares.

Everything is built from the bottom up so that every identity holds by construction: the economic lines
of the basic spending (人员经费 301 / 303, 公用经费 302) from the staff and their pay; the function lines (项)
from the economic lines they pay for (养老保险缴费 2080505 is 30108, 住房公积金 2210201 is 30113, the rest of
the basic spending 行政运行); project spending spread over a few function lines and economic lines; other
funds (单位资金, 事业收入) on some projects; the “三公”经费 and the 机关运行经费 read from the economic
lines they are (公务接待费 30217, 公务用车运行维护费 30231, 会议费 30215, 培训费 30216). Amounts are whole
numbers of the printing unit (万元, or 0.01 万元 when the family prints cents), so sums are exact.

Last year's figures (and, for 决算, this year's budget) are this year's, perturbed line by line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from yusuan.synth.bodies import Body

# function lines (项) a 生态环境 body's projects are classified in
PROJECT_LINES = ("2110102", "2110104", "2110199", "2110203", "2110399", "2111101", "2111102")
TASK_NAMES = {
    "2110102": "综合行政管理工作", "2110104": "生态环境宣传教育工作", "2110199": "生态环境事务管理工作",
    "2110203": "建设项目环评审查工作", "2110399": "污染防治攻坚工作", "2111101": "生态环境监测工作",
    "2111102": "生态环境执法监察工作",
}
TASK_CONTENTS = {
    "2110102": "保障机关日常运转以外的综合管理、法制审核、档案和信息化等工作。",
    "2110104": "开展六五环境日等主题宣传，组织生态环境保护宣传教育和公众参与活动。",
    "2110199": "开展生态环境管理相关的技术服务、课题研究和专家咨询。",
    "2110203": "开展建设项目环境影响评价文件技术评估和审批后监督检查。",
    "2110399": "实施水、大气、土壤污染防治重点任务，推进污染源整治。",
    "2111101": "开展环境质量监测、污染源监督性监测，运行维护自动监测站点。",
    "2111102": "开展污染源现场执法检查、非现场监管和环境违法案件查处。",
}
# personnel lines (301, 303): (code, weight, how often printed)
_PERSONNEL = (("30101", .16, 1), ("30102", .28, 1), ("30103", .08, .8), ("30107", .0, 1), ("30108", .10, 1),
              ("30109", .05, .9), ("30110", .05, 1), ("30112", .01, .6), ("30113", .09, 1), ("30199", .03, .5),
              ("30399", .03, .5))
# public lines (302)
_PUBLIC = (("30201", .12, 1), ("30205", .02, .7), ("30206", .06, .8), ("30207", .04, .8), ("30209", .12, .7),
           ("30211", .06, .9), ("30213", .08, .8), ("30215", .02, .7), ("30216", .03, .8), ("30217", .01, .8),
           ("30228", .06, 1), ("30229", .03, .7), ("30231", .08, 1), ("30239", .12, .6), ("30299", .08, 1))
_PROJECT_ECONOMIC = (("30227", .45), ("30226", .12), ("30218", .06), ("30213", .06), ("30299", .06),
                     ("31002", .05), ("31003", .12), ("31007", .08))
# function lines paid by one personnel line
_PERSONNEL_FUNCTION = {"30108": "2080505", "30109": "2080506", "30113": "2210201", "30399": "2210203"}
THREE_PUBLIC_LINES = {"reception": "30217", "vehicle_operation": "30231", "meeting": "30215", "training": "30216"}
PROCUREMENT_ITEMS = {
    "货物": ("办公设备", "监测仪器设备", "执法装备", "信息化设备", "专用材料"),
    "工程": ("监测站房改造工程", "办公场所维修工程", "在线监控设施安装工程"),
    "服务": ("环境监测服务", "信息系统运维服务", "物业管理服务", "技术咨询服务", "宣传服务", "第三方检测服务"),
}


@dataclass(slots=True)
class Leaf:
    """One function line (项): its spending in printing units."""

    code: str
    personnel: int = 0  # basic spending, 人员经费 (general budget)
    public: int = 0  # basic spending, 公用经费 (general budget)
    project: int = 0  # project spending, general budget
    other: int = 0  # project spending of other funds (单位资金, 事业收入, 其他资金)
    procurement: int = 0  # of all its spending, bought by government procurement
    sme: int = 0  # of which reserved for small and medium enterprises
    small: int = 0  # of which for small and micro enterprises

    @property
    def basic(self) -> int:
        return self.personnel + self.public

    @property
    def general(self) -> int:
        return self.basic + self.project

    @property
    def projects(self) -> int:
        return self.project + self.other

    @property
    def total(self) -> int:
        return self.general + self.other


@dataclass(slots=True)
class Year:
    """One year's figures."""

    leaves: list[Leaf]
    economic: dict[str, list[int]]  # 5-digit economic code -> [basic, project] (general budget)
    three_public: dict[str, int]  # abroad, reception, vehicle_purchase, vehicle_operation, meeting, training
    office: int  # 机关运行经费 (0 for a 事业 unit)
    procurement: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # 货物 / 工程 / 服务 -> lines

    def total(self, part: str) -> int:
        return sum(getattr(leaf, part) for leaf in self.leaves)

    def three_public_total(self) -> int:
        t = self.three_public
        return t["abroad"] + t["reception"] + t["vehicle_purchase"] + t["vehicle_operation"]


@dataclass(slots=True)
class Task:
    name: str
    content: str
    fiscal: int
    other: int


@dataclass(slots=True)
class Figures:
    decimals: int  # of the printed amounts: 0 (whole 万元) or 2
    staff: int
    current: Year
    prior: Year
    budget: Year  # this year's budget (决算 compare with it); the current year itself for a budget
    other_source: str  # the income line other funds come from: unit_funds | business_income | other
    assets: dict[str, object] = field(default_factory=dict)
    tasks: list[Task] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    indicators: list[tuple[str, str, str, str]] = field(default_factory=list)
    key_projects: list[tuple[str, int, str]] = field(default_factory=list)  # name, amount, goal


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


def draw(rng: random.Random, body: Body, style: str, year: int, final: bool) -> Figures:
    decimals = 0 if style == "shenzhen" else 2
    unit = 10 ** decimals
    staff = rng.randint(30, 160) if body.body_type == "行政" else rng.randint(12, 90)
    per_head = rng.uniform(26, 40) if style == "shenzhen" else rng.uniform(20, 32)
    personnel_total = int(staff * per_head * unit * rng.uniform(0.95, 1.05))
    personnel = _economic_lines(rng, _PERSONNEL, personnel_total, body)
    public_total = int(personnel_total * rng.uniform(0.08, 0.2))
    public = _economic_lines(rng, _PUBLIC, public_total, body)
    three = {m: public.get(code, 0) for m, code in THREE_PUBLIC_LINES.items()}
    three["abroad"] = 0
    if rng.random() < 0.25 and public.get("30299", 0) > 3 * unit:  # paid from 其他商品和服务支出 (no 30212 listed)
        three["abroad"] = rng.randint(unit, public["30299"] // 3)
    three["vehicle_purchase"] = rng.randint(15, 45) * unit if three["vehicle_operation"] and rng.random() < 0.15 else 0
    basic = personnel_total + public_total
    project_total = int(basic * rng.uniform(0.3, 3.0)) + three["vehicle_purchase"]
    economic = {code: [v, 0] for code, v in {**personnel, **public}.items()}
    chosen = [x for x in _PROJECT_ECONOMIC if rng.random() < 0.75] or [_PROJECT_ECONOMIC[0]]
    rest = project_total - three["vehicle_purchase"]
    for (code, _), v in zip(chosen, split(rest, [w * rng.uniform(0.6, 1.4) for _, w in chosen])):
        economic.setdefault(code, [0, 0])[1] += v
    if three["vehicle_purchase"]:
        economic["31013"] = [0, three["vehicle_purchase"]]
    economic = {c: v for c, v in sorted(economic.items()) if v[0] or v[1]}

    leaves = _function_lines(rng, body, personnel, public_total, project_total)
    other_source = "business_income" if body.body_type == "事业" else "other"
    if style == "shenzhen" and not final:
        other_source = "unit_funds"  # 单位资金, printed on its 事业收入 or 其他收入 line
    if rng.random() < (0.6 if body.body_type == "事业" else 0.3):
        other_total = int((basic + project_total) * rng.uniform(0.05, 0.3))
        with_projects = [leaf for leaf in leaves if leaf.project] or leaves
        targets = rng.sample(with_projects, k=min(len(with_projects), rng.randint(1, 2)))
        for leaf, v in zip(targets, split(other_total, [rng.uniform(1, 3) for _ in targets])):
            leaf.other += v
    buyers = [leaf for leaf in leaves if leaf.projects and rng.random() < 0.6]
    if not buyers:  # every body buys something through government procurement
        buyers = [max((leaf for leaf in leaves if leaf.projects), key=lambda leaf: leaf.projects)]
    for leaf in buyers:
        leaf.procurement = int(leaf.projects * rng.uniform(0.2, 0.8))
        leaf.sme = int(leaf.procurement * rng.uniform(0.4, 1.0))
        leaf.small = int(leaf.sme * rng.uniform(0.0, 0.6))
    current = Year(leaves, economic, three, public_total if body.body_type == "行政" else 0)
    current.procurement = _procurement(rng, sum(leaf.procurement for leaf in leaves))
    prior = perturb(rng, current, unit)
    budget = perturb(rng, current, unit, low=1.0, high=1.2) if final else current
    figures = Figures(decimals, staff, current, prior, budget, other_source)
    figures.assets = _assets(rng, current, year, final)
    _performance(rng, figures, unit)
    return figures


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


def _function_lines(rng, body: Body, personnel: dict[str, int], public_total: int, project_total: int) -> list[Leaf]:
    main = "2110101" if body.body_type == "行政" else rng.choice(("2111101", "2110199"))
    leaves: dict[str, Leaf] = {}

    def leaf(code: str) -> Leaf:
        return leaves.setdefault(code, Leaf(code))

    for econ, v in personnel.items():
        code = _PERSONNEL_FUNCTION.get(econ)
        if econ in ("30110", "30111"):
            code = "2101101" if body.body_type == "行政" else "2101102"
        leaf(code or main).personnel += v
    leaf(main).public += public_total
    pool = [c for c in PROJECT_LINES if c != main or body.body_type == "事业"]
    chosen = rng.sample(pool, k=rng.randint(2, min(5, len(pool))))
    for code, v in zip(chosen, split(project_total, [rng.uniform(0.5, 3) for _ in chosen])):
        leaf(code).project += v
    return [leaves[c] for c in sorted(leaves)]


def _procurement(rng, total: int) -> dict[str, list[tuple[str, int]]]:
    if not total:
        return {}
    kinds = [k for k in PROCUREMENT_ITEMS if rng.random() < (0.9 if k != "工程" else 0.3)] or ["服务"]
    out = {}
    for kind, amount in zip(kinds, split(total, [rng.uniform(1, 3) for _ in kinds])):
        names = rng.sample(PROCUREMENT_ITEMS[kind], k=min(len(PROCUREMENT_ITEMS[kind]), rng.randint(1, 3)))
        lines = [(n, v) for n, v in zip(names, split(amount, [rng.uniform(1, 3) for _ in names])) if v]
        if lines:
            out[kind] = lines
    return out


def _vary(rng, v: int, low: float, high: float) -> int:
    return int(v * rng.uniform(low, high)) if v else 0


def perturb(rng: random.Random, year: Year, unit: int, low: float = 0.85, high: float = 1.15) -> Year:
    """Another year's (or phase's) figures: the same lines, each amount moved by a random share."""
    leaves = []
    for leaf in year.leaves:
        new = replace(leaf, personnel=_vary(rng, leaf.personnel, low, high), public=_vary(rng, leaf.public, low, high),
                      project=_vary(rng, leaf.project, low, high) if rng.random() > 0.1 else 0,
                      other=_vary(rng, leaf.other, low, high))
        new.procurement = min(new.projects, _vary(rng, leaf.procurement, low, high))
        new.sme = min(new.procurement, _vary(rng, leaf.sme, low, high))
        new.small = min(new.sme, _vary(rng, leaf.small, low, high))
        leaves.append(new)
    three = {m: _vary(rng, v, 0.6, 1.4) for m, v in year.three_public.items()}
    if not year.three_public["vehicle_purchase"] and rng.random() < 0.2:
        three["vehicle_purchase"] = rng.randint(15, 45) * unit
    economic = {c: [_vary(rng, b, low, high), _vary(rng, p, low, high)] for c, (b, p) in year.economic.items()}
    return Year(leaves, economic, three, _vary(rng, year.office, 0.9, 1.1), year.procurement)


def _assets(rng, year: Year, y: int, final: bool) -> dict[str, object]:
    cars = rng.randint(1, 8) if year.three_public["vehicle_operation"] else 0
    parts = split(cars, [rng.random() for _ in range(2)]) if cars else [0, 0]
    out: dict[str, object] = {"as_of": f"{y if final else y - 1}年12月31日", "vehicles": cars}
    if cars:
        out["vehicles_official"], out["vehicles_enforcement"] = parts
    out["general_50"] = rng.randint(0, 4)
    out["special_100"] = rng.randint(0, 3)
    if not final:
        out["new_vehicles"] = rng.randint(1, 2) if year.three_public["vehicle_purchase"] else 0
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


def _performance(rng, figures: Figures, unit: int) -> None:
    """整体支出绩效目标: one task for the basic spending and one per project line; goals; indicators;
    the largest projects as 重点项目."""
    year = figures.current
    figures.tasks.append(Task("基本支出", "保障人员工资福利和机关日常运转。", year.total("basic"), 0))
    for leaf in year.leaves:
        if leaf.projects:
            figures.tasks.append(Task(TASK_NAMES[leaf.code], TASK_CONTENTS[leaf.code], leaf.project, leaf.other))
    figures.goals = rng.sample(_GOALS, k=rng.randint(2, 4))
    picked = sorted(rng.sample(range(len(_INDICATORS)), k=rng.randint(5, 9)))
    for i in picked:
        l1, l2, name, target, (lo, hi) = _INDICATORS[i]
        figures.indicators.append((l1, l2, name, target.format(n=rng.randint(lo, hi))))
    projects = sorted((leaf for leaf in year.leaves if leaf.projects), key=lambda leaf: -leaf.projects)
    for leaf in projects[:rng.randint(1, 2)]:
        goal = f"{TASK_CONTENTS[leaf.code].rstrip('。')}，按期完成年度目标任务。"
        figures.key_projects.append((TASK_NAMES[leaf.code].removesuffix("工作") + "项目", leaf.projects, goal))
