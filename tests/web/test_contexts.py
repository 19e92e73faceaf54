"""The pure parts of the page contexts: 三公 by year from any printed layout, and two tables compared."""

from __future__ import annotations

from decimal import Decimal

from yusuan.store.charts import economic_chart, function_chart, split_chart, three_public_by_year
from yusuan.store.compare import compare_tables


def _cell(amount: str, text: str | None = None, cid: int = 0) -> dict:
    return {"id": cid, "text": text or amount, "amount": amount}


def _row(item: str, cells: dict, code: str = "", side: str = "", is_total: bool = False) -> dict:
    return {"item": item, "label": item, "code": code, "side": side, "level": 1, "is_total": is_total, "cells": cells}


def _table(unit: str, rows: list[dict], measures: list[str], kind: str = "expense_summary") -> dict:
    return {"kind": kind, "kind_name": kind, "title": kind, "unit": unit, "rows": rows,
            "columns": [{"measure": m, "measure_name": m} for m in measures]}


def test_three_public_from_prior_year_columns():
    """A table with 上年预算数 columns (total@prior_budget …) gives last year from the same row."""
    t = _table("万元", [_row("本单位", {"abroad": _cell("10"), "abroad@prior_budget": _cell("12"),
                                         "reception": _cell("3.5"), "reception@prior_budget": _cell("4")})],
               ["abroad", "abroad@prior_budget", "reception", "reception@prior_budget"], "three_public_costs")
    years = three_public_by_year(t, 2024)
    assert years == {2024: {"abroad": Decimal("100000"), "reception": Decimal("35000")},
                     2023: {"abroad": Decimal("120000"), "reception": Decimal("40000")}}


def test_three_public_from_rows_printed_per_year_and_vehicle_total_alone():
    t = _table("元", [_row("2022年", {"vehicle_total": _cell("24")}), _row("2023年", {"vehicle_total": _cell("14")}),
                     _row("增减变化金额", {"vehicle_total": _cell("-10")})], ["vehicle_total"], "three_public_costs")
    years = three_public_by_year(t, 2023)
    assert set(years) == {2022, 2023}  # the change row is no year
    assert years[2023]["vehicle_operation"] == Decimal(14)  # 购置 / 运行 not printed: the total stands for 运行


def test_charts_are_in_one_unit_whatever_the_tables_print():
    """A disclosure printing its tables in 元 (上海) draws its charts in 万元, like one printing 万元."""
    for unit, factor in (("元", Decimal(1)), ("万元", Decimal(10000))):
        def amount(yuan: int) -> dict:
            return _cell(str(Decimal(yuan) / factor))

        expense = _table(unit, [_row("合计", {"total": amount(1234567), "basic": amount(1000000),
                                              "project": amount(234567)}, is_total=True),
                                _row("一般公共服务支出", {"total": amount(1234567)}, code="201")],
                         ["total", "basic", "project"])
        economic = _table(unit, [_row("工资福利支出", {"total": amount(1000000)}, code="301")], ["total"],
                          "general_budget_by_economic")
        for t in (expense, economic):
            t["empty"] = False
        charts = [function_chart([expense]), economic_chart([economic]), split_chart([expense])]
        assert {c["unit"] for c in charts} == {"万元"}
        assert charts[0]["tree"][0]["value"] == "123.4567"
        assert charts[1]["items"][0]["value"] == "100"
        assert [i["value"] for i in charts[2]["items"]] == ["100", "23.4567"]


def test_compare_converts_units_and_marks_rows_of_one_side():
    a = _table("万元", [_row("合计", {"total": _cell("1.5", cid=1)}, is_total=True),
                       _row("一般公共服务支出", {"total": _cell("1", cid=2)}, code="201"),
                       _row("教育支出", {"total": _cell("0.5", cid=3)}, code="205")], ["total"])
    b = _table("元", [_row("合计", {"total": _cell("18000", cid=4)}, is_total=True),
                     _row("一般公共服务支出", {"total": _cell("10000", cid=5)}, code="201"),
                     _row("科学技术支出", {"total": _cell("8000", cid=6)}, code="206")], ["total"])
    out = compare_tables(a, b)
    rows = {(r["code"], r["status"]): r for r in out["rows"]}
    assert out["unit"] == "万元"
    total = rows[("", "both")]["cells"][0]
    assert total["diff"] == "0.3" and total["pct"] == "20.00" and total["changed"]
    assert not rows[("201", "both")]["changed"]  # 1 万元 = 10000 元
    assert rows[("205", "only_a")]["changed"] and rows[("206", "only_b")]["changed"]
    assert [r["code"] for r in out["rows"]] == ["", "201", "206", "205"]  # B's new row after its neighbour
    assert out["changed_rows"] == 3


def test_compare_with_a_missing_table():
    a = _table("万元", [_row("合计", {"total": _cell("5")}, is_total=True)], ["total"])
    out = compare_tables(a, None)
    assert out["unit_b"] is None and out["rows"][0]["status"] == "only_a"
