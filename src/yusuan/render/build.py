"""Disclosure + layout family → Layout: the one place that decides what a rendered disclosure prints."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from yusuan.ingest.assemble.headers import side_of
from yusuan.model.amount import parse_amount, printed_value
from yusuan.model.disclosure import Column, Disclosure, Performance, Row, Section, Table
from yusuan.model.families import DEFAULT_STYLE, Family, family, title_of
from yusuan.model.text import match_key
from yusuan.render.glossary import GLOSSARY
from yusuan.render.layout import (
    AMOUNT,
    BODY,
    CODE,
    LABEL,
    TEXT,
    Block,
    Cell,
    Heading,
    Layout,
    Paragraph,
    TableLayout,
    TocEntry,
)
from yusuan.render.widths import column_widths

EMPTY_NOTE = "注：本表本年无发生额。"
DRAFT_MARK = "（草拟）"  # printed after every paragraph yusuan drafted from the figures (Paragraph.drafted)
_SIDE_ORDER = {"income": 0, "expense": 1, "purpose": 2, "": 3}
_SIDE_WORD = {"income": ["收入"], "expense": ["支出", "功能分类"], "purpose": ["支出", "支出用途"]}
_FIRST_TEXTS = re.compile(r"^(序号|编号|栏次|行次)$")


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
    title = _cover_title(doc)
    toc = _toc(blocks, doc)
    for block in blocks:
        if isinstance(block, TableLayout):
            block.widths = column_widths(block)
    return Layout(style=style, title=title, cover=_cover_lines(doc), toc=toc, blocks=blocks)


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
        blocks.insert(at, _placeholder(spec.kind, fam.number_text(position), title_of(spec, doc), doc))
        present.add(spec.kind)


# ---------------------------------------------------------------- cover, contents, glossary


def _cover_title(doc: Disclosure) -> str:
    if doc.title:
        return doc.title
    i = doc.identity
    level = "单位" if i.level == "unit" else "部门"
    kind = "决算" if i.kind == "final_accounts" else "预算"
    return f"{i.year or ''}年{'度' if i.year else ''}{i.body}{level}{kind}".lstrip("年度")


def _cover_lines(doc: Disclosure) -> list[str]:
    return []


def _toc(blocks: list[Block], doc: Disclosure) -> list[TocEntry]:
    """The contents as the body printed them (its own words), each entry pointing at the part or
    table it names; then any printed table the contents do not name. Without printed contents:
    the headings of parts and chapters, then every table. The page numbers come from the layout."""
    if not doc.contents:
        toc = []
        for b in blocks:
            if isinstance(b, Heading) and b.level <= 2:
                toc.append(TocEntry(b.text, b.anchor, b.level))
            elif isinstance(b, TableLayout) and b.captioned:
                toc.append(TocEntry(b.caption, b.anchor, 3))
        return toc
    toc = []
    used: set[str] = set()
    for entry in _unwrapped(doc.contents, blocks):
        target = _entry_target(entry, blocks, used)
        level = 1 if re.match(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)", match_key(entry)) else 2
        if target is not None:
            used.add(target.anchor)
            if isinstance(target, TableLayout):
                level = 3
        toc.append(TocEntry(entry, target.anchor if target is not None else "", level))
    for b in blocks:
        if isinstance(b, TableLayout) and b.captioned and b.anchor not in used:
            toc.append(TocEntry(b.caption, b.anchor, 3))
    return toc


_PART_NO = re.compile(r"^第[一二三四五六七八九十]+部分")
_QUALIFIER = re.compile(r"[（(][^（()）]*[)）]$")  # 财政拨款支出预算表（功能科目）
_STRONG = 5  # a score of `_match` naming the very words of a heading or title
_SUFFIX = 6  # the fewest characters two titles must end alike in to be taken for one another


def _unwrapped(contents: list[str], blocks: list[Block]) -> list[str]:
    """The contents entries with an entry wrapped onto a second printed line joined again: a short
    fragment without an ordinal (表, 说明) that completes the entry before it into a heading or title."""
    from yusuan.ingest.assemble.sections import toc_core

    out: list[str] = []
    for entry in contents:
        fragment = match_key(entry)
        if (out and len(fragment) <= 4 and toc_core(entry) == fragment
                and _best(out[-1] + entry.strip(), blocks, set())[0] >= _STRONG > _best(out[-1], blocks, set())[0]):
            out[-1] += entry.strip()
        else:
            out.append(entry)
    return out


def _entry_target(entry: str, blocks: list[Block], used: set[str]) -> Heading | TableLayout | None:
    """The heading or captioned table a contents entry names best (the first of equals), not yet taken."""
    score, target = _best(entry, blocks, used)
    return target if score > 0 else None


def _best(entry: str, blocks: list[Block], used: set[str]) -> tuple[int, Heading | TableLayout | None]:
    best: tuple[int, Heading | TableLayout | None] = (0, None)
    for b in blocks:
        if isinstance(b, TableLayout) and b.captioned and b.title:
            texts = [b.title_line, b.title]
        elif isinstance(b, Heading):
            texts = [b.text]
        else:
            continue
        if b.anchor in used:
            continue
        score = max(_match(entry, t, heading=isinstance(b, Heading)) for t in texts)
        if score > best[0]:
            best = (score, b)
    return best


def _match(entry: str, text: str, heading: bool) -> int:
    """How surely a contents entry names a printed heading or title: 6 the same words, 5 the same
    after ordinals, year and 部门 / 单位, 4 but for a remark in brackets, 3 the same part (第二部分),
    2 one ending with the other, 1 the same last six characters or more; 0 not at all."""
    from yusuan.ingest.assemble.sections import toc_core, with_remark

    e, t = match_key(entry), match_key(text)
    ce, ct = toc_core(entry), toc_core(text)
    if len(ce) < 2:
        return 0  # 表, 说明: a fragment names nothing
    if e == t:
        return 6
    if ce == ct:
        return 5
    qe, qt = _QUALIFIER.sub("", ce), _QUALIFIER.sub("", ct)
    if with_remark(text, entry) or qt == ce or qe == ct:
        return 4
    part = _PART_NO.match(e)
    if heading and part and t.startswith(part.group(0)):
        return 3
    ce, ct = qe, qt
    shorter = min(len(ce), len(ct))
    if shorter >= 4 and (ce.endswith(ct) or ct.endswith(ce)):
        return 2
    common = len(os.path.commonprefix([ce[::-1], ct[::-1]]))
    return 1 if common >= _SUFFIX and 2 * common >= shorter else 0


def _glossary(doc: Disclosure, n: int) -> list[Block]:
    parts = [s for s in doc.sections if s.level == 1 and re.match(r"^第[一二三四五六七八九十]+部分", match_key(s.heading))]
    heading = f"第{_CN[len(parts) + 1]}部分 名词解释" if parts and len(parts) + 1 < len(_CN) else "名词解释"
    blocks: list[Block] = [Heading(heading, 1, "glossary", new_page=True)]
    for k, (term, meaning) in enumerate(GLOSSARY, start=1):
        blocks.append(Paragraph(f"{_CN[k]}、{term}：{meaning}"))
    return blocks


_CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
       "十六", "十七", "十八", "十九", "二十"]


# ---------------------------------------------------------------- tables


def amount_text(text: str) -> str:
    """A printed amount with thousands separators and its printed decimals: 15897.44 → 15,897.44."""
    t = printed_value(text)
    sign = "-" if t.startswith("-") else ""
    whole, dot, frac = t.lstrip("-").partition(".")
    return f"{sign}{int(whole or '0'):,}{dot}{frac}"


def display_header(text: str) -> str:
    """A normalised header back in print form: (万元) → （万元）, "三公" → “三公”."""
    text = re.sub(r"\(([^()]*)\)", r"（\1）", text)
    return re.sub(r'"([^"]*)"', r"“\1”", text)


def _caption(table: Table, kind: str, doc: Disclosure, fam: Family, keep: bool) -> tuple[str, str]:
    if keep:
        return table.number_text, table.title
    position = fam.position(kind)
    if position:
        spec = fam.tables[position - 1]
        return fam.number_text(position), title_of(spec, doc)
    return "", table.title


def table_layout(table: Table, doc: Disclosure, fam: Family, keep: bool = True) -> TableLayout:
    number_text, title = _caption(table, table.kind, doc, fam, keep)
    anchor = f"t{id(table)}"
    captioned = bool(number_text or title) and not (not table.number and table.kind == "project_performance")
    if table.kind == "performance_targets":
        layout = _performance_layout(doc.performance, table, doc)
    else:
        layout = _grid_layout(table, doc.identity.year)
    layout.anchor, layout.kind, layout.number_text, layout.title = anchor, table.kind, number_text, title
    layout.body = doc.identity.body if captioned else ""
    layout.unit = table.unit
    layout.notes = list(table.notes)
    layout.captioned = captioned
    layout.new_page = captioned
    if table.empty and not table.notes and not any(c.amount is not None for r in layout.rows for c in r if c):
        layout.notes.append(EMPTY_NOTE)
    return layout


@dataclass(slots=True)
class _Col:
    role: str
    path: list[str]
    side: str = ""
    measure: str = ""
    key: str = ""  # TEXT: the row.texts key


def _columns_of(table: Table) -> list[Column]:
    if table.columns:
        return table.columns
    seen: dict[tuple[str, str], Column] = {}
    for row in table.rows:
        for measure in row.values:
            seen.setdefault((measure, row.side), Column(measure, measure, row.side))
    return list(seen.values())


def _sides(columns: list[Column]) -> list[str]:
    sides = sorted({c.side for c in columns}, key=lambda s: _SIDE_ORDER.get(s, 9))
    return sides if len(set(sides) - {""}) > 1 else []


def _grid_layout(table: Table, year: int | None) -> TableLayout:
    columns = _columns_of(table)
    sides = _sides(columns)
    if sides:
        segments = [_side_columns(side, [c for c in columns if c.side == side]) for side in sides]
        cols = [c for seg in segments for c in seg]
        body = _sided_rows(table, segments, sides)
    else:
        cols = _plain_columns(table, columns)
        body = [_row_cells(row, cols) for row in table.rows]
    header = _header_grid([c.path for c in cols])
    layout = TableLayout(
        anchor="", kind=table.kind, number_text="", title="", body="", unit=table.unit,
        roles=[c.role for c in cols], header=header, rows=body,
    )
    _add_sums(layout, table, cols, sides)
    return layout


def _side_columns(side: str, columns: list[Column]) -> list[_Col]:
    paths = [c.header.split("/") for c in columns]
    prefix = paths[0][:-1] if paths and len(paths[0]) > 1 else []
    if side_of([*prefix, "项目"]) != side:  # the label column decides the side when read back
        prefix = _SIDE_WORD.get(side, [])
    label = _Col(LABEL, [*prefix, "项目"], side)
    return [label, *(_Col(AMOUNT, p, side, c.measure) for p, c in zip(paths, columns))]


def _plain_columns(table: Table, columns: list[Column]) -> list[_Col]:
    rows = table.rows
    coded = any(r.code for r in rows)
    named = any(not r.label.strip() and r.item and r.values for r in rows)
    labelled = any(r.label.strip() for r in rows) or not named
    text_keys: list[str] = []
    for r in rows:
        for k in r.texts:
            if k not in text_keys:
                text_keys.append(k)
    first_texts = [k for k in text_keys if _FIRST_TEXTS.match(match_key(k))]
    cols: list[_Col] = [_Col(TEXT, [k], key=k) for k in first_texts]
    if named:
        cols.append(_Col(BODY, ["预算单位"]))
    if coded:
        cols.append(_Col(CODE, ["科目编码"]))
    if labelled:
        cols.append(_Col(LABEL, ["科目名称" if coded else "项目"]))
    cols.extend(_Col(AMOUNT, c.header.split("/") if c.header else [c.measure], c.side, c.measure) for c in columns)
    cols.extend(_Col(TEXT, [k], key=k) for k in text_keys if k not in first_texts)
    return cols


def _amount_cell(row: Row, measure: str) -> Cell:
    value = row.values.get(measure)
    if value is None:
        return Cell("", AMOUNT)
    shown = amount_text(value.text)
    decimals = len(shown.partition(".")[2])
    return Cell(shown, AMOUNT, amount=parse_amount(value.text), decimals=decimals, bold=row.is_total)


def _label_cell(row: Row) -> Cell:
    indent = max(0, row.level - 1) if not row.is_total else 0
    return Cell(row.label.strip(), LABEL, indent=indent, bold=row.is_total or row.level == 1 and bool(row.code))


def _row_cells(row: Row, cols: list[_Col]) -> list[Cell | None]:
    out: list[Cell | None] = []
    for c in cols:
        if c.role == AMOUNT:
            out.append(_amount_cell(row, c.measure))
        elif c.role == LABEL:
            out.append(_label_cell(row))
        elif c.role == CODE:
            out.append(Cell(row.code, CODE))
        elif c.role == BODY:
            out.append(Cell(row.item if not row.label.strip() else "", BODY, bold=row.is_total))
        else:
            out.append(Cell(row.texts.get(c.key, ""), TEXT))
    return out


def _sided_rows(table: Table, segments: list[list[_Col]], sides: list[str]) -> list[list[Cell | None]]:
    """Rows of a 收支总表: the sides' rows side by side, read across in the order the model keeps."""
    lines: list[list[Row | None]] = []
    for row in table.rows:
        i = sides.index(row.side) if row.side in sides else 0
        if not lines or any(x is not None for x in lines[-1][i:]):  # reading across must keep the order
            lines.append([None] * len(sides))
        lines[-1][i] = row
    out = []
    for line in lines:
        cells: list[Cell | None] = []
        for row, seg in zip(line, segments):
            if row is None:
                cells.extend(Cell("", c.role) for c in seg)
            else:
                cells.extend(_row_cells(row, seg))
        out.append(cells)
    return out


