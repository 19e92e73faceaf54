"""Assembler fixes found by reading back what yusuan renders (tests/render)."""

from yusuan.ingest.assemble.document import assemble
from yusuan.ingest.assemble.sections import SectionBuilder
from yusuan.ingest.assemble.tables import header_count
from yusuan.ingest.blocks import Cell, Grid, Line
from yusuan.model.provenance import Source


def _cell(text, colspan=1, rowspan=1):
    return Cell(text, Source("t.html", 1), colspan, rowspan)


def test_second_header_row_under_a_merged_label_is_header():
    """科目名称 merged down over two header rows: the second row (合计 | 财政拨款收入 …) is header,
    though it starts with a total label near the left."""
    grid = Grid([
        [_cell("科目编码", rowspan=2), _cell("科目名称", rowspan=2), _cell("收入预算", colspan=2), None],
        [None, None, _cell("合计"), _cell("财政拨款收入")],
        [_cell(""), _cell("合计"), _cell("10.00"), _cell("10.00")],
    ], Source("t.html", 1))
    assert header_count(grid) == 2


def test_table_with_merged_label_header_reads_measures():
    blocks = [
        Line("收入预算总表", Source("t.html", 1)),
        Line("单位：元", Source("t.html", 1)),
        Grid([
            [_cell("科目编码", rowspan=2), _cell("科目名称", rowspan=2), _cell("收入预算", colspan=2), None],
            [None, None, _cell("合计"), _cell("财政拨款收入")],
            [_cell(""), _cell("合计"), _cell("10.00"), _cell("10.00")],
            [_cell("201"), _cell("一般公共服务支出"), _cell("10.00"), _cell("10.00")],
        ], Source("t.html", 1)),
    ]
    doc = assemble(blocks, ["t.html"])
    (table,) = doc.tables
    assert [(r.code, r.item, sorted(r.values)) for r in table.rows] == [
        ("", "合计", ["fiscal", "total"]), ("201", "一般公共服务支出", ["fiscal", "total"]),
    ]


def _line(text, x0, top, x1, page=3):
    return Line(text, Source("t.pdf", page, (x0, top, x1, top + 10.5)))


def test_line_broken_before_an_unbreakable_number_continues():
    """Text that is not justified breaks before 33.45%。 and leaves a gap wider than 24 pt; the
    paragraph goes on on the next line."""
    sections = SectionBuilder(text_form=False)
    sections.set_margins({("t.pdf", 3): (51.0, 543.0)})
    lines = [
        _line("一、收入预算情况说明", 72, 100, 200),
        _line("住房公积金（项）支出341.75万元，与上年相比增加85.67万元，增长", 72, 120, 500),
        _line("33.45%。主要原因是住房公积金基数调整支出增加等。", 51, 137, 330),
        _line("其他支出略。", 72, 154, 140),
    ]
    for line in lines:
        sections.add(line)
    (section,) = sections.sections
    assert [p.text for p in section.paragraphs] == [
        "住房公积金（项）支出341.75万元，与上年相比增加85.67万元，增长33.45%。主要原因是住房公积金基数调整支出增加等。",
        "其他支出略。",
    ]
