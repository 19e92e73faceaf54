"""The layout model: what a rendered disclosure prints, in order, independent of the output format.

Built once from a Disclosure and a layout family (`build.py`); every back-end (HTML and PDF from one
template, DOCX, XLSX) walks the same `Layout`, so the formats cannot disagree about content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# Column and cell roles
CODE, LABEL, BODY, AMOUNT, TEXT = "code", "label", "body", "amount", "text"


@dataclass(slots=True)
class Cell:
    """One printed cell of a table: header or body. `None` in a grid marks a position a merged cell covers."""

    text: str
    role: str = TEXT
    colspan: int = 1
    rowspan: int = 1
    indent: int = 0  # label indentation steps (hierarchy level − 1)
    amount: Decimal | None = None  # the number an AMOUNT cell prints
    decimals: int = 0  # decimals as printed
    sum_of: tuple[int, ...] = ()  # body rows (same column) whose sum this cell is, exactly
    bold: bool = False


@dataclass(slots=True)
class TableLayout:
    anchor: str
    kind: str
    number_text: str  # "表1", "公开01表", "" when unnumbered
    title: str
    body: str  # 部门名称 printed in the caption ("" for none)
    unit: str
    roles: list[str]  # one role per column
    header: list[list[Cell | None]]  # repeated on every page the table spans
    rows: list[list[Cell | None]]
    notes: list[str] = field(default_factory=list)
    captioned: bool = True  # False for a table printed inside the narrative without a caption
    placeholder: bool = False  # the disclosure lacks it: printed empty, marked 本表本年无发生额
    new_page: bool = True
    widths: list[float] = field(default_factory=list)  # each column's share in percent (render/widths.py)

    @property
    def width(self) -> int:
        return len(self.roles)

    @property
    def wide(self) -> bool:
        """Printed on a landscape page."""
        return self.width > 8

    @property
    def number_inline(self) -> bool:
        """An ordinal number (一、) is printed on the title's line, a 表1 / 公开01表 above it."""
        return self.number_text[-1:] in ("、", ".", "．")

    @property
    def title_line(self) -> str:
        return self.number_text + self.title if self.number_inline else self.title

    @property
    def caption(self) -> str:
        if self.number_inline:
            return self.title_line
        return " ".join(p for p in (self.number_text, self.title) if p)


@dataclass(slots=True)
class Heading:
    text: str
    level: int
    anchor: str
    new_page: bool = False
    wide: bool = False  # printed on the landscape page of the wide table that follows it


@dataclass(slots=True)
class CoverLine:
    """A line of the cover: the title in one or two lines (`title`), the body where the title does not
    name it (`body`), the date the cover printed (`date`); `size` in points, so that it fits one line."""

    text: str
    role: str = "title"
    size: float = 0.0


@dataclass(slots=True)
class Paragraph:
    text: str
    drafted: bool = False  # written by yusuan from the figures, not by the body


@dataclass(slots=True)
class TocEntry:
    text: str
    anchor: str
    level: int


Block = Heading | Paragraph | TableLayout


@dataclass(slots=True)
class Layout:
    style: str
    title: str  # the title, e.g. 2023年深圳市生态环境局坪山管理局部门预算
    cover: list[CoverLine]  # the cover, line by line
    toc: list[TocEntry]
    blocks: list[Block]
    lang: str = "zh-CN"

    @property
    def tables(self) -> list[TableLayout]:
        return [b for b in self.blocks if isinstance(b, TableLayout)]
