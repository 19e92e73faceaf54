"""The tables of a synthetic disclosure, in the shapes the preparation workbook gives them (`prepare`):
the columns of each table of the family's set (`prepare.sheets.table_columns`), the lines of the summaries
(`prepare.sheets.standard_lines`), the “三公”经费表 (`prepare.facts.three_public_table`); classification
codes and names from the catalog of the year.

Every printed value gets a Source in the generated document: its file, the table's position as the page
and the cell (column letter, row number) it stands in, as the preparation workbook would give it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from openpyxl.utils import get_column_letter

from yusuan.catalog.store import Catalog
from yusuan.catalog.store import load as load_catalog
from yusuan.ingest.assemble.rows import TOTAL_LABELS, level_of
from yusuan.model.disclosure import Column, Identity, Indicator, Paragraph, Performance, Row, Table, Task, Value
from yusuan.model.families import Family, family, title_of
from yusuan.model.provenance import Source
from yusuan.model.targets import parse_target
from yusuan.model.text import chinese_numeral, match_key, squash
from yusuan.model.vocabulary import TABLE_KINDS, split_measure
from yusuan.prepare import sheets as S
from yusuan.prepare.facts import three_public_table
from yusuan.prepare.totals import amount_text
from yusuan.prepare.workbook import interleave
from yusuan.render.tables import EMPTY_NOTE
from yusuan.synth.figures import PROCUREMENT_ITEMS, Figures, Leaf, Year

# the scope of a function-coded table: all funds, or the general budget (财政拨款 here: no other fiscal funds)
_ALL_FUNDS = {"income_expense_summary", "income_summary", "expense_summary", "basic_expense_summary",
              "project_expense_summary"}
_EMPTY_KINDS = {"gov_fund_expense", "soe_capital_expense"}  # a 生态环境 body spends no fund or SOE money
_MEASURES_OF_TOTAL = {"basic_expense_summary": "basic", "project_expense_summary": "projects"}
_PERSONNEL_CLASSES = ("301", "303")
_CARRIED = re.compile(r"^(上年结转|结转下年)")  # the carry-over lines of a summary's sides


class Builder:
    """Makes the tables of one disclosure from its figures."""

    def __init__(self, identity: Identity, style: str, figures: Figures, file: str, with_prior: bool):
        self.identity, self.style, self.figures, self.file = identity, style, figures, file
        self.with_prior = with_prior
        self.words = S.Words(identity.kind)
        self.family: Family = family(style, self.words.final)
        self.year = identity.year or 0
        self.function: Catalog = load_catalog("function", self.year)
        self.economic: Catalog = load_catalog("economic_dept", self.year)
        self.page = 0

    # values ----------------------------------------------------------------------------------------------
    def value(self, units: int, row: int, column: int) -> Value:
        amount = Decimal(units).scaleb(-self.figures.decimals)
        return Value(amount, amount_text(amount, self.figures.decimals), self.source(row, column))

    def source(self, row: int, column: int = 2) -> Source:
        return Source(self.file, self.page, cell=f"{get_column_letter(column)}{row}")

    def values(self, row: int, measures: list[str], get: Callable[[str, bool], int | None]) -> dict[str, Value]:
        """The row's values by measure: `get(base measure, prior)` in units, None for a blank cell."""
        out = {}
        for column, measure in enumerate(measures, start=3):
            base, phase = split_measure(measure)
            units = get(base, phase == self.words.prior_phase.lstrip("@"))
            if units is not None:
                out[measure] = self.value(units, row, column)
        return out

    # the set ---------------------------------------------------------------------------------------------
    def tables(self) -> list[Table]:
        out = []
        for position, spec in enumerate(self.family.tables, start=1):
            self.page = 1 + position
            table = self.table(spec.kind)
            if table is None:
                continue
            number = self.family.number_text(position)
            table.number_text, table.number = number, "".join(c for c in number if c.isdigit()).lstrip("0")
            table.title = title_of(spec, _Doc(self.identity))
            table.pages = [self.page]
            table.source = table.source or self.source(1)
            if table.kind not in ("three_public_costs", "performance_targets"):
                table.body = self.identity.body
            out.append(table)
        return out

    def table(self, kind: str) -> Table | None:
        if kind in S.SIDED:
            return self.sided(kind)
        if kind == "three_public_costs":
            return self.three_public()
        if kind == "office_operating_costs":
            return self.office()
        if kind == "procurement":
            return self.procurement()
        if kind == "performance_targets":
            return self.performance_table()
        return self.coded(kind)

    def columns(self, kind: str) -> list[S.Col]:
        cols = [c for c in S.table_columns(kind, self.style, self.words, self.year) if c.role == S.AMOUNT]
        if not self.with_prior:
            cols = [c for c in cols if not c.measure.endswith(self.words.prior_phase)]
        return cols

    # coded tables ----------------------------------------------------------------------------------------
    def coded(self, kind: str) -> Table:
        cols = self.columns(kind)
        measures = [c.measure for c in cols]
        table = Table(kind, "", unit="万元", columns=[Column(c.measure, "/".join(c.header)) for c in cols])
        if kind in _EMPTY_KINDS:
            table.empty, table.notes = True, [EMPTY_NOTE]
            table.note_sources = [self.source(3)]
            return table
        if S.scheme_of_kind(kind) == S.ECONOMIC:
            lines = self._economic_lines(kind)
            catalog = self.economic
        else:
            lines = self._function_lines(kind)
            catalog = self.function
        groups: dict[str, dict[str, int | None]] = {}
        for code, vals in lines.items():
            for length in (3, 5, 7):
                if length <= len(code):
                    group = groups.setdefault(code[:length], {})
                    for m, v in vals.items():
                        if v is not None:
                            group[m] = (group.get(m) or 0) + v
                        else:
                            group.setdefault(m, None)
        total: dict[str, int | None] = {}
        for code, vals in groups.items():
            if len(code) == 3:
                for m, v in vals.items():
                    total[m] = (total.get(m) or 0) + v if v is not None else total.get(m)
        named = self.style == "shenzhen"  # Shenzhen prints the body's name on the total line, others 合计
        r = 7
        rows = [Row("" if named else "合计", squash(self.identity.body) if named else "合计",
                    self.values(r, measures, lambda m, p: _get(total, m, p)), is_total=True, source=self.source(r))]
        for code in sorted(groups):
            r += 1
            name = catalog.name(code) or code
            rows.append(Row(name, squash(name), self.values(r, measures, lambda m, p, c=code: _get(groups[c], m, p)),
                            code=code, level=level_of(code, name, False), source=self.source(r)))
        table.rows = rows
        table.empty = not any(v.amount for row in rows for v in row.values.values())
        return table

    def _function_lines(self, kind: str) -> dict[str, dict[str, int | None]]:
        """Values by measure (and `m@prior` for last year's) of each function line the table prints."""
        current, prior = self.figures.current, self.figures.prior
        out = {}
        whole = _MEASURES_OF_TOTAL.get(kind, "total" if kind in _ALL_FUNDS else "general")
        for leaf, last in zip(current.leaves, prior.leaves):
            if not getattr(leaf, whole):
                continue
            vals = self._leaf_values(kind, leaf, whole)
            vals.update({f"{m}@prior": v for m, v in self._leaf_values(kind, last, whole).items()})
            out[leaf.code] = vals
        return out

    def _leaf_values(self, kind: str, leaf: Leaf, whole: str) -> dict[str, int | None]:
        all_funds = kind in _ALL_FUNDS
        source = self.figures.other_source
        other = leaf.other if all_funds else 0
        v = {
            "total": getattr(leaf, whole), "amount": getattr(leaf, whole), "basic": leaf.basic,
            "project": leaf.projects if all_funds else leaf.project,
            "basic_personnel": leaf.personnel, "basic_public": leaf.public,
            "general_budget": leaf.general, "fiscal": leaf.general, "gov_fund": 0, "soe_capital": 0,
            "special_account": 0, "unit_funds": other if source == "unit_funds" else 0,
            "business_income": other if source == "business_income" else 0,
            "other": other if source == "other" else 0,
            "operating_income": 0, "superior_subsidy": 0, "affiliated_income": 0, "affiliated_subsidy": 0,
            "procurement": leaf.procurement, "procurement_sme": leaf.sme, "procurement_small_micro": leaf.small,
            "reserve": None, "carry_forward": None, "prior_carryover": None,
        }
        if self.style == "shenzhen" and source == "unit_funds" and kind == "income_summary":
            v["business_income"] = v["other"] = 0
        return v

    def _economic_lines(self, kind: str) -> dict[str, dict[str, int | None]]:
        whole = self.style == "shenzhen" and not self.words.final and kind == "general_budget_by_economic"
        out = {}
        for code, (basic, project) in self.figures.current.economic.items():
            if not (basic or whole and project):
                continue
            personnel = code[:3] in _PERSONNEL_CLASSES
            if whole:
                out[code] = {"total": basic + project, "basic": basic, "project": project, "amount": basic + project}
            else:
                out[code] = {"total": basic, "amount": basic, "basic": basic,
                             "basic_personnel": basic if personnel else None,
                             "basic_public": None if personnel else basic}
        return out

    # the summaries printing two or three sides ---------------------------------------------------------
    def sided(self, kind: str) -> Table:
        """收支总表, 财政拨款收支总表: each side's lines (the template's, the function classes on the expense
        side), then its totals and carry-overs; the sides read across as the workbook reader keeps them."""
        cols = self.columns(kind)
        table = Table(kind, "", unit="万元", columns=[Column(c.measure, "/".join(c.header), c.side) for c in cols])
        fiscal = kind == "appropriation_summary"
        current, prior = self.figures.current, self.figures.prior
        lines: dict[str, list[str]] = {}
        tails: dict[str, list[str]] = {}
        for line in S.standard_lines(kind, self.style, self.words):
            for side, label in line:
                lines.setdefault(side, [])
                tails.setdefault(side, [])
                if _CARRIED.match(label) or TOTAL_LABELS.match(match_key(label)):
                    tails[side].append(label)
                elif label:
                    lines[side].append(label)
        if "expense" in lines:
            classes = sorted({leaf.code[:3] for leaf in current.leaves if (leaf.general if fiscal else leaf.total)})
            lines["expense"] = [f"{chinese_numeral(n)}、{self.function.name(c)}" for n, c in enumerate(classes, 1)]
        r = 7
        sides = []
        for side in lines:
            measures = [c.measure for c in cols if c.side == side]
            body: list[Row] = []
            for label in lines[side]:
                r += 1
                get = self._side_value(side, label, fiscal, current, prior)
                body.append(Row(label, squash(label), self.values(r, measures, get), side=side,
                                level=level_of("", label, False), source=self.source(r)))
            tops = [row for row in body if row.level == 1] or list(body)
            for label in tails[side]:
                r += 1
                if _CARRIED.match(label):  # nothing carried over
                    body.append(Row(label, squash(label), self.values(r, measures, lambda m, p: 0), side=side,
                                    source=self.source(r)))
                    continue
                sums = {m: sum(_units(x.values[m], self.figures.decimals) for x in tops if m in x.values)
                        for m in measures}
                values = {m: self.value(v, r, k) for k, (m, v) in enumerate(sums.items(), start=3)}
                body.append(Row(label, squash(label), values, side=side, is_total=True, source=self.source(r)))
            sides.append(body)
        table.rows = interleave(sides)
        return table

    def _side_value(self, side: str, label: str, fiscal: bool, current: Year, prior: Year):
        """get(measure, prior) of one line of a side."""
        key = match_key(label)
        source = self.figures.other_source
        shenzhen_unit = self.style == "shenzhen" and source == "unit_funds"

        def income(year: Year) -> int:
            gb, other = year.total("general"), year.total("other")
            if any(w in key for w in ("政府性基金", "国有资本", "财政专户", "经营收入", "上级补助", "附属单位")):
                return 0
            if "一般公共预算" in key or key.endswith("财政拨款") or "财政拨款收入" in key or "政府预算拨款" in key:
                return gb
            if "单位资金" in key or "其他资金" in key:
                return other
            if "事业收入" in key:
                return other if (source == "business_income" or shenzhen_unit and self._is_unit_business()) else 0
            if "其他收入" in key:
                return other if (source == "other" or shenzhen_unit and not self._is_unit_business()) else 0
            return 0

        def purpose(year: Year) -> int:
            if "基本支出" in key:
                return year.total("basic")
            if "项目支出" in key:
                return year.total("project" if fiscal else "projects")
            return 0

        def expense(year: Year, measure: str) -> int:
            code = next(c for c in {leaf.code[:3] for leaf in year.leaves}
                        if key.endswith(match_key(self.function.name(c) or "")))
            part = "general" if fiscal else "total"
            whole = sum(getattr(leaf, part) for leaf in year.leaves if leaf.code.startswith(code))
            return whole if measure in ("amount", "total", "general_budget") else 0

        def get(measure: str, is_prior: bool) -> int | None:
            year = prior if is_prior else current
            if side == "income":
                return income(year)
            if side == "purpose":
                return purpose(year) if "单位预留" not in key else 0
            return expense(year, measure)

        return get

    def _is_unit_business(self) -> bool:
        return self.identity.body_type == "事业"

    # the tables of the workbook's own sheets --------------------------------------------------------------
    def three_public(self) -> Table | None:
        f = self.figures
        values = {S.CURRENT: self.three_values(f.current, 8), S.PRIOR: self.three_values(f.prior, 9)}
        if self.words.final:
            values[S.BUDGET] = self.three_values(f.budget, 10)
        office = self.value(f.current.office, 8, 10) if self.style == "shanghai" and f.current.office else None
        return three_public_table(values, style=self.style, final=self.words.final, year=self.year,
                                  body=self.identity.body, unit="万元", office=office, page=self.page,
                                  source=self.source(1), final_source=self.source(6))

    def three_values(self, year: Year, row: int) -> dict[str, Value]:
        t = year.three_public
        units = {"abroad": t["abroad"], "vehicle_purchase": t["vehicle_purchase"],
                 "vehicle_operation": t["vehicle_operation"], "reception": t["reception"],
                 "meeting": t["meeting"], "training": t["training"]}
        units["vehicle_total"] = units["vehicle_purchase"] + units["vehicle_operation"]
        units["total"] = year.three_public_total()
        order = [m for m, _ in S.THREE_PUBLIC_COLS]
        return {m: self.value(units[m], row, 3 + order.index(m)) for m in order}

    def office(self) -> Table:
        f = self.figures.current
        lines = {code: basic for code, (basic, _) in f.economic.items() if code.startswith("302") and basic}
        office = f.office
        rows = [Row("合计", "合计", {"amount": self.value(office, 6, 4)}, is_total=True, source=self.source(6))]
        if office:
            r = 7
            rows.append(Row(self.economic.name("302") or "", squash(self.economic.name("302") or ""),
                            {"amount": self.value(sum(lines.values()), r, 4)}, code="302", level=1,
                            source=self.source(r)))
            for code, v in lines.items():
                r += 1
                name = self.economic.name(code) or code
                rows.append(Row(name, squash(name), {"amount": self.value(v, r, 4)}, code=code, level=2,
                                source=self.source(r)))
        table = Table("office_operating_costs", "", unit="万元", rows=rows,
                      columns=[Column("amount", "机关运行经费支出")])
        table.empty = not office
        if table.empty:
            table.notes, table.note_sources = [EMPTY_NOTE], [self.source(3)]
        return table

    def procurement(self) -> Table:
        bought = self.figures.current.procurement
        table = Table("procurement", "", unit="万元", columns=[Column("amount", "金额")])
        if not bought:
            table.empty, table.notes, table.note_sources = True, [EMPTY_NOTE], [self.source(3)]
            return table
        r = 6
        total = sum(v for lines in bought.values() for _, v in lines)
        rows = [Row("合计", "合计", {"amount": self.value(total, r, 4)}, is_total=True, source=self.source(r))]
        for n, kind in enumerate(PROCUREMENT_ITEMS, start=1):  # 一、货物 二、工程 三、服务, printed bare when none
            r += 1
            head = f"{chinese_numeral(n)}、{kind}"
            lines = bought.get(kind, [])
            values = {"amount": self.value(sum(v for _, v in lines), r, 4)} if lines else {}
            rows.append(Row(head, head, values, level=1, source=self.source(r)))
            for name, v in lines:
                r += 1
                rows.append(Row(name, squash(name), {"amount": self.value(v, r, 4)}, level=2, source=self.source(r)))
        table.rows = rows
        return table

    def performance(self) -> Performance:
        f = self.figures
        i = self.identity
        perf = Performance(body=i.body, parent=i.parent, source=self.source(1))
        r = 6
        for task in f.tasks:
            r += 1
            values = {"total": self.value(task.fiscal + task.other, r, 4), "fiscal": self.value(task.fiscal, r, 5),
                      "other": self.value(task.other, r, 6)}
            perf.tasks.append(Task(task.name, task.content, values, self.source(r)))
        r += 1
        perf.total = {m: self.value(sum(_units(t.values[m], f.decimals) for t in perf.tasks), r, k)
                      for k, m in ((4, "total"), (5, "fiscal"), (6, "other"))}
        for goal in f.goals:
            r += 1
            perf.goals.append(Paragraph(goal, self.source(r)))
        for level1, level2, name, target in f.indicators:
            r += 1
            perf.indicators.append(Indicator(level1, level2, name, parse_target(target), self.source(r, 4)))
        return perf

    def performance_table(self) -> Table | None:
        if self.words.final or not self.figures.tasks:
            return None
        perf = self.performance()
        rows = [Row(t.name, squash(t.name), dict(t.values), source=t.source) for t in perf.tasks]
        rows.append(Row("金额合计", "金额合计", dict(perf.total), is_total=True,
                        source=next(iter(perf.total.values())).source))
        table = Table("performance_targets", "", unit="万元", rows=rows, source=self.source(1))
        self.perf = perf
        return table

    def key_projects(self) -> Table | None:
        projects = self.figures.key_projects
        if not projects:
            return None
        self.page = 1
        rows = []
        for n, (name, units, goal) in enumerate(projects, start=1):
            rows.append(Row(name, squash(name), {"amount": self.value(units, 40 + n, 3)}, texts={"绩效目标": goal},
                            source=self.source(40 + n)))
        return Table("project_performance", TABLE_KINDS["project_performance"], unit="万元",
                     columns=[Column("amount", "预算数")], rows=rows, pages=[1], source=self.source(40))


class _Doc:
    """What `title_of` asks of a disclosure."""

    def __init__(self, identity: Identity):
        self.identity = identity


def _get(values: dict[str, int | None], measure: str, prior: bool) -> int | None:
    return values.get(f"{measure}@prior" if prior else measure)


def _units(value: Value, decimals: int) -> int:
    return int(value.amount.scaleb(decimals))
