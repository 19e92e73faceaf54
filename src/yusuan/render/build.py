"""Disclosure + layout family → Layout: the one place that decides what a rendered disclosure prints."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from yusuan.model.disclosure import Disclosure, Section
from yusuan.model.families import DEFAULT_STYLE, Family, family, title_of
from yusuan.model.text import chinese_numeral, match_key, squash
from yusuan.render.contents import contents
from yusuan.render.glossary import GLOSSARY
from yusuan.render.layout import (
    TEXT,
    Block,
    Cell,
    CoverLine,
    Heading,
    Layout,
    Paragraph,
    TableLayout,
)
from yusuan.render.tables import placeholder, table_layout
from yusuan.render.widths import column_widths, text_em

DRAFT_MARK = "（草拟）"  # printed after every paragraph yusuan drafted from the figures (Paragraph.drafted)


def build_layout(doc: Disclosure, style: str = DEFAULT_STYLE, *, keep_captions: bool | None = None) -> Layout:
    """The layout of `doc` in `style`. Tables keep their printed numbers and titles when the
    disclosure was published in that family (`keep_captions`, by default decided from the tables)."""
    fam = family(style, doc.identity.kind == "final_accounts")
    if keep_captions is None:
        from yusuan.model.families import family_of

        keep_captions = family_of(doc) == style
    blocks = _narrative_with_tables(doc, fam, keep_captions)
    if not any("名词解释" in match_key(s.heading) for s in doc.sections):
        blocks.extend(_glossary(doc, len(blocks)))
    _no_lone_headings(blocks)
    title = _cover_title(doc)
    toc = contents(blocks, doc)
    for block in blocks:
        if isinstance(block, TableLayout):
            block.widths = column_widths(block)
    return Layout(style=style, title=title, cover=cover(doc, title), toc=toc, blocks=blocks)


# ---------------------------------------------------------------- order: narrative and tables


def _file_index(doc: Disclosure, file: str) -> int:
    base = file.split("#", 1)[0]
    return doc.files.index(base) if base in doc.files else len(doc.files)


def _key(doc: Disclosure, source) -> tuple | None:
    if source is None:
        return None
    top = source.bbox[1] if source.bbox else 0.0
    return (_file_index(doc, source.file), source.page, top)


@dataclass(slots=True)
class _Item:
    key: tuple | None
    block: Block


def _narrative(doc: Disclosure) -> list[_Item]:
    items: list[_Item] = []
    for n, section in enumerate(doc.sections):
        anchor = f"s{n + 1}"
        items.append(_Item(_key(doc, section.source), Heading(section.heading.strip(), section.level, anchor,
                                                              new_page=_opens_page(section, n))))
        for is_row, run in groupby(section.paragraphs, key=lambda p: "\t" in p.text):
            paragraphs = list(run)
            if is_row:  # rows of a grid printed inside the narrative: printed as a grid again
                grid = _narrative_grid([p.text for p in paragraphs], f"{anchor}g{len(items)}")
                items.append(_Item(_key(doc, paragraphs[0].source), grid))
                continue
            for p in paragraphs:
                text = p.text + DRAFT_MARK if p.drafted else p.text
                items.append(_Item(_key(doc, p.source), Paragraph(text, drafted=p.drafted)))
    return items


def _narrative_grid(lines: list[str], anchor: str) -> TableLayout:
    """A grid the narrative prints (序号 / 单位名称 / 备注), kept by the reader as tab-separated
    lines: its cells in columns, without caption, so that it reads back as the same lines."""
    texts = [line.split("\t") for line in lines]
    width = max(len(t) for t in texts)
    rows: list[list[Cell | None]] = [[Cell(c) for c in t] + [Cell("") for _ in range(width - len(t))] for t in texts]
    return TableLayout(anchor=anchor, kind="narrative", number_text="", title="", body="", unit="",
                       roles=[TEXT] * width, header=[], rows=rows, captioned=False, new_page=False)


def _opens_page(section: Section, n: int) -> bool:
    return n == 0 or section.level == 1


def _no_lone_headings(blocks: list[Block]) -> None:
    """A page never holds headings alone: what follows a heading that opened a page (一、文字部分, 第二部分
    部门预算表) stays on its page; a wide table takes those headings onto its landscape page."""
    opened: list[Heading] = []  # the headings alone on the page being filled
    for block in blocks:
        if getattr(block, "new_page", False) and opened:
            block.new_page = False
            if isinstance(block, TableLayout) and block.wide:
                for h in opened:
                    h.wide = True
        if isinstance(block, Heading):
            if block.new_page:
                opened = [block]
            elif opened:
                opened.append(block)
        else:
            opened = []


def _narrative_with_tables(doc: Disclosure, fam: Family, keep: bool) -> list[Block]:
    items = _narrative(doc)
    last_key: tuple | None = None
    for table in doc.tables:
        key = _key(doc, table.source) or last_key
        layout = table_layout(table, doc, fam, keep)
        at = len(items)
        if key is not None:
            at = next((i for i, it in enumerate(items) if it.key is not None and it.key > key), len(items))
        items.insert(at, _Item(key, layout))
        last_key = key
    blocks = [it.block for it in items]
    _add_placeholders(blocks, doc, fam)
    return blocks


def _add_placeholders(blocks: list[Block], doc: Disclosure, fam: Family) -> None:
    """Every table of the family's set is printed: a missing one, empty, after the table before it in the set."""
    present = {b.kind for b in blocks if isinstance(b, TableLayout)}
    for position, spec in enumerate(fam.tables, start=1):
        if spec.kind in present:
            continue
        earlier = {s.kind for s in fam.tables[:position - 1]}
        at = len(blocks)
        for i, b in enumerate(blocks):
            if isinstance(b, TableLayout) and b.kind in earlier:
                at = i + 1
        if at == len(blocks):
            later = {s.kind for s in fam.tables[position:]}
            at = next((i for i, b in enumerate(blocks) if isinstance(b, TableLayout) and b.kind in later), at)
        blocks.insert(at, placeholder(spec.kind, fam.number_text(position), title_of(spec, doc), doc))
        present.add(spec.kind)


