"""A batch's output (yusuan batch, docs/batch.md) into the store: every publication it read and checked
becomes a disclosure with its findings, as an upload of the same files would, without reading or checking
them again. The original files are taken from where the batch read them, and must still be those bytes."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from yusuan.export import parquet
from yusuan.export.records import finding_from_row
from yusuan.ingest.formats import sniff
from yusuan.model.errors import IngestError
from yusuan.model.load import disclosure_from_dict
from yusuan.store import models as m
from yusuan.store.db import Store, StoreError
from yusuan.store.repository import DuplicateUpload, UploadedFile, fingerprint, ingest


@dataclass(frozen=True, slots=True)
class Imported:
    files: str  # the publication's files, joined by +
    disclosure_id: int | None  # the new disclosure, or None when it was not imported
    note: str  # Chinese: what was done, or why not


def import_batch(store: Store, root: Path, *, status: str = "draft", user: m.User | None = None) -> Iterator[Imported]:
    """Each publication the batch in `root` read and checked, stored as the next version of its series
    (one transaction each); one already stored from the same files is left alone."""
    manifest = _manifest(root)
    docs = {d["doc_id"]: d for d in parquet.read(root / parquet.file_name("documents"), ["doc_id", "status", "paths"])
            .to_pylist() if d["status"] == "ok"}
    findings = defaultdict(list)
    for row in parquet.read(root / parquet.file_name("findings")).to_pylist():
        findings[row["doc_id"]].append(row)
    user_id = user.id if user else None
    for batch in pq.ParquetFile(root / parquet.file_name("models")).iter_batches(batch_size=64):
        for doc_id, model in zip(batch.column("doc_id").to_pylist(), batch.column("model").to_pylist()):
            if doc_id in docs:
                yield _one(store, docs[doc_id], model, sorted(findings[doc_id], key=lambda f: f["position"]),
                           status, user_id, manifest["ruleset"])
    store.analyze()


def _manifest(root: Path) -> dict:
    try:
        data = json.loads((root / parquet.MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("format") != parquet.FORMAT:
        raise StoreError(f"{root} 不是 yusuan batch 的输出文件夹（没有可读的 {parquet.MANIFEST}）")
    if data.get("schema") != parquet.SCHEMA_VERSION:
        raise StoreError(f"{root} 的表结构版本为 {data.get('schema')}，本版 yusuan 读取版本 {parquet.SCHEMA_VERSION}")
    return data


def _one(store: Store, doc: dict, model: str, rows: list[dict], status: str, user_id: int | None,
         ruleset: str) -> Imported:
    paths = [Path(p) for p in doc["paths"]]
    names = "+".join(p.name for p in paths)
    try:
        files = [UploadedFile(p.name, p.read_bytes(), sniff(p).name) for p in paths]
    except (OSError, IngestError):
        return Imported(names, None, "原文件已不在批量检查时的位置，未导入")
    if fingerprint(files) != doc["doc_id"]:
        return Imported(names, None, "原文件在批量检查之后已被改动，未导入（请重新运行 yusuan batch）")
    try:
        with store.session() as s:
            user = s.get(m.User, user_id) if user_id else None
            try:
                d = ingest(s, disclosure_from_dict(json.loads(model)), [finding_from_row(r) for r in rows], files,
                           status=status, user=user, action="import_batch")
            except DuplicateUpload as e:
                return Imported(names, None, f"已有同样的文件（第 {e.existing.version} 版），未重复导入")
            return Imported(names, d.id, f"已导入：{d.body.name} {d.year} 年，第 {d.version} 版（编号 {d.id}，规则版本 {ruleset}）")
    except StoreError as e:
        return Imported(names, None, f"未导入：{e}")
