"""The workbook's own sheets — 三公经费, 机关运行经费, 政府采购, 国有资产, 绩效目标 — read into the draft's
Facts and into the tables the family prints of them (Shenzhen's 三公 table by year, Jiangsu's 机关运行经费
and 政府采购 tables, Shanghai's 三公 and 机关运行经费 table, the 整体支出绩效目标表)."""

from __future__ import annotations

from yusuan.model.disclosure import (
    Column,
    Disclosure,
    Indicator,
    Paragraph,
    Performance,
    Row,
    Table,
    Task,
    Value,
)
from yusuan.model.provenance import Source
from yusuan.model.targets import parse_target
from yusuan.model.text import squash
from yusuan.model.vocabulary import TABLE_KINDS
from yusuan.prepare import sheets as S
from yusuan.prepare.cells import Block, CellReader, Sheet
from yusuan.prepare.draft import Facts
from yusuan.prepare.totals import amount_text, complete, decimals_of, sum_value

_CN = ["", "一", "二", "三", "四", "五"]
_HEADERS = {m: "/".join(h) for m, h in S.THREE_PUBLIC_COLS}


class SheetFacts(CellReader):
    """Reads the sheets of fixed design; `ident` (the workbook's Identity) is read before them."""

    def year_values(self, sheet: Sheet) -> tuple[dict[str, dict[str, Value]], dict[str, str], dict]:
        """三公经费 / 机关运行经费: values by row key and measure, reasons by measure, blank cells' references."""
        block = sheet.blocks().get("main", Block("main"))
        values: dict[str, dict[str, Value]] = {}
        reasons: dict[str, str] = {}
        blank: dict[tuple[str, str], str] = {}
        for line in block.lines:
            if not line.key:
                continue
            for key, cell in line.cells.items():
                p = S.parse_key(key)
                if p is None or p[1] != S.AMOUNT:
                    continue
                if line.key == S.REASON:
                    if cell.text:
                        reasons[p[2]] = cell.text
                    continue
                v = self.amount(sheet, cell)
                if v is not None:
                    values.setdefault(line.key, {})[p[2]] = v
                else:
                    blank[(line.key, p[2])] = cell.ref
        return values, reasons, blank

    def three_public(self, facts: Facts) -> Table | None:
        sheet = self.sheets.get(S.THREE_PUBLIC)
        if sheet is None:
            return None
        unit = self.unit(sheet)
        values, reasons, blank = self.year_values(sheet)
        for key, row in values.items():
            for whole, parts in (("vehicle_total", ("vehicle_purchase", "vehicle_operation")),
                                 ("total", ("abroad", "vehicle_total", "reception"))):
                found = [row[p] for p in parts if p in row]
                if whole not in row and found and (key, whole) in blank:
                    row[whole] = sum_value(found, self.source(sheet, blank[(key, whole)]))
        facts.three_public, facts.three_public_reasons, facts.three_public_unit = values, reasons, unit
        return self._three_public_table(sheet, unit, values)

    def _three_public_table(self, sheet: Sheet, unit: str, values) -> Table | None:
        office = self.office_values.get(S.CURRENT, {}).get("office_operating") if self.office_unit == unit else None
        return three_public_table(values, style=self.style, final=self.words.final, year=self.ident.year,
                                  body=self.ident.body, unit=unit, office=office, page=sheet.page,
                                  source=self.source(sheet, "B1"), final_source=self.source(sheet, "B6"))

    def office(self, facts: Facts) -> Table | None:
        sheet = self.sheets.get(S.OFFICE)
        self.office_values, self.office_unit = {}, "万元"
        if sheet is None:
            return None
        unit = self.unit(sheet)
        values, reasons, blank = self.year_values(sheet)
        blocks = sheet.blocks()
        lines: list[Row] = []
        blank_lines: dict[tuple[int, str], str] = {}
        for line in blocks.get("lines", Block("lines")).lines:
            row = self.line_row(sheet, line, "", self.ident.body, blank_lines)
            if row is not None:
                lines.append(row)
        complete(lines, ["office_operating"],
                 lambda row, m: self.source(sheet, blank_lines[(id(row), m)]) if (id(row), m) in blank_lines else None)
        current = values.get(S.CURRENT, {})
        tops = [r.values["office_operating"] for r in lines if len(r.code) == 3 and "office_operating" in r.values]
        if "office_operating" not in current and tops and (S.CURRENT, "office_operating") in blank:
            current["office_operating"] = sum_value(tops, self.source(sheet, blank[(S.CURRENT, "office_operating")]))
            values[S.CURRENT] = current
        self.office_values, self.office_unit = values, unit
        facts.office, facts.office_reason, facts.office_unit = values, reasons.get("office_operating", ""), unit
        total = Row("合计", "合计", {"office_operating": current["office_operating"]} if "office_operating" in current
                    else {}, is_total=True, source=self.source(sheet, "B6"))
        for row in (total, *lines):  # the printed table has one amount column: `amount` (docs/model.md)
            row.values = {"amount" if m == "office_operating" else m: v for m, v in row.values.items()}
        table = Table("office_operating_costs", "", unit=unit, pages=[sheet.page], rows=[total, *lines],
                      columns=[Column("amount", "机关运行经费支出")], source=self.source(sheet, "B1"))
        table.empty = not any(v.amount for r in table.rows for v in r.values.values())
        return table

    def procurement(self, facts: Facts) -> Table | None:
        sheet = self.sheets.get(S.PROCUREMENT)
        if sheet is None:
            return None
        unit = self.unit(sheet)
        block = sheet.blocks().get("main", Block("main"))
        by_type: dict[str, list[Row]] = {t: [] for t in S.PROCUREMENT_TYPES}
        extra: dict[str, list[Value]] = {"procurement_sme": [], "procurement_small_micro": []}
        for line in block.lines:
            category = line.cells.get("|text|category")
            label = line.cells.get("|label|")
            values = {m: v for m in ("total", "procurement_sme", "procurement_small_micro")
                      if (v := self.amount(sheet, line.cells.get(f"|amount|{m}"))) is not None}
            kind = category.text if category is not None else ""
            if not kind and not values and not (label is not None and label.text):
                continue
            if kind not in S.PROCUREMENT_TYPES:
                ref = category.ref if category is not None else f"B{line.number}"
                raise self.error(sheet, ref, f"采购类别应为货物、工程或服务，而填写的是“{kind}”")
            text = label.text if label is not None else ""
            if not text:
                raise self.error(sheet, label.ref if label is not None else f"C{line.number}", "没有填写采购项目名称")
            row = Row(text, squash(text), {"total": values["total"]} if "total" in values else {}, level=2,
                      source=self.source(sheet, label.ref))
            by_type[kind].append(row)
            for m in extra:
                if m in values:
                    extra[m].append(values[m])
        rows_all = [r for rows in by_type.values() for r in rows]
        if not rows_all:
            facts.procurement_unit = unit
            return None
        span = self.source(sheet, f"D6:D{max(l.number for l in block.lines)}")
        table = Table("procurement", "", unit=unit, pages=[sheet.page], columns=[Column("amount", "金额")],
                      source=self.source(sheet, "B1"))
        totals = {}
        body: list[Row] = []
        for n, (kind, rows) in enumerate(by_type.items(), start=1):
            values = [r.values["total"] for r in rows if "total" in r.values]
            head = Row(f"{_CN[n]}、{kind}", f"{_CN[n]}、{kind}", level=1, source=span)
            if values:
                head.values["total"] = sum_value(values, span)
                totals[kind] = head.values["total"]
            body += [head, *rows]
        grand = [v for v in totals.values()]
        total = Row("合计", "合计", {"total": sum_value(grand, span)} if grand else {}, is_total=True, source=span)
        table.rows = [total, *body]
        for row in table.rows:  # the printed table has one amount column: `amount` (docs/model.md)
            row.values = {"amount" if m == "total" else m: v for m, v in row.values.items()}
        facts.procurement = totals
        facts.procurement_extra = {m: sum_value(v, span) for m, v in extra.items() if v}
        facts.procurement_unit = unit
        return table

    def assets(self, facts: Facts) -> None:
        sheet = self.sheets.get(S.ASSETS)
        if sheet is None:
            return
        cells = sheet.keyed()
        out: dict[str, object] = {}
        for f in S.ASSET_FIELDS:
            cell = cells.get(f.key)
            if f.key == "as_of":
                if cell is not None and cell.text:
                    out[f.key] = cell.text
                continue
            n = self.count(sheet, cell)
            if n is not None:
                out[f.key] = n
        if "vehicles" not in out and any(k in out for k, _ in S.VEHICLE_PARTS):
            out["vehicles"] = sum(int(out.get(k, 0)) for k, _ in S.VEHICLE_PARTS)
        facts.assets = out

    def performance(self, doc: Disclosure, facts: Facts) -> tuple[Table | None, Table | None]:
        sheet = self.sheets.get(S.PERFORMANCE)
        if sheet is None:
            return None, None
        unit = self.unit(sheet)
        blocks = sheet.blocks()
        perf = Performance(body=doc.identity.body, parent=doc.identity.parent, source=self.source(sheet, "B1"))
        rows: list[Row] = []
        total_line = None
        for line in blocks.get(S.TASKS, Block(S.TASKS)).lines:
            if line.key == S.TOTAL:
                total_line = line
                continue
            name = line.cells.get("|label|")
            values = {m: v for m in ("total", "fiscal", "other")
                      if (v := self.amount(sheet, line.cells.get(f"|amount|{m}"))) is not None}
            if name is None or not name.text:
                if values:
                    raise self.error(sheet, name.ref if name else f"B{line.number}", "这一行填了金额，但没有填写任务名称")
                continue
            content = line.cells.get("|text|content")
            src = self.source(sheet, name.ref)
            perf.tasks.append(Task(name.text, content.text if content is not None else "", values, src))
            rows.append(Row(name.text, squash(name.text), dict(values), source=src))
        if total_line is not None:
            for m in ("total", "fiscal", "other"):
                cell = total_line.cells.get(f"|amount|{m}")
                v = self.amount(sheet, cell)
                parts = [t.values[m] for t in perf.tasks if m in t.values]
                if v is None and parts and cell is not None:
                    v = sum_value(parts, self.source(sheet, cell.ref))
                if v is not None:
                    perf.total[m] = v
        for line in blocks.get(S.GOALS, Block(S.GOALS)).lines:
            cell = line.cells.get("|text|goal")
            if cell is not None and cell.text:
                perf.goals.append(Paragraph(cell.text, self.source(sheet, cell.ref)))
        level1 = level2 = ""
        for line in blocks.get(S.INDICATORS, Block(S.INDICATORS)).lines:
            get = (lambda k: line.cells[k].text if k in line.cells else "")
            level1 = get("|text|level1") or level1
            level2 = get("|text|level2") or level2
            name = get("|text|name")
            if not name and not get("|text|level2"):
                continue  # a category typed without indicators is kept: 绩效 rules flag it
            ref = line.cells["|text|name"].ref if "|text|name" in line.cells else f"D{line.number}"
            perf.indicators.append(Indicator(level1, level2, name, parse_target(get("|text|target")),
                                             self.source(sheet, ref)))
        projects = []
        for line in blocks.get(S.PROJECTS, Block(S.PROJECTS)).lines:
            name = line.cells.get("|label|")
            value = self.amount(sheet, line.cells.get("|amount|amount"))
            if name is None or not name.text:
                if value is not None:
                    raise self.error(sheet, name.ref if name else f"B{line.number}", "这一行填了金额，但没有填写项目名称")
                continue
            goal = line.cells.get("|text|goal")
            projects.append(Row(name.text, squash(name.text), {"amount": value} if value is not None else {},
                                texts={"绩效目标": goal.text} if goal is not None and goal.text else {},
                                source=self.source(sheet, name.ref)))
        facts.projects = [(r.label, r.values.get("amount")) for r in projects]
        facts.performance_unit = unit
        table = None
        if perf.tasks or perf.indicators or perf.goals:
            doc.performance = perf
            if perf.total:
                rows.append(Row("金额合计", "金额合计", dict(perf.total), is_total=True,
                                source=next(iter(perf.total.values())).source))
            table = Table("performance_targets", "", unit=unit, rows=rows, pages=[sheet.page],
                          source=self.source(sheet, "B1"))
        project_table = None
        if projects:
            narrative = self.sheets.get(S.NARRATIVE)
            where = self.source(narrative, "C1") if narrative is not None else self.source(sheet, "B1")
            project_table = Table("project_performance", TABLE_KINDS["project_performance"], unit=unit,
                                  columns=[Column("amount", "预算数")], rows=projects, pages=[sheet.page],
                                  source=where)
        return table, project_table


