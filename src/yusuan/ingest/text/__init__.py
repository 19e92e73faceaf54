"""Text reader: the text form of a disclosure (tables as tab-separated lines)."""

from yusuan.ingest.limits import MAX_TEXT_BYTES
from yusuan.model.formats import Head, Reader


def _detect(h: Head) -> bool:
    return not h.zip_names and b"\x00" not in h.head


READER = Reader("text", "文本", (".txt",), "text/plain; charset=utf-8", _detect,
                blocks="yusuan.ingest.text.reader:read_text_blocks", order=90, max_bytes=MAX_TEXT_BYTES)
