"""The preparation workbook's layout: its sheets, and what each column and row of them holds.

`template.py` writes the workbook from these specs and `workbook.py` reads it by them, so the two
cannot disagree. Every sheet keeps machine keys in its hidden column A: A1 names the sheet
(`yusuan:table:expense_summary`), the row whose A cell is `yusuan:columns` keys each column
(`expense|amount|total`), and rows of fixed meaning carry their own key (三公经费: `current`, `prior`).
Keys move with the cells when an officer inserts rows or columns, so the reader finds them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yusuan.model.families import Family, TableSpec
from yusuan.model.kinds import SIDED_KINDS, scheme_of
from yusuan.model.vocabulary import DOCUMENT_KINDS, LEVELS, TABLE_KINDS

MARKER = "yusuan_prepare"  # the workbook's defined name: its presence makes an XLSX a preparation workbook
VERSION = "1"
META_SHEET = "_yusuan"
KEY = "yusuan:"
COLUMNS = "yusuan:columns"

# sheet keys (A1 of each sheet, after KEY)
GUIDE, INFO, NARRATIVE, GLOSSARY = "guide", "info", "narrative", "glossary"
THREE_PUBLIC, OFFICE, PROCUREMENT, ASSETS, PERFORMANCE = (
    "three_public", "office_operating", "procurement", "assets", "performance")
TABLE = "table:"  # + kind

# column roles
CODE, LABEL, AMOUNT, TEXT = "code", "label", "amount", "text"
FUNCTION, ECONOMIC = "function", "economic"  # the classification a code column takes

UNITS = ("万元", "元")
KINDS = DOCUMENT_KINDS
BODY_TYPES = ("行政", "参公", "事业")


@dataclass(frozen=True, slots=True)
class Col:
    role: str
    header: tuple[str, ...]  # header path, outermost first (a group spans the columns sharing its start)
    measure: str = ""
    side: str = ""
    scheme: str = ""  # CODE columns: FUNCTION | ECONOMIC
    width: float = 14

    @property
    def key(self) -> str:
        return f"{self.side}|{self.role}|{self.measure or self.scheme}"


def parse_key(key: str) -> tuple[str, str, str] | None:
    """(side, role, measure or scheme) of a column key, None for anything else."""
    parts = str(key).split("|")
    if len(parts) != 3 or parts[1] not in (CODE, LABEL, AMOUNT, TEXT):
        return None
    return parts[0], parts[1], parts[2]


@dataclass(frozen=True, slots=True)
class Words:
    """What a budget and a final account call the same things."""

    kind: str

    @property
    def final(self) -> bool:
        return self.kind == "final_accounts"

    @property
    def w(self) -> str:  # 预算 | 决算
        return KINDS[self.kind]

    @property
    def amount(self) -> str:  # the current-year column
        return "决算数" if self.final else "预算数"

    @property
    def prior(self) -> str:
        return "上年决算数" if self.final else "上年预算数"

    @property
    def phase(self) -> str:  # suffix of this year's measures
        return "@final" if self.final else ""

    @property
    def prior_phase(self) -> str:
        return "@prior_final" if self.final else "@prior_budget"


# ---------------------------------------------------------------------------------------- table sheets

SIDED = SIDED_KINDS
# kinds with a sheet of their own design (not a generic table sheet)
SPECIAL = {"three_public_costs": THREE_PUBLIC, "office_operating_costs": OFFICE, "procurement": PROCUREMENT,
           "performance_targets": PERFORMANCE}
SIDE_TITLES = {"income": "收入", "expense": "支出（按功能分类）", "purpose": "支出（按支出用途）"}

# amount columns of the coded tables: (measure, header path) by family; "final" for 决算 in every family
_M = tuple[tuple[str, tuple[str, ...]], ...]
_TBP: _M = (("total", ("合计",)), ("basic", ("基本支出",)), ("project", ("项目支出",)))
_CODED: dict[str, dict[str, _M]] = {
    "shenzhen": {
        "income_summary": (("total", ("合计",)), ("general_budget", ("一般公共预算拨款",)),
                           ("gov_fund", ("政府性基金预算拨款",)), ("soe_capital", ("国有资本经营预算拨款",)),
                           ("special_account", ("财政专户管理资金",)), ("unit_funds", ("单位资金",))),
        "expense_summary": (("total", ("支出总计",)), ("basic", ("基本支出",)), ("project", ("项目支出",)),
                            ("procurement", ("政府采购项目", "小计")),
                            ("procurement_sme", ("政府采购项目", "其中：面向中小企业")),
                            ("procurement_small_micro", ("政府采购项目", "其中：面向小型、微型企业"))),
        "basic_expense_summary": (("total", ("合计",)), ("basic_personnel", ("人员经费",)),
                                  ("basic_public", ("公用经费",))),
        "project_expense_summary": (("amount", ("项目支出",)),),  # one amount column: `amount` (docs/model.md)
        "general_budget_by_function": (("total", ("支出总计",)), ("basic", ("基本支出",)), ("project", ("项目支出",))),
        "general_budget_by_economic": (("total", ("支出总计",)), ("basic", ("基本支出",)), ("project", ("项目支出",))),
        "gov_fund_expense": (("total", ("支出总计",)), ("basic", ("基本支出",)), ("project", ("项目支出",))),
        "soe_capital_expense": (("total", ("支出总计",)), ("basic", ("基本支出",)), ("project", ("项目支出",))),
    },
    "jiangsu": {
        "income_summary": (("amount", ("金额",)),),
        "expense_summary": (("total", ("合计",)), ("basic", ("基本支出",)), ("project", ("项目支出",)),
                            ("reserve", ("单位预留机动经费",)), ("carry_forward", ("结转下年资金",))),
        "appropriation_expense": (("amount", ("金额",)),),
        "appropriation_basic_by_economic": (("amount", ("金额",)),),
        "general_budget_by_function": (("amount", ("金额",)),),
        "general_budget_by_economic": (("amount", ("金额",)),),
        "gov_fund_expense": (("amount", ("金额",)),),
    },
    "shanghai": {
        "income_summary": (("total", ("收入预算", "合计")), ("fiscal", ("收入预算", "财政拨款收入")),
                           ("business_income", ("收入预算", "事业收入")),
                           ("operating_income", ("收入预算", "事业单位经营收入")), ("other", ("收入预算", "其他收入"))),
        "expense_summary": _TBP,
        "general_budget_by_function": _TBP,
        "gov_fund_expense": _TBP,
        "soe_capital_expense": _TBP,
        "general_budget_by_economic": (("total", ("合计",)), ("basic_personnel", ("人员经费",)),
                                       ("basic_public", ("公用经费",))),
    },
    "final": {
        "income_summary": (("total", ("本年收入合计",)), ("fiscal", ("财政拨款收入",)),
                           ("superior_subsidy", ("上级补助收入",)), ("business_income", ("事业收入",)),
                           ("operating_income", ("经营收入",)), ("affiliated_income", ("附属单位上缴收入",)),
                           ("other", ("其他收入",))),
        "expense_summary": (("total", ("本年支出合计",)), ("basic", ("基本支出",)), ("project", ("项目支出",)),
                            ("affiliated_subsidy", ("对附属单位补助支出",))),
        "general_budget_by_function": _TBP,
        "general_budget_by_economic": (("amount", ("决算数",)),),
        "gov_fund_expense": (("prior_carryover", ("年初结转和结余",)), ("amount", ("本年收入",)),
                             ("total", ("本年支出", "合计")), ("basic", ("本年支出", "基本支出")),
                             ("project", ("本年支出", "项目支出")), ("carry_forward", ("年末结转和结余",))),
        "soe_capital_expense": (("prior_carryover", ("年初结转和结余",)), ("amount", ("本年收入",)),
                                ("total", ("本年支出", "合计")), ("basic", ("本年支出", "基本支出")),
                                ("project", ("本年支出", "项目支出")), ("carry_forward", ("年末结转和结余",))),
    },
}
# tables that carry last year's figure of their first amount column (the drafts compare with it)
WITH_PRIOR = {"general_budget_by_function"}

# the sides of the 收支总表 and 财政拨款收支总表: side -> amount columns beyond the one of this year
_SIDED: dict[str, dict[str, tuple[tuple[str, _M], ...]]] = {
    "shenzhen": {"income_expense_summary": (("income", ()), ("expense", ())),
                 "appropriation_summary": (("income", ()), ("expense", ()))},
    "jiangsu": {"income_expense_summary": (("income", ()), ("expense", ()), ("purpose", ())),
                "appropriation_summary": (("income", ()), ("purpose", ()))},
    "shanghai": {"income_expense_summary": (("income", ()), ("expense", ())),
                 "appropriation_summary": (("income", ()), ("expense", (
                     ("general_budget", ("一般公共预算",)), ("gov_fund", ("政府性基金预算",)),
                     ("soe_capital", ("国有资本经营预算",)))))},
    "final": {"income_expense_summary": (("income", ()), ("expense", ())),
              "appropriation_summary": (("income", ()), ("expense", (
                  ("general_budget", ("一般公共预算财政拨款",)), ("gov_fund", ("政府性基金预算财政拨款",)),
                  ("soe_capital", ("国有资本经营预算财政拨款",)))))},
}


def scheme_of_kind(kind: str) -> str:
    """The code list a table's sheet offers ("" for the sided summaries: each side has its own)."""
    return "" if kind in SIDED else scheme_of(kind) or ""


