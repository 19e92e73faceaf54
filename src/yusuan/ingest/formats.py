"""Which reader a file needs, from its first bytes (not its name)."""

from __future__ import annotations

from pathlib import Path

from yusuan.ingest.errors import IngestError

PDF, TEXT, DOCX, XLSX = "pdf", "text", "docx", "xlsx"


def sniff(path: Path) -> str:
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except FileNotFoundError:
        raise IngestError(str(path), "文件不存在") from None
    except IsADirectoryError:
        raise IngestError(str(path), "这是一个目录，不是文件") from None
    except OSError as e:
        raise IngestError(path.name, f"文件无法打开（{e.strerror}）") from None
    if not head.strip():
        raise IngestError(path.name, "文件是空的")
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        suffix = path.suffix.lower()
        if suffix == ".docx":
            return DOCX
        if suffix in {".xlsx", ".xlsm"}:
            return XLSX
        raise IngestError(path.name, "这是一个压缩包（ZIP），不是可识别的预算公开文件（PDF、文本、DOCX、XLSX）")
    if b"\x00" in head:
        raise IngestError(path.name, "不是可识别的预算公开文件（PDF、文本、DOCX、XLSX），内容是二进制数据")
    return TEXT
