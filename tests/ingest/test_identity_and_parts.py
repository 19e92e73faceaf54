"""Identity and page furniture on generated variants of corpus publications, and a publication printed
as a text file and a tables file read the same whichever order the files are given in."""

from dataclasses import replace

import pytest

from tests.conftest import CORPUS
from yusuan.export.cells import cell_records
from yusuan.ingest.assemble.captions import is_page_number
from yusuan.ingest.assemble.document import assemble
from yusuan.ingest.blocks import Line
from yusuan.ingest.read import blocks_of, read_disclosure, read_publications

SHEHUI = "shanghai-putuo-2024-shehui-gongzuobu-dept-final.pdf"  # body named on the cover only


def _line(text, page, top, like: Line):
    x0, _, x1, _ = like.source.bbox
    return Line(text, replace(like.source, page=page, bbox=(x0, top, x1, top + 12)))


def _sections(doc):
    return [(s.level, s.heading, [p.text for p in s.paragraphs]) for s in doc.sections]


FOOTERS = ["─ {n} ─", "- {n} -", "— {n} —", "第 {n} 页", "第{n}页 共24页", "第 {n} 页，共 24 页", "{n}"]


@pytest.mark.parametrize("footer", FOOTERS)
def test_page_footers_and_headers_never_enter_sentences(footer):
    """Every page of the 决算 printed with a footer under its text and the same as a running header: the
    paragraphs that run on from one page to the next read as before."""
    blocks = list(blocks_of(CORPUS / SHEHUI))
    out = []
    for k, b in enumerate(blocks):
        out.append(b)
        page = b.source.page
        last_of_page = k + 1 == len(blocks) or blocks[k + 1].source.page != page
        if isinstance(b, Line) and last_of_page:
            out.append(_line(footer.format(n=page), page, 800, b))
        if isinstance(b, Line) and (k == 0 or blocks[k - 1].source.page != page):
            out.insert(len(out) - 1, _line(footer.format(n=page), page, 30, b))
    assert all(is_page_number(footer.format(n=n)) for n in (7, 12))
    base, doc = assemble(list(blocks_of(CORPUS / SHEHUI)), [SHEHUI]), assemble(out, [SHEHUI])
    assert _sections(doc) == _sections(base)
    assert doc.identity == base.identity
    assert [(r.table_no, r.kind, r.item, r.measure, r.value) for r in cell_records(doc)] == [
        (r.table_no, r.kind, r.item, r.measure, r.value) for r in cell_records(base)]


@pytest.mark.parametrize("cover", [
    ["2025年6月"],
    ["二〇二五年六月"],
    ["中共上海市普陀区委社会工作部 编制", "二〇二五年六月三十日"],
    ["─ 1 ─"],
])
def test_the_cover_date_issuer_and_furniture_are_not_the_body_name(cover):
    blocks = list(blocks_of(CORPUS / SHEHUI))
    last_cover = max(i for i, b in enumerate(blocks) if b.source.page == 1)
    added = [_line(text, 1, 500 + 30 * k, blocks[last_cover]) for k, text in enumerate(cover)]
    doc = assemble(blocks[:last_cover + 1] + added + blocks[last_cover + 1:], [SHEHUI])
    assert (doc.identity.body, doc.identity.year, doc.identity.kind) == (
        "中共上海市普陀区委社会工作部", 2024, "final_accounts")
    assert doc.title == "中共上海市普陀区委社会工作部2024年度部门决算"


# --- a text file and a tables file ----------------------------------------------------------------

PAIRS = [
    ("jiangsu-2018-shengwei-bangongting-budget-text.pdf", "jiangsu-2018-shengwei-bangongting-budget-tables.pdf"),
    ("jiangsu-2019-zhengxie-bangongting-budget-text.pdf", "jiangsu-2019-zhengxie-bangongting-budget-tables.pdf"),
]


def _whole(doc):
    cells = [(r.table_no, r.kind, r.side, r.code, r.item, r.measure, r.value, r.page) for r in cell_records(doc)]
    return cells, _sections(doc), doc.contents, doc.identity, doc.files


@pytest.mark.parametrize("text,tables", PAIRS)
def test_text_and_tables_are_one_publication_in_either_order(text, tables):
    given = read_disclosure(CORPUS / text, CORPUS / tables)
    swapped = read_disclosure(CORPUS / tables, CORPUS / text)
    assert given.tables and given.sections
    assert _whole(swapped) == _whole(given)
    (paired,) = read_publications([CORPUS / tables, CORPUS / text])
    assert _whole(paired) == _whole(given)


def test_two_whole_publications_stay_two():
    one, two = "jiangsu-2018-renda-bangongting-budget.pdf", "jiangsu-2019-gaoji-fayuan-budget.pdf"
    docs = read_publications([CORPUS / one, CORPUS / two])
    assert [d.files for d in docs] == [[one], [two]]


def test_a_text_part_is_not_joined_to_another_publications_tables():
    """Adjacent on the command line, one without tables and one with: still two publications when their
    names say they are of different bodies (a whole-table document beside another body's text part)."""
    text = "jiangsu-2017-zhengxie-bangongting-budget-text.pdf"
    other = "jiangsu-2019-gaoji-fayuan-budget.pdf"
    docs = read_publications([CORPUS / other, CORPUS / text])
    assert [d.files for d in docs] == [[other], [text]]
    assert docs[0].identity.body == "江苏省高级人民法院" and docs[0].identity.year == 2019


@pytest.mark.parametrize("a,b,same", [
    ("x-budget-text.pdf", "x-budget-tables.pdf", True),
    ("文字部分.pdf", "表格部分.pdf", True),
    ("坪山2023预算（文字说明）.pdf", "坪山2023预算（表格）.pdf", True),
    ("坪山2023预算.pdf", "光明2023预算.pdf", False),
    ("a-2023-text.pdf", "a-2024-tables.pdf", False),
])
def test_publication_stem(a, b, same):
    from pathlib import Path

    from yusuan.ingest.read import publication_stem

    assert (publication_stem(Path(a)) == publication_stem(Path(b))) is same