def _family_key(style: str, words: Words) -> str:
    return "final" if words.final else style


def table_columns(kind: str, style: str, words: Words, year: int) -> list[Col]:
    """The columns of the sheet of one table of the family's set."""
    fk = _family_key(style, words)
    this_year = f"{year}年{words.amount}"
    if kind in SIDED:
        cols: list[Col] = []
        for side, extra in _SIDED[fk][kind]:
            title = SIDE_TITLES[side] if fk == "jiangsu" or side == "purpose" else SIDE_TITLES[side][:2]
            cols.append(Col(LABEL, (title, "项目"), side=side, width=28))
            if extra:  # 财政拨款支出: 合计 and one column per fund
                cols.append(Col(AMOUNT, (title, "合计"), "total" + words.phase, side))
                cols += [Col(AMOUNT, (title, h[-1]), m + words.phase, side) for m, h in extra]
            else:
                cols.append(Col(AMOUNT, (title, this_year), "amount" + words.phase, side))
                cols.append(Col(AMOUNT, (title, words.prior), "amount" + words.prior_phase, side))
        return cols
    scheme = scheme_of_kind(kind)
    measures = _CODED.get(fk, {}).get(kind) or _CODED["shenzhen"].get(kind) or (("amount", ("金额",)),)
    cols = [Col(CODE, ("科目编码",), scheme=scheme, width=11), Col(LABEL, ("科目名称",), width=30)] if scheme else [
        Col(LABEL, ("项目",), width=30)]
    cols += [Col(AMOUNT, h, m + words.phase) for m, h in measures]
    if kind in WITH_PRIOR:
        first = measures[0][0]
        cols.append(Col(AMOUNT, (words.prior, measures[0][1][-1]), first + words.prior_phase))
    return cols


