"""Reading a filled preparation workbook: the Disclosure, provenance, blank totals, errors."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from click.testing import CliRunner

from tests.conftest import corpus_doc
from tests.prepare.conftest import PINGSHAN, through_workbook
from tests.render.roundtrip import cells, diff
from yusuan.catalog.importer import import_catalog
from yusuan.cli.main import main
from yusuan.ingest.read import read_disclosure, read_publications
from yusuan.prepare import sheets as S
from yusuan.prepare.workbook import read_workbook
from yusuan.rules.registry import run

EXPENSE = "table:expense_summary"


def test_the_filled_workbook_has_the_cells_of_the_publication(pingshan_book):
    doc = read_disclosure(pingshan_book.path)
    assert diff(cells(doc), cells(corpus_doc(PINGSHAN))) == ([], [])
    assert doc.identity == corpus_doc(PINGSHAN).identity
    assert [t.number_text for t in doc.tables] == ["表1", "表3", "表6", "表7", "表8", "表9", "表10", "表11", "表12", ""]


@pytest.mark.parametrize("style,files", [
    ("shanghai", ["shanghai-putuo-2025-wanli-jiedao-dept-budget.pdf"]),
    ("shanghai", ["shanghai-putuo-2024-shehui-gongzuobu-dept-final.pdf"]),
    ("shenzhen", ["shenzhen-2023-zhineng-guankong-zhongxin-budget.txt"]),
])
def test_other_publications_survive_the_workbook(tmp_path, style, files):
    original, path = through_workbook(tmp_path, style, files)
    assert diff(cells(read_workbook(path)), cells(original)) == ([], [])


def test_every_value_is_a_decimal_with_its_sheet_and_cell(pingshan_book):
    doc = read_workbook(pingshan_book.path)
    sheets = pingshan_book.wb.sheetnames
    for table in doc.tables:
        for row, measure, value in table.cells():
            assert isinstance(value.amount, Decimal)
            assert value.source.file == "budget.xlsx" and value.source.cell
    expense = doc.tables_of("expense_summary")[0]
    first = expense.rows[0].values["total"]
    assert (first.amount, first.text) == (Decimal(6623), "6,623")
    assert sheets[first.source.page - 1] == "表3 支出总表" and first.source.cell == "D6"
    row = next(r for r in expense.rows if r.code == "2010101")
    assert row.values["basic"].source.cell == "E9" and row.source.cell == "C9"
    indicator = doc.performance.indicators[0]
    assert sheets[indicator.source.page - 1] == "表12 绩效目标"


def test_blank_totals_are_added_up_and_say_where(pingshan_book):
    book = pingshan_book
    total_row = book.find(EXPENSE, "|label|", "深圳市生态环境局坪山管理局")
    class_row = book.find(EXPENSE, "|label|", "节能环保支出")
    cleared = {m: book.put(EXPENSE, total_row, f"|amount|{m}", None) for m in ("total", "basic", "project")}
    cleared_class = book.put(EXPENSE, class_row, "|amount|total", None)
    book.save()
    doc = read_workbook(book.path)
    expense = doc.tables_of("expense_summary")[0]
    # 节能环保支出 = its 款 3,125 + 1,354 + 1,755 (the publication printed 6,233: its amounts were rounded)
    energy = next(r for r in expense.rows if r.code == "211")
    assert energy.values["total"].text == "6,234" and energy.values["total"].source.cell == cleared_class
    # the body's line = its 类: 242 + 70 + 20 + 6,234 (computed above) + 59
    total = expense.rows[0].values
    assert (total["total"].text, total["basic"].text, total["project"].text) == ("6,625", "914", "5,710")
    assert {m: v.source.cell for m, v in total.items() if m in cleared} == cleared
    assert diff(cells(doc), cells(corpus_doc(PINGSHAN)))[1] == [
        ("3", "expense_summary", "", "", "深圳市生态环境局坪山管理局", "basic", "913", "万元"),
        ("3", "expense_summary", "", "", "深圳市生态环境局坪山管理局", "total", "6623", "万元"),
        ("3", "expense_summary", "", "211", "节能环保支出", "total", "6233", "万元")]


def test_a_typed_total_is_kept_and_flagged(pingshan_book):
    book = pingshan_book
    ref = book.put(EXPENSE, book.find(EXPENSE, "|label|", "深圳市生态环境局坪山管理局"), "|amount|total", 7000)
    book.save()
    doc = read_workbook(book.path)
    assert doc.tables_of("expense_summary")[0].rows[0].values["total"].amount == 7000
    flagged = [f for f in run(doc) if f.rule == "arith-total-rows" and f.kind == "expense_summary"]
    assert flagged and flagged[0].actual == 7000 and flagged[0].expected == 6624  # its printed 类 add up to 6,624
    assert flagged[0].locations[0].cell == ref


def _break(book, how: str) -> tuple[str, str]:
    """Spoil the workbook one way; the sheet and cell the error must name."""
    row = book.find(EXPENSE, "|label|", "人大事务")
    if how == "letters":
        return "表3 支出总表", book.put(EXPENSE, row, "|amount|basic", "二百四十二")
    if how == "unit":
        return "表3 支出总表", book.put(EXPENSE, row, "|amount|basic", "242万元")
    if how == "negative":
        return "表3 支出总表", book.put(EXPENSE, row, "|amount|basic", -242)
    if how == "malformed code":
        return "表3 支出总表", book.put(EXPENSE, row, "|code|function", "2010X")
    if how == "economic code in a function table":
        return "表3 支出总表", book.put(EXPENSE, row, "|code|function", "30101")
    if how == "no body":
        return "基本信息", book.set("info", "body", None)
    if how == "year":
        return "基本信息", book.set("info", "year", "二〇二三")
    if how == "kind":
        return "基本信息", book.set("info", "kind", "决算")
    if how == "label":
        book.put(EXPENSE, row, "|code|function", None)
        return "表3 支出总表", book.put(EXPENSE, row, "|label|", None)
    if how == "digits":
        return "表3 支出总表", book.put(EXPENSE, row, "|amount|basic", "9" * 29)
    if how == "huge":
        return "表3 支出总表", book.put(EXPENSE, row, "|amount|basic", 1e308)
    if how == "hidden style":
        meta = book.wb[S.META_SHEET]
        cell = next(meta.cell(r, 2) for r in range(1, meta.max_row + 1) if meta.cell(r, 1).value == "style")
        cell.value = "beijing"
        return S.META_SHEET, cell.coordinate
    raise ValueError(how)


@pytest.mark.parametrize("how,says", [
    ("letters", "应填写金额数字，而填写的是“二百四十二”"),
    ("unit", "应填写金额数字，而填写的是“242万元”"),
    ("negative", "金额不能为负数"),
    ("malformed code", "科目编码“2010X”不是功能分类科目编码"),
    ("economic code in a function table", "科目编码“30101”不是功能分类科目编码"),
    ("no body", "缺少必填项“单位名称”"),
    ("year", "年度应为四位数字"),
    ("label", "没有填写科目名称"),
    ("kind", "本工作簿是按预算生成的，不能改填为决算；请用 yusuan template --kind final_accounts 重新生成"),
    ("digits", "位数过多（超过 18 位）"),
    ("huge", "金额“1000000000000000010979063629440455417404…”位数过多"),
    ("hidden style", "隐藏工作表中的设置“style”是“beijing”，应为shenzhen、jiangsu、shanghai之一"),
])
def test_a_bad_workbook_names_file_sheet_and_cell(pingshan_book, how, says):
    sheet, ref = _break(pingshan_book, how)
    pingshan_book.save()
    for command in (["render", str(pingshan_book.path), "--to", str(pingshan_book.path.with_suffix(".html"))],
                    ["check", str(pingshan_book.path)], ["extract", str(pingshan_book.path)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, result.output
        assert f"无法读取 budget.xlsx（工作表“{sheet}”单元格 {ref}）：" in result.output and says in result.output
        assert result.output.count("\n") == 1  # one line, no traceback


def test_an_unknown_code_against_a_complete_catalog(pingshan_book, tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path / "home"))
    listing = tmp_path / "功能分类2023.csv"
    codes = sorted({r.code for t in corpus_doc(PINGSHAN).tables for r in t.rows if r.code and r.code[0] == "2"})
    listing.write_text("科目编码,科目名称\n" + "".join(f"{c},科目{c}\n" for c in codes if c != "2010101"),
                       encoding="utf-8")
    import_catalog(listing, "function", 2023)
    result = CliRunner().invoke(main, ["check", str(pingshan_book.path)])
    assert result.exit_code == 2
    assert "（工作表“表3 支出总表”单元格 B9）：科目编码“2010101”不在 2023 年的功能分类科目表中" in result.output


def test_a_code_without_a_name_takes_the_catalogs(pingshan_book):
    book = pingshan_book
    book.put(EXPENSE, book.find(EXPENSE, "|label|", "人大事务"), "|label|", None)
    book.save()
    row = next(r for r in read_workbook(book.path).tables_of("expense_summary")[0].rows if r.code == "20101")
    assert row.label == "人大事务"


def test_extract_and_check_read_a_workbook(pingshan_book):
    result = CliRunner().invoke(main, ["extract", str(pingshan_book.path), "--format", "csv"])
    assert result.exit_code == 0
    lines = list(csv.reader(io.StringIO(result.output)))
    assert lines[0] == ["table_no", "kind", "side", "code", "item", "measure", "value", "unit", "page"]
    assert ["3", "expense_summary", "", "", "深圳市生态环境局坪山管理局", "total", "6623", "万元", "7"] in lines
    result = CliRunner().invoke(main, ["check", str(pingshan_book.path), "--format", "json"])
    assert result.exit_code == 1  # the drafts ask for the reasons of the changes
    report = json.loads(result.output)
    placeholder = [f for f in report["findings"] if f["rule"] == "hyg-placeholder"]
    assert placeholder and placeholder[0]["locations"][0]["page"] == 3 and placeholder[0]["locations"][0]["cell"]
    text = CliRunner().invoke(main, ["check", str(pingshan_book.path)]).output
    assert "第 3 张工作表 C" in text


def test_a_workbook_among_other_publications(pingshan_book):
    docs = read_publications([pingshan_book.path, corpus_doc_path()])
    assert [d.files for d in docs] == [["budget.xlsx"], [PINGSHAN]]
    with pytest.raises(Exception, match="准备工作簿"):
        read_disclosure(pingshan_book.path, corpus_doc_path())


def corpus_doc_path():
    from tests.conftest import CORPUS

    return CORPUS / PINGSHAN


def test_the_json_model_keeps_cells_and_drafts(pingshan_book, tmp_path):
    out = tmp_path / "doc.json"
    result = CliRunner().invoke(main, ["extract", str(pingshan_book.path), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0
    from yusuan.model.load import load_disclosures

    doc = load_disclosures(out)[0]
    original = read_workbook(pingshan_book.path)
    assert cells(doc) == cells(original)
    value = doc.tables[1].rows[0].values["total"]
    assert value.source.cell == original.tables[1].rows[0].values["total"].source.cell
    drafted = [p for s in doc.sections for p in s.paragraphs if p.drafted]
    assert drafted and len(drafted) == sum(p.drafted for s in original.sections for p in s.paragraphs)
