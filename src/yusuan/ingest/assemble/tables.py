"""One table from its caption and one or more grids (continued across pages)."""

from __future__ import annotations

import re

from yusuan.ingest.assemble.align import column_spans, realign
from yusuan.ingest.assemble.captions import Caption
from yusuan.ingest.assemble.grid_text import covering_cells, has_spans
from yusuan.ingest.assemble.headers import AMOUNT, ColumnSpec, column_specs
from yusuan.ingest.assemble.rows import TOTAL_LABELS, build_rows, is_code, segments
from yusuan.ingest.blocks import Cell, Grid, Line
from yusuan.model.amount import parse_amount
from yusuan.model.disclosure import Column, Row, Table, UnmappedColumn, Value
from yusuan.model.kinds import kind_of_title
from yusuan.model.provenance import Source
from yusuan.model.text import ORDINAL, match_key

_EMPTY_NOTE = re.compile(r"(本表本年无发生额|本表无数据|故本表无数据|本年度无|无此项|本表为空)")
_NOTE = re.compile(r"^(注|说明|备注)\s*\d*[:：.、]")
_DIGIT = re.compile(r"[0-9０-９]")
_UNIT_IN_HEADER = re.compile(r"[(（](万元|元)[)）]")


def is_note(text: str) -> bool:
    return bool(_NOTE.match(match_key(text))) or bool(_EMPTY_NOTE.search(match_key(text)))


_HEADER_WORD = re.compile(r"(费$|经费|合计|小计|总计|基本支出|项目支出|金额|预算数|决算数|结转|结余|本年收入|本年支出|科目|编码|名称|^项目$)")


def _is_body_row(cells: list[Cell | None]) -> bool:
    """A row of the table's body: it prints an amount, or starts (in its leftmost columns) with a
    total label, a classification code or an ordinal label (一、) and prints no header words beside
    it. Header rows print neither."""
    texts = [(i, match_key(c.text)) for i, c in enumerate(cells) if c is not None and c.text.strip()]
    if not texts or any("栏次" in t for _, t in texts):
        return False
    if any(parse_amount(t) is not None for _, t in texts):
        return True
    first_index, first = texts[0]
    if first_index > 2 or not (TOTAL_LABELS.match(first) or is_code(first) or ORDINAL.match(first)):
        return False
    return not any(_HEADER_WORD.search(t) for _, t in texts[1:] if not is_code(t))


def _mixed_row(cells: list[Cell | None]) -> bool:
    """A 合计 row printed on the line of the last header row (合计 | | 合计 基本支出 项目支出)."""
    texts = [(i, match_key(c.text)) for i, c in enumerate(cells) if c is not None and c.text.strip()]
    return bool(texts) and texts[0][0] <= 2 and bool(TOTAL_LABELS.match(texts[0][1])) and len(texts) > 1




def printed_rows(table: Table) -> tuple:
    """What a table prints, row by row (to know a table printed twice)."""
    return tuple(_printed(r) for r in table.rows)


def _printed(row: Row) -> tuple:
    return row.side, row.code, row.item, tuple(sorted((m, v.text) for m, v in row.values.items()))


def _signature(row: list[Cell | None]) -> tuple[str, ...]:
    return tuple(match_key(c.text) for c in row if c is not None and c.text.strip())


def header_count(grid: Grid) -> int:
    """Rows before the first body row. A row that a header cell above reaches into (科目名称 merged
    down over the second header row) is still a header row, whatever it prints (合计 | 财政拨款收入)."""
    reach = 0  # the last row a header cell's rowspan covers
    for r, row in enumerate(grid.rows):
        if r > reach and _is_body_row(row):
            return r
        reach = max([reach, *(r + c.rowspan - 1 for c in row if c is not None)])
    return len(grid.rows)


