"""The PDF page layer: pages into Line and Grid blocks (pypdfium2)."""

from yusuan.model.formats import Head, Reader


def _detect(h: Head) -> bool:
    if b"%PDF-" not in h.head[:1024]:
        return False
    from yusuan.ingest.pdf.document import TAIL, require_end

    with h.path.open("rb") as f:  # a PDF cut short is refused before it is read
        f.seek(max(0, h.path.stat().st_size - TAIL))
        require_end(f.read(TAIL), h.path.name)
    return True


READER = Reader("pdf", "PDF", (".pdf",), "application/pdf", _detect, blocks="yusuan.ingest.pdf.reader:read_pdf_blocks",
                order=10, note="扫描件须安装文字识别组件 yusuan[ocr]")
