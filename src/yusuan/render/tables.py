"""A table of the disclosure as it prints: columns and header rows, sides, amounts with their printed
decimals, sums marked for the XLSX; the empty placeholder of a table the set requires; the 整体支出绩效目标表."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from yusuan.ingest.assemble.headers import side_of
from yusuan.model.amount import parse_amount, printed_value
from yusuan.model.disclosure import Column, Disclosure, Performance, Row, Table
from yusuan.model.families import Family, title_of
from yusuan.model.text import match_key
from yusuan.render.layout import (
    AMOUNT,
    BODY,
    CODE,
    LABEL,
    TEXT,
    Cell,
    TableLayout,
)

EMPTY_NOTE = "注：本表本年无发生额。"
_SIDE_ORDER = {"income": 0, "expense": 1, "purpose": 2, "": 3}
_SIDE_WORD = {"income": ["收入"], "expense": ["支出", "功能分类"], "purpose": ["支出", "支出用途"]}
_FIRST_TEXTS = re.compile(r"^(序号|编号|栏次|行次)$")


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
    anchor = f"t{next((n for n, t in enumerate(doc.tables, 1) if t is table), 0)}"  # the same on every run
    captioned = bool(number_text or title) and not (not table.number and table.kind == "project_performance")
    if table.kind == "performance_targets":
        layout = performance_layout(doc.performance, table, doc)
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
    header = header_grid([c.path for c in cols])
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


def header_grid(paths: list[list[str]]) -> list[list[Cell | None]]:
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


def placeholder(kind: str, number_text: str, title: str, doc: Disclosure) -> TableLayout:
    final = doc.identity.kind == "final_accounts"
    amount = "决算数" if final else "预算数"
    if kind == "performance_targets":
        layout = performance_layout(Performance(body=doc.identity.body, parent=doc.identity.parent), None, doc)
    else:
        if kind in ("income_expense_summary", "appropriation_summary"):
            paths = [["收入", "项目"], ["收入", amount], ["支出", "项目"], ["支出", amount]]
            roles = [LABEL, AMOUNT, LABEL, AMOUNT]
        else:
            coded, heads = _DEFAULT_COLUMNS.get(kind, (False, ["金额"]))
            paths = ([["科目编码"], ["科目名称"]] if coded else [["项目"]]) + [h.split("/") for h in heads]
            roles = ([CODE, LABEL] if coded else [LABEL]) + [AMOUNT] * len(heads)
        layout = TableLayout(anchor="", kind=kind, number_text="", title="", body="", unit="", roles=roles,
                             header=header_grid(paths), rows=[])
    unit = next((t.unit for t in doc.tables if t.unit), "万元")
    layout.anchor, layout.kind, layout.number_text, layout.title = f"p-{kind}", kind, number_text, title
    layout.body, layout.unit, layout.placeholder = doc.identity.body, unit, True
    layout.notes = [EMPTY_NOTE]
    return layout


# ---------------------------------------------------------------- 整体支出绩效目标表


def performance_layout(perf: Performance | None, table: Table | None, doc: Disclosure) -> TableLayout:
    """The 整体支出绩效目标表 as Shenzhen prints it: identity, tasks with amounts, goals, indicators.

    Its parts share seven columns, each sized for what it holds in every part: the label column; 一级,
    二级 and 三级指标, which the task's 主要内容 spans; three amount columns, which the 目标值 spans. (With
    five columns, 一级指标 sat in the width of the 主要内容 and the 三级指标 in that of an amount.)"""
    perf = perf or Performance()
    roles = [LABEL, TEXT, TEXT, TEXT, AMOUNT, AMOUNT, AMOUNT]
    rows: list[list[Cell | None]] = []

    def text(t: str, span: int = 1, bold: bool = False) -> Cell:
        return Cell(t, TEXT, colspan=span, bold=bold)

    def spanned(cell: Cell) -> list[Cell | None]:
        return [cell, *[None] * (cell.colspan - 1)]

    rows.append([text("单位名称", bold=True), *spanned(text(perf.body or doc.identity.body, 3)),
                 text("主管部门", bold=True), *spanned(text(perf.parent or doc.identity.parent, 2))])
    rows.append([Cell("任务名称", TEXT, rowspan=2, bold=True), *spanned(Cell("主要内容", TEXT, colspan=3, rowspan=2, bold=True)),
                 *spanned(text("预算金额（万元）", 3, True))])
    rows.append([None, None, None, None, text("总额", bold=True), text("其中：财政拨款", bold=True),
                 text("其中：其他资金", bold=True)])
    task_rows = table.rows if table is not None else []
    for row in task_rows:
        task = next((t for t in perf.tasks if t.name == row.label), None)
        if row.is_total:
            cells: list[Cell | None] = spanned(Cell(row.label, LABEL, bold=True, colspan=4))
        else:
            cells = [Cell(row.label, LABEL), *spanned(text(task.content if task else "", 3))]
        cells += [_amount_cell(row, m) for m in ("total", "fiscal", "other")]
        rows.append(cells)
    goals = "\n".join(p.text for p in perf.goals)
    rows.append([text("年度总体目标", bold=True), *spanned(text(goals, 6))])
    indicators = perf.indicators
    n = len(indicators)
    rows.append([Cell("年度绩效指标", TEXT, rowspan=n + 1, bold=True), text("一级指标", bold=True),
                 text("二级指标", bold=True), text("三级指标", bold=True), *spanned(text("目标值", 3, True))])
    for k, ind in enumerate(indicators):
        first1 = k == 0 or indicators[k - 1].level1 != ind.level1
        first2 = first1 or indicators[k - 1].level2 != ind.level2
        span1 = _run(indicators, k, lambda i: i.level1) if first1 else 0
        span2 = _run(indicators, k, lambda i: (i.level1, i.level2)) if first2 else 0
        rows.append([
            None,
            Cell(ind.level1, TEXT, rowspan=span1) if first1 else None,
            Cell(ind.level2, TEXT, rowspan=span2) if first2 else None,
            text(ind.name), *spanned(text(ind.target.text, 3)),
        ])
    return TableLayout(anchor="", kind="performance_targets", number_text="", title="", body="", unit="万元",
                       roles=roles, header=[], rows=rows)


def _run(items: list, k: int, key) -> int:
    n = 1
    while k + n < len(items) and key(items[k + n]) == key(items[k]):
        n += 1
    return n