class TableBuilder:
    def __init__(
        self, caption: Caption, grid: Grid, *, year: int | None, final_accounts: bool, unit: str, body: str = "",
        kind: str = "",
    ):
        self.caption, self.body = caption, body
        self.kind = kind or (kind_of_title(caption.title) if caption.title else "unknown")
        self.year, self.final_accounts = year, final_accounts
        self.table = Table(
            kind=self.kind,
            title=caption.title,
            number=caption.number,
            number_text=caption.number_text,
            unit=caption.unit or unit,
            body=caption.body,
            source=caption.lines[0].source if caption.lines else grid.source,
        )
        self.header_rows: set[tuple[str, ...]] = set()
        self.specs: list[ColumnSpec] = []
        self.spans = None
        self.raw_grids: list[Grid] = []
        self.halves: list[list[Row]] = []  # rows of each half printed side by side, over every page
        self.unmapped: dict[int, UnmappedColumn] = {}  # by column index
        self._last_amounts: dict[str, dict[str, tuple[str, Source]]] = {}  # the last row's amount cells, by side
        self.add(grid)

    @property
    def number(self) -> str:
        return self.table.number

    def same_table(self, caption: Caption) -> bool:
        if caption.number:
            return caption.number == self.table.number
        return bool(caption.title) and match_key(caption.title) == match_key(self.table.title)

    def add(self, grid: Grid) -> None:
        continued = bool(self.specs)
        if continued and grid.width != len(self.specs) and self.spans:
            grid = realign(grid, self.spans)
        self.raw_grids.append(grid)
        dense = covering_cells(grid)
        if continued:  # a continuation repeats known header rows, or none
            n = 0
            while n < len(grid.rows) and _signature(grid.rows[n]) in self.header_rows:
                n += 1
        else:
            n = header_count(grid)
            header = dense[:n]
            matrix = [[c.text if c is not None else "" for c in row] for row in header]
            mixed = [r for r in range(n) if _mixed_row(grid.rows[r])] if n == len(grid.rows) else []
            if mixed:
                n = mixed[-1]  # its label opens the body; its other cells stay header
                label = next(i for i, c in enumerate(grid.rows[n]) if c is not None and c.text.strip())
                cell = grid.rows[n][label]
                for i in range(label, label + (cell.colspan if cell else 1)):
                    matrix[n][i] = ""
            numeric = {
                i for row in grid.rows[n:] for i, c in enumerate(row) if c is not None and parse_amount(c.text) is not None
            }
            self.specs = column_specs(matrix, has_spans(grid), self.kind, self.year, self.final_accounts, numeric)
            self.spans = column_spans(grid)
            self._set_unmapped(header)
            self._set_columns(header)
            self.header_rows.update(_signature(row) for row in grid.rows[:n])
        self._unparsed(grid.rows[n:])
        parts = segments(self.specs)
        sided = any(p.side for p in parts)
        if continued and self._reprinted(grid, dense, n, parts):
            return
        if not self.halves:
            self.halves = [[] for _ in parts]
        for k, (row, covering) in enumerate(zip(grid.rows[n:], dense[n:])):
            self._keep_unmapped(row)
            for i, part in enumerate(parts):
                # sides read across, row by row; halves printed side by side read down, one half after
                # the other, each continued on the next page before the next half begins
                rows = self.table.rows if sided else self.halves[i]
                first = not self.table.rows and not any(self.halves)
                built = build_rows(row, covering, part, self.caption.body or self.body, first)
                if built is None or (continued and k == 0 and self._joins_broken_row(built, row, part, rows)):
                    continue
                self._last_amounts[built.side] = _amount_texts(row, part)
                rows.append(built)
        page = grid.source.page
        if page not in self.table.pages:
            self.table.pages.append(page)

    def _reprinted(self, grid: Grid, dense, n: int, parts) -> bool:
        """The table printed again (a page printed twice, or the table repeated under its title): the
        grid's first body rows (up to three) are rows already read, amounts and all. Its rows are not
        read twice."""
        read = {_printed(r) for r in (*self.table.rows, *(r for half in self.halves for r in half))}
        first = [
            built for k in range(n, min(n + 3, len(grid.rows))) for part in parts
            if (built := build_rows(grid.rows[k], dense[k], part, self.caption.body or self.body)) is not None
            and built.values
        ]
        return bool(first) and all(_printed(r) in read for r in first)

    def _joins_broken_row(self, row: Row, cells: list[Cell | None], part, rows: list[Row]) -> bool:
        """A row the page end broke (a label wrapped over the page end, or an office breaking a tall
        row across pages): its rest opens the next page without a code — the tail of the label, the
        last digits of amounts wrapped in their cells (".00" too), or both. Join it to its head."""
        tails = {m: text for m, (text, _) in _amount_texts(cells, part).items()}
        label = match_key(row.label)
        if row.code or not (label or tails):
            return False
        if label and (ORDINAL.match(label) or label.startswith("其中") or TOTAL_LABELS.match(label)):
            return False
        head = next((r for r in reversed(rows) if r.side == row.side), None)
        if head is None or not head.label:
            return False
        if tails:  # every amount completes the head's cut amount in its column (cut: read as text only)
            usual = self._usual_places()
            printed = self._last_amounts.get(head.side, {})
            joined = {m: (printed[m][0] + t, printed[m][1]) for m, t in tails.items() if m in printed}
            if len(joined) < len(tails) or usual is None or any(
                parse_amount(t) is None or _places(t) != usual or _places(printed[m][0]) == usual
                for m, (t, _) in joined.items()
            ):
                return False
            for m, (text, source) in joined.items():
                head.values[m] = Value(parse_amount(text), text, source)
        head.label += row.label
        head.item += row.item
        return True

    def _set_unmapped(self, header: list[list[Cell | None]]) -> None:
        """Amount columns with no measure, or with the measure of another column of the same rows, are
        not given made-up names: the table keeps them apart, with their figures, as not understood (and
        its reading report says so: comparisons between its columns cannot be relied on)."""
        for part in segments(self.specs):
            seen: dict[str, ColumnSpec] = {}
            for spec in part.specs:
                if spec.role != AMOUNT:
                    continue
                if not spec.measure:
                    reason = f"表头“{spec.header}”不能对应到任何度量" if spec.header else "没有表头的金额列"
                elif spec.measure in seen:
                    reason = f"与“{seen[spec.measure].header}”列读作同一度量 {spec.measure}"
                    spec.measure = ""
                else:
                    seen[spec.measure] = spec
                    continue
                record = UnmappedColumn(spec.header, part.side, reason)
                self.unmapped[spec.index] = record
                self.table.unmapped.append(record)
                cell = next((row[spec.index] for row in reversed(header) if spec.index < len(row)
                             and row[spec.index] is not None and row[spec.index].text.strip()), None)
                self.table.reading.add("unmapped-column", f"第 {spec.index + 1} 列：{reason}",
                                       cell.source if cell else self.table.source)

    def _keep_unmapped(self, row: list[Cell | None]) -> None:
        for index, record in self.unmapped.items():
            cell = row[index] if index < len(row) else None
            if cell is not None and (amount := parse_amount(cell.text)) is not None:
                record.values.append(Value(amount, cell.text.strip(), cell.source))

    def _usual_places(self) -> int | None:
        """The decimals most amounts of the table print with (None before any has more than 0)."""
        counts: dict[int, int] = {}
        for r in (*self.table.rows, *(r for half in self.halves for r in half)):
            for v in r.values.values():
                counts[_places(v.text)] = counts.get(_places(v.text), 0) + 1
        usual = max(counts, key=counts.get, default=0)
        return usual or None

    def _set_columns(self, header: list[list[Cell | None]]) -> None:
        seen: set[tuple[str, str]] = set()
        for part in segments(self.specs):
            for spec in part.specs:
                if spec.role == AMOUNT and spec.measure and (spec.measure, part.side) not in seen:
                    seen.add((spec.measure, part.side))
                    self.table.columns.append(Column(spec.measure, spec.header, part.side))
        if not self.table.unit:
            for row in header:
                for cell in row:
                    if cell is not None and (m := _UNIT_IN_HEADER.search(match_key(cell.text))):
                        self.table.unit = m.group(1)
                        return

    def _unparsed(self, rows: list[list[Cell | None]]) -> None:
        """Cells of amount columns printing digits that are not a number (1,23.4.5, 12 3 4 once the spaces
        are gone, a misread character among digits): the row loses a figure its sums need."""
        amount_columns = [s.index for s in self.specs if s.role == AMOUNT]
        for row in rows:
            for i in amount_columns:
                cell = row[i] if i < len(row) else None
                if cell is not None and _DIGIT.search(cell.text) and parse_amount(cell.text) is None:
                    self.table.reading.add("unparsed-value", f"“{cell.text.strip()[:20]}”", cell.source)

    def note(self, line: Line) -> None:
        self.table.notes.append(line.text)
        self.table.note_sources.append(line.source)
        if _EMPTY_NOTE.search(match_key(line.text)):
            self.table.empty = True

    def finish(self) -> Table:
        for rows in self.halves:
            self.table.rows.extend(rows)
        self.halves = []
        if not any(row.values for row in self.table.rows):
            self.table.empty = True
        if self.table.kind == "unknown":
            self.table.reading.add("unknown-kind", f"“{self.table.title or '无标题'}”", self.table.source)
        for row in self.table.rows:
            if row.values and not row.item and not row.code:
                first = next(iter(row.values.values()))
                self.table.reading.add("unlabelled-row", f"“{first.text}”一行", row.source or first.source)
        return self.table


def _places(text: str) -> int:
    """Decimals printed: 2 for 1,234.50."""
    head, dot, tail = text.replace(" ", "").partition(".")
    return len(tail) if dot else 0


def _amount_texts(cells: list[Cell | None], part) -> dict[str, tuple[str, Source]]:
    """The text of every amount cell printed in the row, numbers or not (a number cut by a line end)."""
    return {
        spec.measure or f"?{spec.index}": (cell.text.strip(), cell.source)
        for spec in part.specs
        if spec.role == AMOUNT and spec.index < len(cells) and (cell := cells[spec.index]) is not None
        and cell.text.strip()
    }
