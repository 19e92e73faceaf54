"""Which reader a file needs, from its bytes (not its name), asking the registered formats in turn.

Only the head (and, for a PDF, the tail; for a ZIP package, its directory) is read, so a file that is
rejected here is never read whole.
"""

from __future__ import annotations

import stat
from pathlib import Path

from yusuan.model.errors import IngestError
from yusuan.model.formats import Head, Reader, known_formats, readers

_HEAD = 4096


def sniff(path: Path) -> Reader:
    """The registered format of the file at `path`, or an IngestError saying why it cannot be read."""
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
        if not head.strip():
            raise IngestError(path.name, "文件是空的")
        h = Head(path, head, _zip_names(path) if head.startswith(b"PK\x03\x04") else frozenset())
        found = next((r for r in readers() if r.detect(h)), None)
    except PermissionError:
        raise IngestError(path.name, "没有读取这个文件的权限") from None
    except OSError as e:
        raise IngestError(path.name, f"文件无法打开（{e.strerror}）") from None
    not_known = f"不是可识别的预算公开文件（{known_formats()}）"
    if found is None:
        if h.zip_names:
            raise IngestError(path.name, f"这是一个压缩包（ZIP），{not_known}")
        raise IngestError(path.name, f"{not_known}，内容是二进制数据")
    if found.max_bytes is not None and info.st_size > found.max_bytes:
        raise IngestError(path.name, f"{found.label}文件过大（{info.st_size / 2**20:.0f} MB），不像是一份预算公开文件")
    return found


def _zip_names(path: Path) -> frozenset[str]:
    """The members of a ZIP package, from its directory (read from its end, not the whole file)."""
    import zipfile  # here: a PDF or text command need not import it (4 ms)

    try:
        with zipfile.ZipFile(path) as z:
            return frozenset(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise IngestError(path.name, "压缩包（ZIP）已损坏，无法打开") from None
