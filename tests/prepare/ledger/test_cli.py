"""`yusuan ledger import|export|derive|rollup|next`, and the workbook of lines read by render and check."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from tests.conftest import CORPUS
from tests.prepare.ledger.conftest import DEPARTMENT, PINGSHAN, ZHINENG, small_ledger
from yusuan.cli.main import main
from yusuan.ingest.read import read_disclosure
from yusuan.model.load import load_disclosures
from yusuan.prepare.ledger.xlsx import read_ledger, write_ledger
from yusuan.prepare.workbook import read_workbook


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_import_a_publication_says_what_it_chose_and_what_differs(tmp_path):
    out = tmp_path / "坪山.xlsx"
    result = run("ledger", "import", CORPUS / PINGSHAN, "--to", out)
    assert result.exit_code == 0, result.output
    assert "拆出 60 行预算行" in result.output and "所作的选择：" in result.output
    assert "不一致的 10 处" in result.output and "208 社会保障和就业支出" in result.output
    ledger = read_ledger(out)
    assert ledger.body == "深圳市生态环境局坪山管理局" and ledger.unit == "元"
    check = run("check", out)
    assert check.exit_code == 0, check.output  # the derived disclosure: warnings at most


def test_import_a_preparation_workbook(pingshan_master, tmp_path):
    out = tmp_path / "lines.xlsx"
    result = run("ledger", "import", pingshan_master, "--to", out, "--unit", "万元")
    assert result.exit_code == 0, result.output
    ledger = read_ledger(out)
    assert ledger.unit == "万元" and len(ledger.lines) == 60
    # the workbook holds the figures of the publication: the same differences, no other
    assert "不一致的 10 处" in result.output


def test_import_keeps_a_workbook_of_lines(built, tmp_path):
    source = write_ledger(built[ZHINENG].ledger, tmp_path / "a.xlsx")
    result = run("ledger", "import", source, "--to", tmp_path / "b.xlsx")
    assert result.exit_code == 0 and "115 行" in result.output
    assert len(read_ledger(tmp_path / "b.xlsx").lines) == 115


def test_export(tmp_path):
    source = write_ledger(small_ledger(), tmp_path / "l.xlsx")
    assert run("ledger", "export", source, "--to", tmp_path / "l.csv").exit_code == 0
    with (tmp_path / "l.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:2] == ["单位名称", "功能分类科目编码"] and "2023年预算数（万元）" in rows[0]
    assert len(rows) == 11 and rows[1][rows[0].index("2023年预算数（万元）")] == "120.5"
    assert run("ledger", "export", source, "--to", tmp_path / "l.json").exit_code == 0
    data = json.loads((tmp_path / "l.json").read_text(encoding="utf-8"))
    assert data["year"] == 2023 and len(data["lines"]) == 10 and data["lines"][0]["source"]["cell"] == "A2"
    assert run("ledger", "export", source, "--to", tmp_path / "l.txt").exit_code == 2


def test_derive_a_model_and_a_workbook(tmp_path):
    source = write_ledger(small_ledger(), tmp_path / "l.xlsx")
    result = run("ledger", "derive", source, "--to", tmp_path / "d.json", "--style", "jiangsu")
    assert result.exit_code == 0 and "jiangsu 版式，12 张表" in result.output
    doc, = load_disclosures(tmp_path / "d.json")
    assert doc.tables[0].number_text == "公开01表"
    result = run("ledger", "derive", source, "--to", tmp_path / "w.xlsx")
    assert result.exit_code == 0, result.output
    workbook = read_workbook(tmp_path / "w.xlsx")  # a preparation workbook to write the narrative in
    assert [t.number for t in workbook.tables if t.number][:3] == ["1", "2", "3"]
    result = run("ledger", "derive", source, "--to", tmp_path / "f.json", "--final")
    assert result.exit_code == 2 and "执行数" in result.output


def test_render_and_check_read_a_workbook_of_lines(tmp_path):
    source = write_ledger(small_ledger(style="shanghai"), tmp_path / "l.xlsx")
    out = tmp_path / "公开.html"
    result = run("render", source, "--to", out)
    assert result.exit_code == 0 and "shanghai 版式" in result.output  # the style the workbook names
    printed = read_disclosure(out)
    assert printed.identity.body == "测试单位" and len([t for t in printed.tables if t.rows]) >= 9
    assert run("check", source).exit_code == 0


def test_rollup_and_next(built, tmp_path):
    a = write_ledger(built[PINGSHAN].ledger, tmp_path / "a.xlsx")
    b = write_ledger(built[ZHINENG].ledger, tmp_path / "b.xlsx")
    result = run("ledger", "rollup", a, b, "--department", DEPARTMENT, "--to", tmp_path / "dept.xlsx")
    assert result.exit_code == 0 and "2 个单位的 175 行" in result.output
    dept = read_ledger(tmp_path / "dept.xlsx")
    assert (dept.body, dept.level, dept.units) == (DEPARTMENT, "department",
                                                  ["深圳市生态环境局坪山管理局", "深圳市生态环境智能管控中心"])
    result = run("ledger", "rollup", a, a, "--department", DEPARTMENT, "--to", tmp_path / "twice.xlsx")
    assert result.exit_code == 2 and "不止一次" in result.output
    result = run("ledger", "next", tmp_path / "dept.xlsx", "--to", tmp_path / "2024.xlsx")
    assert result.exit_code == 0 and "2024 年预算行" in result.output
    nxt = read_ledger(tmp_path / "2024.xlsx")
    assert nxt.year == 2024 and all(x.prior_budget is not None for x in nxt.lines)


def test_final_accounts_are_not_split_into_budget_lines(tmp_path):
    result = run("ledger", "import", CORPUS / "shanghai-putuo-2024-shehui-gongzuobu-dept-final.pdf",
                 "--to", tmp_path / "x.xlsx")
    assert result.exit_code == 2 and "决算公开文件不能拆成预算行" in result.output
    assert result.output.startswith("错误：无法读取 shanghai-putuo-2024-shehui-gongzuobu-dept-final.pdf")