def _header_grid(paths: list[list[str]]) -> list[list[Cell | None]]:
    """Multi-level header rows: a group spans the columns under it, a leaf spans down to the last row."""
    paths = [p or [""] for p in paths]
    depth = max((len(p) for p in paths), default=1)
    width = len(paths)
    grid: list[list[Cell | None]] = [[None] * width for _ in range(depth)]
    for level in range(depth):
        c = 0
        while c < width:
            p = paths[c]
            if level >= len(p):
                c += 1
                continue
            if level == len(p) - 1:
                grid[level][c] = Cell(display_header(p[level]), "header", rowspan=depth - level)
                c += 1
                continue
            e = c + 1
            while e < width and len(paths[e]) > level + 1 and paths[e][:level + 1] == p[:level + 1]:
                e += 1
            grid[level][c] = Cell(display_header(p[level]), "header", colspan=e - c)
            c = e
    return grid


def _add_sums(layout: TableLayout, table: Table, cols: list[_Col], sides: list[str]) -> None:
    """Mark cells that are exactly the sum of the cells of their children (by code) for formulas."""
    if sides:
        return
    rows = table.rows
    for c, col in enumerate(cols):
        if col.role != AMOUNT:
            continue
        for r, row in enumerate(rows):
            if not row.code:
                continue
            children = []
            for k in range(r + 1, len(rows)):
                code = rows[k].code
                if not code.startswith(row.code) or code == row.code:
                    break
                if len(code) == len(row.code) + 2:
                    children.append(k)
            _mark(layout, r, c, children)
        totals = [r for r, row in enumerate(rows) if row.is_total and not row.code]
        tops = [k for k, row in enumerate(rows) if row.code and len(row.code) == 3]
        if len(totals) == 1 and tops:
            _mark(layout, totals[0], c, tops)


