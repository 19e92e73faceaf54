"""Read a filled preparation workbook into a Disclosure.

Every number keeps its provenance: Source(file, page = the sheet's 1-based position in the workbook, as
the XLSX reader counts, cell = its reference). Money is Decimal, printed with the cell's decimals (or
the typed ones, when more). Blank totals are computed from their lines (`totals.py`); typed ones are
kept. The narrative parts left blank are drafted from the figures (`draft.py`).

Input that cannot be used — a word in an amount cell, an unknown classification code, a missing 单位名称 —
raises IngestError naming the file, the sheet and the cell (exit status 2 in the CLI).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from yusuan.catalog.store import load as load_catalog
from yusuan.ingest.package import open_package, read_part
from yusuan.ingest.xlsx.reader import WORKBOOK, open_xlsx
from yusuan.model.disclosure import Column, Disclosure, Identity, Row, Table
from yusuan.model.errors import IngestError
from yusuan.model.families import family, title_of
from yusuan.model.provenance import Source
from yusuan.model.vocabulary import TABLE_KINDS
from yusuan.prepare import sheets as S
from yusuan.prepare.cells import SCHEME_CATALOG, Block, Sheet
from yusuan.prepare.draft import Facts, draft_sections
from yusuan.prepare.facts import SheetFacts
from yusuan.prepare.totals import complete


def is_workbook(path: str | Path) -> bool:
    """Whether an XLSX file is a preparation workbook (it carries the yusuan_prepare defined name).
    A damaged package, or one expanding past the limits, raises the IngestError reading it would."""
    path = Path(path)
    if not zipfile.is_zipfile(path):
        return False
    with open_package(path, path.name, "XLSX") as z:
        try:
            info = z.getinfo(WORKBOOK)
        except KeyError:
            return False
        return f'name="{S.MARKER}"'.encode() in read_part(z, info, path.name)


def read_workbook(path: str | Path, *, name: str | None = None) -> Disclosure:
    path = Path(path)
    file = name or path.name
    return _Reader(open_xlsx(path, file), file).read()


class _Reader(SheetFacts):
    """基本信息, the table sheets and 文字部分; the sheets of fixed design through SheetFacts."""

    def read(self) -> Disclosure:
        doc = Disclosure(files=[self.file])
        self.ident = doc.identity = self.identity()
        i = doc.identity
        doc.title = f"{i.year}年{i.body}{S.LEVELS[i.level]}{self.words.w}"
        self.catalogs = {s: load_catalog(c, i.year) for s, c in SCHEME_CATALOG.items()}
        fam = family(self.style, self.words.final)
        positions = {spec.kind: (n, spec) for n, spec in enumerate(fam.tables, start=1)}
        facts = Facts(style=self.style)
        for key, sheet in self.sheets.items():
            if key.startswith(S.TABLE):
                table = self.table(sheet, key[len(S.TABLE):], doc, fam, positions)
                if _has_values(table):  # a sheet left blank: the renderer prints the table empty
                    doc.tables.append(table)
        office = self.office(facts)  # before the 三公 table, which prints it in Shanghai's set
        three = self.three_public(facts)
        procurement = self.procurement(facts)
        self.assets(facts)
        perf_tables = self.performance(doc, facts)
        for kind, table in (("three_public_costs", three), ("office_operating_costs", office),
                            ("procurement", procurement), ("performance_targets", perf_tables[0])):
            if table is not None and _has_values(table) and kind in positions:
                n, spec = positions[kind]
                table.number, table.number_text = _digits(fam.number_text(n)), fam.number_text(n)
                table.title = title_of(spec, doc)
                doc.tables.append(table)
        if perf_tables[1] is not None:
            doc.tables.append(perf_tables[1])
        doc.tables.sort(key=lambda t: (int(t.number) if t.number else 99))
        self.narrative(doc, facts)
        return doc

    def identity(self) -> Identity:
        sheet = self.sheets.get(S.INFO)
        if sheet is None:
            raise IngestError(self.file, "找不到“基本信息”工作表：准备工作簿不完整，请用 yusuan template 重新生成")
        cells = sheet.keyed()
        fields = {f.key: f for f in S.INFO_FIELDS}

        def text(key: str) -> str:
            c = cells.get(key)
            return c.text if c is not None else ""

        def required(key: str) -> str:
            t = text(key)
            if not t:
                ref = cells[key].ref if key in cells else "C3"
                raise self.error(sheet, ref, f"缺少必填项“{fields[key].label}”")
            return t

        body = required("body")
        year_text = required("year")
        if not re.fullmatch(r"\d{4}", year_text):
            raise self.error(sheet, cells["year"].ref, f"年度应为四位数字，而填写的是“{year_text}”")
        kinds = {v: k for k, v in S.KINDS.items()}
        kind = kinds.get(text("kind") or self.words.w)
        if kind is None:
            raise self.error(sheet, cells["kind"].ref, f"“预算/决算”应填写“预算”或“决算”，而填写的是“{text('kind')}”")
        if kind != self.words.kind:
            raise self.error(sheet, cells["kind"].ref,
                             f"本工作簿是按{self.words.w}生成的，不能改填为{S.KINDS[kind]}；"
                             f"请用 yusuan template --kind {kind} 重新生成")
        levels = {v: k for k, v in S.LEVELS.items()}
        level = levels.get(text("level") or "部门")
        if level is None:
            raise self.error(sheet, cells["level"].ref, f"“部门/单位”应填写“部门”或“单位”，而填写的是“{text('level')}”")
        body_type = text("body_type")
        if body_type and body_type not in S.BODY_TYPES:
            raise self.error(sheet, cells["body_type"].ref, f"单位性质应为{'、'.join(S.BODY_TYPES)}之一，而填写的是“{body_type}”")
        return Identity(body=body, parent=text("parent"), year=int(year_text), kind=kind, level=level,
                        body_type=body_type)

    # tables -----------------------------------------------------------------------------------------
    def table(self, sheet: Sheet, kind: str, doc: Disclosure, fam, positions) -> Table:
        n, spec = positions.get(kind, (0, None))
        number_text = fam.number_text(n) if n else ""
        table = Table(kind=kind, title=title_of(spec, doc) if spec else TABLE_KINDS.get(kind, kind),
                      number=_digits(number_text), number_text=number_text, unit=self.unit(sheet),
                      pages=[sheet.page], body=doc.identity.body, source=self.source(sheet, "B1"))
        notes = sheet.labelled("表注")
        if notes is not None and notes.text:
            table.notes = [t.strip() for t in notes.text.split("\n") if t.strip()]
            table.note_sources = [self.source(sheet, notes.ref)] * len(table.notes)
        block = sheet.blocks().get("main", Block("main"))
        parsed = {i: S.parse_key(k) for i, k in block.columns.items()}
        sides: list[str] = []
        for p in parsed.values():
            if p is not None and p[0] not in sides:
                sides.append(p[0])
        headers = self._headers(sheet, block)
        by_side: dict[str, list[Row]] = {s: [] for s in sides}
        blank: dict[tuple[int, str], str] = {}  # (id(row), measure) -> ref of the blank cell
        for line in block.lines:
            for side in sides:
                row = self.line_row(sheet, line, side, doc.identity.body, blank)
                if row is not None:
                    by_side[side].append(row)
        measures: dict[str, list[str]] = {s: [] for s in sides}
        for i, p in parsed.items():
            if p is not None and p[1] == S.AMOUNT:
                measures[p[0]].append(p[2])
        for side in sides:
            complete(by_side[side], measures[side],
                     lambda row, m: self.source(sheet, blank[(id(row), m)]) if (id(row), m) in blank else None)
        table.rows = [r for side in sides for r in by_side[side]]
        if len(sides) > 1:
            table.rows = interleave([by_side[s] for s in sides])
        for i, p in parsed.items():
            if p is not None and p[1] == S.AMOUNT and any(p[2] in r.values for r in by_side[p[0]]):
                table.columns.append(Column(p[2], headers.get(i, p[2]), p[0]))
        table.empty = not any(v.amount for r in table.rows for v in r.values.values())
        return table

    def _headers(self, sheet: Sheet, block: Block) -> dict[int, str]:
        """Column index -> its header path joined by "/" (from the two header rows)."""
        header_rows = [cells for cells in sheet.rows if cells and str(cells[0].value or "") == S.KEY + "header"]
        out: dict[int, str] = {}
        spans: dict[int, str] = {}
        if header_rows:
            top = header_rows[0]
            current = ""
            for c in top[1:]:
                if c.value is not None:
                    current = str(c.value)
                spans[c.column] = current
        for col in block.columns:
            parts = []
            top_text = ""
            if header_rows:
                cell = header_rows[0][col - 1] if col - 1 < len(header_rows[0]) else None
                top_text = str(cell.value) if cell is not None and cell.value is not None else spans.get(col, "")
            bottom = header_rows[1][col - 1] if len(header_rows) > 1 and col - 1 < len(header_rows[1]) else None
            if top_text:
                parts.append(top_text)
            if bottom is not None and bottom.value is not None:
                parts.append(str(bottom.value))
            out[col] = "/".join(parts)
        return out

    # 文字部分 -----------------------------------------------------------------------------------------------
    def narrative(self, doc: Disclosure, facts: Facts) -> None:
        sheet = self.sheets.get(S.NARRATIVE)
        cells = sheet.keyed() if sheet is not None else {}
        texts = {}
        for part in S.PARTS:
            cell = cells.get(part.key)
            if cell is not None and cell.text:
                texts[part.key] = (cell.text, self.source(sheet, cell.ref))
        anchors = {p.key: self.source(sheet, cells[p.key].ref) for p in S.PARTS if p.key in cells} if sheet else {}
        fallback = self.source(sheet, "C1") if sheet is not None else Source(self.file, 1)
        glossary = []
        terms = self.sheets.get(S.GLOSSARY)
        if terms is not None:
            for term, meaning in terms.all_keyed(S.TERM, (2, 3)):
                if term.text and meaning.text:
                    glossary.append((term.text, meaning.text, self.source(terms, term.ref)))
                elif term.text or meaning.text:
                    missing = meaning if term.text else term
                    raise self.error(terms, missing.ref, "名词和解释应当都填写（或都清空）")
        doc.sections = draft_sections(doc, facts, texts, anchors, fallback, glossary)



def _has_values(table: Table) -> bool:
    return any(r.values for r in table.rows)


def _digits(number_text: str) -> str:
    return "".join(ch for ch in number_text if ch.isdigit()).lstrip("0") or ("" if not number_text else "0")


def interleave(sides: list[list[Row]]) -> list[Row]:
    """Rows of several sides, read across: the first row of each side, then the second …"""
    out = []
    for n in range(max((len(s) for s in sides), default=0)):
        for rows in sides:
            if n < len(rows):
                out.append(rows[n])
    return out
