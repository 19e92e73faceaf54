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


def _each_row_once(out: dict, a: dict, b: dict) -> None:
    statuses = [r["status"] for r in out["rows"]]
    assert statuses.count("both") + statuses.count("only_a") == len(a["rows"])
    assert statuses.count("both") + statuses.count("only_b") == len(b["rows"])


def test_compare_keeps_the_sides_of_a_summary_table_apart():
    """A 收支总表 is read across (收入 and 支出 rows alternate): compared, each side is a table of its own,
    and the two sides' rows of one name (支出合计 of 支出 by function and by purpose) are no duplicates."""
    def summary(amounts: list[str]) -> dict:
        rows = [_row("一、财政拨款", {"amount": _cell(amounts[0])}, side="income"),
                _row("一、一般公共服务支出", {"amount": _cell(amounts[1])}, side="expense"),
                _row("一、基本支出", {"amount": _cell(amounts[2])}, side="purpose"),
                _row("收入合计", {"amount": _cell(amounts[3])}, side="income", is_total=True),
                _row("支出合计", {"amount": _cell(amounts[4])}, side="expense", is_total=True),
                _row("支出合计", {"amount": _cell(amounts[5])}, side="purpose", is_total=True)]
        t = _table("万元", rows, ["amount"], "income_expense_summary")
        t["columns"] = [{"measure": "amount", "measure_name": "金额", "side": s} for s in ("income", "expense", "purpose")]
        return t

    a, b = summary(["10.00", "10.00", "10.00", "10.00", "10.00", "10.00"]), summary(["12.50", "12.50", "8.00", "12.50", "12.50", "8.00"])
    out = compare_tables(a, b)
    assert [s["side"] for s in out["sides"]] == ["income", "expense", "purpose"]
    assert [s["name"] for s in out["sides"]] == ["收入", "支出（按功能分类）", "支出（按支出用途）"]
    assert [[r["label"] for r in s["rows"]] for s in out["sides"]] == [
        ["一、财政拨款", "收入合计"], ["一、一般公共服务支出", "支出合计"], ["一、基本支出", "支出合计"]]
    assert all(r["status"] == "both" for r in out["rows"])
    _each_row_once(out, a, b)
    assert out["sides"][2]["rows"][1]["cells"][0]["diff_text"] == "-2.00"  # with the figures' decimals


def test_compare_matches_by_code_then_by_name():
    """Two bodies: 201 matched by its code though renamed; 财政拨款 by its name without the ordinal; two
    行政运行 of different codes are two items; 合计 and 总计 are the tables' totals."""
    a = _table("万元", [_row("合计", {"total": _cell("9")}, is_total=True),
                       _row("一般公共服务支出", {"total": _cell("5")}, code="201"),
                       _row("行政运行", {"total": _cell("4")}, code="2010101"),
                       _row("一、财政拨款", {"total": _cell("9")})], ["total"])
    b = _table("万元", [_row("总计", {"total": _cell("11")}, is_total=True),
                       _row("一般公共服务", {"total": _cell("6")}, code="201"),
                       _row("行政运行", {"total": _cell("5")}, code="2040101"),
                       _row("财政拨款", {"total": _cell("11")})], ["total"])
    out = compare_tables(a, b)
    got = {(r["code"], r["status"]) for r in out["rows"]}
    assert got == {("", "both"), ("201", "both"), ("2010101", "only_a"), ("2040101", "only_b")}
    renamed = next(r for r in out["rows"] if r["code"] == "201")
    assert renamed["label"] == "一般公共服务支出" and renamed["label_b"] == "一般公共服务"
    assert [r["cells"][0]["diff"] for r in out["rows"] if r["status"] == "both"] == ["2", "1", "2"]
    _each_row_once(out, a, b)


def test_compare_differences_keep_the_figures_decimals():
    a = _table("万元", [_row("合计", {"total": _cell("5533.00")}, is_total=True)], ["total"])
    b = _table("万元", [_row("合计", {"total": _cell("5573.00")}, is_total=True)], ["total"])
    cell = compare_tables(a, b)["rows"][0]["cells"][0]
    assert (cell["diff"], cell["diff_text"]) == ("40", "40.00")
    b = _table("元", [_row("合计", {"total": _cell("55731234")}, is_total=True)], ["total"])
    cell = compare_tables(a, b)["rows"][0]["cells"][0]
    assert cell["diff_text"] == "40.1234"  # 元 shown in 万元: the decimals the exact difference needs