# ------------------------------------------------------------------------------- the “三公”经费 table

def three_public_table(values: dict[str, dict[str, Value]], *, style: str, final: bool, year: int, body: str,
                       unit: str, office: Value | None = None, page: int = 1, source: Source | None = None,
                       final_source: Source | None = None) -> Table | None:
    """The family's “三公”经费表 from the figures by row key (S.CURRENT, S.PRIOR, S.BUDGET) and measure: by
    year (Shenzhen), one line (Jiangsu, Shanghai with the 机关运行经费 `office`), 预算 / 决算 (final).
    The preparation workbook's sheet and a ledger's lines (ledger/derive.py) both print it here."""
    if not values.get(S.CURRENT) and not values.get(S.BUDGET):
        return None
    table = Table("three_public_costs", "", unit=unit, pages=[page], source=source)
    if final:
        _three_public_final(table, values, body, final_source)
    elif style == "shenzhen":
        _three_public_by_year(table, values, year)
    else:
        _three_public_line(table, values, style, body, office)
    table.empty = not any(v.amount for r in table.rows for v in r.values.values())
    return table


def _three_public_final(table: Table, values, body: str, source: Source | None) -> None:
    measures = ("total", "abroad", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception")
    row = Row(label="", item=squash(body), is_total=True, source=source)
    for m in measures:
        if m in values.get(S.BUDGET, {}):
            row.values[m] = values[S.BUDGET][m]
        if m in values.get(S.CURRENT, {}):
            row.values[m + "@final"] = values[S.CURRENT][m]
    table.columns = [Column(m + ph, f"{_HEADERS[m]}/{word}") for m in measures
                     for ph, word in (("", "预算数"), ("@final", "决算数")) if m + ph in row.values]
    table.rows = [row]


def _three_public_by_year(table: Table, values, year: int) -> None:
    """Shenzhen's rows: last year, this year, 增减变化金额 (this year's less last year's)."""
    measures = ("total", "abroad", "reception", "vehicle_total", "vehicle_purchase", "vehicle_operation")
    current, prior = values.get(S.CURRENT, {}), values.get(S.PRIOR, {})
    if prior:
        table.rows.append(Row(f"{year - 1}年", f"{year - 1}年", {m: prior[m] for m in measures if m in prior},
                              source=next(iter(prior.values())).source))
    table.rows.append(Row(f"{year}年", f"{year}年", {m: current[m] for m in measures if m in current},
                          source=next(iter(current.values())).source if current else None))
    if prior:
        change = {}
        for m in measures:
            if m in current and m in prior:
                d = current[m].amount - prior[m].amount
                decimals = max(decimals_of(current[m].text), decimals_of(prior[m].text))
                change[m] = Value(d, amount_text(d, decimals), current[m].source)
        table.rows.append(Row("增减变化金额", "增减变化金额", change, source=table.rows[-1].source))
    names = {"total": "总计", "vehicle_total": "公务用车购置及运行维护费/小计"}
    table.columns = [Column(m, names.get(m, _HEADERS[m])) for m in measures
                     if any(m in r.values for r in table.rows)]


def _three_public_line(table: Table, values, style: str, body: str, office: Value | None) -> None:
    """Jiangsu's line with 会议费 and 培训费 (合计 of all); Shanghai's with the 机关运行经费."""
    current = dict(values.get(S.CURRENT, {}))
    if style == "jiangsu":
        measures = ("grand_total", "total", "abroad", "vehicle_total", "vehicle_purchase", "vehicle_operation",
                    "reception", "meeting", "training")
        parts = [current[m] for m in ("total", "meeting", "training") if m in current]
        if parts and "total" in current:
            current["grand_total"] = sum_value(parts, current["total"].source)
    else:
        measures = ("total", "abroad", "reception", "vehicle_total", "vehicle_purchase", "vehicle_operation",
                    "office_operating")
        if office is not None:
            current["office_operating"] = office
    row = Row(label="", item=squash(body), values={m: current[m] for m in measures if m in current},
              is_total=True, source=next(iter(current.values())).source if current else None)
    table.rows = [row]
    names = {"grand_total": "合计", "office_operating": "机关运行经费"}
    table.columns = [Column(m, names.get(m, _HEADERS.get(m, m))) for m in measures if m in row.values]