def _mark(layout: TableLayout, r: int, c: int, children: list[int]) -> None:
    cell = layout.rows[r][c]
    if not children or cell is None or cell.amount is None:
        return
    parts = [layout.rows[k][c] for k in children]
    if any(p is None or p.amount is None for p in parts):
        return
    if sum((p.amount for p in parts), Decimal(0)) == cell.amount:
        cell.sum_of = tuple(children)


# ---------------------------------------------------------------- placeholders

_FUNCTION3 = ["合计", "基本支出", "项目支出"]
_DEFAULT_COLUMNS: dict[str, tuple[bool, list[str]]] = {
    "income_summary": (True, ["合计", "一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款", "财政专户管理资金", "单位资金"]),
    "expense_summary": (True, _FUNCTION3),
    "basic_expense_summary": (True, ["合计", "人员经费", "公用经费"]),
    "project_expense_summary": (True, ["项目支出"]),
    "appropriation_expense": (True, _FUNCTION3),
    "appropriation_basic_by_economic": (True, ["合计", "人员经费", "公用经费"]),
    "general_budget_by_function": (True, _FUNCTION3),
    "general_budget_by_economic": (True, _FUNCTION3),
    "three_public_costs": (False, ["合计", "因公出国（境）费", "公务接待费", "公务用车购置及运行维护费/小计",
                                   "公务用车购置及运行维护费/公务用车购置费", "公务用车购置及运行维护费/公务用车运行维护费"]),
    "gov_fund_expense": (True, _FUNCTION3),
    "soe_capital_expense": (True, _FUNCTION3),
    "office_operating_costs": (True, ["机关运行经费支出"]),
    "procurement": (False, ["金额"]),
}


