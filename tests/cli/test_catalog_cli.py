"""`yusuan catalog import` and `yusuan catalog show`."""

import pytest
from click.testing import CliRunner

from yusuan.catalog.store import imported_path, load
from yusuan.cli.main import main

LIST = "科目编码,科目名称\n201,一般公共服务支出\n20101,人大事务\n2010101,行政运行\n2010102,一般行政管理事务\n"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def csv_list(tmp_path):
    path = tmp_path / "功能分类.csv"
    path.write_text(LIST, encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_import_reports_counts_by_level_and_where_saved(csv_list):
    result = run("catalog", "import", csv_list, "--scheme", "function", "--year", 2024)
    assert result.exit_code == 0, result.output
    assert "已导入 2024 年支出功能分类科目 4 个（完整科目表）" in result.stdout
    assert "按级次：类 1 个、款 1 个、项 2 个" in result.stdout
    saved = imported_path("function", 2024)
    assert f"保存在：{saved}" in result.stdout
    assert saved.is_file()
    assert load("function", 2024).name("2010102") == "一般行政管理事务"


def test_import_mentions_parents_taken_from_the_shipped_list(tmp_path):
    path = tmp_path / "项.csv"
    path.write_text("科目编码,科目名称\n2010102,一般行政管理事务\n", encoding="utf-8")
    result = run("catalog", "import", path, "--scheme", "function", "--year", 2024, "--partial")
    assert result.exit_code == 0, result.output
    assert "科目 1 个（部分科目），另从随软件附带的科目表补入上级科目 2 个" in result.stdout
    assert "按级次：类 1 个、款 1 个、项 1 个" in result.stdout


@pytest.mark.parametrize(
    "content, reason",
    [
        ("科目编码,科目名称\n201,一般公共服务支出\n2010,错位\n", "有 4 位"),
        ("甲,乙\n一,二\n", "找不到科目编码列"),
    ],
)
def test_import_of_a_bad_list_exits_2_with_one_chinese_line(tmp_path, content, reason):
    path = tmp_path / "坏表.csv"
    path.write_text(content, encoding="utf-8")
    result = run("catalog", "import", path, "--scheme", "function", "--year", 2024)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "坏表.csv" in lines[0] and reason in lines[0]
    assert "Traceback" not in result.output
    assert not imported_path("function", 2024).exists()


@pytest.mark.parametrize("make, reason", [(lambda p: p / "没有.csv", "不存在"), (lambda p: p, "目录")])
def test_import_of_a_missing_file_or_directory_exits_2(tmp_path, make, reason):
    result = run("catalog", "import", make(tmp_path), "--scheme", "function", "--year", 2024)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and reason in result.stderr


def test_import_refuses_an_unknown_scheme(csv_list):
    result = run("catalog", "import", csv_list, "--scheme", "income", "--year", 2024)
    assert result.exit_code == 2  # click's usage error
    assert not imported_path("income", 2024).exists()


def test_show_shipped_list():
    result = run("catalog", "show", "--scheme", "function", "--year", 2023)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "2023 年支出功能分类科目表（function）",
        "随软件附带：2023 年",
        "用户导入：无",
        "完整性：部分科目，不是完整的官方科目表",
        "按级次：类 5 个、款 8 个、项 15 个",
    ]


def test_show_economic_scheme_has_two_levels():
    result = run("catalog", "show", "--scheme", "economic_dept", "--year", 2023)
    assert "按级次：类 5 个、款 73 个" in result.stdout


def test_show_after_a_complete_import_and_in_a_fallback_year(csv_list):
    run("catalog", "import", csv_list, "--scheme", "function", "--year", 2024)
    this_year = run("catalog", "show", "--scheme", "function", "--year", 2024).stdout.splitlines()
    assert this_year[1:4] == [
        "随软件附带：2023 年（没有 2024 年的，用 2023 年的代替）",
        "用户导入：2024 年",
        "完整性：完整的官方科目表",
    ]
    next_year = run("catalog", "show", "--scheme", "function", "--year", 2025).stdout.splitlines()
    assert next_year[2:4] == ["用户导入：2024 年（没有 2025 年的，用 2024 年的代替）", "完整性：部分科目，不是完整的官方科目表"]


def test_show_partial_import(csv_list):
    run("catalog", "import", csv_list, "--scheme", "function", "--year", 2023, "--partial")
    result = run("catalog", "show", "--scheme", "function", "--year", 2023)
    assert "用户导入：2023 年" in result.stdout
    assert "完整性：部分科目，不是完整的官方科目表" in result.stdout


def test_show_code():
    result = run("catalog", "show", "--scheme", "function", "--year", 2023, "--code", "201 01 01")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["2010101 行政运行", "级次：项（第 3 级）", "上级科目：20101 人大事务"]


def test_show_top_level_code():
    result = run("catalog", "show", "--scheme", "economic_dept", "--year", 2023, "--code", "302")
    assert result.stdout.splitlines()[1:] == ["级次：类（第 1 级）", "上级科目：无（这是一个类级科目）"]


def test_show_unknown_code_exits_1():
    result = run("catalog", "show", "--scheme", "function", "--year", 2023, "--code", "2130101")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == "错误：2023 年科目表中没有科目编码“2130101”"
