"""Titles and captions as other producers print them, on generated variants of a corpus publication:
the title at the foot of the page before its table, the title run together with 单位：万元, a table of
contents broken over a page, a table printed twice, a continuation page with fewer ruling lines; and
table titles recognised by meaning over the real-world variants of every kind."""

from dataclasses import replace

import pytest

from tests.conftest import CORPUS
from yusuan.export.cells import cell_records
from yusuan.ingest.assemble.document import assemble
from yusuan.model.kinds import kind_of_title, looks_like_title
from yusuan.ingest.blocks import Cell, Grid, Line
from yusuan.ingest.read import blocks_of

CITY = "shanghai-2025-caizhengju-unit-budget.pdf"  # 三公 table on p20: title, 编制单位/单位 line, grid


def _blocks():
    return list(blocks_of(CORPUS / CITY))


def _read(blocks):
    return assemble(blocks, [CITY])


def _tables(doc):
    return [(t.kind, t.title, t.unit, t.body, len(t.rows)) for t in doc.tables]


def _cells(doc):
    return [(r.table_no, r.kind, r.side, r.code, r.item, r.measure, r.value) for r in cell_records(doc)]


ORIGINAL = None


def original():
    global ORIGINAL
    if ORIGINAL is None:
        ORIGINAL = _read(_blocks())
    return ORIGINAL


def _on_page(block, page):
    return replace(block, source=replace(block.source, page=page))


def test_a_title_at_the_foot_of_the_page_before_its_table():
    """The 三公 table's title and caption line printed at the foot of p19, its grid on p20."""
    blocks = [_on_page(b, 19) if isinstance(b, Line) and b.source.page == 20 and b.source.bbox[1] < 130 else b
              for b in _blocks()]
    doc = _read(blocks)
    assert _tables(doc) == _tables(original()) and _cells(doc) == _cells(original())
    printed = [s.heading for s in doc.sections] + [p.text for s in doc.sections for p in s.paragraphs]
    assert not any(t.startswith("2025年单位“三公”经费和机关运行经费预算表") or t.startswith("编制单位") for t in printed)
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in doc.sections] == [
        (s.heading, [p.text for p in s.paragraphs]) for s in original().sections]


def test_a_title_run_together_with_its_body_and_unit():
    """Each title printed on one line with 编制单位：… 单位：元 after it."""
    blocks = _blocks()
    joined = []
    for b in blocks:
        if isinstance(b, Line) and joined and isinstance(joined[-1], Line) and b.text.startswith("编制单位") \
                and joined[-1].text.endswith("表"):
            joined[-1] = replace(joined[-1], text=f"{joined[-1].text}  {b.text}")
            continue
        joined.append(b)
    assert len(joined) == len(blocks) - 9
    doc = _read(joined)
    assert _tables(doc) == _tables(original()) and _cells(doc) == _cells(original())


def test_a_table_of_contents_broken_over_a_page():
    """Contents entries 5-9 and 六 carried to the next page, the table names without their numbers."""
    blocks = []
    for b in _blocks():
        if isinstance(b, Line) and b.source.page == 2 and b.source.bbox[1] > 290:
            b = _on_page(replace(b, text=b.text.split(" ", 1)[-1]), 3)
        blocks.append(b)
    doc = _read(blocks)
    expected = [e.split(" ", 1)[-1] if 9 <= i < 14 else e for i, e in enumerate(original().contents)]
    assert doc.contents == expected
    assert [(s.level, s.heading) for s in doc.sections] == [(s.level, s.heading) for s in original().sections]


def test_a_table_printed_twice_is_read_once():
    blocks = _blocks()
    first = next(i for i, b in enumerate(blocks) if isinstance(b, Grid))
    caption = [i for i in range(first) if blocks[i].source.page == blocks[first].source.page]
    again = [blocks[i] for i in caption] + [blocks[first]]
    # printed again right after itself (a page printed twice), and again at the end of the tables
    last = max(i for i, b in enumerate(blocks) if isinstance(b, Grid))
    variant = blocks[:first + 1] + again + blocks[first + 1:last + 1] + again + blocks[last + 1:]
    doc = _read(variant)
    assert _tables(doc) == _tables(original()) and _cells(doc) == _cells(original())


def test_a_continuation_page_with_fewer_ruling_lines():
    """The economic table's continuation pages (p18, p19) printed without their repeated header and
    without the rule between 合计 and 人员经费: the two amounts share one cell."""
    blocks = []
    for b in _blocks():
        if isinstance(b, Grid) and b.source.page in (18, 19):
            rows = []
            for row in b.rows[3:]:
                total, personnel = row[3], row[4]
                text = " ".join(t for t in (total.text, personnel.text) if t)
                bbox = (total.source.bbox[0], total.source.bbox[1], personnel.source.bbox[2], total.source.bbox[3])
                rows.append([*row[:3], Cell(text, replace(total.source, bbox=bbox)), row[5]])
            b = Grid(rows, b.source)
        blocks.append(b)
    doc = _read(blocks)
    assert _tables(doc) == _tables(original()) and _cells(doc) == _cells(original())