# lines printed in a blank template: (side, label); a side's own lines are the rows of its columns
_INCOME_SHENZHEN = ("一、政府预算拨款", "1. 一般公共预算拨款", "2. 政府性基金预算拨款", "3. 国有资本经营预算拨款",
                    "二、财政专户管理资金", "三、单位资金", "1. 事业收入", "2. 事业单位经营收入", "3. 上级补助收入",
                    "4. 附属单位上缴收入", "5. 其他收入")
_INCOME_JIANGSU = ("一、财政拨款", "1. 一般公共预算", "2. 政府性基金预算", "二、财政专户管理资金", "三、其他资金")
_INCOME_SHANGHAI = ("一、财政拨款收入", "1. 一般公共预算资金", "2. 政府性基金", "3. 国有资本经营预算",
                    "二、事业收入", "三、事业单位经营收入", "四、其他收入")
_INCOME_FINAL = ("一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入",
                 "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入")
_PURPOSE = ("一、基本支出", "二、项目支出", "三、单位预留机动经费")
_BLANK_CLASSES = 16  # blank rows left for the function classes of an expense side


def standard_lines(kind: str, style: str, words: Words) -> list[list[tuple[str, str]]]:
    """The rows of a blank sheet: one list of (side, label) per row (several sides share a row)."""
    fk = _family_key(style, words)
    if kind not in SIDED:
        return [[("", "合计")]] + [[] for _ in range(_BLANK_CLASSES * 2)]
    fiscal = kind == "appropriation_summary"
    sides = [s for s, _ in _SIDED[fk][kind]]
    if fiscal:
        income = ("一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款")
    else:
        income = {"shenzhen": _INCOME_SHENZHEN, "jiangsu": _INCOME_JIANGSU, "shanghai": _INCOME_SHANGHAI,
                  "final": _INCOME_FINAL}[fk]
    body = {"income": list(income), "expense": [""] * _BLANK_CLASSES, "purpose": list(_PURPOSE)}
    tails = {"income": ["本年收入合计", "上年结转", "收入总计"],
             "expense": ["本年支出合计", "结转下年", "支出总计"],
             "purpose": ["本年支出合计", "结转下年", "支出总计"]}
    depth = max(len(body[s]) for s in sides)
    rows: list[list[tuple[str, str]]] = []
    for i in range(depth):
        rows.append([(s, body[s][i]) for s in sides if i < len(body[s]) and body[s][i]])
    for i in range(3):
        rows.append([(s, tails[s][i]) for s in sides])
    return rows


# ---------------------------------------------------------------------------------------- the sheets

