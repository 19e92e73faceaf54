"""Opening a PDF with pypdfium2, turning every way it can fail into an IngestError."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from yusuan.model.errors import IngestError

TAIL = 8192  # %%EOF must appear this close to the end of a complete file


def require_end(tail: bytes, name: str) -> None:
    """A complete PDF ends with %%EOF within its last TAIL bytes."""
    if b"%%EOF" not in tail[-TAIL:]:
        raise IngestError(name, "PDF 文件不完整（缺少结尾标记 %%EOF），可能在下载或复制时被截断")


def read_bytes(path: Path, name: str) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(name, "文件不存在") from None
    except IsADirectoryError:
        raise IngestError(name, "这是一个文件夹，不是 PDF 文件") from None
    except OSError as e:
        raise IngestError(name, f"无法打开文件（{e.strerror or e}）") from None
    if not data.strip():
        raise IngestError(name, "文件为空")
    if b"%PDF-" not in data[:1024]:
        raise IngestError(name, "不是 PDF 文件（文件开头没有 %PDF 标记）")
    require_end(data, name)
    return data


@contextmanager
def open_pdf(data: bytes, name: str) -> Iterator[pdfium.PdfDocument]:
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise IngestError(name, _open_reason(getattr(e, "err_code", None))) from None
    except Exception as e:  # pdfium bindings may raise other errors on hostile input
        raise IngestError(name, f"PDF 文件无法解析（{type(e).__name__}）") from None
    try:
        yield doc
    finally:
        doc.close()


def _open_reason(code: int | None) -> str:
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return "PDF 文件已加密，需要密码才能打开；请提供未加密的版本"
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return "PDF 文件使用了不支持的加密方式"
    if code == pdfium_c.FPDF_ERR_FORMAT:
        return "PDF 文件已损坏或格式错误，无法解析"
    return "PDF 文件无法解析"


def page_place(index: int) -> str:
    return f"第 {index + 1} 页"


def page_count(path: Path) -> int:
    """The number of pages of the PDF at `path` (an IngestError when it cannot be opened)."""
    with open_pdf(read_bytes(path, path.name), path.name) as doc:
        return len(doc)
