"""The PDF page layer: pages into Line and Grid blocks (pypdfium2)."""

from yusuan.ingest.pdf.reader import read_pdf_blocks

__all__ = ["read_pdf_blocks"]
