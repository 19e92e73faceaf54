"""Table layouts met on documents from other bodies, years and producers: halves printed side by side
(over one or several pages), and the header variants of the “三公”经费 table in budgets and 决算."""

from dataclasses import replace

import pytest

from tests.conftest import CORPUS
from yusuan.ingest.assemble.document import assemble
from yusuan.ingest.assemble.headers import AMOUNT, column_specs
from yusuan.ingest.blocks import Cell, Grid, Line
from yusuan.ingest.read import blocks_of
from yusuan.model.provenance import Source
from yusuan.model.vocabulary import check_measure

SHEHUI = "shanghai-putuo-2024-shehui-gongzuobu-dept-final.pdf"


def _cell(text, colspan=1, rowspan=1, page=1):
    return Cell(text, Source("t.pdf", page), colspan, rowspan)


# --- halves printed side by side ------------------------------------------------------------------

def _basic_table_split(at: int):
    """The corpus 一般公共预算财政拨款基本支出决算表 (p13: 人员经费 on the left, 公用经费 on the right, each
    with its own 科目编码 / 科目名称 / 决算数 and its own 合计 row), its grid cut after body row `at`
    and continued on a next page under the same header row, as a longer table is printed."""
    blocks = list(blocks_of(CORPUS / SHEHUI))
    k, grid = next((i, b) for i, b in enumerate(blocks) if isinstance(b, Grid) and b.source.page == 13)
    header, body = grid.rows[:1], grid.rows[1:]
    following = replace(grid.source, page=14)
    moved = [[c if c is None else replace(c, source=replace(c.source, page=14)) for c in row] for row in body[at:]]
    pages = [Grid(header + body[:at], grid.source), Grid(header + moved, following)]
    return blocks[:k] + pages + [b for b in blocks[k + 1:] if not (isinstance(b, Line) and b.source.page == 13)]


def _halves(table):
    codes = [r.code[:3] if r.code else r.item for r in table.rows]
    personnel = codes.index("人员经费合计")
    return codes[:personnel + 1], codes[personnel + 1:]


@pytest.mark.parametrize("at", [None, 10, 30])
def test_each_half_of_a_side_by_side_table_is_its_own_run_of_rows(at):
    blocks = list(blocks_of(CORPUS / SHEHUI)) if at is None else _basic_table_split(at)
    doc = assemble(blocks, [SHEHUI])
    (table,) = [t for t in doc.tables if t.kind == "general_budget_by_economic"]
    left, right = _halves(table)
    assert set(left) == {"301", "303", "人员经费合计"} and left[-1] == "人员经费合计"
    assert set(right) == {"302", "310", "公用经费合计"} and right[-1] == "公用经费合计"
    assert len(table.rows) == 67
    if at is not None:
        assert table.pages == [13, 14]
        whole = [(r.code, r.item, {m: v.text for m, v in r.values.items()}) for r in table.rows]
        base = assemble(list(blocks_of(CORPUS / SHEHUI)), [SHEHUI])
        (same,) = [t for t in base.tables if t.kind == "general_budget_by_economic"]
        assert whole == [(r.code, r.item, {m: v.text for m, v in r.values.items()}) for r in same.rows]


def test_halves_under_their_own_group_headers_take_their_measures():
    """人员经费 | 公用经费 printed above each half's 决算数: each half's amounts are of its own measure."""
    def page(n, rows):
        return Grid([
            [_cell("人员经费", 3, page=n), None, None, _cell("公用经费", 3, page=n), None, None],
            [_cell(t, page=n) for t in ("科目编码", "科目名称", "决算数") * 2],
            *[[_cell(t, page=n) for t in row] for row in rows],
        ], Source("t.pdf", n))

    blocks = [
        Line("一般公共预算财政拨款基本支出决算表", Source("t.pdf", 1)),
        Line("单位：万元", Source("t.pdf", 1)),
        page(1, [("301", "工资福利支出", "90.00", "302", "商品和服务支出", "8.00"),
                 ("30101", "基本工资", "90.00", "30201", "办公费", "8.00")]),
        page(2, [("303", "对个人和家庭的补助", "5.00", "310", "资本性支出", "2.00"),
                 ("", "人员经费合计", "95.00", "", "公用经费合计", "10.00")]),
    ]
    doc = assemble(blocks, ["t.pdf"])
    (table,) = doc.tables
    assert [(r.code or r.item, list(r.values)) for r in table.rows] == [
        ("301", ["basic_personnel@final"]), ("30101", ["basic_personnel@final"]),
        ("303", ["basic_personnel@final"]), ("人员经费合计", ["basic_personnel@final"]),
        ("302", ["basic_public@final"]), ("30201", ["basic_public@final"]),
        ("310", ["basic_public@final"]), ("公用经费合计", ["basic_public@final"]),
    ]
    assert [r.is_total for r in table.rows].count(True) == 2


# --- the “三公”经费 table's headers ----------------------------------------------------------------

