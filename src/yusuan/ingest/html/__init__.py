"""HTML reader: a disclosure published as a web page (or our own HTML rendering)."""

import re

from yusuan.ingest.limits import MAX_TEXT_BYTES
from yusuan.model.formats import Head, Reader

_HTML = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|table)\b", re.I | re.S)


def _detect(h: Head) -> bool:
    return b"\x00" not in h.head and bool(_HTML.match(h.head.removeprefix(b"\xef\xbb\xbf")))


READER = Reader("html", "网页（HTML）", (".html", ".htm"), "text/html; charset=utf-8", _detect,
                blocks="yusuan.ingest.html.reader:read_html_blocks", order=40, max_bytes=MAX_TEXT_BYTES)
