"""Seeded hostile inputs for every format yusuan reads: PDF, text, DOCX, XLSX, the preparation workbook
(`yusuan template`) and HTML.

A case is made from a seed (a corpus document, or one rendered from it) by one mutator drawn with a
`random.Random` seeded by the campaign seed and the case number, so a case number always gives the same
bytes. Mutators are of three kinds: blind (bit flips, overwritten windows, truncation, spliced chunks),
structural on the format (a zip part mutated and the package rebuilt, a part dropped, spans and merged
ranges of millions, cells at the sheet's last row, deep nesting, DOCTYPE entity tricks, an encrypted entry,
a part expanding to hundreds of MB, a size the zip lies about), and content (a paragraph of 40,000
characters without punctuation, a row of 100,000 cells, an amount of 29 digits, lone surrogates).
"""

from __future__ import annotations

import functools
import io
import random
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.data.bad.make import deflated, minimal_pdf

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
FORMATS = ("pdf", "text", "docx", "xlsx", "prepare", "html")
SUFFIX = {"pdf": "pdf", "text": "txt", "docx": "docx", "xlsx": "xlsx", "prepare": "xlsx", "html": "html"}
TEXT_SEED = "shenzhen-2023-pingshan-guanliju-budget.txt"
PDF_SEEDS = ("jiangsu-2019-gaoji-fayuan-budget.pdf", "shanghai-putuo-2025-wanli-jiedao-dept-budget.pdf",
             "jiangsu-2018-renda-bangongting-budget.pdf")

Mutator = Callable[[bytes, random.Random], bytes]
_pdf = functools.partial(minimal_pdf, deflate=True)


@dataclass(frozen=True)
class Case:
    number: int
    fmt: str
    mutator: str
    data: bytes

    @property
    def name(self) -> str:
        return f"{self.number:05d}-{self.fmt}-{self.mutator}.{SUFFIX[self.fmt]}"


# ------------------------------------------------------------------------------------------ seeds

def make_seeds(directory: Path) -> dict[str, list[bytes]]:
    """Seed bytes per format: corpus PDFs and text forms as published; DOCX, XLSX and HTML rendered
    from the text forms; preparation workbooks filled from them (`yusuan template --from`)."""
    from yusuan.ingest.read import read_disclosure
    from yusuan.prepare.fill import lines_for
    from yusuan.prepare.template import write_template
    from yusuan.render import render

    texts = sorted(CORPUS.glob("*.txt"))
    seeds: dict[str, list[bytes]] = {f: [] for f in FORMATS}
    seeds["pdf"] = [(CORPUS / name).read_bytes() for name in PDF_SEEDS]
    seeds["text"] = [p.read_bytes() for p in texts]
    for path in texts:
        doc = read_disclosure(path)
        for fmt in ("docx", "xlsx", "html"):
            data = render(doc, fmt)
            seeds[fmt].append(data if isinstance(data, bytes) else data.encode("utf-8"))
        out = directory / f"{path.stem}-prepare.xlsx"
        write_template(out, 2024, "shenzhen", "budget", lines_for(doc, "shenzhen", 2024, "budget", path.name))
        seeds["prepare"].append(out.read_bytes())
    return seeds


def cases(seeds: dict[str, list[bytes]], count: int, seed: int = 0, formats=FORMATS) -> Iterator[Case]:
    """`count` cases, the formats in turn, each from its own Random(seed, number)."""
    for number in range(count):
        fmt = formats[number % len(formats)]
        yield case(seeds, fmt, number, seed)


def case(seeds: dict[str, list[bytes]], fmt: str, number: int, seed: int = 0) -> Case:
    rng = random.Random(f"{seed}:{number}")
    name, mutator = rng.choice(MUTATORS[fmt])
    return Case(number, fmt, name, mutator(rng.choice(seeds[fmt]), rng))


# ------------------------------------------------------------------------------------ blind bytes

def bit_flips(data: bytes, rng: random.Random, keep_tail: int = 0) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 2, 4, 16, 64))):
        i = rng.randrange(max(1, len(out) - keep_tail))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def overwrite(data: bytes, rng: random.Random, keep_tail: int = 0) -> bytes:
    out = bytearray(data)
    size = rng.choice((1, 8, 64, 512))
    at = rng.randrange(max(1, len(out) - keep_tail - size))
    out[at:at + size] = rng.randbytes(size)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data))]


