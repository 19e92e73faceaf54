"""The store on both databases: exact round trip of the model, migrations equal to the models, exact
amounts, the version chain."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.web.conftest import checked
from yusuan.export.json import disclosure_dict
from yusuan.rules.report import report_dict
from yusuan.store import models as m
from yusuan.store.convert import load_disclosure, load_findings
from yusuan.store.repository import DuplicateUpload, UploadedFile, ingest
from yusuan.store.repository import mark_published as publish  # the versions, not the review chain

PUBLICATIONS = [
    ("shenzhen-2023-pingshan-guanliju-budget.txt",),
    ("jiangsu-2019-zhengxie-bangongting-budget-text.pdf", "jiangsu-2019-zhengxie-bangongting-budget-tables.pdf"),
    ("shanghai-putuo-2024-shehui-gongzuobu-dept-final.pdf",),
]


@pytest.mark.parametrize("names", PUBLICATIONS, ids=lambda n: n[0].rsplit("-", 1)[0])
def test_round_trip_is_exact(backend_store, names):
    """What is stored comes back as the same model: every value, its text and source; every finding."""
    doc, findings, files = checked(*names)
    with backend_store.session() as s:
        try:
            did = ingest(s, doc, findings, files, status="published").id
        except DuplicateUpload as e:
            did = e.existing.id
    with backend_store.session() as s:
        back, back_findings = load_disclosure(s, did), load_findings(s, did)
    assert disclosure_dict(back) == disclosure_dict(doc)
    assert report_dict(back, back_findings) == report_dict(doc, findings)


def test_migrations_match_the_models(backend_store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with backend_store.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c, opts={"compare_type": True}), m.Base.metadata)
    assert diff == []


@pytest.mark.parametrize("value", ["0", "5682", "13297.11", "-0.5", "123456789012.34", "0.0001", "-98765432109.9"])
def test_amounts_are_exact(backend_store, value):
    """Decimal in, the same Decimal out, on SQLite (scaled integers) as on PostgreSQL (NUMERIC); sums exact."""
    from sqlalchemy import func

    from sqlalchemy import Column, Integer, MetaData, Table, insert

    from yusuan.store.types import Amount, canonical

    meta = MetaData()
    t = Table(f"amount_probe_{abs(hash(value)) % 10**6}", meta, Column("id", Integer, primary_key=True),
              Column("v", Amount))
    meta.create_all(backend_store.engine)
    try:
        with backend_store.engine.begin() as c:
            c.execute(insert(t), [{"v": Decimal(value)}, {"v": Decimal(value)}, {"v": Decimal("0.1")}])
            got = c.execute(select(t.c.v).order_by(t.c.id)).scalars().all()
            total = c.execute(select(func.sum(t.c.v))).scalar()
        assert got[0] == Decimal(value) and str(got[0]) == str(canonical(Decimal(value)))
        assert total == Decimal(value) * 2 + Decimal("0.1")
    finally:
        meta.drop_all(backend_store.engine)


def test_more_decimals_than_the_store_keeps_are_refused(backend_store):
    from yusuan.store.types import Amount

    bind = Amount().process_bind_param
    if backend_store.backend == "sqlite":
        with pytest.raises(ValueError):
            bind(Decimal("1.00001"), backend_store.engine.dialect)
    else:
        assert bind(Decimal("1.00001"), backend_store.engine.dialect) == Decimal("1.00001")


def test_a_corrected_upload_is_a_new_version_and_keeps_the_old(backend_store):
    doc, findings, files = checked("shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")
    corrected = [UploadedFile(files[0].name, files[0].content.replace("5,682".encode(), "5,683".encode()) + b"\n")]
    with backend_store.session() as s:
        body = s.scalar(select(m.Body).where(m.Body.name == "版本测试单位"))
        if body is None:
            body = m.Body(name="版本测试单位", level="unit")
            s.add(body)
            s.flush()
        v1 = ingest(s, doc, findings, files, status="draft", body=body)
        publish(s, v1, None)
        v2 = ingest(s, doc, findings, corrected, status="draft", body=body)
        assert (v1.version, v2.version, v2.previous_id) == (1, 2, v1.id)
        assert (v1.is_latest, v2.is_latest) == (False, True)
        assert (v1.is_latest_published, v2.is_latest_published) == (True, False)  # the public keeps v1
        publish(s, v2, None)
        assert (v1.is_latest_published, v2.is_latest_published) == (False, True)
        assert v1.status == "published" and s.get(m.Disclosure, v1.id) is not None  # still there, viewable
        with pytest.raises(DuplicateUpload):
            ingest(s, doc, findings, files, status="draft", body=body)


def test_moving_a_draft_to_another_year_keeps_both_series_consistent(backend_store):
    from yusuan.store.repository import edit

    doc, findings, files = checked("shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")
    with backend_store.session() as s:
        body = m.Body(name="改年度测试单位", level="unit")
        s.add(body)
        s.flush()
        v1 = ingest(s, doc, findings, files, status="published", body=body)
        v2 = ingest(s, doc, findings, [UploadedFile(files[0].name, files[0].content + b"\n")], status="draft", body=body)
        assert (v1.is_latest, v2.is_latest) == (False, True)
        edit(s, v2, {"year": 2024}, None)  # the assembler misread the year: this is the 2024 budget
        assert (v1.is_latest, v1.is_latest_published) == (True, True)
        assert (v2.year, v2.is_latest, v2.is_latest_published) == (2024, True, False)
        audit = s.scalars(select(m.AuditEntry).where(m.AuditEntry.disclosure_id == v2.id,
                                                     m.AuditEntry.action == "edit")).one()
        assert audit.detail == {"changes": {"year": [2023, 2024]}}


def test_a_preparation_workbook_keeps_its_cells_in_the_store(backend_store, tmp_path):
    """Every value of a workbook keeps its cell (D7) through the store, and a finding on a typed total is
    tied to that very cell, not to another cell of the same sheet."""
    import shutil

    from tests.conftest import corpus_doc
    from tests.prepare.workbooks import Book
    from yusuan.prepare.fill import lines_from
    from yusuan.prepare.template import write_template
    from yusuan.prepare.workbook import read_workbook
    from yusuan.rules.registry import run

    master = write_template(tmp_path / "m.xlsx", 2023, "shenzhen", "budget",
                            lines_from(corpus_doc("shenzhen-2023-pingshan-guanliju-budget.txt"), "shenzhen"))
    book = Book(shutil.copy(master, tmp_path / "预算.xlsx"))
    expense = "table:expense_summary"
    ref = book.put(expense, book.find(expense, "|label|", "深圳市生态环境局坪山管理局"), "|amount|total", 7000)
    book.save()
    doc = read_workbook(book.path)
    findings = run(doc)
    files = [UploadedFile.from_path(book.path)]
    with backend_store.session() as s:
        did = ingest(s, doc, findings, files, status="draft").id
    with backend_store.session() as s:
        back = load_disclosure(s, did)
        flagged = s.execute(select(m.FindingLocation, m.Cell).join(m.Finding).join(
            m.Cell, m.Cell.id == m.FindingLocation.cell_id).where(
            m.Finding.disclosure_id == did, m.Finding.rule == "arith-total-rows")).all()
    assert disclosure_dict(back) == disclosure_dict(doc)
    total = back.tables_of("expense_summary")[0].rows[0].values["total"]
    assert total.source.cell == ref and total.amount == 7000
    assert any(loc.cell == ref and cell.cell == ref and cell.amount == 7000 for loc, cell in flagged)
