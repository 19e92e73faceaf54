"""`yusuan check` with the documents a check compares against: --units (a department's units, every file
after it) and --prior (the same body's year before)."""

import json
from pathlib import Path

from click.testing import CliRunner

from yusuan.cli.check import spread
from yusuan.cli.main import main

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "corpus"
PINGSHAN = CORPUS / "shenzhen-2023-pingshan-guanliju-budget.txt"
CENTRE = CORPUS / "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt"


def test_units_takes_every_file_up_to_the_next_option():
    assert spread(["部门.pdf", "--units", "a.pdf", "b.pdf", "--format", "json"], "--units") == [
        "部门.pdf", "--units", "a.pdf", "--units", "b.pdf", "--format", "json"]
    assert spread(["--units", "a.pdf", "--", "c.pdf"], "--units") == ["--units", "a.pdf", "--", "c.pdf"]


def test_a_department_made_of_itself_and_another_unit_is_told_it_is_not_their_sum():
    """坪山管理局's budget checked as if it were a department whose units were it and 智能管控中心: every line is
    short by the other unit's figures, and the check says so with exit status 1."""
    out = CliRunner().invoke(main, ["check", str(PINGSHAN), "--units", str(PINGSHAN), str(CENTRE),
                                    "--rule", "rollup-totals", "--format", "json"])
    assert out.exit_code == 1, out.output
    found = json.loads(out.output)["findings"]
    income = next(f for f in found if f["item"] == "收入总计")
    assert (income["expected"], income["actual"]) == ("14279", "6623")


def test_the_year_before_of_another_year_is_refused_with_exit_2():
    out = CliRunner().invoke(main, ["check", str(PINGSHAN), "--prior", str(CENTRE)])
    assert out.exit_code == 2 and "上年文件是 2023 年预算，应当是 2022 年预算" in out.output


def test_the_year_before_is_read_against_the_text():
    out = CliRunner().invoke(main, ["check", str(CORPUS / "jiangsu-2018-jianchayuan-budget.pdf"),
                                    "--prior", str(CORPUS / "jiangsu-2017-jianchayuan-budget.pdf"),
                                    "--rule", "text-prior-published"])
    assert out.exit_code == 0 and "因公出国（境）费预算支出100万元，与上年预算数相等" in out.output
    assert "2017 年公开的文件" in out.output
