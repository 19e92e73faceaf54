"""DOCX reader: Word documents (Office Open XML)."""

from yusuan.model.formats import Head, Reader


def _detect(h: Head) -> bool:
    return "[Content_Types].xml" in h.zip_names and any(n.startswith("word/") for n in h.zip_names)


READER = Reader("docx", "Word（DOCX）", (".docx",),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", _detect,
                blocks="yusuan.ingest.docx.reader:read_docx_blocks", order=20)