# --- titles by meaning -------------------------------------------------------------------------------

TITLES = [
    # 收支总表: budget and 决算, year / body / 部门 / 单位 / 预算单位 prefixes, numbered forms
    ("收支预算总表", "income_expense_summary"),
    ("部门收支总表", "income_expense_summary"),
    ("单位收支总表", "income_expense_summary"),
    ("2025年部门财务收支预算总表", "income_expense_summary"),
    ("2025年预算单位财务收支预算总表", "income_expense_summary"),
    ("上海市普陀区财政局2025年部门财务收支预算总表", "income_expense_summary"),
    ("公开01表 收支预算总表", "income_expense_summary"),
    ("附表1 收支总表", "income_expense_summary"),
    ("部门预算公开表一：收支预算总表", "income_expense_summary"),
    ("收入支出决算总表", "income_expense_summary"),
    ("2024年度部门收入支出决算总表", "income_expense_summary"),
    ("收入决算表", "income_summary"),
    ("部门收入总表", "income_summary"),
    ("预算单位收入总表", "income_summary"),
    ("2025年预算单位收入预算总表", "income_summary"),
    ("公开02表 部门收入总表", "income_summary"),
    ("收入预算表", "income_summary"),
    ("支出决算表", "expense_summary"),
    ("部门支出总表", "expense_summary"),
    ("表3 部门支出总表", "expense_summary"),
    ("2025年部门支出预算总表", "expense_summary"),
    ("基本支出预算表", "basic_expense_summary"),
    ("部门基本支出总表", "basic_expense_summary"),
    ("项目支出预算表", "project_expense_summary"),
    # 财政拨款…
    ("财政拨款收支预算总表", "appropriation_summary"),
    ("财政拨款收入支出决算总表", "appropriation_summary"),
    ("政府预算拨款收支总表", "appropriation_summary"),
    ("2025年部门财政拨款收支预算总表", "appropriation_summary"),
    ("财政拨款支出预算表", "appropriation_expense"),
    ("财政拨款支出决算表", "appropriation_expense"),
    ("财政拨款基本支出预算表", "appropriation_basic_by_economic"),
    ("财政拨款基本支出决算表", "appropriation_basic_by_economic"),
    # 一般公共预算…
    ("一般公共预算支出预算表", "general_budget_by_function"),
    ("一般公共预算拨款支出预算表", "general_budget_by_function"),
    ("一般公共预算财政拨款支出决算表", "general_budget_by_function"),
    ("2025年部门一般公共预算支出功能分类预算表", "general_budget_by_function"),
    ("一般公共预算支出表（按功能分类）", "general_budget_by_function"),
    ("一般公共预算基本支出预算表", "general_budget_by_economic"),
    ("一般公共预算拨款基本支出预算表", "general_budget_by_economic"),
    ("一般公共预算财政拨款基本支出决算表", "general_budget_by_economic"),
    ("2025年部门一般公共预算基本支出部门预算经济分类预算表", "general_budget_by_economic"),
    ("一般公共预算支出表（按经济分类）", "general_budget_by_economic"),
    # 三公, 基金, 国资, 机关运行, 采购, 绩效
    ("“三公”经费支出预算表", "three_public_costs"),
    ("财政拨款“三公”经费支出决算表", "three_public_costs"),
    ("一般公共预算“三公”经费支出决算表", "three_public_costs"),
    ("2025年部门“三公”经费和机关运行经费预算表", "three_public_costs"),
    ("一般公共预算“三公”经费、会议费、培训费支出预算表", "three_public_costs"),
    ("政府性基金预算支出表", "gov_fund_expense"),
    ("政府性基金预算财政拨款收入支出决算表", "gov_fund_expense"),
    ("政府性基金预算财政拨款支出决算表", "gov_fund_expense"),
    ("2025年部门政府性基金预算支出功能分类预算表", "gov_fund_expense"),
    ("国有资本经营预算支出表", "soe_capital_expense"),
    ("国有资本经营预算财政拨款支出决算表", "soe_capital_expense"),
    ("国有资本经营预算财政拨款收入支出决算表", "soe_capital_expense"),
    ("一般公共预算机关运行经费支出预算表", "office_operating_costs"),
    ("机关运行经费支出决算表", "office_operating_costs"),
    ("政府采购支出预算表", "procurement"),
    ("政府采购预算表", "procurement"),
    ("部门整体支出绩效目标表", "performance_targets"),
    ("2025年部门整体支出绩效目标表", "performance_targets"),
    ("重点项目绩效目标表", "project_performance"),
    ("项目支出绩效目标表", "project_performance"),
]


@pytest.mark.parametrize("title,kind", TITLES)
def test_a_title_is_recognised_by_what_it_says(title, kind):
    assert kind_of_title(title) == kind
    assert looks_like_title(title)
