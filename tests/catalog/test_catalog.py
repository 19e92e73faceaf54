"""Catalogs: the shipped lists, importing lists from CSV and XLSX, and how the two merge."""

import json

import pytest
from openpyxl import Workbook

from yusuan.catalog.importer import import_catalog
from yusuan.catalog.store import Entry, imported_path, load, user_home
from yusuan.model.errors import IngestError


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def write_csv(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path, rows, title="Sheet1"):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


# -- shipped lists -------------------------------------------------------------------------------


def test_shipped_function_lookups():
    c = load("function", 2023)
    assert (c.scheme, c.year, c.shipped_year, c.imported_year) == ("function", 2023, 2023, None)
    assert c.name("2010101") == "行政运行"
    assert c.parent("2010101") == "20101" and c.parent("20101") == "201" and c.parent("201") is None
    assert [c.level(x) for x in ("201", "20101", "2010101", "2010", "x")] == [1, 2, 3, None, None]
    assert c.contains("2111101") and not c.contains("2130101")
    assert c.name("2130101") is None
    assert c.entries["2110104"] == Entry("生态环境保护宣传", 3, "21101", "seed_003")
    assert len(c.entries) == 28


def test_codes_as_printed_are_normalized():
    c = load("function", 2023)
    assert c.name("211 01 04") == "生态环境保护宣传"
    assert c.name("２０１０１０１") == "行政运行"


def test_shipped_economic_lookups():
    dept, gov = load("economic_dept", 2023), load("economic_gov", 2023)
    assert dept.name("30201") == "办公费" and dept.parent("30201") == "302"
    assert [dept.level(x) for x in ("302", "30201", "3020101")] == [1, 2, None]
    assert gov.name("50101") == "工资奖金津补贴" and gov.level("501") == 1
    assert not gov.contains("50205")  # SOURCES.md: not retrievable, so not shipped
    assert (len(dept.entries), len(gov.entries)) == (78, 10)


def test_shipped_lists_are_partial():
    assert all(load(s, 2023).is_partial for s in ("function", "economic_dept", "economic_gov"))


def test_other_years_fall_back_to_the_nearest_shipped_year():
    c = load("function", 2025)
    assert (c.shipped_year, c.is_fallback, c.name("2010101")) == (2023, True, "行政运行")
    assert not load("function", 2023).is_fallback


def test_unknown_scheme():
    with pytest.raises(ValueError):
        load("income", 2023)


# -- importing -----------------------------------------------------------------------------------

FUNCTION_CSV = """科目编码,科目名称,说明
201,一般公共服务支出,
20101,人大事务,
2010101,行政运行（人大）,改名
2010102,一般行政管理事务,
213,农林水支出,
21301,农业农村,
2130101,行政运行,
"""


def test_import_csv_utf8_and_merge(home, tmp_path):
    imported = import_catalog(write_csv(tmp_path / "f.csv", FUNCTION_CSV), "function", 2023)
    assert len(imported.entries) == 7 and not imported.is_partial and imported.imported_year == 2023
    assert imported.entries["2130101"] == Entry("行政运行", 3, "21301", "导入：f.csv 第 8 行")
    assert imported_path("function", 2023) == home / "catalogs" / "function-2023.csv"
    assert imported_path("function", 2023).is_file()
    assert json.loads((home / "catalogs" / "function-2023.json").read_text("utf-8"))["partial"] is False

    c = load("function", 2023)
    assert c.name("2010101") == "行政运行（人大）"  # the imported list takes precedence
    assert c.name("2130101") == "行政运行" and c.parent("2130101") == "21301"
    assert not c.contains("2111101")  # a complete official list replaces the shipped partial one
    assert (c.shipped_year, c.imported_year, c.is_partial, c.is_fallback) == (2023, 2023, False, False)


def test_import_gbk_csv_and_partial_flag(tmp_path):
    text = "编码\t名称\n302\t商品和服务支出\n30299\t其他商品和服务支出\n"
    import_catalog(write_csv(tmp_path / "e.csv", text, "gbk"), "economic_dept", 2024, partial=True)
    c = load("economic_dept", 2024)
    assert c.name("30299") == "其他商品和服务支出" and c.is_partial
    assert (c.shipped_year, c.imported_year, c.is_fallback) == (2023, 2024, True)  # shipped 2023 underneath
    assert c.name("30201") == "办公费"


def test_imported_list_of_another_year_is_not_complete_for_this_one(tmp_path):
    import_catalog(write_csv(tmp_path / "f.csv", FUNCTION_CSV), "function", 2023)
    c = load("function", 2024)
    assert (c.imported_year, c.is_fallback, c.is_partial) == (2023, True, True)
    assert c.name("2130101") == "行政运行"


def test_import_xlsx_with_title_rows_and_numbers(tmp_path):
    path = write_xlsx(tmp_path / "f.xlsx", [
        ("2024年政府收支分类科目（支出功能分类）",),
        (),
        ("序号", "科目编码", "科目名称"),
        (1, 201, "一般公共服务支出"),
        (2, 20101, "人大事务"),
        (3, 2010101.0, "行政运行"),
        (4, "2010104", "人大会议"),
    ], title="功能分类")
    imported = import_catalog(path, "function", 2024)
    assert {code: e.name for code, e in imported.entries.items()} == {
        "201": "一般公共服务支出", "20101": "人大事务", "2010101": "行政运行", "2010104": "人大会议",
    }
    assert imported.entries["2010104"].source == "导入：f.xlsx 第 7 行"
    assert load("function", 2024).name("2010104") == "人大会议"


