"""The Disclosure: one body's budget (or final accounts) for one year, as published."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from yusuan.model.provenance import Source
from yusuan.model.reading import Reading


@dataclass(slots=True)
class Value:
    """One printed number of one table cell."""

    amount: Decimal
    text: str  # as printed, e.g. "5,682"
    source: Source


@dataclass(slots=True)
class Row:
    label: str  # as printed (raw, whitespace kept)
    item: str  # label with all whitespace removed; body name for unlabeled total rows
    values: dict[str, Value] = field(default_factory=dict)  # measure -> Value
    code: str = ""
    side: str = ""
    level: int = 0  # 0 = total row, 1 = 类, 2 = 款, 3 = 项 (or printed-hierarchy depth)
    is_total: bool = False
    texts: dict[str, str] = field(default_factory=dict)  # non-numeric cells by column meaning
    source: Source | None = None


@dataclass(slots=True)
class Column:
    measure: str  # vocabulary measure, with an optional @phase
    header: str  # the header as printed, levels joined by "/"
    side: str = ""


@dataclass(slots=True)
class UnmappedColumn:
    """An amount column whose header yusuan could not map to a measure of the vocabulary (or that reads
    as a measure another column of the same rows already has): its figures are kept here, out of the
    rows and the cells export, so that the reading says what it did not understand."""

    header: str  # the header as printed, levels joined by "/"
    side: str = ""
    reason: str = ""  # in Chinese, for the reader of the reading
    values: list[Value] = field(default_factory=list)


@dataclass(slots=True)
class Unreadable:
    """A cell whose number could not be read for certain (an OCR reading its table's sums do not
    confirm): its value stays in the row as read, and the rules take it as unknown."""

    item: str
    measure: str
    text: str  # as read
    reason: str  # Chinese, for the reader of the report
    source: Source
    code: str = ""
    side: str = ""


@dataclass(slots=True)
class Table:
    kind: str
    title: str
    number: str = ""  # digits only; "" when unnumbered
    number_text: str = ""  # as printed: "表 1", "公开03表"
    unit: str = ""  # 元 | 万元
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    note_sources: list[Source] = field(default_factory=list)  # where each note is printed
    empty: bool = False  # printed as having no amounts this year (本表本年无发生额 / 无数据)
    body: str = ""  # the body its caption names (部门：… / 编制单位：…)
    source: Source | None = None
    unmapped: list[UnmappedColumn] = field(default_factory=list)  # amount columns not understood
    reading: Reading = field(default_factory=Reading)  # how sure the reading is (model/reading.py)
    unreadable: list[Unreadable] = field(default_factory=list)  # OCR cells its own sums do not confirm

    def cells(self):
        for row in self.rows:
            for measure, value in row.values.items():
                yield row, measure, value


@dataclass(slots=True)
class Paragraph:
    text: str
    source: Source  # where its first printed line is
    lines: list[tuple[int, Source]] = field(default_factory=list)  # (offset in text, printed line)
    drafted: bool = False  # written by yusuan from the figures (prepare/draft.py), not by the body

    def source_at(self, offset: int) -> Source:
        """The printed line holding the character at `offset` of the text."""
        found = self.source
        for start, source in self.lines:
            if start > offset:
                break
            found = source
        return found


@dataclass(slots=True)
class Section:
    heading: str
    level: int  # 1 = 第一部分 / 一、文字部分 ..., deeper = 一、 (一) 1.
    paragraphs: list[Paragraph] = field(default_factory=list)
    source: Source | None = None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(slots=True)
class Target:
    """A performance target parsed from its printed form."""

    text: str
    operator: str = ""  # >=, <=, >, <, =, range, before, per, ""
    value: Decimal | None = None
    upper: Decimal | None = None  # for ranges
    unit: str = ""
    date: str = ""  # ISO-like date for deadlines (2023-11)
    measurable: bool = False


@dataclass(slots=True)
class Indicator:
    level1: str
    level2: str
    name: str
    target: Target
    source: Source | None = None


@dataclass(slots=True)
class Task:
    name: str
    content: str
    values: dict[str, Value] = field(default_factory=dict)  # total / fiscal / other
    source: Source | None = None


@dataclass(slots=True)
class Performance:
    body: str = ""
    parent: str = ""
    tasks: list[Task] = field(default_factory=list)
    total: dict[str, Value] = field(default_factory=dict)
    goals: list[Paragraph] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    source: Source | None = None


@dataclass(slots=True)
class Identity:
    body: str = ""
    parent: str = ""
    year: int | None = None
    kind: str = "budget"  # budget | final_accounts
    level: str = "department"  # department | unit
    body_type: str = ""  # 行政 / 参公 / 事业


@dataclass(slots=True)
class Disclosure:
    identity: Identity = field(default_factory=Identity)
    files: list[str] = field(default_factory=list)
    title: str = ""
    date: str = ""  # the date its cover prints (2023年2月, 二〇二三年二月), as printed; "" when none
    contents: list[str] = field(default_factory=list)  # the printed table of contents
    contents_sources: list[Source] = field(default_factory=list)  # where each entry is printed
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    performance: Performance | None = None

    def tables_of(self, kind: str) -> list[Table]:
        return [t for t in self.tables if t.kind == kind]
