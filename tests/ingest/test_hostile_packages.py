"""Office packages that ask for more than they hold, each made from yusuan's XLSX of a corpus document:
refused with the file, the part and the reason (ingest/package.py, ingest/limits.py), or read by what
they really hold."""

from __future__ import annotations

import re
import struct

import pytest

from tests.fuzz.mutate import CORPUS, TEXT_SEED, _parts, _zip
from yusuan.ingest.blocks import Line
from yusuan.model.errors import IngestError
from yusuan.ingest.xlsx.reader import read_xlsx_blocks


@pytest.fixture(scope="module")
def xlsx() -> bytes:
    from yusuan.ingest.read import read_disclosure
    from yusuan.render import render

    return render(read_disclosure(CORPUS / TEXT_SEED), "xlsx")


def changed(data: bytes, name: str, change) -> bytes:
    return _zip([(i.filename, change(body) if i.filename == name else body) for i, body in _parts(data)])


def refused(tmp_path, data: bytes, *words: str) -> str:
    path = tmp_path / "表.xlsx"
    path.write_bytes(data)
    with pytest.raises(IngestError) as e:
        list(read_xlsx_blocks(path))
    assert e.value.file == "表.xlsx" and all(w in str(e.value) for w in words), str(e.value)
    return str(e.value)


def test_a_part_larger_than_its_directory_says_is_refused(tmp_path, xlsx):
    out = bytearray(xlsx)
    entry = next(m.start() for m in re.finditer(rb"PK\x01\x02", out) if b"sheet1.xml" in out[m.start():m.start() + 120])
    struct.pack_into("<I", out, entry + 24, 100)  # uncompressed size: 100 bytes
    refused(tmp_path, bytes(out), "xl/worksheets/sheet1.xml", "已损坏")


def test_a_long_comment_is_refused_even_when_it_holds_tags(tmp_path, xlsx):
    comment = b"<!--" + b"<c>" * 400_000 + b"-->"
    data = changed(xlsx, "xl/worksheets/sheet1.xml", lambda b: b.replace(b"<sheetData>", comment + b"<sheetData>", 1))
    refused(tmp_path, data, "xl/worksheets/sheet1.xml", "超长的标记")


def test_a_doctype_is_refused_in_a_utf16_part_too(tmp_path, xlsx):
    def utf16(body: bytes) -> bytes:
        text = body.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        head, _, rest = text.partition("?>")
        return (head + "?><!DOCTYPE x [<!ENTITY a 'b'>]>" + rest).encode("utf-16")

    refused(tmp_path, changed(xlsx, "xl/workbook.xml", utf16), "xl/workbook.xml", "DOCTYPE")


def test_a_sheet_named_thousands_of_times_counts_that_many_times(tmp_path, xlsx):
    def repeat(body: bytes) -> bytes:
        sheet = re.search(rb'<sheet [^>]*r:id="rId\d+"/>', body).group(0)
        copies = b"".join(sheet.replace(b'name="', b'name="%d' % i).replace(b'sheetId="', b'sheetId="9%d' % i)
                          for i in range(5000))
        return body.replace(sheet, sheet + copies, 1)

    refused(tmp_path, changed(xlsx, "xl/workbook.xml", repeat), "过多")


def test_a_cell_at_the_last_row_and_column_is_read_without_the_positions_between(tmp_path, xlsx):
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>最后一格</t></is></c></row></sheetData>'.encode()
    data = changed(xlsx, "xl/worksheets/sheet2.xml", lambda b: b.replace(b"</sheetData>", far, 1))
    path = tmp_path / "远.xlsx"
    path.write_bytes(data)
    blocks = list(read_xlsx_blocks(path))
    assert any(isinstance(b, Line) and b.text == "最后一格" for b in blocks)


def test_a_missing_styles_part_is_named(tmp_path, xlsx):
    data = _zip([(i.filename, body) for i, body in _parts(xlsx) if i.filename != "xl/styles.xml"])
    refused(tmp_path, data, "样式表")
