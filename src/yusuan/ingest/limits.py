"""How much work one input may ask for: every bound a reader enforces, in one place.

A hostile file can declare far more than it holds — a merged range over a whole sheet, a colspan of a
million, a zip part expanding a thousandfold, a page of millions of line segments. Readers size their
work by what the input really holds and stop with an IngestError naming the file and the place when a
bound below is passed. Each bound is far above what a published budget needs (the corpus figure is given
beside it); together they keep one document under about 20 s and 4 GB (bench/README.md, Hostile files).
"""

from __future__ import annotations

from decimal import Decimal

from yusuan.model.disclosure import Disclosure
from yusuan.model.errors import IngestError, place_of

# -- any format, once read into lines and tables
MAX_LINES = 20_000  # text lines outside tables in one document; the corpus has at most 520. The check
# spends about 0.3 ms on a line of narrative with figures in it
MAX_CELLS = 100_000  # table positions (rows × columns of each table, merged ones included) in one
# document, each table counted before it is laid out; the corpus has at most 2,400. Reading, the JSON
# export and the check together spend about 0.1 ms on a position
MAX_TEXT_BYTES = 16 * 2**20  # a text or HTML file; the corpus's text form is about 70 KB
MAX_HTML_TAGS = 300_000  # "<" in an HTML file (Python's parser spends 20–40 µs on a tag); yusuan's HTML
# of a corpus document has about 6,000
MAX_HTML_COLSPAN = 1000  # as browsers clip it (a rowspan stops at the table's last row)

# -- Office Open XML packages (DOCX, XLSX): a zip of XML parts
MAX_PART_BYTES = 64 * 2**20  # one part, expanded; a 300-page DOCX body is about 20 MB
MAX_PACKAGE_BYTES = 256 * 2**20  # all parts, expanded
MAX_XML_ELEMENTS = 2_000_000  # in one part (each becomes an object); a 300-page DOCX body has ~400,000
MAX_XML_TOKEN_BYTES = 2**20  # one tag, comment or processing instruction: openpyxl's parser (expat fed
# 16 KB at a time) reads an unfinished token again at every feed, so its cost grows with the square
MAX_XLSX_ELEMENTS = 1_000_000  # in all parts of a workbook (openpyxl spends about 10 µs on each);
# the corpus's workbooks have about 13,000
MAX_XLSX_CELLS = 100_000  # cells and rows of a workbook (openpyxl builds an object of about 1 KB for
# each cell, and reads a row in about 13 µs even when it is empty)
MAX_XLSX_MERGED_CELLS = 200_000  # cells covered by merged ranges (openpyxl builds an object for each)

# -- PDF
MAX_PDF_PAGES = 2000
MAX_PAGE_OBJECTS = 100_000  # page objects, those inside form XObjects too; corpus pages have < 1,600
MAX_PAGE_SEGMENTS = 500_000  # path segments of a page
MAX_PAGE_CHARS = 100_000  # characters of a page's text layer; a dense A3 page has about 15,000
MAX_PAGE_RULE_PAIRS = 1_000_000  # horizontal × vertical ruling lines of a page (collinear pieces joined),
# each pair tried for a crossing; corpus pages have at most about 500

# -- numbers
MAX_AMOUNT_DIGITS = 18  # digits of an amount, and of its integer part: sums of 100,000 of them, to four
# decimals, stay within the 28 digits Decimal keeps exact; 10^16 元 is a hundred times China's yearly output


def require(count: int, limit: int, file: str, what: str, place: str = "") -> None:
    """IngestError when `count` (of `what`, such as “单元格”) passes `limit`."""
    if count > limit:
        raise IngestError(file, f"{what}过多（{count:,} 个，上限 {limit:,} 个），不像是一份预算公开文件", place)


def require_grid(rows: int, columns: int, file: str, place: str = "") -> None:
    """One table of rows × columns positions, before it is laid out."""
    if rows * columns > MAX_CELLS:
        raise IngestError(file, f"表格过大（{rows:,} 行 × {columns:,} 列，超过 {MAX_CELLS:,} 个单元格的上限），"
                                "不像是一份预算公开文件", place)


def too_long(amount: Decimal) -> bool:
    """An amount of more than MAX_AMOUNT_DIGITS digits, or not a finite number at all."""
    return not amount.is_finite() or len(amount.as_tuple().digits) > MAX_AMOUNT_DIGITS \
        or amount.adjusted() >= MAX_AMOUNT_DIGITS


def too_long_reason(text: str) -> str:
    shown = text if len(text) <= 40 else text[:40] + "…"
    return f"金额“{shown}”位数过多（超过 {MAX_AMOUNT_DIGITS} 位），不像是预算金额"


def require_amounts(doc: Disclosure) -> None:
    """Every amount of a publication within MAX_AMOUNT_DIGITS: a longer one is no budget figure, and
    arithmetic on it would pass the precision Decimal keeps exact."""
    for table in doc.tables:
        for _, _, value in table.cells():
            if too_long(value.amount):
                raise IngestError(value.source.file, too_long_reason(value.text), place_of(value.source))
