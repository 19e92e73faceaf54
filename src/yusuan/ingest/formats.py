"""Which reader a file needs, from its bytes (not its name).

Only the head (and, for a PDF, the tail) is read, so a file that is rejected here is never read whole.
"""

from __future__ import annotations

import re
import stat
import zipfile
from pathlib import Path

from yusuan.ingest.errors import IngestError
from yusuan.ingest.limits import MAX_TEXT_BYTES
from yusuan.ingest.pdf.document import TAIL, require_end

PDF, TEXT, DOCX, XLSX, HTML = "pdf", "text", "docx", "xlsx", "html"

_HEAD = 4096
_NOT_KNOWN = "不是可识别的预算公开文件（PDF、文本、DOCX、XLSX、HTML）"
_HTML = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|table)\b", re.I | re.S)


def sniff(path: Path) -> str:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IngestError(str(path), "文件不存在") from None
    except OSError as e:
        raise IngestError(path.name, f"文件无法打开（{e.strerror}）") from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(str(path), "这是一个目录，不是文件")
    if not stat.S_ISREG(info.st_mode):  # a pipe or device could block or never end
        raise IngestError(str(path), "不是普通文件（可能是管道或设备）")
    try:
        with path.open("rb") as f:
            head = f.read(_HEAD)
            if b"%PDF-" in head[:1024]:
                f.seek(max(0, info.st_size - TAIL))
                require_end(f.read(TAIL), path.name)
                return PDF
    except PermissionError:
        raise IngestError(path.name, "没有读取这个文件的权限") from None
    except OSError as e:
        raise IngestError(path.name, f"文件无法打开（{e.strerror}）") from None
    if not head.strip():
        raise IngestError(path.name, "文件是空的")
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path)
    if b"\x00" in head:
        raise IngestError(path.name, f"{_NOT_KNOWN}，内容是二进制数据")
    if info.st_size > MAX_TEXT_BYTES:
        if _HTML.match(head.removeprefix(b"\xef\xbb\xbf")):
            raise IngestError(path.name, f"HTML 文件过大（{info.st_size / 2**20:.0f} MB），不像是一份预算公开文件")
        raise IngestError(path.name, f"文本文件过大（{info.st_size / 2**20:.0f} MB），不像是一份预算公开文件")
    if _HTML.match(head.removeprefix(b"\xef\xbb\xbf")):
        return HTML
    return TEXT


def _zip_format(path: Path) -> str:
    """DOCX or XLSX from the archive's directory (read from its end, not the whole file)."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError):
        raise IngestError(path.name, "压缩包（ZIP）已损坏，无法打开") from None
    if "[Content_Types].xml" in names:  # an Office Open XML package
        if any(n.startswith("word/") for n in names):
            return DOCX
        if any(n.startswith("xl/") for n in names):
            return XLSX
    raise IngestError(path.name, f"这是一个压缩包（ZIP），{_NOT_KNOWN}")
