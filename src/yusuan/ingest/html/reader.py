"""HTML (ours or a web page's): block elements become Lines, <table> elements Grids with their spans.

Source.page is the printed page: 1, plus one for every element that starts a new page when printed
(`break-before: page` / `page-break-before: always`, as yusuan and Word's HTML write them).
Whitespace collapses as a browser shows it; <br> and paragraphs inside a cell are line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from yusuan.ingest.blocks import Block, Cell, Grid, Line
from yusuan.ingest.limits import (
    MAX_CELLS,
    MAX_HTML_COLSPAN,
    MAX_HTML_TAGS,
    require,
    require_grid,
)
from yusuan.ingest.text.reader import decode
from yusuan.model.errors import IngestError
from yusuan.model.provenance import Source

_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "section",
    "article", "header", "footer", "nav", "aside", "main", "caption", "figcaption", "address", "ul", "ol",
    "dl", "body", "center", "title",
}
_SKIP = {"script", "style", "head", "template", "noscript", "svg"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "wbr", "area", "base", "source"}
_PAGE_BREAK = re.compile(r"(page-break-before\s*:\s*always|break-before\s*:\s*page)", re.I)
_WS = re.compile(r"[ \t\r\n\f\u200b]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class _Parser(HTMLParser):
    def __init__(self, file: str):
        super().__init__(convert_charrefs=True)
        self.file = file
        self.page = 1
        self.blocks: list[Block] = []
        self.text: list[str] = []
        self.skip = 0
        self.tables: list[dict] = []  # open tables (nested ones are read as cell text)
        self.grids = 0  # tables read so far

    # -- text -------------------------------------------------------------------------------
    def _flush(self) -> None:
        text = _clean("".join(self.text))
        self.text = []
        if text:
            for part in text.split("\n"):
                if part.strip():
                    self.blocks.append(Line(part.strip(), Source(self.file, self.page)))

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.tables and self.tables[-1]["cell"] is not None:
            self.tables[-1]["cell"]["text"].append(data)
        elif not self.tables:
            self.text.append(data)

    # -- elements ---------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        a = {k: v or "" for k, v in attrs}
        if _PAGE_BREAK.search(a.get("style", "")):
            if not self.tables:
                self._flush()
            self.page += 1
        if tag == "table":
            if self.tables and self.tables[-1]["cell"] is not None:  # nested: its text joins the cell
                self.tables[-1]["nested"] += 1
                return
            self._flush()
            self.tables.append({"rows": [], "row": None, "cell": None, "nested": 0, "page": self.page})
            return
        if self.tables:
            t = self.tables[-1]
            if t["nested"]:
                if tag in ("br", "p", "div", "tr", "li"):
                    t["cell"]["text"].append("\n")
                elif tag in ("td", "th"):
                    t["cell"]["text"].append(" ")
                return
            if tag == "tr":
                self._end_row(t)
                t["row"] = []
            elif tag in ("td", "th"):
                self._end_cell(t)
                if t["row"] is None:
                    t["row"] = []
                t["cell"] = {"text": [], "colspan": _span(a.get("colspan")), "rowspan": _span(a.get("rowspan"))}
            elif t["cell"] is not None and tag in ("br", "p", "div", "li"):
                t["cell"]["text"].append("\n")
            return
        if tag == "br":
            self.text.append("\n")
        elif tag in _BLOCK:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if self.tables:
            t = self.tables[-1]
            if t["nested"]:
                if tag == "table":
                    t["nested"] -= 1
                return
            if tag in ("td", "th"):
                self._end_cell(t)
            elif tag == "tr":
                self._end_row(t)
            elif tag == "table":
                self._end_row(t)
                self.tables.pop()
                self.grids += 1
                grid = _grid(t["rows"], Source(self.file, t["page"]), f"第 {self.grids} 个表格")
                if grid is not None:
                    self.blocks.append(grid)
            elif t["cell"] is not None and tag in ("p", "div", "li"):
                t["cell"]["text"].append("\n")
            return
        if tag in _BLOCK:
            self._flush()

    def _end_cell(self, t: dict) -> None:
        if t["cell"] is not None:
            if t["row"] is None:
                t["row"] = []
            t["row"].append(t["cell"])
            t["cell"] = None

    def _end_row(self, t: dict) -> None:
        self._end_cell(t)
        if t["row"] is not None:
            t["rows"].append(t["row"])
            t["row"] = None

    def close(self) -> None:
        super().close()
        while self.tables:
            self.handle_endtag("table")
        self._flush()


def _span(value: str) -> int:
    """A colspan or rowspan as given (at least 1); the grid bounds it by the table it is in."""
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def _clean(text: str) -> str:
    """Whitespace as a browser shows it, keeping explicit line breaks."""
    return "\n".join(_WS.sub(" ", part).strip() for part in text.split("\n")).strip("\n")


def _grid(rows: list[list[dict]], source: Source, place: str) -> Grid | None:
    """Rows of cells with spans → a Grid: None where a merged cell covers a position. As a browser
    lays it out, a colspan stops at MAX_HTML_COLSPAN and a rowspan at the table's last row."""
    height = len(rows)
    taken: dict[tuple[int, int], bool] = {}
    placed: list[list[tuple[int, dict]]] = []
    width = 0
    for r, row in enumerate(rows):
        c = 0
        out = []
        for cell in row:
            while taken.get((r, c)):
                c += 1
            cell["colspan"] = min(cell["colspan"], MAX_HTML_COLSPAN)
            cell["rowspan"] = min(cell["rowspan"], height - r)
            require(len(taken) + cell["rowspan"] * cell["colspan"], MAX_CELLS, source.file, "表格单元格", place)
            out.append((c, cell))
            for dr in range(cell["rowspan"]):
                for dc in range(cell["colspan"]):
                    taken[(r + dr, c + dc)] = True
            c += cell["colspan"]
        width = max(width, c)
        placed.append(out)
    if not placed or width == 0:
        return None
    require_grid(height, width, source.file, place)
    grid: list[list[Cell | None]] = []
    for r, out in enumerate(placed):
        line: list[Cell | None] = [None if taken.get((r, c)) else Cell("", source) for c in range(width)]
        for c, cell in out:
            text = "\n".join(p for p in _clean("".join(cell["text"])).split("\n") if p.strip())
            line[c] = Cell(text, source, colspan=cell["colspan"], rowspan=cell["rowspan"])
        grid.append(line)
    return Grid(grid, source)


def read_html_blocks(path: str | Path, *, name: str | None = None) -> Iterator[Block]:
    path = Path(path)
    file = name or path.name
    try:
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(file, f"文件无法打开（{e.strerror}）") from None
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    text = None
    if m:
        try:
            text = data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode(path, data)
    else:  # a declared UTF-7 or unicode_escape can spell lone surrogates: no character, unwritable as UTF-8
        text = _SURROGATE.sub("\ufffd", text)
    require(text.count("<"), MAX_HTML_TAGS, file, "HTML 标记")
    parser = _Parser(file)
    parser.feed(text)
    parser.close()
    yield from parser.blocks