def splice(data: bytes, rng: random.Random, keep_tail: int = 0) -> bytes:
    """A chunk repeated (up to a few hundred times) or cut out."""
    end = max(2, len(data) - keep_tail)
    a = rng.randrange(end - 1)
    b = min(end, a + rng.choice((16, 256, 4096)))
    if rng.random() < 0.5:
        return data[:a] + data[b:]
    return data[:b] + data[a:b] * rng.choice((1, 10, 300)) + data[b:]


# ---------------------------------------------------------------------------------------------- PDF

def pdf_blind(kind: str) -> Mutator:
    """Blind mutations that keep the %%EOF tail (else the reader stops at once: "不完整")."""
    tail = 1024

    def mutate(data: bytes, rng: random.Random) -> bytes:
        if kind == "bitflip":
            return bit_flips(data, rng, tail)
        if kind == "overwrite":
            return overwrite(data, rng, tail)
        if kind == "splice":
            return splice(data, rng, tail)
        return truncate(data, rng) + b"\n%%EOF\n"  # cut, with an end marker: the xref must be rebuilt

    return mutate


def pdf_segments(data: bytes, rng: random.Random) -> bytes:
    """A page of up to a few million ruling-line segments (as many path objects, or one path)."""
    n = rng.choice((20_000, 300_000, 2_000_000))
    if rng.random() < 0.5:
        ops = b"".join(b"%d %d m %d %d l S\n" % (i % 500, i % 700, i % 500 + 3, i % 700) for i in range(n))
    else:
        ops = b"".join(b"%d %d m %d %d l\n" % (i % 500, i % 700, i % 500 + 3, i % 700) for i in range(n)) + b"S\n"
    return _pdf([b"BT /F1 12 Tf 72 800 Td (2024 budget) Tj ET\n" + ops])


def pdf_grid(data: bytes, rng: random.Random) -> bytes:
    """A ruled grid of k × k lines: k² crossings for the table finder."""
    k = rng.choice((50, 400, 1500))
    step = 800 / k
    ops = [b"0.1 w\n"]
    for i in range(k):
        ops.append(b"10 %.2f m 590 %.2f l S\n" % (20 + i * step, 20 + i * step))
        ops.append(b"%.2f 20 m %.2f 820 l S\n" % (10 + i * step * 0.72, 10 + i * step * 0.72))
    text = b"BT /F1 6 Tf " + b"".join(b"1 0 0 1 %d %d Tm (%d) Tj " % (20 + (i * 37) % 560, 30 + (i * 53) % 780, i)
                                     for i in range(400)) + b"ET\n"
    return _pdf([b"".join(ops) + text])