def _placeholder(kind: str, number_text: str, title: str, doc: Disclosure) -> TableLayout:
    final = doc.identity.kind == "final_accounts"
    amount = "决算数" if final else "预算数"
    if kind == "performance_targets":
        layout = _performance_layout(Performance(body=doc.identity.body, parent=doc.identity.parent), None, doc)
    else:
        if kind in ("income_expense_summary", "appropriation_summary"):
            paths = [["收入", "项目"], ["收入", amount], ["支出", "项目"], ["支出", amount]]
            roles = [LABEL, AMOUNT, LABEL, AMOUNT]
        else:
            coded, heads = _DEFAULT_COLUMNS.get(kind, (False, ["金额"]))
            paths = ([["科目编码"], ["科目名称"]] if coded else [["项目"]]) + [h.split("/") for h in heads]
            roles = ([CODE, LABEL] if coded else [LABEL]) + [AMOUNT] * len(heads)
        layout = TableLayout(anchor="", kind=kind, number_text="", title="", body="", unit="", roles=roles,
                             header=_header_grid(paths), rows=[])
    unit = next((t.unit for t in doc.tables if t.unit), "万元")
    layout.anchor, layout.kind, layout.number_text, layout.title = f"p-{kind}", kind, number_text, title
    layout.body, layout.unit, layout.placeholder = doc.identity.body, unit, True
    layout.notes = [EMPTY_NOTE]
    return layout


