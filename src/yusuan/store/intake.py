"""From uploaded files to a stored disclosure: read, check, decide the body, store (one transaction).

The web layer hands over the bytes it received; reading (yusuan.ingest) and checking (yusuan.rules) happen
here, never in the web layer: `may_upload` before anything is read, `read_files` in a job of its own
(yusuan.store.jobs: a child process with a time and a memory budget), `store_read` with its result.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from yusuan.ingest.formats import sniff
from yusuan.ingest.read import read_publications
from yusuan.model.disclosure import Disclosure as ModelDisclosure
from yusuan.model.errors import IngestError
from yusuan.rules.finding import Finding
from yusuan.rules.registry import run
from yusuan.store import access
from yusuan.store import models as m
from yusuan.store.access import Principal
from yusuan.store.db import StoreError, lock_versions
from yusuan.store.queries import Forbidden, NotFound
from yusuan.store.related import related_findings
from yusuan.store.repository import UploadedFile, body_named, ensure_body, ingest
from yusuan.store.review import carry_acknowledgements

_UNSAFE = re.compile(r'[\x00-\x1f/\\:*?"<>|]')


def safe_name(name: str, index: int = 0) -> str:
    """A file name safe to write: the last path part, no control or reserved characters."""
    base = _UNSAFE.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")
    return base[:200] or f"上传文件{index + 1}"


def read_files(files: Sequence[UploadedFile]) -> tuple[ModelDisclosure, list[Finding], list[UploadedFile]]:
    """Read and check one publication from its files (a text part and a tables part make one).
    Raises IngestError for unreadable input."""
    if not files:
        raise StoreError("没有收到文件")
    names = [safe_name(f.name, i) for i, f in enumerate(files)]
    if len(set(names)) != len(names):
        raise StoreError("上传的文件重名，请改名后再上传")
    with tempfile.TemporaryDirectory(prefix="yusuan-upload-") as tmp:
        paths = []
        for name, f in zip(names, files):
            path = Path(tmp) / name
            path.write_bytes(f.content)
            paths.append(path)
        formats = [sniff(p).name for p in paths]
        docs = read_publications(paths)
    if len(docs) != 1:
        raise IngestError("、".join(names), f"这些文件构成了 {len(docs)} 份公开文件，请一次只上传一份"
                          "（同一单位分开发布的文字部分和表格部分可以一起上传）")
    doc = docs[0]
    stored = [UploadedFile(n, f.content, fmt) for n, f, fmt in zip(names, files, formats)]
    return doc, run(doc), stored


def target_body(s: Session, p: Principal, doc: ModelDisclosure, body_id: int | None) -> m.Body:
    """The body an upload by `p` goes to: the one asked for, or the one the document names."""
    if body_id is not None:
        return _asked_body(s, p, body_id)
    ident = doc.identity
    if not ident.body:
        raise StoreError("文件中没有识别出单位名称，请指定单位（body_id）")
    body = body_named(s, ident.body)
    if body is not None:
        if not access.can_edit_body(p, body.id):
            raise Forbidden(f"文件中的单位是“{body.name}”，您无权为它上传文件")
        return body
    parent = body_named(s, ident.parent) if ident.parent else None
    if access.can_add_body(p, parent.id if parent is not None else None):
        return ensure_body(s, ident.body, parent=ident.parent, level=ident.level, body_type=ident.body_type)
    raise Forbidden(f"文件中的单位“{ident.body}”不在您负责的范围内")


def may_upload(s: Session, p: Principal, body_id: int | None) -> None:
    """Refuse before anything is read: `p` may upload nothing, or not for the body asked for (a body
    named only inside the document is checked once it is read: `target_body`)."""
    if not access.can_upload(p):
        raise Forbidden("您无权上传公开文件")
    if body_id is not None:
        _asked_body(s, p, body_id)


def _asked_body(s: Session, p: Principal, body_id: int) -> m.Body:
    body = s.get(m.Body, body_id)
    if body is None:
        raise NotFound(f"没有编号为 {body_id} 的单位")
    if not access.can_edit_body(p, body.id):
        raise Forbidden(f"您无权为“{body.name}”上传文件")
    return body


def store_read(s: Session, p: Principal, user: m.User, read: tuple[ModelDisclosure, list[Finding], list[UploadedFile]],
               *, body_id: int | None = None, year: int | None = None, ip: str = "") -> m.Disclosure:
    """Store what `read_files` made of an upload (read elsewhere: in a job) as a draft, the next version
    of its series, with the findings of comparing it with the stored disclosures related to it (its units',
    the year before's), and the reasons given for the previous version's warnings it still has."""
    doc, findings, stored = read
    lock_versions(s)  # before the body is looked up or created and the series read
    body = target_body(s, p, doc, body_id)
    findings = [*findings, *related_findings(s, doc, body, year)]
    d = ingest(s, doc, findings, stored, status="draft", user=user, body=body, year=year, ip=ip)
    carry_acknowledgements(s, d, user, ip=ip)
    return d


def import_paths(s: Session, paths: Sequence[str | Path], *, status: str = "published", user: m.User | None = None,
                 action: str = "import") -> m.Disclosure:
    """Read, check and store one publication from files on disk (the demo, `yusuan db import`)."""
    files = [UploadedFile.from_path(p) for p in paths]
    doc, findings, stored = read_files(files)
    findings = [*findings, *related_findings(s, doc, body_named(s, doc.identity.body) if doc.identity.body else None)]
    return ingest(s, doc, findings, stored, status=status, user=user, action=action)
