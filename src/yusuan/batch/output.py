"""A batch's output folder, consistent whenever it is stopped.

    DIR/manifest.json            what the folder holds: status, counts, tables, runs, failures (JSON)
    DIR/documents.parquet …      the open-data tables (export/parquet.py, docs/batch.md), one file each
    DIR/report.html              the summary for people (batch/report.py)
    DIR/parts/RRRR-CCCCCC/       while a run goes on: the tables of one finished chunk of publications

A chunk's tables are written into a hidden folder renamed into place when complete, so a part is there
whole or not at all. At the end of a run, finished or stopped by Ctrl-C, the parts are merged with the
tables already there (`finish`): each publication's rows come from the last place that holds it under
the current ruleset version, and only the publications of the current inputs are kept; each table is
written under a temporary name and renamed, then the manifest, then the parts are removed. A run killed
outright leaves parts behind: the next run counts them as done and merges them.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import yusuan
from yusuan.batch.inputs import Publication
from yusuan.batch.work import FAILED
from yusuan.export import parquet
from yusuan.export.parquet import FORMAT, MANIFEST, SCHEMA_VERSION, TABLES


class OutputError(Exception):
    """An output folder yusuan may not write into: one Chinese line."""


class Output:
    def __init__(self, root: Path, ruleset: str):
        self.root, self.ruleset = root, ruleset
        self.parts = root / "parts"
        self.previous = self._open()
        self.parts.mkdir(exist_ok=True)
        for leftover in [*self.parts.glob(".tmp-*"), *root.glob(".*.tmp")]:  # a write cut short
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
        self.run = 1 + max([r.get("run", 0) for r in self.previous.get("runs", [])]
                           + [int(p.name[:4]) for p in self._part_dirs()], default=0)
        self.done: dict[str, str] = {}  # doc_id -> status, under this ruleset version
        for source in self.sources():
            docs = self._documents(source)
            if docs is not None:
                for doc_id, ruleset, status in zip(*(docs[c].to_pylist() for c in ("doc_id", "ruleset", "status"))):
                    if ruleset == self.ruleset:
                        self.done[doc_id] = status
                    else:
                        self.done.pop(doc_id, None)

    def _open(self) -> dict:
        manifest = self.root / MANIFEST
        if manifest.exists():
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = None
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise OutputError(f"{manifest} 不是 yusuan batch 的清单，请另选输出文件夹")
            return data
        if self.root.exists() and not self.root.is_dir():
            raise OutputError(f"输出位置 {self.root} 是一个文件，不是文件夹")
        if self.root.exists() and any(p.name != "parts" for p in self.root.iterdir()):
            raise OutputError(f"输出文件夹 {self.root} 不是空的，也没有 yusuan batch 的清单（{MANIFEST}），请另选输出文件夹")
        self.root.mkdir(parents=True, exist_ok=True)
        write_json(manifest, {"format": FORMAT, "schema": SCHEMA_VERSION, "yusuan": yusuan.__version__,
                              "ruleset": self.ruleset, "status": "running", "runs": []})
        return {}

    def _part_dirs(self) -> list[Path]:
        return sorted(p for p in self.parts.iterdir() if p.is_dir() and not p.name.startswith(".")) \
            if self.parts.is_dir() else []

    def sources(self) -> list[Path]:
        """Where rows are, oldest first: the merged tables, then the parts in the order they were made."""
        return [self.root, *self._part_dirs()]

    @staticmethod
    def _documents(source: Path) -> pa.Table | None:
        path = source / parquet.file_name("documents")
        return parquet.read(path, ["doc_id", "ruleset", "status"]) if path.exists() else None

    def is_done(self, doc_id: str, *, retry_failed: bool = False) -> bool:
        status = self.done.get(doc_id)
        return status is not None and not (retry_failed and status == FAILED)

    def commit(self, chunk: int, results: list[tuple[Publication, dict]]) -> None:
        """The tables of one finished chunk, as a part of this run."""
        name = f"{self.run:04d}-{chunk:06d}"
        final, tmp = self.parts / name, self.parts / f".tmp-{name}"
        if final.exists():
            return
        rows: dict[str, list[dict]] = {t: [] for t in TABLES}
        for pub, outcome in results:
            records = outcome["records"] or {}
            rows["documents"].append(document_row(pub, outcome, self.ruleset))
            for table in ("tables", "cells", "findings", "sections"):
                rows[table] += [{"doc_id": pub.doc_id, **r} for r in records.get(table, ())]
            if "model" in records:
                rows["models"].append({"doc_id": pub.doc_id, "model": records["model"]})
        shutil.rmtree(tmp, ignore_errors=True)  # a write of this part cut short
        tmp.mkdir()
        for table in TABLES:
            with parquet.writer(tmp / parquet.file_name(table), table) as w:
                w.write_table(parquet.arrow_table(table, rows[table]))
        os.rename(tmp, final)
        for pub, outcome in results:
            self.done[pub.doc_id] = outcome["status"]

    def finish(self, pubs: list[Publication], run: dict, report=None) -> dict:
        """Merge the parts into the tables (keeping the publications of `pubs` only), write the report
        (`report(root, manifest)`) and the manifest with this run's `run` entry, remove the parts.
        Returns the manifest."""
        wanted = {p.doc_id for p in pubs}
        sources = self.sources()
        winner: dict[str, int] = {}
        for i, source in enumerate(sources):
            docs = self._documents(source)
            if docs is None:
                continue
            for doc_id, ruleset in zip(docs["doc_id"].to_pylist(), docs["ruleset"].to_pylist()):
                if doc_id in wanted and ruleset == self.ruleset:
                    winner[doc_id] = i
                elif doc_id in winner and ruleset != self.ruleset:
                    del winner[doc_id]
        keep = [pa.array([d for d, i in winner.items() if i == s], pa.string()) for s in range(len(sources))]
        counts = {}
        for table in TABLES:
            counts[table] = self._merge(table, sources, keep)
        for table in TABLES:
            os.replace(self.root / f".{parquet.file_name(table)}.tmp", self.root / parquet.file_name(table))
        manifest = self._manifest(pubs, run, counts)
        if report is not None:
            report(self.root, manifest)
        write_json(self.root / MANIFEST, manifest)
        for part in self._part_dirs():
            shutil.rmtree(part)
        self.parts.rmdir()
        return manifest

    def _merge(self, table: str, sources: list[Path], keep: list[pa.Array]) -> int:
        n = 0
        with parquet.writer(self.root / f".{parquet.file_name(table)}.tmp", table) as w:
            for source, ids in zip(sources, keep):
                path = source / parquet.file_name(table)
                if not len(ids) or not path.exists():
                    continue
                for batch in pq.ParquetFile(path).iter_batches(batch_size=65536):
                    part = pa.Table.from_batches([batch]).filter(pc.is_in(batch.column("doc_id"), value_set=ids))
                    if part.num_rows:
                        w.write_table(part.cast(parquet.SCHEMAS[table]))
                        n += part.num_rows
        return n

    def _manifest(self, pubs: list[Publication], run: dict, counts: dict[str, int]) -> dict:
        docs = parquet.read(self.root / parquet.file_name("documents"),
                            ["doc_id", "status", "error", "paths"]).to_pylist()
        statuses = {s: sum(1 for d in docs if d["status"] == s) for s in ("ok", "refused", "failed")}
        runs = [*self.previous.get("runs", []), {"run": self.run, **run}]
        return {
            "format": FORMAT, "schema": SCHEMA_VERSION, "yusuan": yusuan.__version__, "ruleset": self.ruleset,
            "status": run["status"], "publications": len(pubs), "documents": {**statuses, "remaining": len(pubs) - len(docs)},
            "tables": {t: {"file": parquet.file_name(t), "rows": counts[t]} for t in TABLES},
            "report": "report.html", "runs": runs,
            "failures": [{"doc_id": d["doc_id"], "status": d["status"], "paths": d["paths"], "error": d["error"]}
                         for d in docs if d["status"] != "ok"],
        }


def document_row(pub: Publication, outcome: dict, ruleset: str) -> dict:
    records = outcome["records"] or {}
    return {"doc_id": pub.doc_id, "status": outcome["status"], "error": outcome["error"],
            "files": [Path(p).name for p in pub.paths], "paths": list(pub.paths), "bytes": pub.size,
            "pages": records.get("pages"), **records.get("document", {}), "ruleset": ruleset,
            "seconds": records.get("seconds"), "cpu_seconds": records.get("cpu_seconds")}


def write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
