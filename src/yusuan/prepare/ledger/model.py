"""The budget as lines: one line is one unit's amount for one 功能分类 项 × 部门经济分类 款 × purpose × fund
source (× project), with last year's figures, procurement and the 三公 / 机关运行经费 tags.

Money is Decimal in the ledger's declared unit (元 or 万元). Every line keeps where it came from (the
sheet and row of the XLSX of lines, or the published cell it was built from).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from yusuan.model.provenance import Source

# 支出类型: what the money is spent as. The transfers (上缴上级 / 对附属单位补助) are spending of the payer
# and income of the payee: a department's roll-up nets them out (rollup.py).
PURPOSES: dict[str, str] = {
    "basic": "基本支出",
    "project": "项目支出",
    "reserve": "单位预留机动经费",
    "upward": "上缴上级支出",
    "subsidy": "对附属单位补助支出",
}
TRANSFERS = ("upward", "subsidy")
BASIC_KINDS: dict[str, str] = {"personnel": "人员经费", "public": "公用经费"}

# 资金来源 (keys are the model's measures, docs/model.md): the three 财政拨款, 财政专户, the kinds of 单位资金.
FUNDS: dict[str, str] = {
    "general_budget": "一般公共预算拨款",
    "gov_fund": "政府性基金预算拨款",
    "soe_capital": "国有资本经营预算拨款",
    "special_account": "财政专户管理资金",
    "business_income": "事业收入",
    "operating_income": "经营收入",
    "superior_subsidy": "上级补助收入",
    "affiliated_income": "附属单位上缴收入",
    "other": "其他收入",
}
FISCAL = ("general_budget", "gov_fund", "soe_capital")
UNIT_FUNDS = ("business_income", "operating_income", "superior_subsidy", "affiliated_income", "other")
# the income a transfer of each kind is to its payee: 对附属单位补助 → 上级补助收入, 上缴上级 → 附属单位上缴收入
TRANSFER_INCOME = {"subsidy": "superior_subsidy", "upward": "affiliated_income"}

PROCUREMENT_KINDS = ("货物", "工程", "服务")
THREE_PUBLIC: dict[str, str] = {
    "abroad": "因公出国（境）费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行维护费",
    "reception": "公务接待费",
}
UNITS = ("万元", "元")

# The usual reading of a 部门经济分类 款: the 三公 item it is (因公出国（境）费用, 公务接待费, 公务用车运行维护费,
# 公务用车购置), and what its procurement buys (资本性支出 of buildings and works are 工程, other 资本性支出
# 货物, the rest 服务). Lines built from a publication take them (build.py); a line typed in says its own.
THREE_PUBLIC_BY_ECONOMIC = {"30212": "abroad", "30217": "reception", "30231": "vehicle_operation",
                            "31013": "vehicle_purchase", "30913": "vehicle_purchase"}
ECONOMIC_BY_THREE_PUBLIC = {"abroad": "30212", "reception": "30217", "vehicle_operation": "30231",
                            "vehicle_purchase": "31013"}
_WORKS = ("31001", "31005", "31006", "30901", "30905", "30906")


def procurement_kind_of(economic: str) -> str:
    if economic in _WORKS:
        return "工程"
    return "货物" if economic[:3] in ("309", "310") else "服务"
FUNCTION, ECONOMIC, GOV_ECONOMIC = "function", "economic_dept", "economic_gov"  # catalog schemes


@dataclass(slots=True)
class Line:
    unit: str  # 单位名称: the unit whose budget holds the line
    function: str  # 支出功能分类 项 (7 digits)
    economic: str  # 部门预算支出经济分类 款 (5 digits); may be blank on a transfer
    purpose: str  # PURPOSES
    fund: str  # FUNDS
    amount: Decimal  # this year's budget (年初预算数)
    basic_kind: str = ""  # BASIC_KINDS, for basic lines ("" = by the economic class: 301 / 303 人员, else 公用)
    carryover: bool = False  # 上年结转: money carried over from last year, of its fund
    function_name: str = ""  # as the user typed it ("" = the catalog's)
    economic_name: str = ""
    gov_economic: str = ""  # 政府预算支出经济分类 款 ("" = by the mapping table, catalog/data)
    project: str = ""  # 项目名称
    project_description: str = ""  # 项目说明
    performance: str = ""  # 绩效目标: the task of the 整体支出绩效目标表 the line serves
    prior_budget: Decimal | None = None  # 上年预算数
    prior_final: Decimal | None = None  # 上年执行数（决算数）
    final: Decimal | None = None  # 本年执行数（决算数）: given, the 决算 set can be derived
    procurement: str = ""  # PROCUREMENT_KINDS
    procurement_amount: Decimal | None = None  # 政府采购金额 (part of `amount`)
    procurement_sme: Decimal | None = None  # 其中：面向中小企业
    procurement_small_micro: Decimal | None = None  # 其中：面向小型、微型企业
    three_public: str = ""  # THREE_PUBLIC
    office: bool = False  # 机关运行经费
    counterpart: str = ""  # transfers and 上级补助 / 附属单位上缴 income: the other unit
    internal: bool = False  # a transfer between units of one department, netted out in its roll-up
    note: str = ""  # 备注
    source: Source | None = None

    @property
    def personnel(self) -> bool:
        """A basic line of 人员经费 (given, or by its economic class: 301 工资福利, 303 对个人和家庭的补助)."""
        if self.purpose != "basic":
            return False
        if self.basic_kind:
            return self.basic_kind == "personnel"
        return self.economic[:3] in ("301", "303")

    @property
    def public(self) -> bool:
        return self.purpose == "basic" and not self.personnel


@dataclass(slots=True)
class Ledger:
    body: str  # the unit, or the department of a roll-up
    year: int
    unit: str = "万元"  # UNITS: the unit of every amount
    parent: str = ""  # 主管部门
    level: str = "unit"  # unit | department (model.vocabulary.LEVELS)
    body_type: str = ""  # 行政 / 参公 / 事业
    style: str = "shenzhen"  # the family whose table set it is derived into (model.families.STYLES)
    kind: str = "budget"  # what it is derived into: budget, or final_accounts (the 决算 set, from the 执行数)
    lines: list[Line] = field(default_factory=list)
    names: dict[tuple[str, str], str] = field(default_factory=dict)  # (scheme, code) -> name beyond the catalog's
    file: str = ""  # where it was read from

    @property
    def units(self) -> list[str]:
        """The units holding lines, in the order of their first line."""
        return list(dict.fromkeys(line.unit for line in self.lines))

    @property
    def has_final(self) -> bool:
        return any(line.final is not None for line in self.lines)

    def copy(self, **changes) -> Ledger:
        return replace(self, lines=[replace(line) for line in self.lines], names=dict(self.names), **changes)