def test_compare_summary_lists_totals_and_the_largest_changes_once():
    from yusuan.store.compare import compare

    def doc(did: int, amounts: dict) -> dict:
        rows = [_row("合计", {"total": _cell(amounts["all"])}, is_total=True),
                _row("一般公共服务支出", {"total": _cell(amounts["201"])}, code="201"),
                _row("人大事务", {"total": _cell(amounts["201"])}, code="20101"),
                _row("教育支出", {"total": _cell(amounts["205"])}, code="205"),
                _row("其他收入", {"total": _cell(amounts["other"])})]
        t = _table("万元", rows, ["total"])
        t2 = _table("万元", rows[:4], ["total"], "general_budget_by_function")
        return {"disclosure": {"id": did}, "tables": [t, t2]}

    out = compare(doc(1, {"all": "100", "201": "60", "205": "40", "other": "1"}),
                  doc(2, {"all": "130", "201": "95", "205": "35", "other": "9"}))
    s = out["summary"]
    assert [(x["kind_name"], x["diff_text"], x["pct"]) for x in s["totals"]] == [
        ("expense_summary", "30", "30.00"), ("general_budget_by_function", "30", "30.00")]
    # 201 and its one 款 20101 changed by the same 35: listed once, in the first table; 其他收入 (uncoded) not
    # listed since coded items changed; 205 once though printed in both tables
    assert [(x["code"], x["diff_text"]) for x in s["largest"]] == [("201", "35"), ("205", "-5")]
    assert s["chart"] == {"unit": "万元", "items": [{"name": "201 一般公共服务支出", "value": "35"},
                                                   {"name": "205 教育支出", "value": "-5"}]}


def test_compare_two_years_matches_codes_through_the_code_map():
    """2017's 30311 住房公积金 is 2018's 30113: one line, noted; 2017's 2040404 and 2040405 merged (a user's
    change) are added up into 2018's 2040405; an unchanged code is matched as ever."""
    from yusuan.catalog.codemap import between
    from yusuan.store.compare import compare

    a = _table("万元", [_row("住房公积金", {"total": _cell("784.22")}, code="30311"),
                       _row("办公费", {"total": _cell("10")}, code="30201")], ["total"], "general_budget_by_economic")
    b = _table("万元", [_row("住房公积金", {"total": _cell("1073.77")}, code="30113"),
                       _row("办公费", {"total": _cell("12")}, code="30201")], ["total"], "general_budget_by_economic")
    out = compare({"disclosure": {"year": 2017}, "tables": [a]}, {"disclosure": {"year": 2018}, "tables": [b]})
    rows = {r["code"]: r for r in out["tables"][0]["rows"]}
    assert set(rows) == {"30113", "30201"} and rows["30113"]["status"] == "both"
    assert rows["30113"]["code_note"] == "（科目调整：30311→30113）"
    assert rows["30113"]["cells"][0]["diff"] == "289.55" and rows["30201"]["code_note"] == ""
    assert out["code_notes"] == ["（科目调整：30311→30113）"]
    # the later year given first: the earlier side is still the one mapped
    back = compare({"disclosure": {"year": 2018}, "tables": [b]}, {"disclosure": {"year": 2017}, "tables": [a]})
    assert {r["status"] for r in back["tables"][0]["rows"]} == {"both"}
    # the same year: codes as printed
    same = compare({"disclosure": {"year": 2018}, "tables": [a]}, {"disclosure": {"year": 2018}, "tables": [b]})
    assert {r["status"] for r in same["tables"][0]["rows"]} == {"both", "only_a", "only_b"}
    assert between(2017, 2018).new("30311") == ("30113",)


def test_compare_adds_up_merged_codes_and_keeps_a_split_apart(tmp_path, monkeypatch):
    from yusuan.catalog import codemap
    from yusuan.store.compare import compare_tables

    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))
    codemap.add(codemap.make(2018, "2040404", "2040405", old_name="查办和预防职务犯罪"))
    codemap.add(codemap.make(2018, "2080501", "2080505"))
    codemap.add(codemap.make(2018, "2080501", "2080506"))
    a = _table("万元", [_row("查办和预防职务犯罪", {"total": _cell("480.00")}, code="2040404"),
                       _row("公诉和审判监督", {"total": _cell("150.00")}, code="2040405"),
                       _row("离退休", {"total": _cell("9")}, code="2080501")], ["total"])
    b = _table("万元", [_row("公诉、审判、侦查、执行等检察监督支出", {"total": _cell("630.00")}, code="2040405")], ["total"])
    out = compare_tables(a, b, codemap.between(2017, 2018))
    rows = {(r["code"], r["status"]): r for r in out["rows"]}
    merged = rows[("2040405", "both")]
    assert merged["cells"][0]["a"] == "630.00" and not merged["changed"]
    assert merged["code_note"] == "（科目调整：2040404、2040405→2040405）"
    assert "金额无法按编码拆分" in rows[("2080501", "only_a")]["code_note"]


def test_compare_adds_a_code_merged_into_an_unchanged_one(tmp_path, monkeypatch):
    from yusuan.catalog import codemap
    from yusuan.store.compare import compare_tables

    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))
    codemap.add(codemap.make(2019, "2040406", "2040405", old_name="侦查监督"))
    a = _table("万元", [_row("甲", {"total": _cell("150")}, code="2040405"),
                       _row("乙", {"total": _cell("100")}, code="2040406")], ["total"])
    b = _table("万元", [_row("丙", {"total": _cell("250")}, code="2040405")], ["total"])
    [row] = compare_tables(a, b, codemap.between(2018, 2019))["rows"]
    assert row["status"] == "both" and not row["changed"] and row["cells"][0]["a"] == "250"
