"""The 公开情况检查表: items a reviewer inspects, 是/否, problems in the reviewer's words, as XLSX."""

from openpyxl import load_workbook

from tests.conftest import corpus_doc
from tests.rules.factories import doc, row, section, table
from yusuan.export.checklist_xlsx import write_checklist
from yusuan.rules.checklist import build
from yusuan.rules.registry import run


def test_missing_tables_promised_by_the_contents_are_marked_no():
    d = corpus_doc("shenzhen-2023-pingshan-guanliju-budget.txt")
    items = {i.name: i for i in build(d, run(d))}
    assert items["《收入总表》"].compliant is False
    assert items["《收入总表》"].problems[0] == "目录列出的《收入总表》没有公开。"
    assert items["《收支总表》"].compliant is True
    assert items["及时性"].compliant is None


def test_a_finding_lands_on_its_table_item():
    t = table("expense_summary", [row("行政运行", code="2010101", total="100", basic="60", project="45")],
              title="支出总表")
    d = doc(t, sections=[section("一、部门主要职能", "负责……")])
    items = {i.name: i for i in build(d, run(d))}
    assert items["《支出总表》"].compliant is False
    assert "行政运行" in items["《支出总表》"].problems[0] and items["《支出总表》"].problems[0].startswith("第 1 页：")
    assert items["主要职能"].compliant is True and items["名词解释"].compliant is False


def test_written_as_xlsx_with_a_sheet_per_document(tmp_path):
    d = corpus_doc("shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")
    path = tmp_path / "检查表.xlsx"
    write_checklist([(d, build(d, run(d)))], path)
    ws = load_workbook(path).active
    assert ws.title == "深圳市生态环境智能管控中心"
    assert [c.value for c in ws[3]] == ["序号", "检查内容", "检查要点", "符合要求", "存在问题"]
    answers = {r[1]: r[3] for r in ws.iter_rows(min_row=4, values_only=True)}
    assert answers["《基本支出总表》"] == "否" and answers["封面"] == "是"


def test_findings_in_the_text_land_on_the_part_they_are_printed_in():
    d = corpus_doc("jiangsu-2018-renda-bangongting-budget.pdf")
    items = {i.name: i for i in build(d, run(d))}
    # p25-26 “行政事业单位离退休（类）…”, “住房改革支出（类）…” and “支出。 。” are under 五、财政拨款支出预算情况说明
    problems = items["预算编制说明"].problems
    assert sum("写作（类），表格中是款" in p for p in problems) == 5
    assert any("句末标点重复" in p for p in problems)
    assert not any("写作（类）" in p for p in items["其他"].problems)