def pdf_glyphs(data: bytes, rng: random.Random) -> bytes:
    """One page of up to 400,000 glyphs, all at one place or spread out ("fake bold" taken to excess)."""
    n = rng.choice((5_000, 120_000, 400_000))
    if rng.random() < 0.5:
        body = b"BT /F1 8 Tf 100 400 Td (" + b"0" * n + b") Tj ET\n"
    else:
        body = b"BT /F1 8 Tf " + b"".join(b"1 0 0 1 300 400 Tm (0) Tj " for _ in range(n // 10)) + b"ET\n"
    return _pdf([body])


def pdf_pages(data: bytes, rng: random.Random) -> bytes:
    """Thousands of pages (each a line of text)."""
    n = rng.choice((100, 2500, 6000))
    return _pdf([b"BT /F1 12 Tf 72 800 Td (page %d) Tj ET\n" % i for i in range(n)])


def pdf_forms(data: bytes, rng: random.Random) -> bytes:
    """A form XObject of many segments drawn many times on one page."""
    inner = b"".join(b"%d 10 m %d 20 l S\n" % (i % 500, i % 500) for i in range(rng.choice((1000, 20_000))))
    form = deflated(inner, b"/Type /XObject /Subtype /Form /BBox [0 0 600 800]")
    page = b"".join(b"q 1 0 0 1 %d 0 cm /X0 Do Q\n" % (i % 50) for i in range(rng.choice((10, 200))))
    return _pdf([page], resources=b"/XObject << /X0 4 0 R >>", extra=(form,))


def pdf_lone_surrogates(data: bytes, rng: random.Random) -> bytes:
    """Text drawn with a ToUnicode map sending glyphs to lone surrogates (D800–DFFF)."""
    to_unicode = {0x41: 0xD800, 0x42: 0xDFFF, **{c: 0x4E00 + c for c in range(0x43, 0x5B)}}
    return _pdf([b"BT /F1 14 Tf 72 700 Td (ABCDABCD) Tj 0 -20 Td (2024 ABC) Tj ET\n"], to_unicode=to_unicode)


# ------------------------------------------------------------------------------------------ text

def _text(data: bytes) -> str:
    return data.decode("utf-8-sig")


def text_long_paragraph(data: bytes, rng: random.Random) -> bytes:
    word = rng.choice(("x", "一般公共服务支出", "(款)", "人"))
    lines = _text(data).split("\n")
    at = rng.randrange(len(lines))
    lines.insert(at, word * (rng.choice((10_000, 40_000, 200_000)) // len(word)))
    return "\n".join(lines).encode()


def text_wide_row(data: bytes, rng: random.Random) -> bytes:
    lines = _text(data).split("\n")
    rows = [i for i, line in enumerate(lines) if "\t" in line]
    i = rng.choice(rows)
    lines[i] += "\t1" * rng.choice((1000, 30_000, 100_000, 1_000_000))
    return "\n".join(lines).encode()


def text_many_rows(data: bytes, rng: random.Random) -> bytes:
    lines = _text(data).split("\n")
    rows = [i for i, line in enumerate(lines) if "\t" in line]
    i = rng.choice(rows)
    lines[i:i + 1] = [lines[i]] * rng.choice((1000, 50_000, 300_000))
    return "\n".join(lines).encode()


def text_many_lines(data: bytes, rng: random.Random) -> bytes:
    return data + ("说明文字第一行。\n" * rng.choice((1000, 60_000, 400_000))).encode()


def text_huge_amount(data: bytes, rng: random.Random) -> bytes:
    text = _text(data)
    numbers = list(re.finditer(r"(?<=\t)[\d,]+(?=\t|\n)", text))
    m = rng.choice(numbers)
    digits = rng.choice(("9" * 21, "9" * 29, "1" + "0" * 400, "0." + "0" * 40 + "1", "1" * 5000))
    return (text[:m.start()] + digits + text[m.end():]).encode()


def text_bad_bytes(data: bytes, rng: random.Random) -> bytes:
    junk = rng.choice((b"\xed\xa0\x80", b"\xff\xfe", b"\x00", b"\x80\x81\x82", b"\r", b"\x1b[2J", b"\xef\xbb\xbf"))
    at = rng.randrange(len(data))
    return data[:at] + junk * rng.choice((1, 3, 1000)) + data[at:]


# ---------------------------------------------------------------------------------- zip packages

def _parts(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(info, z.read(info)) for info in z.infolist()]


def _zip(parts: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts:
            z.writestr(name, body)
    return out.getvalue()


def _with_part(data: bytes, pick: Callable[[str], bool], change: Callable[[bytes], bytes], rng: random.Random) -> bytes:
    parts = [(i.filename, b) for i, b in _parts(data)]
    chosen = rng.choice([k for k, (n, _) in enumerate(parts) if pick(n)] or list(range(len(parts))))
    name, body = parts[chosen]
    parts[chosen] = (name, change(body))
    return _zip(parts)


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


def zip_part_blind(data: bytes, rng: random.Random) -> bytes:
    """A blind mutation inside one XML part, the package rebuilt with good checksums."""
    blind = rng.choice((bit_flips, overwrite, splice, truncate))
    return _with_part(data, _is_xml, lambda b: blind(b, rng), rng)


def zip_drop_part(data: bytes, rng: random.Random) -> bytes:
    parts = [(i.filename, b) for i, b in _parts(data)]
    del parts[rng.randrange(len(parts))]
    return _zip(parts)


def zip_bomb(data: bytes, rng: random.Random) -> bytes:
    """One part padded to tens or hundreds of MB (deflate shrinks it a thousandfold)."""
    size = rng.choice((3, 40, 70, 300)) * 2**20
    where = rng.choice(("attribute", "text", "comment", "tail"))

    def grow(body: bytes) -> bytes:
        i = body.find(b"?>") + 2 if body.startswith(b"<?xml") else 0
        j = body.find(b">", body.find(b"<", i)) if where != "tail" else len(body)
        pad = b" " * size
        if where == "attribute":
            return body[:j] + b' pad="' + pad + b'"' + body[j:]
        if where == "text":
            return body[:j + 1] + pad + body[j + 1:]
        if where == "comment":
            return body[:j + 1] + b"<!--" + pad + b"-->" + body[j + 1:]
        return body + pad

    return _with_part(data, _is_xml, grow, rng)


def zip_size_lie(data: bytes, rng: random.Random) -> bytes:
    """The central directory's uncompressed size of a part set to a lie (smaller, larger, or 4 GB)."""
    out = bytearray(data)
    entries = [m.start() for m in re.finditer(rb"PK\x01\x02", out)]
    at = rng.choice(entries)
    real = struct.unpack_from("<I", out, at + 24)[0]
    lie = rng.choice((0, 1, real // 2, real * 1000, 0xFFFFFFFE))
    struct.pack_into("<I", out, at + 24, min(lie, 0xFFFFFFFE))
    return bytes(out)


def zip_encrypted(data: bytes, rng: random.Random) -> bytes:
    """The "encrypted" flag set on a part (in its local header and its directory entry)."""
    out = bytearray(data)
    locals_ = [m.start() for m in re.finditer(rb"PK\x03\x04", out)]
    centrals = [m.start() for m in re.finditer(rb"PK\x01\x02", out)]
    k = rng.randrange(min(len(locals_), len(centrals)))
    out[locals_[k] + 6] |= 1
    out[centrals[k] + 8] |= 1
    return bytes(out)


def zip_corrupt_deflate(data: bytes, rng: random.Random) -> bytes:
    """Bytes of a part's compressed data overwritten, its checksum left as it was (zlib or CRC errors)."""
    out = bytearray(data)
    locals_ = [m.start() for m in re.finditer(rb"PK\x03\x04", out)]
    at = rng.choice(locals_)
    name_len, extra_len = struct.unpack_from("<HH", out, at + 26)
    size = struct.unpack_from("<I", out, at + 18)[0]
    start = at + 30 + name_len + extra_len
    for _ in range(rng.choice((1, 4, 32))):
        if size:
            out[start + rng.randrange(size)] = rng.randrange(256)
    return bytes(out)


ENTITIES = (
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>',
    b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd">',
    b"",  # no declaration: the entity below is undefined
)


def zip_entities(data: bytes, rng: random.Random) -> bytes:
    """A DOCTYPE with an entity bomb or an external entity, and its entities used in the text."""
    decl = rng.choice(ENTITIES)
    ref = rng.choice((b"&f;", b"&xxe;", b"&undefined;"))

    def inject(body: bytes) -> bytes:
        i = body.find(b"?>") + 2 if body.startswith(b"<?xml") else 0
        body = body[:i] + decl + body[i:]
        m = re.search(rb"<(?:\w+:)?t(?: [^>]*)?>", body)
        return body[:m.end()] + ref + body[m.end():] if m else body

    return _with_part(data, lambda n: n.endswith(("document.xml", "sharedStrings.xml", "workbook.xml", "sheet1.xml")),
                      inject, rng)


def zip_deep(data: bytes, rng: random.Random) -> bytes:
    """Elements nested tens of thousands deep around the first element of the body or sheet data."""
    depth = rng.choice((1000, 50_000, 200_000))

    def nest(body: bytes) -> bytes:
        for tag, wrap in ((b"<w:body>", (b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>")),
                          (b"<sheetData>", (b"<x:y xmlns:x='u'>", b"</x:y>"))):
            i = body.find(tag)
            if i >= 0:
                i += len(tag)
                j = body.find(b"<", i + 1)
                j = body.find(b">", j) + 1
                return body[:i] + wrap[0] * depth + body[i:j] + wrap[1] * depth + body[j:]
        return body

    return _with_part(data, lambda n: n.endswith(("document.xml", "sheet1.xml", "sheet2.xml")), nest, rng)


def docx_spans(data: bytes, rng: random.Random) -> bytes:
    """gridSpan, gridBefore or vMerge taken to extremes."""
    value = rng.choice((b"1000", b"100000", b"2147483647", b"-5", b"x", b"99999999999999999999"))

    def span(body: bytes) -> bytes:
        if rng.random() < 0.5:
            return re.sub(rb"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="' + value + b'"/>', body, count=rng.choice((1, 50, 5000)))
        return re.sub(rb"<w:tr>", b'<w:tr><w:trPr><w:gridBefore w:val="' + value + b'"/></w:trPr>', body,
                      count=rng.choice((1, 50)))

    return _with_part(data, lambda n: n == "word/document.xml", span, rng)


def docx_content(data: bytes, rng: random.Random) -> bytes:
    """A paragraph of 40,000 characters, a row of thousands of cells, or a 29-digit amount."""
    kind = rng.choice(("paragraph", "row", "amount"))

    def change(body: bytes) -> bytes:
        if kind == "paragraph":
            return body.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>" + "人".encode() * 40_000 + b"</w:t></w:r></w:p>", 1)
        if kind == "row":
            cell = b"<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"
            return body.replace(b"</w:tr>", cell * rng.choice((1000, 30_000)) + b"</w:tr>", 1)
        return re.sub(rb"<w:t>([\d,.]+)</w:t>", b"<w:t>" + b"9" * 29 + b"</w:t>", body, count=1)

    return _with_part(data, lambda n: n == "word/document.xml", change, rng)


def xlsx_spans(data: bytes, rng: random.Random) -> bytes:
    """A merged range over the whole sheet, thousands of merged ranges, a cell at XFD1048576, a declared
    extent of a million rows, a row of 20,000 cells, or style indexes that do not exist."""
    kind = rng.choice(("merge-all", "merges", "far-cell", "dimension", "rows", "wide-row", "style"))

    def change(body: bytes) -> bytes:
        if b"<sheetData" not in body:
            return body
        if kind == "merge-all":
            merge = b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
            return re.sub(rb"</sheetData>", b"</sheetData>" + merge, body, count=1) if b"<mergeCells" not in body else \
                re.sub(rb"<mergeCell ref=\"[^\"]*\"", b'<mergeCell ref="A1:XFD1048576"', body, count=1)
        if kind == "merges":
            many = b"".join(b'<mergeCell ref="A%d:C%d"/>' % (i, i) for i in range(2000, 2000 + rng.choice((100, 90_000))))
            return re.sub(rb"</sheetData>", b"</sheetData><mergeCells>" + many + b"</mergeCells>", body, count=1) \
                if b"<mergeCells" not in body else body.replace(b"</mergeCells>", many + b"</mergeCells>", 1)
        if kind == "far-cell":
            return body.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>', 1)
        if kind == "dimension":
            return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', body, count=1)
        if kind == "rows":
            rows = b"".join(b'<row r="%d"/>' % r for r in range(100_000, 100_000 + rng.choice((1000, 400_000))))
            return body.replace(b"</sheetData>", rows + b"</sheetData>", 1)
        if kind == "wide-row":
            cells = b"".join(b'<c r="%s1" s="1"><v>1</v></c>' % _col(c).encode() for c in range(30, 30 + rng.choice((500, 20_000))))
            return body.replace(b"</sheetData>", b'<row r="60000">' + cells + b"</row></sheetData>", 1)
        return re.sub(rb' s="\d+"', b' s="99999"', body, count=rng.choice((1, 100)))

    return _with_part(data, lambda n: n.startswith("xl/worksheets/sheet"), change, rng)


def xlsx_values(data: bytes, rng: random.Random) -> bytes:
    """Cell values a budget never holds: 29 digits, NaN, infinity, 1e308, a boolean, an error."""
    value = rng.choice((b"9" * 29, b"NaN", b"inf", b"-1e308", b"1e-320", b"0x1F", b"", b"1" * 400))

    def change(body: bytes) -> bytes:
        return re.sub(rb"<v>(-?[\d.]+)</v>", b"<v>" + value + b"</v>", body, count=rng.choice((1, 20)))

    return _with_part(data, lambda n: n.startswith("xl/worksheets/sheet"), change, rng)


def _col(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def prepare_cells(data: bytes, rng: random.Random) -> bytes:
    """The preparation workbook with values typed where they do not belong: words and huge numbers in
    amount cells, a blank unit name, a year of letters, a removed key."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    ws = rng.choice(wb.worksheets)
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    for _ in range(rng.choice((1, 5, 50))):
        c = rng.choice(cells)
        c.value = rng.choice(("一百万", "9" * 29, -5, 1e308, "=1/0", "", None, "2024年", "\u3000", "x" * 5000,
                              "yusuan:", 10 ** 25, "1,2,3"))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ------------------------------------------------------------------------------------------ HTML

def html_spans(data: bytes, rng: random.Random) -> bytes:
    value = rng.choice((b"999999", b"1000", b"65534", b"0", b"-1", b"1e9", b"99999999999999999999"))
    attr = rng.choice((b"colspan", b"rowspan"))
    return re.sub(rb"<td", b"<td " + attr + b'="' + value + b'"', data, count=rng.choice((1, 30, 3000)))


def html_deep(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice((1000, 100_000))
    tag = rng.choice((b"div", b"table", b"b", b"td"))
    i = data.find(b"<body")
    i = data.find(b">", i) + 1
    return data[:i] + (b"<" + tag + b">") * depth + data[i:]


def html_content(data: bytes, rng: random.Random) -> bytes:
    kind = rng.choice(("paragraph", "surrogates", "charset", "comment", "attribute", "amount", "tables"))
    i = data.find(b"<body")
    i = data.find(b">", i) + 1
    if kind == "paragraph":
        insert = b"<p>" + "人".encode() * 40_000 + b"</p>"
    elif kind == "surrogates":
        insert = b"<p>&#xD800;&#xDFFF;&#55296;</p>"
    elif kind == "charset":
        return b'<meta charset="utf-7">' + data.replace("部门".encode(), b"+2AA-+3/8-")
    elif kind == "comment":
        insert = b"<!--" + b"x" * rng.choice((10, 5_000_000))
    elif kind == "attribute":
        insert = b'<p title="' + b" " * 5_000_000 + b'">x</p>'
    elif kind == "amount":
        return re.sub(rb">([\d,]+\.?\d*)</td>", b">" + b"9" * 29 + b"</td>", data, count=1)
    else:
        insert = b"<table>" + b"<tr><td>1</td><td>2</td></tr>" * 200_000 + b"</table>"
    return data[:i] + insert + data[i:]


MUTATORS: dict[str, list[tuple[str, Mutator]]] = {
    "pdf": [("bitflip", pdf_blind("bitflip")), ("overwrite", pdf_blind("overwrite")), ("splice", pdf_blind("splice")),
            ("truncate", pdf_blind("truncate")), ("bitflip2", pdf_blind("bitflip")), ("segments", pdf_segments),
            ("grid", pdf_grid), ("glyphs", pdf_glyphs), ("pages", pdf_pages), ("forms", pdf_forms),
            ("surrogates", pdf_lone_surrogates)],
    "text": [("bitflip", bit_flips), ("overwrite", overwrite), ("truncate", truncate), ("splice", splice),
             ("paragraph", text_long_paragraph), ("wide-row", text_wide_row), ("rows", text_many_rows),
             ("lines", text_many_lines), ("amount", text_huge_amount), ("bytes", text_bad_bytes)],
    "docx": [("part", zip_part_blind), ("part2", zip_part_blind), ("drop", zip_drop_part), ("bomb", zip_bomb),
             ("size-lie", zip_size_lie), ("encrypted", zip_encrypted), ("deflate", zip_corrupt_deflate),
             ("entities", zip_entities), ("deep", zip_deep), ("spans", docx_spans), ("content", docx_content),
             ("bitflip", bit_flips), ("truncate", truncate)],
    "xlsx": [("part", zip_part_blind), ("part2", zip_part_blind), ("drop", zip_drop_part), ("bomb", zip_bomb),
             ("size-lie", zip_size_lie), ("encrypted", zip_encrypted), ("deflate", zip_corrupt_deflate),
             ("entities", zip_entities), ("deep", zip_deep), ("spans", xlsx_spans), ("spans2", xlsx_spans),
             ("values", xlsx_values), ("bitflip", bit_flips), ("truncate", truncate)],
    "prepare": [("cells", prepare_cells), ("cells2", prepare_cells), ("part", zip_part_blind), ("drop", zip_drop_part),
                ("bomb", zip_bomb), ("entities", zip_entities), ("spans", xlsx_spans), ("values", xlsx_values),
                ("deep", zip_deep), ("encrypted", zip_encrypted)],
    "html": [("bitflip", bit_flips), ("overwrite", overwrite), ("truncate", truncate), ("splice", splice),
             ("spans", html_spans), ("spans2", html_spans), ("deep", html_deep), ("content", html_content),
             ("content2", html_content)],
}