# ---------------------------------------------------------------- cover, contents, glossary


def _cover_title(doc: Disclosure) -> str:
    if doc.title:
        return doc.title
    i = doc.identity
    level = "单位" if i.level == "unit" else "部门"
    kind = "决算" if i.kind == "final_accounts" else "预算"
    return f"{i.year or ''}年{'度' if i.year else ''}{i.body}{level}{kind}".lstrip("年度")


COVER_PT = {"title": 26.0, "body": 16.0, "date": 16.0}  # the cover's sizes, before a long line shrinks
COVER_MM = 160.0  # the width a cover line fits in (A4 portrait less the margins and some air)
MM_PER_PT = 25.4 / 72
_YEAR_AT = re.compile(r"(19|20)\d{2}\s*年")


def cover(doc: Disclosure, title: str) -> list[CoverLine]:
    """The cover: the title on one or two lines broken where its words allow (after the body's name,
    else before the year: 江苏省人民检察院 / 2018年部门预算), never inside a word — a line too long for the
    page is printed smaller instead; the body on a line of its own where the title does not name it; the
    date when the cover printed one."""
    lines = [CoverLine(x, "title") for x in title_lines(title, doc.identity.body)]
    body = doc.identity.body
    if body and not _names_body(title, body):
        kind = "决算" if doc.identity.kind == "final_accounts" else "预算"
        role = "主管部门" if doc.identity.level == "department" else "单位"
        lines.append(CoverLine(f"{kind}{role}：{body}", "body"))
    if doc.date:
        lines.append(CoverLine(doc.date, "date"))
    return fit_cover(lines)


def fit_cover(lines: list[CoverLine]) -> list[CoverLine]:
    """Each line at its role's size, smaller when it would not fit the cover's width on one line."""
    for line in lines:
        line.size = round(min(COVER_PT[line.role], COVER_MM / (max(text_em(line.text), 1.0) * MM_PER_PT)), 1)
    return lines


def title_lines(title: str, body: str) -> list[str]:
    t = squash(title)
    at = t.find(body) if body else -1
    if at >= 0 and at + len(body) < len(t):
        return [t[:at + len(body)], t[at + len(body):]]
    year = _YEAR_AT.search(t)
    if year and year.start() > 0:
        return [t[:year.start()], t[year.start():]]
    return [t]


def _names_body(title: str, body: str) -> bool:
    """The title names the body, in full or by the end of its name before the year (江苏省委办公厅 for
    中共江苏省委办公厅; not 上海市普陀区 for 上海市普陀区财政局)."""
    t = match_key(title)
    year = _YEAR_AT.search(t)
    before = t[:year.start()] if year else ""
    return match_key(body) in t or (len(before) >= 4 and match_key(body).endswith(before))


def _glossary(doc: Disclosure, n: int) -> list[Block]:
    parts = [s for s in doc.sections if s.level == 1 and re.match(r"^第[一二三四五六七八九十]+部分", match_key(s.heading))]
    heading = f"第{chinese_numeral(len(parts) + 1)}部分 名词解释" if parts else "名词解释"
    blocks: list[Block] = [Heading(heading, 1, "glossary", new_page=True)]
    for k, (term, meaning) in enumerate(GLOSSARY, start=1):
        blocks.append(Paragraph(f"{chinese_numeral(k)}、{term}：{meaning}"))
    return blocks


