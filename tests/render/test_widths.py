"""Column widths of printed tables (`render.widths`): codes and amounts on one line, names wrapping."""

from __future__ import annotations

import pytest

from yusuan.render.layout import AMOUNT, CODE, LABEL, Cell, TableLayout
from yusuan.render.widths import PAD, PAGE_EM, WIDE_PAGE_EM, column_widths, header_extent, text_em


def table(header: list[str], rows: list[list[Cell]], roles: list[str]) -> TableLayout:
    return TableLayout(anchor="t", kind="expense_summary", number_text="表3", title="支出总表", body="",
                       unit="万元", roles=roles, header=[[Cell(h, "header") for h in header]], rows=rows)


def ems(t: TableLayout) -> list[float]:
    room = WIDE_PAGE_EM if t.wide else PAGE_EM
    return [w / 100 * room for w in column_widths(t)]


def test_text_em_counts_chinese_as_one_and_figures_narrower():
    assert text_em("科目名称") == 4
    assert text_em("1,234.56") == pytest.approx(6 * 0.6 + 2 * 0.3)
    assert text_em("一行\n更长的一行") == 5


def test_a_header_wraps_on_lines_of_at_least_four_characters():
    assert header_extent("合计") == (2, 2)
    assert header_extent("支出总计") == (4, 4)
    assert header_extent("其中：面向中小企业政府采购项目") == (5, 7.5)


def test_codes_and_amounts_keep_one_line_and_the_name_takes_the_rest():
    label = "机关事业单位基本养老保险缴费支出"
    t = table(["科目编码", "科目名称", "合计"],
              [[Cell("2080505", CODE), Cell(label, LABEL), Cell("12,345,678.90", AMOUNT)]] * 3,
              [CODE, LABEL, AMOUNT])
    code, name, amount = ems(t)
    assert sum(column_widths(t)) == pytest.approx(100, abs=0.01)
    assert code >= text_em("2080505") + PAD and amount >= text_em("12,345,678.90") + PAD
    assert name > code and name > amount and name >= text_em(label) + PAD


def test_a_crowded_table_squeezes_names_not_figures():
    n = 9
    amounts = [Cell("1,234,567.00", AMOUNT) for _ in range(n)]
    t = table(["项目", *(f"第{k}栏预算数" for k in range(n))],
              [[Cell("一般公共服务支出" * 3, LABEL), *amounts]], [LABEL, *[AMOUNT] * n])
    widths = ems(t)
    assert t.wide
    assert all(w >= text_em("1,234,567.00") + PAD for w in widths[1:])
    assert widths[0] < text_em("一般公共服务支出" * 3)


def test_an_empty_table_still_has_a_name_column():
    t = table(["科目编码", "科目名称", "合计"], [], [CODE, LABEL, AMOUNT])
    code, name, amount = ems(t)
    assert name > code and name > amount
