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


def test_an_item_after_a_sentence_ended_at_the_margin_starts_a_paragraph():
    """LibreOffice prints a spreadsheet's paragraphs (one a cell) without a first-line indent: when one ends
    with 。 at the margin, the （二） that follows is the next item, not the same paragraph; a line that
    ends mid-sentence still runs on."""
    sections = SectionBuilder(text_form=False)
    sections.set_margins({("t.pdf", 3): (51.0, 543.0)})
    lines = [
        _line("六、一般公共预算“三公”经费预算情况", 51, 100, 300),
        _line("（一）因公出国（境）费1.62万元，比上年预算减少0.54万元，下降25.00%。主要原因是：人员变动。", 51, 120, 543),
        _line("（二）公务用车购置及运行维护费26.58万元，比上年预算减少21.96万元，下降45.24%。主要原", 51, 137, 543),
        _line("因是：厉行节约。", 51, 154, 140),
    ]
    for line in lines:
        sections.add(line)
    (section,) = sections.sections
    assert [p.text[:4] for p in section.paragraphs] == ["（一）因", "（二）公"]


def _table_then(*after):
    """A captioned PDF table on page 8 (whole page), its page number, then `after` (text, page)."""
    blocks = [
        _line("政府采购支出预算表", 200, 68, 390, page=8),
        _line("部门名称：某单位 单位：万元", 51, 99, 544, page=8),
        Grid([
            [_cell("项目"), _cell("金额")],
            [_cell("合计"), _cell("10.00")],
        ], Source("t.pdf", 8, (51, 120, 544, 780))),
        _line("第 8 页 共 9 页", 265, 808, 330, page=8),
        *(_line(text, 51, 64 + 17 * k, 400, page=page) for k, (text, page) in enumerate(after)),
    ]
    return assemble(blocks, ["t.pdf"])


def test_note_at_the_top_of_the_next_page_stays_with_its_table():
    """The grid fills its page; its note (注：…) opens the next page, under the page number."""
    doc = _table_then(("注：本表反映部门本年度政府采购支出情况。", 9))
    assert doc.tables[0].notes == ["注：本表反映部门本年度政府采购支出情况。"]
    assert doc.sections == []


def test_notes_carried_on_the_next_page_stay_with_their_table():
    """注：1.… ends a page; 2.… and the tail of a note broken by the page end follow on the next."""
    blocks = [
        _line("政府采购支出预算表", 200, 68, 390, page=8),
        Grid([[_cell("项目"), _cell("金额")], [_cell("合计"), _cell("10.00")]], Source("t.pdf", 8, (51, 120, 544, 760))),
        _line("注：1.采购组织形式为：集中采购、部门集中采购和分散采购。", 51, 770, 300, page=8),
        _line("第 8 页 共 9 页", 265, 808, 330, page=8),
        _line("2.采购品目名称根据《政府采购品目分类目录》（财库[2013]189号）规定品目名称", 51, 64, 544, page=9),
        _line("第 9 页 共 9 页", 265, 808, 330, page=9),
    ]
    doc = assemble(blocks, ["t.pdf"])
    assert doc.tables[0].notes[1:] == ["2.采购品目名称根据《政府采购品目分类目录》（财库[2013]189号）规定品目名称"]
    blocks[-1:-1] = [_line("填写。", 51, 81, 90, page=9)]
    doc = assemble(blocks, ["t.pdf"])
    assert doc.tables[0].notes[2:] == ["填写。"]
    assert doc.sections == []


def test_narrative_at_the_top_of_the_next_page_is_not_a_note():
    doc = _table_then(("第三部分 情况说明", 9), ("本部门收入预算10万元。", 9))
    assert doc.tables[0].notes == []
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in doc.sections] == [
        ("第三部分 情况说明", ["本部门收入预算10万元。"])
    ]


def test_contents_entry_printed_with_a_remark_is_a_heading():
    """The Shanghai template prints 二、部门决算单位构成 with an instruction in brackets, wrapped
    to a second line (p4): a heading all the same, not a paragraph of 一、主要职能."""
    sections = SectionBuilder(text_form=False)
    sections.set_margins({("t.pdf", 4): (90.0, 513.0)})
    sections.add(_line("目录", 280, 65, 314, page=2))
    sections.add(_line("一、主要职能", 51, 123, 200, page=2))
    sections.add(_line("二、部门决算单位构成", 51, 139, 156, page=2))
    for line in [
        _line("一、主要职能", 120, 143, 210, page=4),
        _line("由主管部门根据三定方案等相关规定中有关主要职能填写。", 120, 174, 510, page=4),
        _line("二、部门决算单位构成（仅有一个单位的部门，本部分内容", 120, 205, 505, page=4),
        _line("为“机构设置”）", 90, 236, 203, page=4),
        _line("从预算单位构成看，上海市XX局部门决算包括：上海市XX", 120, 267, 506, page=4),
    ]:
        sections.add(line)
    assert [(s.level, s.heading, len(s.paragraphs)) for s in sections.sections] == [
        (2, "一、主要职能", 1), (2, "二、部门决算单位构成（仅有一个单位的部门，本部分内容为“机构设置”）", 1),
    ]
