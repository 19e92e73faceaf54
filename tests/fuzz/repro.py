"""What yusuan does with each file of tests/data/fuzz-repro (see its README.md): refuse it with a Chinese
reason and place, or read it. Used by tests/fuzz/test_repro.py (the CLI) and tests/web/test_upload.py."""

from __future__ import annotations

from pathlib import Path

REPRO = Path(__file__).resolve().parents[1] / "data" / "fuzz-repro"

# file -> (words of the reason, the place named), for the files refused
REFUSED = {
    "hang-mem-docx-gridSpan-100000-45KB.docx": ("表格过大", "第 1 个表格"),
    "internal-docx-encrypted-zip-entry-RuntimeError-web500.docx": ("已加密", ".xml"),
    "hang-mem-xlsx-mergeCell-A1-XFD1048576.xlsx": ("合并单元格覆盖的单元格过多", "xl/worksheets/sheet4.xml"),
    "hang-xlsx-expat-quadratic-16MB-attr.xlsx": ("超长的标记", "xl/worksheets/sheet2.xml"),
    "internal-xlsx-undefined-entity-web500.xlsx": ("DOCTYPE", "xl/sharedStrings.xml"),
    "internal-xlsx-workbookxml-1GB-bomb-web500-3GB-RSS.xlsx": ("解压后过大", "xl/workbook.xml"),
    "mem-html-colspan-rowspan-999999-4.9KB.html": ("表格单元格过多", "第 1 个表格"),
    "hang-txt-check-quadratic-100000-cell-row.txt": ("表格过大", "第 177 行起的表格"),
    "internal-txt-check-decimal-InvalidOperation-29-digit-cell.txt": ("位数过多", "第 181 行"),
    "hang-pdf-5M-line-segments-136KB.pdf": ("页面图形对象过多", "第 1 页"),
}

# the files read: extract and check succeed (their contents are asserted in test_repro.py)
READ = (
    "internal-docx-RecursionError-nested-sdt-web500.docx",
    "hang-txt-check-quadratic-_CLASSIFIED-regex-40000-char-paragraph.txt",
    "internal-pdf-lone-surrogate-extract-and-web500.pdf",
)
