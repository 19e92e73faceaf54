"""The XLSX of lines: its sheets and the columns of its one header row (docs/ledger.md).

`xlsx.py` reads and writes by these specs and `derive.py` names the cells a derived figure adds up by
them, so the three cannot disagree. Amount headers carry the year and the unit: “2023年预算数（万元）”.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from yusuan.prepare.ledger.model import BASIC_KINDS, FUNDS, PROCUREMENT_KINDS, PURPOSES, THREE_PUBLIC

LINES_SHEET, INFO_SHEET, NAMES_SHEET = "预算行", "基本信息", "科目名称"
YES, NO = "是", "否"

# column kinds
TEXT, CODE, CHOICE, FLAG, AMOUNT = "text", "code", "choice", "flag", "amount"


@dataclass(frozen=True, slots=True)
class Col:
    field: str  # the Line's field
    header: str  # {year} / {prior} / {unit} are filled in
    kind: str = TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    scheme: str = ""  # CODE: the catalog scheme
    width: float = 14
    help: str = ""

    def title(self, year: int, unit: str) -> str:
        return self.header.format(year=year, prior=year - 1, unit=unit)


COLUMNS: tuple[Col, ...] = (
    Col("unit", "单位名称", required=True, width=26, help="预算单位全称；部门汇总时各所属单位分别填写"),
    Col("function", "功能分类科目编码", CODE, True, scheme="function", width=12, help="支出功能分类“项”级，7 位"),
    Col("function_name", "功能分类科目名称", width=22, help="可不填：按科目表"),
    Col("economic", "部门经济分类科目编码", CODE, scheme="economic_dept", width=12,
        help="部门预算支出经济分类“款”级，5 位；基本支出和项目支出必填"),
    Col("economic_name", "部门经济分类科目名称", width=18, help="可不填：按科目表"),
    Col("gov_economic", "政府经济分类科目编码", CODE, scheme="economic_gov", width=12,
        help="可不填：按部门经济分类与政府经济分类对照表"),
    Col("purpose", "支出类型", CHOICE, True, tuple(PURPOSES.values()), width=12),
    Col("basic_kind", "基本支出类别", CHOICE, choices=tuple(BASIC_KINDS.values()), width=10,
        help="人员经费或公用经费；可不填：301、303 类为人员经费，其余为公用经费"),
    Col("fund", "资金来源", CHOICE, True, tuple(FUNDS.values()), width=18),
    Col("carryover", "上年结转", FLAG, width=8, help="上年结转资金填“是”"),
    Col("project", "项目名称", width=22),
    Col("project_description", "项目说明", width=30),
    Col("performance", "绩效目标（任务名称）", width=18, help="本行支出在整体支出绩效目标表中所属的任务"),
    Col("amount", "{year}年预算数（{unit}）", AMOUNT, True, width=14),
    Col("prior_budget", "{prior}年预算数（{unit}）", AMOUNT, width=14),
    Col("prior_final", "{prior}年执行数（{unit}）", AMOUNT, width=14),
    Col("final", "{year}年执行数（{unit}）", AMOUNT, width=14, help="填写后可生成决算表"),
    Col("procurement", "政府采购品目", CHOICE, choices=PROCUREMENT_KINDS, width=10),
    Col("procurement_amount", "政府采购金额（{unit}）", AMOUNT, width=14),
    Col("procurement_sme", "其中：面向中小企业（{unit}）", AMOUNT, width=14),
    Col("procurement_small_micro", "其中：面向小型微型企业（{unit}）", AMOUNT, width=14),
    Col("three_public", "“三公”经费", CHOICE, choices=tuple(THREE_PUBLIC.values()), width=16),
    Col("office", "机关运行经费", FLAG, width=8),
    Col("counterpart", "对方单位", width=22, help="上缴上级、对附属单位补助及上级补助收入、附属单位上缴收入的对方单位"),
    Col("internal", "内部往来", FLAG, width=8, help="部门汇总时相互抵消的内部往来（汇总时自动标记）"),
    Col("note", "备注", width=20),
)
BY_FIELD = {c.field: c for c in COLUMNS}

# an amount header: its year, its kind (预算数 / 执行数) and unit; the other headers are fixed words
AMOUNT_HEADER = re.compile(r"^(?P<year>\d{4})年(?P<what>预算数|执行数)[(（](?P<unit>万元|元)[)）]$")
UNIT_HEADER = re.compile(r"^(?P<name>.+?)[(（](?P<unit>万元|元)[)）]$")

INFO_FIELDS = (("body", "部门（单位）名称"), ("parent", "主管部门"), ("level", "级次"), ("body_type", "单位性质"),
               ("style", "版式"), ("kind", "公开类型"))
STYLE_WORDS = {"shenzhen": "深圳", "jiangsu": "江苏", "shanghai": "上海"}
NAME_HEADERS = ("分类", "科目编码", "科目名称")
SCHEME_WORDS = {"function": "功能分类", "economic_dept": "部门经济分类", "economic_gov": "政府经济分类"}


def letter(field: str) -> str:
    """The column letter of a field on the lines sheet."""
    return get_column_letter(COLUMNS.index(BY_FIELD[field]) + 1)
