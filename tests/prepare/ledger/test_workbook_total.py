"""Why 坪山's lines total 66,234,737 元 when built from its preparation workbook and 66,230,237 元 when built
from its publication: not a misreading, and not a difference of the tables (the workbook's are the
publication's, cell for cell). The published tables print whole 万元, so the 元 of each line are not
determined: the builder picks them within the printed rounding (6,623 万元 is 66,225,000 to 66,234,999 元),
guided by every figure it is given. The publication's text also states the procurement by 品目 (货物 185,
工程 0, 服务 3,030 万元) and the 机关运行经费 (125 万元); the workbook's narrative, drafted by yusuan from
its tables, does not. With those statements the builder lands elsewhere inside the same rounding: swap the
two texts and the totals swap with them."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from tests.prepare.ledger.conftest import PINGSHAN
from yusuan.model.text import match_key
from yusuan.prepare.fill import lines_for
from yusuan.prepare.ledger.build import _Builder, build_from_disclosure, build_from_workbook
from yusuan.prepare.template import write_template
from yusuan.prepare.workbook import read_workbook

WAN = Decimal(10000)


@pytest.fixture(scope="module")
def workbook(published, tmp_path_factory):
    """坪山's preparation workbook filled from its publication (as the web's 下载准备工作簿 fills it)."""
    doc = published[PINGSHAN]
    return write_template(tmp_path_factory.mktemp("pingshan") / "坪山2023.xlsx", 2023, "shenzhen", "budget",
                          lines_for(doc, "shenzhen", 2023, "budget"))


def cells(doc) -> set:
    return {(t.kind, match_key(r.label), k, v.amount) for t in doc.tables for r in t.rows for k, v in r.values.items()}


def total(ledger) -> Decimal:
    return sum((line.amount for line in ledger.lines), Decimal(0))


def test_the_two_totals_are_two_readings_of_the_same_rounded_figure(published, workbook):
    doc = published[PINGSHAN]
    from_publication = total(build_from_disclosure(doc).ledger)
    from_workbook = total(build_from_workbook(workbook).ledger)
    assert (from_publication, from_workbook) == (Decimal("66230237"), Decimal("66234737"))
    for t in (from_publication, from_workbook):  # both print as the published 6,623 万元
        assert (t / WAN).quantize(Decimal(1)) == 6623

    book = read_workbook(workbook)
    assert cells(doc) == cells(book)  # the same tables

    # the text makes the difference: the publication states what the drafted narrative does not
    assert _Builder(doc, "元", "").statements == {"procurement.goods": 185, "procurement.works": 0,
                                                  "procurement.services": 3030, "office_operating": 125}
    assert _Builder(book, "元", "").statements == {}
    assert total(build_from_disclosure(replace(doc, sections=book.sections)).ledger) == from_workbook
    assert total(build_from_disclosure(replace(book, sections=doc.sections)).ledger) == from_publication
