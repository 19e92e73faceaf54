"""The figures of a Disclosure laid out as the lines of the preparation workbook (`template.py`).

A published disclosure read by yusuan becomes a filled workbook: its identity, every table line under
the sheet's columns, the “三公”经费 by year, the 机关运行经费, the 政府采购 lines and the 绩效目标. The narrative
is not carried over: the parts of the text do not map one to one onto the workbook's parts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from yusuan.model.disclosure import Disclosure, Row, Table
from yusuan.model.vocabulary import DOCUMENT_KINDS
from yusuan.prepare import sheets as S

Line = dict[str, str]  # column key -> value as printed (amounts keep their decimals: "6,623", "12.50")


@dataclass(slots=True)
class TableLines:
    unit: str = "万元"
    notes: list[str] = field(default_factory=list)
    rows: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class YearLines:
    """三公经费 / 机关运行经费: measure values by row key (current, budget, prior), reasons by measure."""

    unit: str = "万元"
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)  # 机关运行经费 by economic classification


@dataclass(slots=True)
class ProcurementLines:
    unit: str = "万元"
    rows: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class PerformanceLines:
    unit: str = "万元"
    blocks: dict[str, list[Line]] = field(default_factory=dict)
    total: dict[str, str] = field(default_factory=dict)  # the tasks' 金额合计 as printed


@dataclass(slots=True)
class Lines:
    identity: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # narrative parts by key
    tables: dict[str, TableLines] = field(default_factory=dict)  # by table kind
    three_public: YearLines = field(default_factory=YearLines)
    office: YearLines = field(default_factory=YearLines)
    procurement: ProcurementLines = field(default_factory=ProcurementLines)
    assets: dict[str, str] = field(default_factory=dict)
    performance: PerformanceLines = field(default_factory=PerformanceLines)
    decimals: int = 2  # of the amounts typed in blank cells (a filled workbook: as its tables print)


class SourceMismatch(ValueError):
    """A publication that cannot fill the workbook asked for (another kind, or not this year or the last)."""


def lines_for(doc: Disclosure, style: str, year: int, kind: str, name: str = "") -> Lines:
    """`lines_from` a publication chosen to fill the `year` workbook of `kind`, checked to fit it."""
    words = DOCUMENT_KINDS
    name = name or doc.identity.body or "该文件"
    if doc.identity.kind != kind:
        raise SourceMismatch(f"{name} 是{words[doc.identity.kind]}，而要生成的是{words[kind]}工作簿")
    if doc.identity.year not in (year, year - 1):
        raise SourceMismatch(f"{name} 是 {doc.identity.year} 年的，只能用本年（{year}）或上年（{year - 1}）"
                             f"的公开文件填写 {year} 年的工作簿")
    return lines_from(doc, style, year)


def lines_from(doc: Disclosure, style: str, year: int | None = None) -> Lines:
    """The workbook lines that print `doc`'s figures in `style` (the family whose sheets they fill).

    For the year after `doc`'s (`year`), its figures become last year's: they fill the 上年 columns and
    rows, and its lines (codes, names, tasks, indicators) are kept to start from, without amounts.
    """
    i = doc.identity
    year = year or i.year or 0
    prior = bool(i.year) and year == i.year + 1
    words = S.Words(i.kind)
    out = Lines(identity={
        "body": i.body, "parent": i.parent, "year": str(year) if year else "", "kind": words.w,
        "level": S.LEVELS.get(i.level, "部门"), "body_type": i.body_type,
    })
    plan = S.plan(year or 2000, style, i.kind)
    columns = {spec.kind: spec.columns for spec in plan.sheets if spec.key.startswith(S.TABLE)}
    target = _to_prior(words) if prior else (lambda measure: measure)
    for table in doc.tables:
        if table.kind in columns and table.kind not in out.tables:
            out.tables[table.kind] = _table_lines(table, columns[table.kind], i.body, target)
        elif table.kind == "three_public_costs":
            _three_public(out, table, i.year or 0, prior)
        elif table.kind == "office_operating_costs":
            _office(out, table, prior)
        elif table.kind == "procurement" and not prior:
            _procurement(out, table)
        elif table.kind == "project_performance":
            out.performance.blocks[S.PROJECTS] = [
                {"|label|": r.label.strip() or r.item, "|text|goal": next(iter(r.texts.values()), ""),
                 **({"|amount|amount": r.values["amount"].text} if "amount" in r.values and not prior else {})}
                for r in table.rows if not r.is_total]
        elif table.kind == "performance_targets":
            out.performance.unit = table.unit or "万元"
    _performance(out, doc, prior)
    printed = Counter(len(v.text.partition(".")[2]) for t in doc.tables for _, _, v in t.cells())
    if printed:
        out.decimals = printed.most_common(1)[0][0]
    return out


def _to_prior(words: S.Words):
    """This year's measure of the publication -> the workbook's 上年 measure ('' for any other)."""
    def target(measure: str) -> str:
        base, _, phase = measure.partition("@")
        return base + words.prior_phase if "@" + phase == (words.phase or "@") else ""
    return target


def _table_lines(table: Table, cols: tuple[S.Col, ...], body: str, target) -> TableLines:
    keys = {c.key for c in cols}
    by_side: dict[str, list[Line]] = {}
    tails: dict[str, list[Line]] = {}  # the total lines of a side and those after them
    sides = {c.side for c in cols}
    for row in table.rows:
        side = row.side if row.side in sides else ""
        line: Line = {}
        label = row.label.strip() or (row.item if row.is_total and not row.code else "")
        line[f"{side}|{S.LABEL}|"] = label or body
        if row.code:
            for scheme in (S.FUNCTION, S.ECONOMIC):
                if f"{side}|{S.CODE}|{scheme}" in keys:
                    line[f"{side}|{S.CODE}|{scheme}"] = row.code
        for measure, value in row.values.items():
            key = f"{side}|{S.AMOUNT}|{target(measure)}"
            if key in keys:
                line[key] = value.text
        sided = len(sides) > 1 and (row.is_total or side in tails)
        (tails if sided else by_side).setdefault(side, []).append(line)
    depth = max((len(v) for v in by_side.values()), default=0)
    rows: list[Line] = [{} for _ in range(depth + max((len(v) for v in tails.values()), default=0))]
    for lines in by_side.values():
        for n, line in enumerate(lines):
            rows[n].update(line)
    for lines in tails.values():  # the totals of every side on the same rows, under the longest side
        for n, line in enumerate(lines):
            rows[depth + n].update(line)
    return TableLines(table.unit or "万元", list(table.notes), rows)


def _three_public(out: Lines, table: Table, year: int, prior: bool) -> None:
    out.three_public.unit = table.unit or "万元"
    measures = {m for m, _ in S.THREE_PUBLIC_COLS}
    # a 决算's table prints this year's budget (no phase) beside the final figures (@final)
    final = any(m.endswith("@final") for r in table.rows for m in r.values)
    for row in table.rows:
        years = re.findall(r"(\d{4})年", row.item)
        if years:
            key = S.CURRENT if int(years[0]) == year else S.PRIOR if int(years[0]) == year - 1 else ""
        else:
            key = "" if "增减" in row.item or "变化" in row.item else S.CURRENT
        if prior:  # last year's publication: its figures of its year are this workbook's 上年
            key = S.PRIOR if key == S.CURRENT else ""
        if not key:
            continue
        for measure, v in row.values.items():
            base, _, phase = measure.partition("@")
            if base in measures and phase in ("", "final"):
                target = key if phase == "final" or not final else S.BUDGET if key == S.CURRENT else ""
                if target:
                    out.three_public.values.setdefault(target, {})[base] = v.text
            elif base == "office_operating":
                out.office.values.setdefault(key, {})["office_operating"] = v.text
                out.office.unit = table.unit or "万元"


def _office(out: Lines, table: Table, prior: bool) -> None:
    out.office.unit = table.unit or "万元"
    for row in table.rows:
        value = next(iter(row.values.values()), None)
        if row.is_total and value is not None:
            out.office.values.setdefault(S.PRIOR if prior else S.CURRENT, {})["office_operating"] = value.text
        elif row.code:
            out.office.lines.append({f"|{S.CODE}|{S.ECONOMIC}": row.code, f"|{S.LABEL}|": row.label,
                                     **({"|amount|office_operating": value.text} if value and not prior else {})})


def _procurement(out: Lines, table: Table) -> None:
    out.procurement.unit = table.unit or "万元"
    rows = table.rows
    category = ""
    for n, row in enumerate(rows):
        found = next((t for t in S.PROCUREMENT_TYPES if t in row.item), "") if row.level <= 1 else ""
        if row.level == 1 and found:
            category = found
            continue
        deeper = n + 1 < len(rows) and rows[n + 1].level > row.level
        if row.is_total or deeper or not category:
            continue
        value = row.values.get("total") or row.values.get("amount")
        out.procurement.rows.append({"|text|category": category, "|label|": _leaf_label(row),
                                     "|amount|total": value.text if value else ""})


def _leaf_label(row: Row) -> str:
    return row.label.strip() or row.item


def _performance(out: Lines, doc: Disclosure, prior: bool) -> None:
    perf = doc.performance
    if perf is None:
        return
    out.performance.blocks[S.TASKS] = [
        {"|label|": t.name, "|text|content": t.content,
         **{f"|amount|{m}": t.values[m].text for m in ("total", "fiscal", "other") if m in t.values and not prior}}
        for t in perf.tasks]
    if not prior:
        out.performance.total = {m: v.text for m, v in perf.total.items()}
    out.performance.blocks[S.GOALS] = [{"|text|goal": p.text} for p in perf.goals]
    out.performance.blocks[S.INDICATORS] = [
        {"|text|level1": ind.level1, "|text|level2": ind.level2, "|text|name": ind.name,
         "|text|target": ind.target.text} for ind in perf.indicators]