def test_import_single_column_form(tmp_path):
    text = "科目\n211 节能环保支出\n21101 环境保护管理事务\n2110101 行政运行\n"
    imported = import_catalog(write_csv(tmp_path / "f.csv", text), "function", 2023)
    assert imported.entries["2110101"].name == "行政运行"
    headerless = "2010101 行政运行\n"  # no header; parents come from the shipped list
    imported = import_catalog(write_csv(tmp_path / "g.csv", headerless), "function", 2023)
    assert imported.entries["20101"].name == "人大事务" and imported.entries["201"].source == "seed_000"


def test_import_split_lei_kuan_xiang_columns(tmp_path):
    path = write_xlsx(tmp_path / "f.xlsx", [
        ("类", "款", "项", "科目名称"),
        (211, None, None, "节能环保支出"),
        (None, 1, None, "环境保护管理事务"),
        (None, None, 1, "行政运行"),
        (None, None, 4, "生态环境保护宣传"),
        (None, 3, None, "污染防治"),
        (None, None, 99, "其他污染防治支出"),
        ("211", "11", "01", "生态环境监测与信息"),
        ("211", "11", None, "污染减排"),
    ])
    imported = import_catalog(path, "function", 2023)
    assert {code: (e.name, e.parent) for code, e in imported.entries.items()} == {
        "211": ("节能环保支出", ""), "21101": ("环境保护管理事务", "211"), "2110101": ("行政运行", "21101"),
        "2110104": ("生态环境保护宣传", "21101"), "21103": ("污染防治", "211"), "2110399": ("其他污染防治支出", "21103"),
        "2111101": ("生态环境监测与信息", "21111"), "21111": ("污染减排", "211"),
    }


@pytest.mark.parametrize("text, place, reason", [
    ("科目编码,科目名称\n201,一般公共服务支出\n20l01,人大事务\n", "第 3 行", "科目编码“20l01”不是数字"),
    ("科目编码,科目名称\n201,一般公共服务支出\n2011,人大事务\n", "第 3 行", "有 4 位，支出功能分类科目应为 3、5、7 位"),
    ("科目编码,科目名称\n201,一般公共服务支出\n301,工资福利支出\n", "第 3 行", "不是支出功能分类科目（应以 2 开头）"),
    ("科目编码,科目名称\n201,一般公共服务支出\n20101,\n", "第 3 行", "科目 20101 缺少名称"),
    ("科目编码,科目名称\n201,一般公共服务支出\n,人大事务\n", "第 3 行", "缺少科目编码（名称“人大事务”）"),
    ("科目编码,科目名称\n201,一般公共服务支出\n\n201,一般服务\n", "第 4 行", "科目编码 201 重复：第 2 行为"),
    ("科目编码,科目名称\n299,其他支出\n2999901,其他支出\n", "第 3 行", "科目 2999901 的上级科目 29999 不在表中"),
    ("科目\n201 一般公共服务支出\n注：本表为节选\n", "第 3 行", "无法分出科目编码和名称：“注：本表为节选”"),
])
def test_import_errors_name_file_and_row(tmp_path, text, place, reason):
    with pytest.raises(IngestError) as e:
        import_catalog(write_csv(tmp_path / "bad.csv", text), "function", 2023)
    assert str(e.value).startswith(f"无法读取 bad.csv（{place}）：")
    assert reason in e.value.reason
    assert not imported_path("function", 2023).exists()  # nothing saved


def test_import_error_in_xlsx_names_the_sheet(tmp_path):
    path = write_xlsx(tmp_path / "e.xlsx", [("编码", "名称"), (501, "机关工资福利支出"), (5010, "工资")], title="经济分类")
    with pytest.raises(IngestError, match=r"无法读取 e\.xlsx（工作表“经济分类”第 3 行）：科目编码“5010”有 4 位"):
        import_catalog(path, "economic_gov", 2023)


@pytest.mark.parametrize("content, reason", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "不支持旧版 Excel"),
    ("说明,备注\n这是,一张表\n".encode(), "找不到科目编码列和科目名称列"),
    ("科目编码,科目名称\n".encode(), "表中没有任何科目"),
    (b"\x81\x30\xff\xfe\x00\xff", "无法识别文件编码"),
])
def test_import_unreadable_files(tmp_path, content, reason):
    path = tmp_path / "x.dat"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=reason):
        import_catalog(path, "function", 2023)


def test_import_replaces_the_previous_list(tmp_path):
    import_catalog(write_csv(tmp_path / "a.csv", FUNCTION_CSV), "function", 2023)
    import_catalog(write_csv(tmp_path / "b.csv", "科目编码,科目名称\n2010101,行政运行（新）\n"), "function", 2023)
    c = load("function", 2023)
    assert c.name("2010101") == "行政运行（新）"
    assert not c.contains("2130101")


def test_default_home(monkeypatch, tmp_path):
    monkeypatch.delenv("YUSUAN_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert user_home() == tmp_path / ".local" / "share" / "yusuan"


def _declare_dimension(path, ref):
    """Rewrite the sheet's <dimension> as some producers leave it (the whole sheet)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="%s"' % ref.encode(), parts[sheet])
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


def test_import_xlsx_reads_the_rows_held_not_the_size_declared(tmp_path):
    path = write_xlsx(tmp_path / "big.xlsx", [("科目编码", "科目名称"), (201, "一般公共服务支出"), (20101, "人大事务")])
    _declare_dimension(path, "A1:XFD1048576")
    imported = import_catalog(path, "function", 2024)
    assert sorted(imported.entries) == ["201", "20101"]


def test_import_xlsx_refuses_a_sheet_of_a_million_rows(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(("科目编码", "科目名称"))
    ws.append((201, "一般公共服务支出"))
    ws.cell(row=150_000, column=1, value=20101)
    wb.save(tmp_path / "long.xlsx")
    with pytest.raises(IngestError, match="超过 100,000 行"):
        import_catalog(tmp_path / "long.xlsx", "function", 2024)