@dataclass(frozen=True, slots=True)
class SheetSpec:
    key: str  # TABLE + kind, or one of the special keys
    name: str  # the sheet's name (≤ 31 characters, unique)
    kind: str = ""  # table kind for table sheets and special sheets that print a table
    number_text: str = ""
    title: str = ""
    columns: tuple[Col, ...] = ()
    help: str = ""


def sheet_name(text: str, taken: set[str]) -> str:
    for bad in "[]:*?/\\":
        text = text.replace(bad, "")
    name = text[:31]
    n = 2
    while name in taken:
        name = f"{text[:28]}({n})"
        n += 1
    taken.add(name)
    return name


@dataclass(slots=True)
class Plan:
    """The sheets of one workbook, in order."""

    year: int
    style: str
    words: Words
    family: Family
    sheets: list[SheetSpec] = field(default_factory=list)

    def table_specs(self) -> list[tuple[int, TableSpec]]:
        return list(enumerate(self.family.tables, start=1))


SPECIAL_NAMES = {THREE_PUBLIC: "三公经费", OFFICE: "机关运行经费", PROCUREMENT: "政府采购", ASSETS: "国有资产",
                 PERFORMANCE: "绩效目标"}


def plan(year: int, style: str, kind: str) -> Plan:
    from yusuan.model.families import family

    words = Words(kind)
    fam = family(style, words.final)
    p = Plan(year, style, words, fam)
    taken: set[str] = set()
    p.sheets.append(SheetSpec(GUIDE, sheet_name("说明", taken)))
    p.sheets.append(SheetSpec(INFO, sheet_name("基本信息", taken)))
    p.sheets.append(SheetSpec(NARRATIVE, sheet_name("文字部分", taken)))
    p.sheets.append(SheetSpec(GLOSSARY, sheet_name("名词解释", taken)))
    placed: set[str] = set()
    for position, spec in enumerate(fam.tables, start=1):
        number = fam.number_text(position)
        special = SPECIAL.get(spec.kind)
        if special:
            name = sheet_name(f"{number} {SPECIAL_NAMES[special]}".strip(), taken)
            p.sheets.append(SheetSpec(special, name, spec.kind, number, spec.title))
            placed.add(special)
            continue
        name = sheet_name(f"{number} {TABLE_KINDS[spec.kind]}".strip(), taken)
        cols = tuple(table_columns(spec.kind, style, words, year))
        p.sheets.append(SheetSpec(TABLE + spec.kind, name, spec.kind, number, spec.title, cols))
    for special in (THREE_PUBLIC, OFFICE, PROCUREMENT, ASSETS, PERFORMANCE):
        if special not in placed:  # facts the narrative needs though the family prints no table of them
            p.sheets.append(SheetSpec(special, sheet_name(SPECIAL_NAMES[special], taken)))
    return p


# ---------------------------------------------------------------------------------------- fixed sheets

@dataclass(frozen=True, slots=True)
class Field:
    key: str
    label: str
    required: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()


INFO_FIELDS = (
    Field("body", "单位名称", True, "公开文件的主体：部门或单位的全称，与各表的“部门名称”一致。"),
    Field("parent", "主管部门", False, "本单位的主管部门；部门本级可填本部门。"),
    Field("year", "年度", True, "预算（决算）年度，四位数字。"),
    Field("code", "单位编码", False, "预算单位编码，仅供内部核对，不印入公开文件。"),
    Field("kind", "预算/决算", True, "本工作簿编制的是预算还是决算。", tuple(KINDS.values())),
    Field("level", "部门/单位", False, "部门预算（含所属单位）或单位预算。", tuple(LEVELS.values())),
    Field("body_type", "单位性质", False, "行政、参公（参照公务员法管理）或事业单位。", BODY_TYPES),
    Field("contact", "联系人", False, "仅供内部核对，不印入公开文件。"),
    Field("phone", "联系电话", False, "仅供内部核对，不印入公开文件。"),
)


@dataclass(frozen=True, slots=True)
class Part:
    key: str
    heading: str  # {year} and {w} (预算 / 决算) are filled in
    drafted: bool  # drafted from the figures when left blank
    help: str = ""


