"""The work of a batch, wherever it runs: a chunk of publications read and checked one after another in
the job runner (store/jobs.py: a child process within a time and a memory budget, started once for the
chunk and again after a failure), each ending in one outcome: its rows, or its error.

This module imports no Parquet and no Dask: a job's child unpickles `check_publication` from here.
"""

from __future__ import annotations

import functools
import os
import time
from pathlib import Path

from yusuan.batch.inputs import Publication
from yusuan.export.records import publication_records
from yusuan.ingest.formats import sniff
from yusuan.ingest.pdf.document import page_count
from yusuan.ingest.read import read_disclosure
from yusuan.model.errors import IngestError
from yusuan.rules.registry import run
from yusuan.rules.version import ruleset_version
from yusuan.store.jobs import Budget, Jobs, JobRefused

OK, REFUSED, FAILED = "ok", "refused", "failed"  # read and checked; refused by a reader; failed otherwise


class ClusterMismatch(RuntimeError):
    """A worker that cannot do the batch's work as the client would (another version of yusuan, files
    it cannot see): the whole run stops, in one Chinese line."""


def check_publication(paths: tuple[str, ...]) -> dict:
    """In a job's child: one publication read, checked and turned into rows (export/records.py)."""
    start, cpu = time.perf_counter(), time.process_time()
    doc = read_disclosure(*paths)
    records = publication_records(doc, run(doc))
    records["pages"] = pages(paths)
    records["seconds"] = round(time.perf_counter() - start, 3)
    records["cpu_seconds"] = round(time.process_time() - cpu, 3)
    return records


def pages(paths: tuple[str, ...]) -> int | None:
    """The pages of the publication's PDFs, None when it has none (a text, Word or Excel file has lines,
    paragraphs or sheets instead)."""
    pdfs = [Path(p) for p in paths if sniff(Path(p)).name == "pdf"]
    return sum(page_count(p) for p in pdfs) if pdfs else None


def outcome(pub: Publication, value: dict | None, error: Exception | None) -> dict:
    """What the batch keeps of one publication: its key, status, Chinese error and rows."""
    if error is None:
        return {"doc_id": pub.doc_id, "status": OK, "error": None, "records": value}
    refused = isinstance(error, (IngestError, JobRefused))  # the file's fault, as the reader says it
    return {"doc_id": pub.doc_id, "status": REFUSED if refused else FAILED, "error": str(error), "records": None}


def check_chunk(chunk: list[Publication], jobs: Jobs):
    """(position in the chunk, outcome) of each publication, in order, as each is done."""
    calls = [(pub.paths,) for pub in chunk]
    for i, value, error in jobs.run_each(check_publication, calls, names=[pub.names for pub in chunk]):
        yield i, outcome(chunk[i], value, error)


def check_chunk_remote(chunk: list[Publication], ruleset: str, budget: Budget) -> list[dict]:
    """On a Dask worker: the chunk's outcomes, in order, after making sure this worker would give the
    client's results (the same ruleset version, the same files at the same paths)."""
    here = ruleset_version()
    if here != ruleset:
        raise ClusterMismatch(f"工作节点的 yusuan（规则版本 {here}）与本机（{ruleset}）不同，结果会不一致；"
                              "请在各节点安装同一版本（及同样导入的科目目录）")
    for pub in chunk:
        for p in pub.paths:
            if not os.path.exists(p):
                raise ClusterMismatch(f"工作节点上找不到 {p}：集群的各节点需要以同一路径读到输入文件（共享存储）")
    return [o for _, o in check_chunk(chunk, _jobs(budget))]


@functools.cache
def _jobs(budget: Budget) -> Jobs:
    """One job runner per budget in a Dask worker's process."""
    return Jobs(budget)
