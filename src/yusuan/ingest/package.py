"""Office Open XML packages (DOCX, XLSX): the zip opened, its parts read and their XML checked within
the limits (`limits.py`), every failure an IngestError naming the file and the part.

What is refused before any XML library sees it: an encrypted entry; a part (or all of them) expanding past
its bound, by the size the zip declares or by the bytes that really come out; XML that is not well formed
(reported with its line and column); a document type declaration (entities have no place in OOXML, and
it is how entity bombs and external references come in); a tag, comment or processing instruction long
enough to make a chunk-fed parser quadratic; more elements than a part may hold.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.parsers import expat

from yusuan.ingest.limits import (
    MAX_PACKAGE_BYTES,
    MAX_PART_BYTES,
    MAX_XML_ELEMENTS,
    MAX_XML_TOKEN_BYTES,
    require,
)
from yusuan.model.errors import IngestError

_CHUNK = 2**20
_XML_NAMES = (".xml", ".rels", ".vml")
# "<" then MAX_XML_TOKEN_BYTES bytes without another "<": a long tag, or a tag followed by long text
_LONG_RUN = re.compile(rb"<[^<]{%d}" % MAX_XML_TOKEN_BYTES)
# one tag: attribute values may hold ">" but never "<"
_TAG = re.compile(rb"""<[^<>"']*+(?:(?:"[^"<]*+"|'[^'<]*+')[^<>"']*+)*+>""")
_UNTIL = ((b"<!--", b"-->"), (b"<?", b"?>"))  # tokens that may hold "<"


def is_xml(name: str) -> bool:
    return name.lower().endswith(_XML_NAMES)


@contextmanager
def open_package(path: Path, file: str, kind: str) -> Iterator[zipfile.ZipFile]:
    """The zip, once its entries are known to be unencrypted and within the expanded-size limits."""
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise IngestError(file, f"{kind} 文件（ZIP 压缩包）已损坏，无法打开") from None
    with z:
        total = 0
        for info in z.infolist():
            if info.flag_bits & 0x1:
                raise IngestError(file, f"{kind} 文件中的部件已加密，需要密码才能解压；请提供未加密的版本", info.filename)
            if info.file_size > MAX_PART_BYTES:
                raise IngestError(file, f"部件解压后过大（{info.file_size / 2**20:,.0f} MB，上限 {MAX_PART_BYTES // 2**20} MB），"
                                        "可能是恶意构造的压缩包", info.filename)
            total += info.file_size
        if total > MAX_PACKAGE_BYTES:
            raise IngestError(file, f"解压后过大（{total / 2**20:,.0f} MB，上限 {MAX_PACKAGE_BYTES // 2**20} MB），"
                                    "可能是恶意构造的压缩包")
        yield z


def read_part(z: zipfile.ZipFile, info: zipfile.ZipInfo, file: str) -> bytes:
    """A part's bytes, counted as they come out: never more than it declares nor than MAX_PART_BYTES."""
    limit = min(info.file_size, MAX_PART_BYTES)
    chunks: list[bytes] = []
    size = 0
    try:
        with z.open(info) as f:
            while chunk := f.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise IngestError(file, "部件解压后的实际大小超过了声明的大小，可能是恶意构造的压缩包", info.filename)
                chunks.append(chunk)
    except (IngestError, MemoryError):
        raise
    except Exception as e:  # zlib.error, a bad CRC, a truncated entry, an unknown compression method
        raise IngestError(file, f"部件无法解压，文件已损坏（{type(e).__name__}）", info.filename) from None
    if size != info.file_size:
        raise IngestError(file, "部件解压后的大小与声明的不符，文件已损坏", info.filename)
    return b"".join(chunks)


def read_xml(z: zipfile.ZipFile, name: str, file: str) -> bytes:
    """A part read and checked as XML; KeyError when the package has no such part."""
    data = read_part(z, z.getinfo(name), file)
    check_xml(data, file, name)
    return data


def check_xml(data: bytes, file: str, part: str) -> bytes:
    """The part's bytes as UTF-8 (as they were, unless the part is UTF-16), once they pass the checks."""
    scan = _as_utf8(data, file, part)
    if b"<!DOCTYPE" in scan:
        raise IngestError(file, "XML 中有文档类型声明（DOCTYPE），Office 文件不会有，可能是恶意构造的文件", part)
    require(scan.count(b"<"), MAX_XML_ELEMENTS, file, "XML 元素", part)
    _require_short_tokens(scan, file, part)
    parser = expat.ParserCreate()
    try:
        parser.Parse(data, True)  # one call: expat reads each token once
    except expat.ExpatError as e:
        raise IngestError(file, f"XML 格式错误（{expat.ErrorString(e.code)}）",
                          f"{part} 第 {e.lineno} 行第 {e.offset + 1} 列") from None
    return scan


def _as_utf8(data: bytes, file: str, part: str) -> bytes:
    """The bytes the checks scan: UTF-16 parts (allowed by XML, never written by Office) as UTF-8."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        try:
            return data.decode("utf-16").encode("utf-8")
        except UnicodeError:
            raise IngestError(file, "XML 编码错误（UTF-16 数据不完整）", part) from None
    return data


def _require_short_tokens(data: bytes, file: str, part: str) -> None:
    limit = MAX_XML_TOKEN_BYTES
    too_long = f"XML 中有超长的标记（超过 {limit // 2**10:,} KB），可能是恶意构造的文件"
    for m in _LONG_RUN.finditer(data):
        if data.startswith((b"<![CDATA[", b"<!--", b"<?"), m.start()):
            continue  # character data is read in pieces, whatever its length; the others come below
        tag = _TAG.match(data, m.start())
        if tag is None or tag.end() - tag.start() > limit:
            raise IngestError(file, too_long, part)
    for opening, closing in _UNTIL:
        start = data.find(opening)
        while start >= 0:
            end = data.find(closing, start + len(opening))
            if end < 0:
                break  # unclosed: the XML check reports it
            if end - start > limit:
                raise IngestError(file, too_long, part)
            start = data.find(opening, end)
