"""The closed vocabularies (docs/model.md): table kinds, sides, measures and phases."""

from __future__ import annotations

TABLE_KINDS: dict[str, str] = {
    "income_expense_summary": "收支总表",
    "income_summary": "收入总表",
    "expense_summary": "支出总表",
    "basic_expense_summary": "基本支出总表",
    "project_expense_summary": "项目支出总表",
    "appropriation_summary": "财政拨款收支总表",
    "appropriation_expense": "财政拨款支出表",
    "appropriation_basic_by_economic": "财政拨款基本支出表",
    "general_budget_by_function": "一般公共预算支出表（功能分类）",
    "general_budget_by_economic": "一般公共预算（基本）支出表（经济分类）",
    "three_public_costs": "“三公”经费表",
    "gov_fund_expense": "政府性基金预算支出表",
    "soe_capital_expense": "国有资本经营预算支出表",
    "office_operating_costs": "机关运行经费表",
    "procurement": "政府采购支出表",
    "performance_targets": "整体支出绩效目标表",
    "project_performance": "重点项目绩效目标表",
    "unknown": "未识别的表",
}

# What a document is, and whose: the Disclosure's identity.
DOCUMENT_KINDS: dict[str, str] = {"budget": "预算", "final_accounts": "决算"}
LEVELS: dict[str, str] = {"department": "部门", "unit": "单位"}

SIDES = ("", "income", "expense", "purpose")
SIDE_NAMES: dict[str, str] = {"": "", "income": "收入", "expense": "支出", "purpose": "支出（按用途）"}

MEASURES: dict[str, str] = {
    "amount": "金额",
    "total": "合计",
    "basic": "基本支出",
    "basic_personnel": "人员经费",
    "basic_public": "公用经费",
    "project": "项目支出",
    "reserve": "单位预留机动经费",
    "carry_forward": "结转下年",
    "procurement": "政府采购",
    "procurement_sme": "面向中小企业",
    "procurement_small_micro": "面向小型、微型企业",
    "fiscal": "财政拨款",
    "general_budget": "一般公共预算",
    "gov_fund": "政府性基金预算",
    "soe_capital": "国有资本经营预算",
    "special_account": "财政专户管理资金",
    "unit_funds": "单位资金",
    "business_income": "事业收入",
    "operating_income": "经营收入",
    "superior_subsidy": "上级补助收入",
    "affiliated_income": "附属单位上缴收入",
    "affiliated_subsidy": "对附属单位补助支出",
    "other": "其他资金",
    "prior_carryover": "上年结转",
    "abroad": "因公出国（境）费",
    "reception": "公务接待费",
    "vehicle_total": "公务用车购置及运行维护费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行维护费",
    "grand_total": "合计（“三公”经费、会议费、培训费）",
    "meeting": "会议费",
    "training": "培训费",
    "office_operating": "机关运行经费",
    "change": "增减",
    "change_pct": "增减率",
}

PHASES: dict[str, str] = {
    "prior_budget": "上年预算数",
    "prior_final": "上年决算数",
    "initial_budget": "年初预算数",
    "adjusted_budget": "调整预算数",
    "final": "决算数",
}


def split_measure(measure: str) -> tuple[str, str]:
    """'total@prior_budget' -> ('total', 'prior_budget')."""
    base, _, phase = measure.partition("@")
    return base, phase


def check_measure(measure: str) -> str:
    base, phase = split_measure(measure)
    if base not in MEASURES or (phase and phase not in PHASES):
        raise ValueError(f"unknown measure {measure!r}")
    return measure
