"""A rendered download keeps the disclosure's own layout family (as `render --style auto`), and another
family can be asked for."""

import pytest

from tests.web.conftest import checked
from yusuan.model.families import TABLE_SETS
from yusuan.store import exports
from yusuan.store.repository import ingest

SHANGHAI = "shanghai-putuo-2025-wanli-jiedao-dept-budget.pdf"


@pytest.fixture(scope="module")
def stored(backend_store):
    doc, findings, files = checked(SHANGHAI)
    with backend_store.session() as s:
        return ingest(s, doc, findings, files, status="published", action="import").id, doc


def test_a_shanghai_disclosure_downloads_in_the_shanghai_set(backend_store, stored):
    did, doc = stored
    with backend_store.session() as s:
        html = exports.rendered(s, did, "html").decode()
    missing = set(TABLE_SETS["shanghai"]) - {t.kind for t in doc.tables}
    assert html.count("本表本年无发生额") <= len(missing)  # only tables the disclosure does not print
    assert "收支预算总表" in html and "一般公共预算支出功能分类预算表" in html
    assert "整体支出绩效目标表" not in html  # a Shenzhen table
    assert doc.identity.body in html


def test_another_family_can_be_asked_for(backend_store, stored):
    did, _ = stored
    with backend_store.session() as s:
        html = exports.rendered(s, did, "html", "shenzhen").decode()
    assert "整体支出绩效目标表" in html
