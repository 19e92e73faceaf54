"""A batch run: every publication recorded, bad files among good ones refused without stopping the run,
a second run skipping what is done, a new ruleset version checking again."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq

from tests.batch.conftest import GOOD, INPUTS, UNREADABLE
from tests.conftest import corpus_doc
from yusuan.batch.inputs import gather
from yusuan.batch.output import Output
from yusuan.batch.run import Settings, run_batch
from yusuan.batch.work import FAILED, OK, REFUSED, check_chunk, outcome
from yusuan.export.cells import cell_records
from yusuan.model.errors import IngestError
from yusuan.rules.registry import run
from yusuan.rules.version import ruleset_version
from yusuan.store.jobs import Jobs, JobCrashed, OverTime


def documents(out):
    return {tuple(d["files"]): d for d in pq.read_table(out / "documents.parquet").to_pylist()}


def test_bad_files_among_good_ones_are_recorded_and_the_run_goes_on(local_run):
    out, result = local_run
    docs = documents(out)
    assert not result.interrupted and result.processed == 6 and result.skipped == 0
    assert len(docs) == 6  # the text and tables PDFs are one publication
    for name in UNREADABLE:
        d = docs[(name,)]
        assert d["status"] == REFUSED and d["error"].startswith(f"无法读取 {name}") and d["cells"] is None
    assert docs[("garbage.pdf",)]["error"].endswith("内容是二进制数据")
    pair = (GOOD[3], GOOD[2])  # text part first
    for files in [(GOOD[0],), (GOOD[1],), pair]:
        d = docs[files]
        doc = corpus_doc(*files)
        findings = run(doc)
        assert d["status"] == OK and d["error"] is None
        assert (d["body"], d["year"], d["kind"]) == (doc.identity.body, doc.identity.year, doc.identity.kind)
        assert d["cells"] == sum(1 for _ in cell_records(doc)) and d["findings"] == len(findings)
        assert d["errors"] == sum(f.severity == "error" for f in findings)
    assert docs[pair]["pages"] == 30 and docs[(GOOD[0],)]["pages"] is None  # a text file has no pages
    manifest = result.manifest
    assert manifest["status"] == "complete" and manifest["ruleset"] == ruleset_version()
    assert manifest["documents"] == {"ok": 3, "refused": 3, "failed": 0, "remaining": 0}
    assert sorted(f["paths"][0].rsplit("/", 1)[1] for f in manifest["failures"]) == sorted(UNREADABLE)
    assert manifest["tables"]["cells"]["rows"] == sum(d["cells"] or 0 for d in docs.values())


def test_a_second_run_skips_what_is_done_and_a_new_ruleset_checks_again(local_run, publications, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(local_run[0], out)
    before = pq.read_table(out / "cells.parquet")
    again = run_batch(publications, out, Settings(workers=2))
    assert (again.processed, again.skipped) == (0, 6)
    assert pq.read_table(out / "cells.parquet").equals(before)
    assert [r["processed"] for r in again.manifest["runs"]] == [6, 0]

    newer = run_batch(publications, out, Settings(workers=2), ruleset="0.1.0+another")
    assert (newer.processed, newer.skipped) == (6, 0)
    docs = pq.read_table(out / "documents.parquet")
    assert set(docs["ruleset"].to_pylist()) == {"0.1.0+another"} and docs.num_rows == 6
    assert pq.read_table(out / "cells.parquet").equals(before)  # the same files and code: the same rows


def test_the_output_holds_the_current_inputs_only(local_run, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(local_run[0], out)
    fewer = gather([str(INPUTS[0]), str(INPUTS[-1])])
    result = run_batch(fewer, out, Settings())
    assert result.processed == 0 and result.manifest["publications"] == 2
    assert sorted(d[0] for d in documents(out)) == sorted(p.names for p in fewer)
    assert set(pq.read_table(out / "cells.parquet")["doc_id"].to_pylist()) == {fewer[0].doc_id}


def test_parts_left_by_a_killed_run_are_kept_and_merged(publications, tmp_path):
    """A run killed outright (no Ctrl-C: no merge) leaves its finished chunks; the next run counts them
    done and merges them."""
    out = tmp_path / "out"
    first = publications[:1]
    killed = Output(out, ruleset_version())
    killed.commit(0, [(first[0], o) for _, o in check_chunk(first, Jobs())])
    result = run_batch(publications[:2], out, Settings())
    assert (result.processed, result.skipped) == (1, 1)
    assert sorted(d[0] for d in documents(out)) == sorted(p.names for p in publications[:2])
    assert not (out / "parts").exists()


def test_retry_failed_checks_again_only_what_failed(publications, tmp_path):
    out = tmp_path / "out"
    output = Output(out, ruleset_version())
    pubs = publications[:2]
    output.commit(0, [(pubs[0], {**outcome(pubs[0], None, OverTime(pubs[0].names, 1)), "records": None}),
                      (pubs[1], outcome(pubs[1], None, IngestError(pubs[1].names, "坏了")))])
    assert run_batch(pubs, out, Settings()).processed == 0
    result = run_batch(pubs, out, Settings(retry_failed=True))
    assert result.processed == 1 and documents(out)[(pubs[0].names,)]["status"] == OK
    assert documents(out)[(pubs[1].names,)]["error"] == f"无法读取 {pubs[1].names}：坏了"


def test_outcomes_name_the_error():
    pub = gather([str(INPUTS[0])])[0]
    refused = outcome(pub, None, IngestError("a.pdf", "文件是空的"))
    assert (refused["status"], refused["error"]) == (REFUSED, "无法读取 a.pdf：文件是空的")
    crashed = outcome(pub, None, JobCrashed("a.pdf", "decimal.InvalidOperation"))
    assert crashed["status"] == FAILED and "内部错误（decimal.InvalidOperation）" in crashed["error"]
    late = outcome(pub, None, OverTime("a.pdf", 120))
    assert late["status"] == FAILED and "超过了 120 秒" in late["error"]