# Header rows as printed, every merged cell repeated over the positions it covers.
_S = "“三公”经费"
THREE_PUBLIC_HEADERS = {
    "shanghai budget": (False, [
        [f"{_S}预算数"] * 6 + ["机关运行经费预算数"],
        ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "公务用车购置及运行费", "公务用车购置及运行费",
         "机关运行经费预算数"],
        ["合计", "因公出国(境)费", "公务接待费", "小计", "购置费", "运行费", "机关运行经费预算数"],
    ], ["total", "abroad", "reception", "vehicle_total", "vehicle_purchase", "vehicle_operation", "office_operating"]),
    "shanghai 决算, 预算数 and 决算数 under each": (True, [
        [f"财政拨款{_S}"] * 12,
        ["合计"] * 2 + ["因公出国（境）费"] * 2 + ["公务用车购置及运行维护费"] * 6 + ["公务接待费"] * 2,
        ["合计"] * 2 + ["因公出国（境）费"] * 2 + ["小计"] * 2 + ["公务用车购置费"] * 2 + ["公务用车运行维护费"] * 2
        + ["公务接待费"] * 2,
        ["预算数", "决算数"] * 6,
    ], [m + p for m in ("total", "abroad", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception")
        for p in ("", "@final")]),
    "决算, phase above the parts": (True, [
        ["预算数"] * 4 + ["决算数"] * 4,
        ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"] * 2,
    ], ["total", "abroad", "vehicle_total", "reception", "total@final", "abroad@final", "vehicle_total@final",
        "reception@final"]),
    "决算, 年初预算 / 全年预算 / 决算": (True, [
        ["因公出国（境）费"] * 3 + ["公务接待费"] * 3,
        ["年初预算数", "全年预算数", "决算数"] * 2,
    ], ["abroad@initial_budget", "abroad@adjusted_budget", "abroad@final",
        "reception@initial_budget", "reception@adjusted_budget", "reception@final"]),
    "jiangsu, with 会议费 and 培训费": (False, [
        ["合计", *[f"{_S}"] * 6, "会议费", "培训费"],
        ["合计", "小计", "因公出国(境)费", "公务用车购置及运行维护费", "公务用车购置及运行维护费", "公务用车购置及运行维护费",
         "公务接待费", "会议费", "培训费"],
        ["合计", "小计", "因公出国(境)费", "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费", "会议费", "培训费"],
    ], ["grand_total", "total", "abroad", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception",
        "meeting", "training"]),
    "shenzhen, 上年 beside 本年": (False, [
        ["2023年预算数"] * 3 + ["2022年预算数"] * 3,
        ["合计", "因公出国(境)费", "公务接待费"] * 2,
    ], ["total", "abroad", "reception", "total@prior_budget", "abroad@prior_budget", "reception@prior_budget"]),
}


@pytest.mark.parametrize("name", sorted(THREE_PUBLIC_HEADERS))
def test_every_three_public_column_gets_a_measure_with_its_phase(name):
    final, matrix, expected = THREE_PUBLIC_HEADERS[name]
    width = len(matrix[0])
    specs = column_specs(matrix, True, "three_public_costs", 2023 if "shenzhen" in name else 2024, final,
                         set(range(width)))
    assert [s.measure for s in specs] == expected
    assert all(s.role == AMOUNT and check_measure(s.measure) for s in specs)


def _three_public(headers, values):
    return [
        Line("2024年“三公”经费预算表", Source("t.pdf", 1)),
        Line("单位：万元", Source("t.pdf", 1)),
        Grid([[_cell(h) for h in headers], [_cell(v) for v in values]], Source("t.pdf", 1)),
    ]


def test_a_column_that_cannot_be_mapped_is_kept_as_unmapped():
    doc = assemble(_three_public(["合计", "因公出国(境)费", "接待外宾专项"], ["3.00", "1.00", "2.00"]), ["t.pdf"])
    (table,) = doc.tables
    assert [(c.measure, c.header) for c in table.columns] == [("total", "合计"), ("abroad", "因公出国(境)费")]
    assert [list(r.values) for r in table.rows] == [["total", "abroad"]]
    (unmapped,) = table.unmapped
    assert (unmapped.header, [v.text for v in unmapped.values]) == ("接待外宾专项", ["2.00"])
    assert "接待外宾专项" in unmapped.reason


def test_two_columns_read_as_one_measure_keep_the_first_and_report_the_second():
    doc = assemble(_three_public(["合计", "公务接待费", "公务接待费"], ["3.00", "1.00", "2.00"]), ["t.pdf"])
    (table,) = doc.tables
    assert {m: v.text for m, v in table.rows[0].values.items()} == {"total": "3.00", "reception": "1.00"}
    (unmapped,) = table.unmapped
    assert [v.text for v in unmapped.values] == ["2.00"] and "reception" in unmapped.reason


def test_the_unmapped_record_survives_the_json_model(tmp_path):
    from yusuan.export.json import disclosure_dict
    from yusuan.model.load import disclosure_from_dict

    doc = assemble(_three_public(["合计", "接待外宾专项"], ["3.00", "2.00"]), ["t.pdf"])
    back = disclosure_from_dict(disclosure_dict(doc))
    assert back.tables[0].unmapped == doc.tables[0].unmapped


# --- one amount column: `amount` --------------------------------------------------------------------

@pytest.mark.parametrize("kind,header,final,expected", [
    ("office_operating_costs", "机关运行经费支出", False, "amount"),
    ("procurement", "总计", False, "amount"),
    ("general_budget_by_economic", "基本支出", False, "amount"),
    ("office_operating_costs", "决算数", True, "amount@final"),
    ("procurement", "2017年预算数", False, "amount"),
    ("procurement", "2016年预算数", False, "amount@prior_budget"),
])
def test_a_single_value_column_is_amount_with_its_phase(kind, header, final, expected):
    specs = column_specs([["科目编码", "科目名称", header]], True, kind, 2017, final, {2})
    assert [s.measure for s in specs if s.role == AMOUNT] == [expected]
