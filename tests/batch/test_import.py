"""A batch's output into the web application's database: `yusuan db import-batch`."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from sqlalchemy import select

from tests.batch.conftest import GOOD
from tests.web.conftest import checked
from yusuan.cli.main import main
from yusuan.store import Store
from yusuan.store import models as m
from yusuan.store.batch_import import import_batch


def test_import_batch_stores_each_checked_publication_once(local_run, tmp_path):
    out, _ = local_run
    db = f"sqlite:///{tmp_path / 'y.db'}"
    run = CliRunner().invoke
    assert run(main, ["db", "init", "--db", db]).exit_code == 0
    r = run(main, ["db", "import-batch", str(out), "--db", db, "--publish"])
    assert r.exit_code == 0, r.output
    assert "共导入 3 份。" in r.output and "深圳市生态环境局坪山管理局 2023 年，第 1 版" in r.output
    store = Store(db)
    with store.session() as s:
        stored = {tuple(f.name for f in sorted(d.files, key=lambda f: f.position)): d
                  for d in s.scalars(select(m.Disclosure))}
        assert len(stored) == 3
        for files in [(GOOD[0],), (GOOD[3], GOOD[2])]:  # as an upload of the same files would store it
            doc, findings, uploaded = checked(*files)
            d = stored[files]
            assert d.status == "published" and d.cell_count == sum(len(r.values) for t in doc.tables for r in t.rows)
            assert len(d.findings) == len(findings) and d.errors == sum(f.severity == "error" for f in findings)
            assert [f.content for f in d.files] == [u.content for u in uploaded]
    again = run(main, ["db", "import-batch", str(out), "--db", db])
    assert again.exit_code == 0 and "共导入 0 份。" in again.output and "未重复导入" in again.output
    store.dispose()


def test_a_moved_or_changed_original_is_not_imported(local_run, tmp_path):
    out, _ = local_run
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    store = Store(f"sqlite:///{tmp_path / 'y.db'}")
    store.upgrade()
    import pyarrow.parquet as pq

    docs = pq.read_table(copy / "documents.parquet")
    paths = [[str(tmp_path / "gone.txt")] if p[0].endswith(GOOD[0]) else p for p in docs["paths"].to_pylist()]
    pq.write_table(docs.set_column(docs.schema.get_field_index("paths"), "paths", [paths]), copy / "documents.parquet")
    notes = {i.files: i.note for i in import_batch(store, copy)}
    assert notes["gone.txt"] == "原文件已不在批量检查时的位置，未导入"
    assert sum(n.startswith("已导入") for n in notes.values()) == 2
    store.dispose()


def test_a_folder_that_is_no_batch_output_is_refused(tmp_path):
    db = f"sqlite:///{tmp_path / 'y.db'}"
    CliRunner().invoke(main, ["db", "init", "--db", db])
    r = CliRunner().invoke(main, ["db", "import-batch", str(tmp_path), "--db", db])
    assert r.exit_code == 2 and "不是 yusuan batch 的输出文件夹" in r.output