# ---------------------------------------------------------------- 整体支出绩效目标表


def _performance_layout(perf: Performance | None, table: Table | None, doc: Disclosure) -> TableLayout:
    """The 整体支出绩效目标表 as Shenzhen prints it: identity, tasks with amounts, goals, indicators."""
    perf = perf or Performance()
    W = 5
    roles = [LABEL, TEXT, AMOUNT, AMOUNT, AMOUNT]
    rows: list[list[Cell | None]] = []

    def text(t: str, span: int = 1, bold: bool = False) -> Cell:
        return Cell(t, TEXT, colspan=span, bold=bold)

    rows.append([text("单位名称", bold=True), text(perf.body or doc.identity.body, 2), None,
                 text("主管部门", bold=True), text(perf.parent or doc.identity.parent)])
    rows.append([Cell("任务名称", TEXT, rowspan=2, bold=True), Cell("主要内容", TEXT, rowspan=2, bold=True),
                 text("预算金额（万元）", 3, True), None, None])
    rows.append([None, None, text("总额", bold=True), text("其中：财政拨款", bold=True), text("其中：其他资金", bold=True)])
    task_rows = table.rows if table is not None else []
    for row in task_rows:
        task = next((t for t in perf.tasks if t.name == row.label), None)
        total = row.is_total
        first = Cell(row.label, LABEL, bold=total, colspan=2 if total else 1)
        cells: list[Cell | None] = [first, None if total else text(task.content if task else "")]
        cells += [_amount_cell(row, m) for m in ("total", "fiscal", "other")]
        rows.append(cells)
    goals = "\n".join(p.text for p in perf.goals)
    rows.append([text("年度总体目标", bold=True), text(goals, 4), None, None, None])
    indicators = perf.indicators
    n = len(indicators)
    rows.append([Cell("年度绩效指标", TEXT, rowspan=n + 1, bold=True), text("一级指标", bold=True),
                 text("二级指标", bold=True), text("三级指标", bold=True), text("目标值", bold=True)])
    for k, ind in enumerate(indicators):
        first1 = k == 0 or indicators[k - 1].level1 != ind.level1
        first2 = first1 or indicators[k - 1].level2 != ind.level2
        span1 = _run(indicators, k, lambda i: i.level1) if first1 else 0
        span2 = _run(indicators, k, lambda i: (i.level1, i.level2)) if first2 else 0
        rows.append([
            None,
            Cell(ind.level1, TEXT, rowspan=span1) if first1 else None,
            Cell(ind.level2, TEXT, rowspan=span2) if first2 else None,
            text(ind.name), text(ind.target.text),
        ])
    return TableLayout(anchor="", kind="performance_targets", number_text="", title="", body="", unit="万元",
                       roles=roles, header=[], rows=rows)


def _run(items: list, k: int, key) -> int:
    n = 1
    while k + n < len(items) and key(items[k + n]) == key(items[k]):
        n += 1
    return n
