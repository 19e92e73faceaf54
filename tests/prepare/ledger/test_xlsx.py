"""The XLSX of lines: a sheet a person (or a budget system) made reads into lines with their sheet and row;
bad input gets one Chinese error naming the file, the sheet, the row and the column (exit status 2)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from tests.prepare.ledger.conftest import small_ledger
from yusuan.cli.main import main
from yusuan.model.errors import IngestError
from yusuan.prepare.ledger.xlsx import is_ledger, ledger_warnings, read_ledger, write_ledger

HEADER = ["单位名称", "功能分类科目编码", "部门经济分类科目编码", "支出类型", "资金来源", "2023年预算数（万元）"]
GOOD = ["某单位", "2110101", "30101", "基本支出", "一般公共预算拨款", 100]


def book(tmp_path, rows, header=HEADER, name="预算行", info=None):
    wb = Workbook()
    ws = wb.active
    ws.title = name
    ws.append(header)
    for row in rows:
        ws.append(row)
    if info:
        sheet = wb.create_sheet("基本信息")
        for key, value in info:
            sheet.append([key, value])
    path = tmp_path / "行.xlsx"
    wb.save(path)
    return path


def test_a_sheet_of_the_required_columns_reads(tmp_path):
    header = ["资金来源", "支出类型", "2023年预算数（万元）", "单位名称", "功能分类科目编码", "部门经济分类科目编码",
              "2022年预算数（万元）", "“三公”经费", "机关运行经费"]
    path = book(tmp_path, [["一般公共预算拨款", "基本支出", "1,234.5", "某单位", "2110101", "30231", 1000,
                            "公务用车运行维护费", "是"],
                           [None] * 9,  # a blank row is passed over
                           ["其他收入", "项目支出", 10.25, "某单位", " 2110199 ", "30299", None, None, None]],
                header=header)
    assert is_ledger(path)
    ledger = read_ledger(path)
    assert (ledger.body, ledger.year, ledger.unit, ledger.level) == ("某单位", 2023, "万元", "unit")
    first, second = ledger.lines
    assert (first.fund, first.purpose, first.amount, first.prior_budget) == (
        "general_budget", "basic", Decimal("1234.5"), Decimal(1000))
    assert first.three_public == "vehicle_operation" and first.office and first.personnel is False
    assert (second.function, second.amount, second.fund) == ("2110199", Decimal("10.25"), "other")
    assert (second.source.file, second.source.page, second.source.cell) == ("行.xlsx", 1, "A4")


def test_the_basic_kind_follows_the_economic_class_unless_given():
    ledger = small_ledger()
    wages, office = ledger.lines[0], ledger.lines[2]
    assert wages.personnel and not wages.public and office.public
    office.basic_kind = "personnel"
    assert office.personnel


def test_warnings_name_the_row(tmp_path):
    path = book(tmp_path, [["某单位", "2119999", "30101", "基本支出", "一般公共预算拨款", 1],
                           ["某单位", "2110101", "30101", "基本支出", "一般公共预算拨款", 1]])
    warnings = ledger_warnings(read_ledger(path))
    assert len(warnings) == 1 and "第 2 行" in warnings[0] and "2119999" in warnings[0]


BAD = [
    ("unknown column", [GOOD], HEADER + ["备考"], "G 列（备考）", "不是预算行的列"),
    ("no amount column", [GOOD[:5]], HEADER[:5], "第 1 行", "没有本年预算数列"),
    ("missing column", [GOOD[1:]], HEADER[1:], "第 1 行", "缺少必填的列：单位名称"),
    ("code too short", [["某单位", "21101", "30101", "基本支出", "一般公共预算拨款", 1]], HEADER,
     "第 2 行 B 列（功能分类科目编码）", "不是功能分类“项”级科目编码"),
    ("economic code", [["某单位", "2110101", "2110101", "基本支出", "一般公共预算拨款", 1]], HEADER,
     "第 2 行 C 列（部门经济分类科目编码）", "部门经济分类“款”"),
    ("word amount", [["某单位", "2110101", "30101", "基本支出", "一般公共预算拨款", "一百万"]], HEADER,
     "第 2 行 F 列（2023年预算数（万元））", "应填写金额数字"),
    ("negative", [["某单位", "2110101", "30101", "基本支出", "一般公共预算拨款", -5]], HEADER,
     "第 2 行 F 列", "金额不能为负数"),
    ("purpose", [["某单位", "2110101", "30101", "人员支出", "一般公共预算拨款", 5]], HEADER,
     "第 2 行 D 列（支出类型）", "应填写基本支出、项目支出"),
    ("blank fund", [["某单位", "2110101", "30101", "基本支出", None, 5]], HEADER,
     "第 2 行 E 列（资金来源）", "必填项“资金来源”没有填写"),
    ("no economic", [["某单位", "2110101", None, "项目支出", "一般公共预算拨款", 5]], HEADER,
     "第 2 行 C 列", "项目支出应填写部门经济分类科目编码"),
    ("transfer", [["某单位", "2110101", None, "对附属单位补助支出", "一般公共预算拨款", 5]], HEADER,
     "第 2 行 D 列", "应填写对方单位"),
    ("two years", [GOOD], HEADER[:5] + ["2023年预算数（万元）", "2020年预算数（万元）"], "G 列", "年度与本年"),
    ("two units", [GOOD], HEADER[:5] + ["2023年预算数（万元）", "2022年预算数（元）"], "第 1 行", "单位不一致"),
]


@pytest.mark.parametrize("case, rows, header, place, reason", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_named(tmp_path, case, rows, header, place, reason):
    path = book(tmp_path, rows, header)
    with pytest.raises(IngestError) as e:
        read_ledger(path)
    message = str(e.value)
    assert message.startswith("无法读取 行.xlsx（工作表“预算行”") and place in message and reason in message, message
    result = CliRunner().invoke(main, ["ledger", "import", str(path), "--to", str(tmp_path / "out.xlsx")])
    assert result.exit_code == 2 and result.output.strip() == f"错误：{message}"
    assert not (tmp_path / "out.xlsx").exists()


def test_procurement_cannot_exceed_its_line(tmp_path):
    header = HEADER + ["政府采购品目", "政府采购金额（万元）", "其中：面向中小企业（万元）"]
    path = book(tmp_path, [GOOD + ["服务", 200, None]], header)
    with pytest.raises(IngestError, match="政府采购金额 200 大于本行预算数 100"):
        read_ledger(path)
    path = book(tmp_path, [GOOD + [None, 50, None]], header)
    with pytest.raises(IngestError, match="G 列（政府采购品目）.*采购品目"):
        read_ledger(path)
    path = book(tmp_path, [GOOD + ["服务", 50, 60]], header)
    with pytest.raises(IngestError, match="I 列.*大于政府采购金额"):
        read_ledger(path)


def test_many_units_need_the_departments_name(tmp_path):
    rows = [GOOD, ["另一单位", *GOOD[1:]]]
    with pytest.raises(IngestError, match="属于 2 个单位.*基本信息"):
        read_ledger(book(tmp_path, rows))
    ledger = read_ledger(book(tmp_path, rows, info=[("部门（单位）名称", "某部门"), ("级次", "部门"), ("版式", "江苏")]))
    assert (ledger.body, ledger.level, ledger.style, ledger.units) == ("某部门", "department", "jiangsu",
                                                                       ["某单位", "另一单位"])
    with pytest.raises(IngestError, match="级次应为“部门”或“单位”"):
        read_ledger(book(tmp_path, rows, info=[("部门（单位）名称", "某部门"), ("级次", "处室")]))


def test_not_a_ledger(tmp_path):
    other = tmp_path / "其他.xlsx"
    wb = Workbook()
    wb.active.append(["项目", "金额"])
    wb.save(other)
    assert not is_ledger(other)
    result = CliRunner().invoke(main, ["ledger", "derive", str(other), "--to", str(tmp_path / "x.json")])
    assert result.exit_code == 2 and "不是预算行工作簿" in result.output
    text = tmp_path / "乱码.xlsx"
    text.write_bytes(b"not a zip at all")
    result = CliRunner().invoke(main, ["ledger", "export", str(text), "--to", str(tmp_path / "x.csv")])
    assert result.exit_code == 2 and result.output.startswith("错误：无法读取 乱码.xlsx")


def test_written_ledger_reads_back(tmp_path):
    ledger = small_ledger(style="jiangsu", body_type="行政")
    ledger.names[("function", "2119999")] = "试验科目"
    path = write_ledger(ledger, tmp_path / "l.xlsx")
    back = read_ledger(path)
    assert (back.style, back.body_type, back.names, back.parent) == ("jiangsu", "行政", ledger.names, "测试部门")
    assert [x.amount for x in back.lines] == [x.amount for x in ledger.lines]


def test_a_final_accounts_ledger_reads_as_the_final_set(tmp_path):
    """公开类型 决算 on 基本信息: the `ledger` input format derives the 决算 set from the lines' 执行数."""
    from yusuan.prepare.ledger.reader import read_ledger_disclosure

    ledger = small_ledger()
    ledger.kind = "final_accounts"
    with pytest.raises(IngestError, match="没有一行填写了执行数"):
        read_ledger_disclosure(write_ledger(ledger, tmp_path / "none.xlsx"))
    for line in ledger.lines:
        line.final = line.amount
    path = write_ledger(ledger, tmp_path / "final.xlsx")
    assert read_ledger(path).kind == "final_accounts"
    assert read_ledger_disclosure(path).identity.kind == "final_accounts"
    assert read_ledger(book(tmp_path, [GOOD])).kind == "budget"  # no 公开类型: a budget
    with pytest.raises(IngestError, match="公开类型应为"):
        read_ledger(book(tmp_path, [GOOD], info=[("公开类型", "草稿")]))
