"""The two Shenzhen units' budgets of the corpus built as lines once per session, and a small ledger
made by hand for the other families and the edge cases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import corpus_doc
from yusuan.prepare.ledger.build import build_from_disclosure
from yusuan.prepare.ledger.model import Ledger, Line

PINGSHAN = "shenzhen-2023-pingshan-guanliju-budget.txt"
ZHINENG = "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt"
DEPARTMENT = "深圳市生态环境局"


@pytest.fixture(scope="session")
def published():
    return {name: corpus_doc(name) for name in (PINGSHAN, ZHINENG)}


@pytest.fixture(scope="session")
def built(published):
    return {name: build_from_disclosure(doc) for name, doc in published.items()}


def line(**fields) -> Line:
    base = dict(unit="测试单位", function="2010101", economic="30101", purpose="basic", fund="general_budget",
                amount=Decimal("100"))
    base.update({k: Decimal(v) if k in AMOUNTS and v is not None else v for k, v in fields.items()})
    return Line(**base)


AMOUNTS = {"amount", "prior_budget", "prior_final", "final", "procurement_amount", "procurement_sme",
           "procurement_small_micro"}


def small_ledger(unit: str = "万元", **identity) -> Ledger:
    """One unit's lines touching every table of every family: 基本 (人员 and 公用), 项目 with procurement, three
    sources, the 三公 items with last year's figures, 机关运行经费, tasks and projects."""
    ledger = Ledger(body="测试单位", year=2023, unit=unit, parent="测试部门", **identity)
    ledger.lines = [
        line(economic="30101", amount="120.50", performance="基本支出", prior_budget="110"),
        line(economic="30108", function="2080505", amount="15", performance="基本支出", prior_budget="14"),
        line(economic="30201", amount="20", office=True, performance="基本支出", prior_budget="22"),
        line(economic="30231", amount="6", office=True, three_public="vehicle_operation", performance="基本支出",
             prior_budget="8"),
        line(economic="30217", amount="2", office=True, three_public="reception", performance="基本支出",
             prior_budget="3"),
        line(economic="30215", amount="4", office=True, performance="基本支出", prior_budget="4"),
        line(function="2110102", economic="30227", purpose="project", amount="300", project="环境管理",
             performance="环境管理", project_description="辖区环境管理", procurement="服务",
             procurement_amount="200", procurement_sme="120", procurement_small_micro="60", prior_budget="280"),
        line(function="2110102", economic="31003", purpose="project", amount="40", project="环境管理",
             performance="环境管理", procurement="货物", procurement_amount="40", prior_budget="0"),
        line(function="2110199", economic="30299", purpose="project", fund="other", amount="50", project="区项目",
             performance="区项目", prior_budget="60"),
        line(function="2110399", economic="30227", purpose="project", fund="gov_fund", amount="80",
             project="基金项目", performance="基金项目", prior_budget="0"),
    ]
    return ledger
