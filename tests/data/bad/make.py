"""Make the bad-input fixtures next to this file: python tests/data/bad/make.py

Needs pypdfium2 and Pillow (product dependencies) and pypdf (for encryption only).
`minimal_pdf` is also used by the tests to write small synthetic PDFs.
"""

from __future__ import annotations

import io
import random
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"
SOURCE = CORPUS / "jiangsu-2019-zhengxie-bangongting-budget-tables.pdf"


def minimal_pdf(pages: list[bytes | None], size: tuple[float, float] = (595, 842),
                to_unicode: dict[int, int] | None = None, *, deflate: bool = False, resources: bytes = b"",
                extra: tuple[bytes, ...] = ()) -> bytes:
    """A PDF whose pages draw the given content streams with Helvetica (/F1).

    A page given as None is written as a broken page object (an integer where the page dictionary
    should be), so that the page cannot be loaded. `to_unicode` gives the font a ToUnicode map
    (byte → code point) for the bytes it names. `deflate` compresses the page streams; `extra` objects
    are numbered right after the font (from 4 on without `to_unicode`), for `resources` (added to every
    page's) to name.
    """
    objs: list[bytes] = []  # object n is objs[n - 1]

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    cmap = b""
    if to_unicode:
        chars = b" ".join(b"<%02X> <%04X>" % (k, v) for k, v in sorted(to_unicode.items()))
        body = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Map def "
                b"1 begincodespacerange <00> <FF> endcodespacerange %d beginbfchar %s endbfchar "
                b"endcmap CMapName currentdict /CMap defineresource pop end end" % (len(to_unicode), chars))
        cmap = b" /ToUnicode %d 0 R" % add(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding%s >>" % cmap)
    for body in extra:
        add(body)
    kids = []
    for content in pages:
        if content is None:
            kids.append(add(b"42"))
            continue
        stream = add(deflated(content) if deflate else b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Resources << /Font << /F1 %d 0 R >> %s >> "
                b"/Contents %d 0 R >>" % (pages_id, size[0], size[1], font, resources, stream)
            )
        )
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref))
    return out.getvalue()


def deflated(data: bytes, head: bytes = b"") -> bytes:
    """A Flate-compressed stream object (its dictionary opening with `head`)."""
    packed = zlib.compress(data, 9)
    return b"<< " + head + b" /Filter /FlateDecode /Length %d >>\nstream\n" % len(packed) + packed + b"\nendstream"


def text_page(lines: list[tuple[float, float, str]]) -> bytes:
    """A content stream showing each (x, y, text) in 10 pt Helvetica; y from the bottom."""
    ops = [b"BT /F1 10 Tf"]
    for x, y, text in lines:
        ops.append(b"1 0 0 1 %g %g Tm (%s) Tj" % (x, y, text.encode("latin-1")))
    ops.append(b"ET")
    return b"\n".join(ops)


def make() -> None:
    (HERE / "empty.pdf").write_bytes(b"")

    rng = random.Random(7)
    (HERE / "garbage.pdf").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))

    noise = bytes(rng.randrange(256) for _ in range(2048))
    (HERE / "damaged.pdf").write_bytes(b"%PDF-1.4\n" + noise + b"\n%%EOF\n")

    source = SOURCE.read_bytes()
    (HERE / "truncated.pdf").write_bytes(source[: len(source) // 8])

    page = text_page([(72, 760, "Budget 2019"), (72, 740, "Total 13,297.11")])
    plain = minimal_pdf([page])
    (HERE / "broken-page.pdf").write_bytes(minimal_pdf([page, page, None]))

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="yusuan", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    (HERE / "encrypted.pdf").write_bytes(buf.getvalue())

    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(SOURCE))
    try:
        image = doc[0].render(scale=0.6).to_pil().convert("L")
    finally:
        doc.close()
    image.save(HERE / "scanned.pdf", "PDF", resolution=43.2, quality=40)


if __name__ == "__main__":
    make()
