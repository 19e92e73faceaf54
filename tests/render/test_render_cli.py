"""`yusuan render`: from a publication or the JSON model to each format; untrusted text escaped."""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner

from tests.conftest import CORPUS
from tests.render.roundtrip import cells
from yusuan.cli.main import main
from yusuan.ingest.read import read_disclosure
from yusuan.model.disclosure import Column, Disclosure, Identity, Paragraph, Row, Section, Table, Value
from yusuan.model.provenance import Source
from yusuan.render import build_layout, render

SHENZHEN = CORPUS / "shenzhen-2023-pingshan-guanliju-budget.txt"


@pytest.mark.parametrize("suffix", ["html", "docx", "xlsx", "pdf"])
def test_render_a_publication(tmp_path, suffix):
    out = tmp_path / f"预算.{suffix}"
    result = CliRunner().invoke(main, ["render", str(SHENZHEN), "--to", str(out)])
    assert result.exit_code == 0, result.output
    assert cells(read_disclosure(out)) == cells(read_disclosure(SHENZHEN))


def test_render_the_json_model(tmp_path):
    model = tmp_path / "doc.json"
    assert CliRunner().invoke(main, ["extract", str(SHENZHEN), "--format", "json", "-o", str(model)]).exit_code == 0
    out = tmp_path / "doc.html"
    result = CliRunner().invoke(main, ["render", str(model), "--to", str(out), "--style", "auto"])
    assert result.exit_code == 0, result.output
    assert cells(read_disclosure(out)) == cells(read_disclosure(SHENZHEN))


def test_unknown_output_format(tmp_path):
    result = CliRunner().invoke(main, ["render", str(SHENZHEN), "--to", str(tmp_path / "x.odt")])
    assert result.exit_code == 2 and "输出格式" in result.output


def test_unreadable_input_is_one_line(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = CliRunner().invoke(main, ["render", str(bad), "--to", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and "文件是空的" in result.output


HOSTILE = '<script>alert("x")</script>&<b>'


def _hostile() -> Disclosure:
    src = Source("evil.txt", 1)
    table = Table(
        kind="expense_summary", title=f"支出总表{HOSTILE}", number="3", number_text="表3", unit="万元",
        columns=[Column("total", f"合计{HOSTILE}")],
        rows=[Row(label=f"项目{HOSTILE}", item=f"项目{HOSTILE}", code="201",
                  values={"total": Value(Decimal("1"), "1", src)}, texts={}, source=src)],
        notes=[f"注：{HOSTILE}"], source=src,
    )
    return Disclosure(
        identity=Identity(body=f"单位{HOSTILE}", year=2023), title=f"2023年{HOSTILE}部门预算",
        contents=[f"第一部分 {HOSTILE}"],
        sections=[Section(f"第一部分 {HOSTILE}", 1, [Paragraph(f"正文{HOSTILE}", src)], src)],
        tables=[table],
    )


def test_untrusted_text_is_escaped_everywhere_in_html():
    html = render(_hostile(), "html").decode("utf-8")
    assert "<script>" not in html and "<b>" not in html
    assert html.count("&lt;script&gt;") >= 7  # title, contents, heading, paragraph, table title, header, row, note, body


def test_untrusted_text_stays_text_in_docx_and_xlsx(tmp_path):
    for fmt in ("docx", "xlsx"):
        path = tmp_path / f"evil.{fmt}"
        path.write_bytes(render(_hostile(), fmt))
        back = read_disclosure(path)
        texts = [s.heading for s in back.sections] + [p.text for s in back.sections for p in s.paragraphs]
        assert f"正文{HOSTILE}" in texts


def test_every_table_of_the_family_is_printed():
    layout = build_layout(_hostile(), "shenzhen")
    titles = [t.title for t in layout.tables]
    assert len(titles) == 12 and titles[0] == "收支总表"
    assert all(t.notes == ["注：本表本年无发生额。"] for t in layout.tables if t.placeholder)
    assert [t.number_text for t in layout.tables] == [f"表{n}" for n in range(1, 13)]


def test_jiangsu_and_shanghai_sets():
    assert [t.number_text for t in build_layout(_hostile(), "jiangsu").tables][:2] == ["公开01表", "公开02表"]
    shanghai = build_layout(_hostile(), "shanghai").tables
    assert len(shanghai) == 9 and shanghai[0].title == "2023年部门财务收支预算总表"


def test_xlsx_numbers_are_numbers_with_formulas():
    from io import BytesIO

    from openpyxl import load_workbook

    doc = read_disclosure(SHENZHEN)
    wb = load_workbook(BytesIO(render(doc, "xlsx")))
    ws = wb["表3"]
    formulas = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=SUM")]
    numbers = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))]
    assert formulas and numbers
    assert ws.print_title_rows
