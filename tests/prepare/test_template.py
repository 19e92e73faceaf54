"""`yusuan template`: the workbook an officer fills in — sheets, headers, validations, formats."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.conftest import CORPUS
from yusuan.catalog.importer import import_catalog
from yusuan.catalog.store import load as load_catalog
from yusuan.cli.main import main
from yusuan.prepare.workbook import is_workbook


def _template(tmp_path, *args) -> object:
    out = tmp_path / "budget.xlsx"
    result = CliRunner().invoke(main, ["template", "--year", "2024", "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


def _validations(ws):
    return ws.data_validations.dataValidation


def _covering(ws, cell: str):
    return [dv for dv in _validations(ws) if cell in dv.sqref]


def test_the_workbook_openpyxl_reads(tmp_path):
    out = _template(tmp_path)
    wb = load_workbook(out)
    assert wb.sheetnames == [
        "说明", "基本信息", "文字部分", "名词解释", "表1 收支总表", "表2 收入总表", "表3 支出总表", "表4 基本支出总表",
        "表5 项目支出总表", "表6 财政拨款收支总表", "表7 一般公共预算支出表（功能分类）",
        "表8 一般公共预算（基本）支出表（经济分类）", "表9 三公经费", "表10 政府性基金预算支出表",
        "表11 国有资本经营预算支出表", "表12 绩效目标", "机关运行经费", "政府采购", "国有资产", "_yusuan",
    ]
    assert wb["_yusuan"].sheet_state == "veryHidden"
    assert "yusuan_prepare" in wb.defined_names
    assert is_workbook(out)
    info = wb["基本信息"]
    assert [info.cell(r, 2).value for r in range(3, 6)] == ["单位名称（必填）", "主管部门", "年度（必填）"]
    assert info["C5"].value == 2024 and info["C7"].value == "预算"
    narrative = wb["文字部分"]
    assert narrative["B3"].value == "部门职责"
    assert narrative["B6"].value == "收支预算总体情况" and "留空则由表格数据草拟" in narrative["D6"].value
    assert "（草拟）" in "".join(str(c.value or "") for c in wb["说明"]["B"])


def test_headers_freeze_and_number_formats(tmp_path):
    wb = load_workbook(_template(tmp_path))
    ws = wb["表3 支出总表"]
    assert [ws.cell(4, c).value for c in range(2, 10)] == [
        "科目编码", "科目名称", "支出总计", "基本支出", "项目支出", "政府采购项目", None, None]
    assert [ws.cell(5, c).value for c in range(7, 10)] == ["小计", "其中：面向中小企业", "其中：面向小型、微型企业"]
    assert ws["C6"].value == "合计"
    assert ws.freeze_panes == "D6"
    assert ws["D6"].number_format == "#,##0.00"  # thousands separators
    assert ws["B7"].number_format == "@"  # codes stay text: 2010101, not a number
    assert ws.column_dimensions["A"].hidden and ws.row_dimensions[3].hidden
    summary = wb["表1 收支总表"]
    assert [summary.cell(4, c).value for c in (2, 5)] == ["收入", "支出"]
    assert [summary.cell(5, c).value for c in range(2, 8)] == [
        "项目", "2024年预算数", "上年预算数", "项目", "2024年预算数", "上年预算数"]
    assert summary["B6"].value == "一、政府预算拨款"
    three = wb["表9 三公经费"]
    assert [three.cell(r, 2).value for r in (6, 7, 8)] == ["2024年预算数", "2023年预算数", three["B8"].value]
    assert three["B8"].value.startswith("增减原因")


def test_validations_on_codes_amounts_and_kind(tmp_path):
    wb = load_workbook(_template(tmp_path))
    ws = wb["表3 支出总表"]
    code = _covering(ws, "B7")
    assert len(code) == 1 and code[0].type == "list" and code[0].formula1 == "yusuan_function_codes"
    assert code[0].errorStyle == "warning"  # the shipped list is partial: an unlisted code may be right
    amount = _covering(ws, "F7")
    assert len(amount) == 1 and (amount[0].type, amount[0].operator, amount[0].formula1) == (
        "decimal", "greaterThanOrEqual", "0")
    economic = _covering(wb["表8 一般公共预算（基本）支出表（经济分类）"], "B7")
    assert economic[0].formula1 == "yusuan_economic_codes"
    kind = _covering(wb["基本信息"], "C7")
    assert kind[0].type == "list" and kind[0].formula1 == '"预算,决算"'
    unit = _covering(ws, "C2")
    assert unit[0].formula1 == '"万元,元"'
    # the lists are on the hidden sheet, as many codes as the catalog has
    target = wb.defined_names["yusuan_function_codes"].attr_text
    assert target.startswith("_yusuan!$D$2:$D$")
    meta = wb["_yusuan"]
    codes = [meta.cell(r, 4).value for r in range(2, meta.max_row + 1) if meta.cell(r, 4).value]
    assert sorted(codes) == sorted(load_catalog("function", 2024).entries)
    assert int(target.rsplit("$", 1)[1]) == len(codes) + 1


def test_a_complete_imported_catalog_makes_the_code_check_strict(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path / "home"))
    listing = tmp_path / "2024功能分类.csv"
    listing.write_text("科目编码,科目名称\n201,一般公共服务支出\n20101,人大事务\n2010101,行政运行\n", encoding="utf-8")
    import_catalog(listing, "function", 2024)
    wb = load_workbook(_template(tmp_path))
    code = _covering(wb["表3 支出总表"], "B7")[0]
    assert code.errorStyle in (None, "stop")  # stop is the default style, not written
    meta = wb["_yusuan"]
    assert [meta.cell(r, 4).value for r in range(2, 5)] == ["201", "20101", "2010101"] and meta["D5"].value is None


@pytest.mark.parametrize("style,tables", [
    ("jiangsu", ["公开01表 收支总表", "公开09表 三公经费", "公开11表 机关运行经费", "公开12表 政府采购"]),
    ("shanghai", ["收支总表", "三公经费"]),
])
def test_each_family_has_its_set(tmp_path, style, tables):
    wb = load_workbook(_template(tmp_path, "--style", style))
    assert all(t in wb.sheetnames for t in tables)
    if style == "jiangsu":
        summary = wb["公开01表 收支总表"]
        assert [summary.cell(4, c).value for c in (2, 5, 8)] == ["收入", "支出（按功能分类）", "支出（按支出用途）"]
    else:
        assert wb["收支总表"]["C2"].value == "元"  # Shanghai prints its tables in 元
        assert wb["三公经费"]["C2"].value == "万元"


def test_final_accounts(tmp_path):
    wb = load_workbook(_template(tmp_path, "--kind", "final_accounts"))
    assert wb["基本信息"]["C7"].value == "决算"
    assert "表1 收支总表" in wb.sheetnames and len([n for n in wb.sheetnames if n.startswith("表")]) == 9
    ws = wb["表5 一般公共预算支出表（功能分类）"]
    assert [ws.cell(3, c).value for c in range(2, 8)] == [
        "|code|function", "|label|", "|amount|total@final", "|amount|basic@final", "|amount|project@final",
        "|amount|total@prior_final"]
    assert wb["文字部分"]["B6"].value == "收支决算总体情况"


PINGSHAN = CORPUS / "shenzhen-2023-pingshan-guanliju-budget.txt"


def test_filled_from_a_publication(tmp_path):
    out = tmp_path / "budget.xlsx"
    result = CliRunner().invoke(main, ["template", "--year", "2023", "--out", str(out), "--from", str(PINGSHAN)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    assert wb["基本信息"]["C3"].value == "深圳市生态环境局坪山管理局"
    ws = wb["表3 支出总表"]
    assert (ws["C6"].value, ws["D6"].value, ws["D6"].number_format) == ("深圳市生态环境局坪山管理局", 6623, "#,##0")
    assert (ws["B7"].value, ws["C7"].value, ws["D7"].value) == ("201", "一般公共服务支出", 242)


def test_last_years_publication_fills_the_prior_columns(tmp_path):
    out = _template(tmp_path, "--from", str(PINGSHAN))  # 2023's publication for the 2024 workbook
    wb = load_workbook(out)
    assert wb["基本信息"]["C5"].value == 2024
    general = wb["表7 一般公共预算支出表（功能分类）"]
    assert [general.cell(3, c).value for c in (4, 7)] == ["|amount|total", "|amount|total@prior_budget"]
    assert [general.cell(7, c).value for c in (2, 3, 4, 7)] == ["201", "一般公共服务支出", None, 242]
    summary = wb["表1 收支总表"]
    last = [summary.cell(r, 2).value for r in range(6, summary.max_row + 1)]
    totals = last.index("收入总计") + 6
    assert (summary.cell(totals, 4).value, summary.cell(totals, 5).value) == (6623, "支出总计")
    three = wb["表9 三公经费"]
    assert [three.cell(7, c).value for c in range(2, 6)] == ["2023年预算数", 14, 0, 14]  # 上年 row
    assert [three.cell(6, c).value for c in range(3, 6)] == [None, None, None]
    tasks = wb["表12 绩效目标"]
    assert tasks["B8"].value == "一般行政管理工作" and tasks["D8"].value is None  # the task kept, its amount not


@pytest.mark.parametrize("args,says", [
    (["--kind", "final_accounts"], "是预算，而要生成的是决算工作簿"),
    (["--year", "2026"], "只能用本年（2026）或上年（2025）的公开文件"),
])
def test_refuses_a_publication_of_another_kind_or_year(tmp_path, args, says):
    year = args[1] if args[0] == "--year" else "2024"
    rest = args if args[0] != "--year" else []
    result = CliRunner().invoke(main, ["template", "--year", year, "--out", str(tmp_path / "b.xlsx"),
                                       "--from", str(PINGSHAN), *rest])
    assert result.exit_code == 2 and says in result.output


def test_refuses_another_extension(tmp_path):
    result = CliRunner().invoke(main, ["template", "--year", "2024", "--out", str(tmp_path / "x.xls")])
    assert result.exit_code == 2 and ".xlsx" in result.output
