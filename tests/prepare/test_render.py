"""`yusuan render budget.xlsx --to …`: a filled workbook to the complete disclosure, drafts marked."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.conftest import corpus_doc
from tests.prepare.conftest import PINGSHAN, through_workbook
from tests.prepare.test_draft import enrich
from tests.render.roundtrip import cells, diff
from yusuan.cli.main import main
from yusuan.ingest.read import read_disclosure
from yusuan.prepare.workbook import read_workbook
from yusuan.render.build import DRAFT_MARK


@pytest.mark.parametrize("suffix", ["pdf", "docx", "html", "xlsx"])
def test_render_a_workbook(pingshan_book, tmp_path, suffix):
    path = enrich(pingshan_book)
    out = tmp_path / f"公开.{suffix}"
    result = CliRunner().invoke(main, ["render", str(path), "--to", str(out)])
    assert result.exit_code == 0, result.output
    model = read_workbook(path)
    printed = read_disclosure(out)
    # the drafted paragraphs, and only they, carry the mark
    marked = [p.text for s in printed.sections for p in s.paragraphs if DRAFT_MARK in p.text]
    drafts = [p.text for s in model.sections for p in s.paragraphs if p.drafted]
    assert len(marked) == len(drafts) > 10
    assert all(m.endswith(DRAFT_MARK) for m in marked)
    assert not any(DRAFT_MARK in p.text for s in printed.sections for p in s.paragraphs
                   if p.text.startswith("负责辖区生态环境保护监督管理工作"))
    # every figure of the workbook is printed
    missing = diff(cells(printed), cells(model))[1]
    assert missing == []
    assert diff(cells(model), cells(corpus_doc(PINGSHAN)))[1] == []


def test_render_html_escapes_and_marks(pingshan_book, tmp_path):
    pingshan_book.set("narrative", "other", "<script>alert(1)</script>")
    out = tmp_path / "公开.html"
    assert CliRunner().invoke(main, ["render", str(pingshan_book.save()), "--to", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert 'class="para drafted"' in html and DRAFT_MARK in html


def test_a_workbook_keeps_the_style_it_was_made_in(tmp_path):
    _, path = through_workbook(tmp_path, "jiangsu", ["jiangsu-2019-gaoji-fayuan-budget.pdf"])
    out = tmp_path / "公开.html"
    result = CliRunner().invoke(main, ["render", str(path), "--to", str(out)])
    assert result.exit_code == 0 and "jiangsu 版式" in result.output
    numbers = [t.number_text for t in read_disclosure(out).tables if t.number_text]
    assert numbers[:3] == ["公开01表", "公开02表", "公开03表"]
    result = CliRunner().invoke(main, ["render", str(path), "--to", str(out), "--style", "shenzhen"])
    assert result.exit_code == 0 and "shenzhen 版式" in result.output