OVERVIEW_PARTS = (
    Part("duties", "部门职责", False, "部门（单位）的主要职能，按“三定”规定填写。必填：不能由表格数据草拟。"),
    Part("organization", "机构设置", False, "内设机构、所属单位和人员编制情况。"),
    Part("tasks", "{year}年主要工作任务及目标", False, "可不填；不填则不列这一部分。"),
)
EXPLAINED_PARTS = (
    Part("overview", "收支{w}总体情况", True, "收入、支出总计及与上年比较。"),
    Part("income", "收入{w}情况", True, "收入按来源，各来源占比。"),
    Part("expense", "支出{w}情况", True, "基本支出（人员经费、公用经费）与项目支出及其占比。"),
    Part("appropriation", "财政拨款收支{w}总体情况", True, "财政拨款收支总计及其构成、与上年比较。"),
    Part("general_budget", "一般公共预算支出{w}情况", True, "一般公共预算支出总额，按功能分类“类”说明，列主要的“项”。"),
    Part("three_public", "一般公共预算“三公”经费{w}情况", True, "“三公”经费合计及各项与上年比较；增减原因在“三公经费”表填写。"),
    Part("office_operating", "机关运行经费{w}情况", True, "机关运行经费及与上年比较（“机关运行经费”表）。"),
    Part("procurement", "政府采购{w}情况", True, "政府采购总额及货物、工程、服务（“政府采购”表）。"),
    Part("assets", "国有资产占用情况", True, "车辆和大型设备（“国有资产”表）。"),
    Part("performance", "预算绩效管理情况", True, "绩效目标设置情况（“绩效目标”表）。"),
    Part("other", "其他需要说明的情况", False, "可不填；不填则不列这一部分。"),
    Part("key_projects", "重点项目绩效目标情况", True, "引出“绩效目标”表所列的重点项目（印作表格，紧随其后）。"),
)
PARTS = OVERVIEW_PARTS + EXPLAINED_PARTS

# 三公经费: the measures in sheet order (measure, header path)
THREE_PUBLIC_COLS = (
    ("total", ("“三公”经费合计",)),
    ("abroad", ("因公出国（境）费",)),
    ("vehicle_total", ("公务用车购置及运行维护费", "小计")),
    ("vehicle_purchase", ("公务用车购置及运行维护费", "购置费")),
    ("vehicle_operation", ("公务用车购置及运行维护费", "运行维护费")),
    ("reception", ("公务接待费",)),
    ("meeting", ("会议费",)),
    ("training", ("培训费",)),
)
CURRENT, BUDGET, PRIOR, REASON, TOTAL = "current", "budget", "prior", "reason", "total"
TERM = "term"  # the rows of the 名词解释 sheet


def year_rows(words: Words, year: int) -> tuple[tuple[str, str], ...]:
    """The rows of the 三公经费 and 机关运行经费 sheets: (key, label)."""
    rows = [(CURRENT, f"{year}年{words.amount}")]
    if words.final:
        rows.append((BUDGET, f"{year}年预算数"))
    rows += [(PRIOR, f"{year - 1}年{words.amount}"), (REASON, "增减原因（说明与上年相比增减的原因，可不填）")]
    return tuple(rows)


PROCUREMENT_TYPES = ("货物", "工程", "服务")

ASSET_FIELDS = (
    Field("as_of", "截至日期", False, "资产数的截至日期，如“2023年10月”。"),
    Field("vehicles", "车辆合计（辆）", False, "留空时按下列各类车辆相加。"),
    Field("vehicles_official", "其中：一般公务用车（辆）"),
    Field("vehicles_enforcement", "其中：执法执勤用车（辆）"),
    Field("vehicles_special", "其中：特种专业技术用车（辆）"),
    Field("vehicles_other", "其中：其他用车（辆）"),
    Field("general_50", "单价50万元以上通用设备（台（套））"),
    Field("special_100", "单价100万元以上专用设备（台（套））"),
    Field("new_vehicles", "本年计划新增车辆（辆）"),
    Field("new_general_50", "本年计划新增单价50万元以上通用设备（台（套））"),
    Field("new_special_100", "本年计划新增单价100万元以上专用设备（台（套））"),
)
VEHICLE_PARTS = (("vehicles_official", "一般公务用车"), ("vehicles_enforcement", "执法执勤用车"),
                 ("vehicles_special", "特种专业技术用车"), ("vehicles_other", "其他用车"))

# 绩效目标: blocks in sheet order, each a marker row then its column header and lines
TASKS, GOALS, INDICATORS, PROJECTS = "tasks", "goals", "indicators", "projects"
PERFORMANCE_BLOCKS = (
    (TASKS, "一、年度主要任务", ("任务名称", "主要内容", "总额", "其中：财政拨款", "其中：其他资金")),
    (GOALS, "二、年度总体目标", ("年度总体目标（每行一条）",)),
    (INDICATORS, "三、年度绩效指标", ("一级指标", "二级指标", "三级指标", "指标值")),
    (PROJECTS, "四、重点项目绩效目标", ("项目名称", "预算数", "绩效目标")),
)
