"""Every table of a family's set derived from the lines, as a Disclosure: consistent by construction.

Each cell is the sum of the lines its table covers and its measure counts (`measures.py`), converted to
the printing unit and rounded to the family's decimals; a class row is printed when its lines hold money
in any of the table's columns. The narrative is drafted from the derived tables and the lines' facts
(`prepare/draft.py`), the 三公 table printed the family's way (`prepare/facts.py`). A department's
roll-up is consolidated first (`rollup.consolidate`): transfers between its units are not counted twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from yusuan.catalog.store import load as load_catalog
from yusuan.model.disclosure import Column, Disclosure, Identity, Performance, Row, Table, Task, Value
from yusuan.model.families import family, title_of
from yusuan.model.kinds import SIDED_KINDS, scheme_of
from yusuan.model.provenance import Source
from yusuan.model.text import chinese_numeral, squash
from yusuan.prepare import sheets as S
from yusuan.prepare.draft import Facts, draft_sections
from yusuan.prepare.facts import three_public_table
from yusuan.prepare.ledger import columns as C
from yusuan.prepare.ledger.measures import (
    THREE_PUBLIC_MEASURES,
    Test,
    carried,
    measure_of,
    table_scope,
    total,
)
from yusuan.prepare.ledger.model import ECONOMIC, FISCAL, FUNCTION, UNIT_FUNDS, Ledger, Line
from yusuan.prepare.ledger.rollup import consolidate
from yusuan.prepare.totals import amount_text
from yusuan.prepare.workbook import interleave

_FUND_TABLES = ("gov_fund_expense", "soe_capital_expense")
DECIMALS = {"shenzhen": 0, "jiangsu": 2, "shanghai": 2}  # as each family prints its tables
UNITS = {"shenzhen": "万元", "jiangsu": "万元", "shanghai": "元"}
EMPTY_NOTE = "注：本表本年无发生额。"
_TEN_THOUSAND = Decimal(10000)


def _fund(*funds: str) -> Test:
    return lambda line: line.fund in funds


_NOT_CARRIED: Test = lambda line: not line.carryover  # noqa: E731
_CARRIED: Test = lambda line: line.carryover  # noqa: E731
_ALL: Test = lambda line: True  # noqa: E731
_NONE: Test = lambda line: False  # noqa: E731

# The income side of the sided summaries, by family and kind: (label, level, which lines). Its rows count
# this year's money of each source; 上年结转 is the row of the tails (TAILS).
_SZ_INCOME = (
    ("一、政府预算拨款", 1, _fund(*FISCAL)), ("1. 一般公共预算拨款", 2, _fund("general_budget")),
    ("2. 政府性基金预算拨款", 2, _fund("gov_fund")), ("3. 国有资本经营预算拨款", 2, _fund("soe_capital")),
    ("二、财政专户管理资金", 1, _fund("special_account")), ("三、单位资金", 1, _fund(*UNIT_FUNDS)),
    ("1. 事业收入", 2, _fund("business_income")), ("2. 事业单位经营收入", 2, _fund("operating_income")),
    ("3. 上级补助收入", 2, _fund("superior_subsidy")), ("4. 附属单位上缴收入", 2, _fund("affiliated_income")),
    ("5. 其他收入", 2, _fund("other")),
)
INCOME: dict[tuple[str, str], tuple] = {
    ("shenzhen", "income_expense_summary"): _SZ_INCOME,
    ("shenzhen", "appropriation_summary"): (
        ("政府预算拨款", 1, _fund(*FISCAL)), ("一般公共预算拨款", 2, _fund("general_budget")),
        ("政府性基金预算拨款", 2, _fund("gov_fund")), ("国有资本经营预算拨款", 2, _fund("soe_capital"))),
    ("jiangsu", "income_expense_summary"): (
        ("一、财政拨款", 1, _fund(*FISCAL)), ("1.一般公共预算", 2, _fund("general_budget")),
        ("2.政府性基金预算", 2, _fund("gov_fund")), ("3.国有资本经营预算", 2, _fund("soe_capital")),
        ("二、财政专户管理资金", 1, _fund("special_account")), ("三、其他资金", 1, _fund(*UNIT_FUNDS))),
    ("jiangsu", "appropriation_summary"): (
        ("一、一般公共预算", 1, _fund("general_budget")), ("二、政府性基金预算", 1, _fund("gov_fund")),
        ("三、国有资本经营预算", 1, _fund("soe_capital"))),
    ("shanghai", "income_expense_summary"): (
        ("一、财政拨款收入", 1, _fund(*FISCAL)), ("1、一般公共预算资金", 2, _fund("general_budget")),
        ("2、政府性基金", 2, _fund("gov_fund")), ("3、国有资本经营预算", 2, _fund("soe_capital")),
        ("二、事业收入", 1, _fund("business_income")), ("三、事业单位经营收入", 1, _fund("operating_income")),
        ("四、其他收入", 1, _fund("other", "special_account", "superior_subsidy", "affiliated_income"))),
    ("shanghai", "appropriation_summary"): (
        ("一、一般公共预算资金", 1, _fund("general_budget")), ("二、政府性基金", 1, _fund("gov_fund")),
        ("三、国有资本经营预算", 1, _fund("soe_capital"))),
    ("final", "income_expense_summary"): (
        ("一、一般公共预算财政拨款收入", 1, _fund("general_budget")),
        ("二、政府性基金预算财政拨款收入", 1, _fund("gov_fund")),
        ("三、国有资本经营预算财政拨款收入", 1, _fund("soe_capital")), ("四、上级补助收入", 1, _fund("superior_subsidy")),
        ("五、事业收入", 1, _fund("business_income")), ("六、经营收入", 1, _fund("operating_income")),
        ("七、附属单位上缴收入", 1, _fund("affiliated_income")), ("八、其他收入", 1, _fund("other", "special_account"))),
    ("final", "appropriation_summary"): (
        ("一、一般公共预算财政拨款", 1, _fund("general_budget")), ("二、政府性基金预算财政拨款", 1, _fund("gov_fund")),
        ("三、国有资本经营预算财政拨款", 1, _fund("soe_capital"))),
}
# the purpose side (Jiangsu): what the money is spent as
PURPOSE_ROWS = (("一、基本支出", "basic"), ("二、项目支出", "project"), ("三、单位预留机动经费", "reserve"),
                ("四、上缴上级支出", "upward"), ("五、对附属单位补助支出", "subsidy"))
# the total rows closing each side: (this year's total, carried over, grand total)
TAILS = {
    "shenzhen": {"income": ("本年收入合计", "上年结余、结转", "收入总计"), "expense": ("本年支出合计", "结转下年", "支出总计")},
    "jiangsu": {"income": ("当年收入小计", "上年结转资金", "收入合计"), "expense": ("当年支出小计", "结转下年资金", "支出合计")},
    "shanghai": {"income": ("本年收入合计", "上年结转", "收入总计"), "expense": ("本年支出合计", "结转下年", "支出总计")},
    "final": {"income": ("本年收入合计", "年初结转和结余", "收入总计"),
              "expense": ("本年支出合计", "年末结转和结余", "支出总计")},
}
# how deep the expense side of a sided summary lists the function classes (1 类, 2 款, 3 项)
SIDED_DEPTH = {"shenzhen": 3, "jiangsu": 1, "shanghai": 1, "final": 1}


@dataclass(frozen=True, slots=True)
class Printing:
    """How a family prints its coded tables."""

    body_row: bool  # the total is the body's own row (Shenzhen) rather than a 合计 line
    total_first: bool
    zeros: bool  # a row prints 0 in its empty columns (Shenzhen) rather than leaving them blank


PRINTING = {"shenzhen": Printing(True, True, True), "jiangsu": Printing(False, True, False),
            "shanghai": Printing(False, False, False), "final": Printing(False, True, False)}


@dataclass(slots=True)
class Derived:
    """A derived disclosure and the facts its narrative was drafted from."""

    doc: Disclosure
    facts: Facts
    notes: list[str] = field(default_factory=list)  # what the derivation chose, in Chinese


def derive(ledger: Ledger, style: str = "shenzhen", *, final: bool = False, unit: str | None = None,
           decimals: int | None = None, performance: Performance | None = None,
           texts: dict[str, str] | None = None) -> Disclosure:
    """The disclosure of `ledger` in `style`'s table set: the 决算 set (`final`) from the lines' 执行数.

    `performance` gives the goals and indicators of the 整体支出绩效目标表 (the lines give its tasks);
    `texts` the narrative parts an officer wrote (by the workbook's part keys), the others are drafted."""
    return derive_all(ledger, style, final=final, unit=unit, decimals=decimals, performance=performance,
                      texts=texts).doc


def derive_all(ledger: Ledger, style: str = "shenzhen", *, final: bool = False, unit: str | None = None,
               decimals: int | None = None, performance: Performance | None = None,
               texts: dict[str, str] | None = None) -> Derived:
    if final and not ledger.has_final:
        raise ValueError("没有填写执行数的预算行，不能生成决算表")
    return _Deriver(ledger, style, final, unit or UNITS[style], DECIMALS[style] if decimals is None else decimals,
                    performance, texts or {}).derive()


class _Deriver:
    def __init__(self, ledger: Ledger, style: str, final: bool, unit: str, decimals: int,
                 performance: Performance | None, texts: dict[str, str]):
        self.ledger, self.style, self.final, self.unit, self.decimals = ledger, style, final, unit, decimals
        self.words = S.Words("final_accounts" if final else "budget")
        self.fk = "final" if final else style
        self.lines, self.notes = consolidate(ledger)
        self.extra_performance, self.texts = performance, texts
        self.catalogs = {s: load_catalog(s, ledger.year) for s in (FUNCTION, ECONOMIC)}
        self.file = ledger.file or f"{ledger.body}.xlsx"

    # ------------------------------------------------------------------------------------- numbers
    def scale(self, amount: Decimal) -> Decimal:
        if self.ledger.unit == self.unit:
            return amount
        return amount / _TEN_THOUSAND if self.unit == "万元" else amount * _TEN_THOUSAND

    def value(self, amount: Decimal, lines: Iterable[Line], field: str, decimals: int | None = None,
              trim: bool = False) -> Value:
        d = self.decimals if decimals is None else decimals
        shown = self.scale(amount).quantize(Decimal(1).scaleb(-d), ROUND_HALF_UP)
        if trim and d and shown == shown.to_integral_value():
            shown, d = shown.quantize(Decimal(1)), 0
        return Value(shown, amount_text(shown, d), self.source(lines, field))

    def source(self, lines: Iterable[Line], field: str) -> Source:
        """Where a derived figure comes from: the span of rows of the lines it adds up, in the column of
        `field` (lines built from a publication point at the published cells themselves)."""
        rows, first = [], None
        for line in lines:
            s = line.source
            if s is None:
                continue
            first = first or s
            if s.file == first.file and s.page == first.page and s.cell[:1].isalpha():
                digits = "".join(ch for ch in s.cell if ch.isdigit())
                if digits and s.cell.rstrip("0123456789").isalpha():
                    rows.append(int(digits))
        if first is None:
            return Source(self.file, 1)
        if rows and field in C.BY_FIELD:
            col = C.letter(field)
            return Source(first.file, first.page, cell=f"{col}{min(rows)}" + (
                f":{col}{max(rows)}" if max(rows) != min(rows) else ""))
        return Source(first.file, first.page, first.bbox)

    def sum_value(self, lines: list[Line], measure: str, decimals: int | None = None,
                  trim: bool = False) -> Value | None:
        found = measure_of(measure)
        if found is None:
            return None
        amount = total(lines, measure)
        if amount is None:
            return None
        field_, test = found
        return self.value(amount, [line for line in lines if test(line)], field_, decimals, trim)

    # ------------------------------------------------------------------------------------- names
    def name(self, scheme: str, code: str) -> str:
        """The ledger's name of a code, else the name a line gives, else the catalog's."""
        if not hasattr(self, "_typed"):
            self._typed: dict[tuple[str, str], str] = {}
            for line in reversed(self.lines):  # the first line naming a code wins
                if line.function_name:
                    self._typed[(FUNCTION, line.function)] = line.function_name
                if line.economic_name:
                    self._typed[(ECONOMIC, line.economic)] = line.economic_name
        return (self.ledger.names.get((scheme, code)) or self._typed.get((scheme, code))
                or self.catalogs[scheme].name(code) or code)

    # ------------------------------------------------------------------------------------- the document
    def derive(self) -> Derived:
        led = self.ledger
        kind = "final_accounts" if self.final else "budget"
        doc = Disclosure(identity=Identity(body=led.body, parent=led.parent, year=led.year, kind=kind,
                                           level=led.level, body_type=led.body_type), files=[self.file])
        doc.title = f"{led.year}年{led.body}{S.LEVELS[led.level]}{self.words.w}"
        fam = family(self.style, self.final)
        facts = self.facts()
        for n, spec in enumerate(fam.tables, start=1):
            table = self.table(spec.kind, facts)
            if table is None:
                continue
            table.number_text = fam.number_text(n)
            table.number = "".join(ch for ch in table.number_text if ch.isdigit()).lstrip("0")
            table.title = title_of(spec, doc)
            table.body = led.body
            doc.tables.append(table)
        doc.performance = self.performance()
        projects = self.projects_table()
        if projects is not None:  # printed right after the narrative part that leads to it
            doc.tables.insert(0, projects)
        anchors: dict[str, Source] = {}
        fallback = Source(self.file, 1)
        given = {k: (t, fallback) for k, t in self.texts.items() if t.strip()}
        doc.sections = draft_sections(doc, facts, given, anchors, fallback)
        return Derived(doc, facts, self.notes)

    def table(self, kind: str, facts: Facts) -> Table | None:
        if kind in SIDED_KINDS:
            return self.sided(kind)
        if kind == "three_public_costs":
            return self.three_public(facts)
        if kind == "office_operating_costs":
            return self.office_table()
        if kind == "procurement":
            return self.procurement_table()
        if kind == "performance_targets":
            return self.performance_table()
        return self.coded(kind)

    # ------------------------------------------------------------------------------------- coded tables
    def columns(self, kind: str, lines: list[Line]) -> list[Column]:
        cols = [c for c in S.table_columns(kind, self.style, self.words, self.ledger.year) if c.role == S.AMOUNT]
        if not self.final and kind in _FUND_TABLES and cols and not any("@prior" in c.measure for c in cols):
            # the 财政拨款 of last year is printed by fund: the 政府性基金 and 国有资本经营 tables print it too
            # when the 一般公共预算 table does (S.WITH_PRIOR)
            first = cols[0]
            cols.append(S.Col(S.AMOUNT, (self.words.prior, first.header[-1]), first.measure.split("@")[0]
                              + self.words.prior_phase))
        out = []
        for c in cols:
            if measure_of(c.measure) is None:
                continue
            if not carried(lines, c.measure):
                continue  # the lines do not all carry last year's figure: the column is left out
            out.append(Column(c.measure, "/".join(c.header), c.side))
        return out

    def coded(self, kind: str) -> Table:
        scope = table_scope(kind, self.style, self.final)
        lines = [line for line in self.lines if scope(line)]
        scheme = ECONOMIC if scheme_of(kind) == "economic" else FUNCTION
        cols = self.columns(kind, lines)
        measures = [c.measure for c in cols]
        printing = PRINTING[self.fk]
        table = Table(kind, "", unit=self.unit, columns=cols, source=Source(self.file, 1))
        rows = self.class_rows(lines, scheme, measures, printing.zeros, depth=3 if scheme == "function" else 2)
        total_row = self.total_row(lines, measures, printing)
        table.rows = [total_row, *rows] if printing.total_first else [*rows, total_row]
        if len(cols) == 1:  # a table of one amount column prints one value per row: `amount` (docs/model.md)
            base, at, phase = cols[0].measure.partition("@")
            single = "amount" + at + phase
            for row in table.rows:
                row.values = {single: v for v in row.values.values()}
            cols[0].measure = single
        table.empty = not any(v.amount for r in table.rows for v in r.values.values())
        if table.empty:
            table.notes = [EMPTY_NOTE]
        return table

    def total_row(self, lines: list[Line], measures: list[str], printing: Printing, label: str = "合计") -> Row:
        values = self.row_values(lines, measures, zeros=True)
        if printing.body_row:
            return Row("", squash(self.ledger.body), values, is_total=True, source=Source(self.file, 1))
        return Row(label, label, values, is_total=True, source=Source(self.file, 1))

    def row_values(self, lines: list[Line], measures: list[str], zeros: bool) -> dict[str, Value]:
        """A row's figures: every measure of the table, a 0 printed (`zeros`) or left blank."""
        out = {}
        for m in measures:
            v = self.sum_value(lines, m)
            if v is not None and (v.amount or zeros):
                out[m] = v
        return out

    def code_of(self, line: Line, scheme: str) -> str:
        return line.function if scheme == FUNCTION else line.economic

    def class_rows(self, lines: list[Line], scheme: str, measures: list[str], zeros: bool, depth: int,
                   label_of: Callable[[str, int, int], str] | None = None) -> list[Row]:
        """类 / 款 / 项 rows (to `depth`) of the lines holding money in any of `measures`, in code order."""
        lengths = (3, 5, 7)[:depth] if scheme == FUNCTION else (3, 5)[:depth]
        by_code: dict[str, list[Line]] = defaultdict(list)  # every class (类, 款, 项) -> the lines under it
        held: set[str] = set()
        for line in lines:
            code = self.code_of(line, scheme)
            if not code:
                continue
            for n in lengths:
                by_code[code[:n]].append(line)
            if self.holds(line, measures):
                held.update(code[:n] for n in lengths)
        rows = []
        top = 0
        for code in sorted(held):
            level = lengths.index(len(code)) + 1
            under = by_code[code]
            name = self.name(scheme, code)
            if level == 1:
                top += 1
            label = label_of(name, level, top) if label_of else name
            rows.append(Row(label, squash(label), self.row_values(under, measures, zeros),
                            code="" if label_of else code, level=level, source=self.source(under, "amount")))
        return rows

    @staticmethod
    def holds(line: Line, measures: list[str]) -> bool:
        for m in measures:
            found = measure_of(m)
            if found is not None and found[1](line) and getattr(line, found[0]):
                return True
        return False

    # ------------------------------------------------------------------------------------- sided tables
    def sided(self, kind: str) -> Table:
        scope = table_scope(kind, self.style, self.final)
        lines = [line for line in self.lines if scope(line)]
        cols = S.table_columns(kind, self.style, self.words, self.ledger.year)
        sides: list[str] = list(dict.fromkeys(c.side for c in cols))
        table = Table(kind, "", unit=self.unit, source=Source(self.file, 1))
        printing = PRINTING[self.fk]
        by_side: dict[str, list[Row]] = {}
        tails: dict[str, list[Row]] = {}
        carrying = any(line.carryover for line in lines)
        for side in sides:
            measures = [c.measure for c in cols if c.side == side and c.role == S.AMOUNT]
            measures = [m for m in measures if carried(lines, m)]
            table.columns += [Column(c.measure, "/".join(c.header), side) for c in cols
                              if c.side == side and c.measure in measures]
            if side == "income":
                by_side[side] = self.income_rows(kind, lines, measures, printing.zeros)
            elif side == "purpose":
                by_side[side] = [Row(label, label, self.row_values([x for x in lines if x.purpose == p],
                                                                   measures, printing.zeros), level=1)
                                 for label, p in PURPOSE_ROWS
                                 if p in ("basic", "project") or any(x.purpose == p for x in lines)]
            else:
                by_side[side] = self.class_rows(lines, FUNCTION, measures, printing.zeros, SIDED_DEPTH[self.fk],
                                                label_of=_ordinal_label)
            for row in by_side[side]:
                row.side = side
            tails[side] = self.tail_rows(side, lines, measures, carrying)
        rows = interleave([by_side[s] for s in sides]) + interleave([tails[s] for s in sides])
        table.rows = rows
        table.empty = not any(v.amount for r in table.rows for v in r.values.values())
        return table

    def income_rows(self, kind: str, lines: list[Line], measures: list[str], zeros: bool) -> list[Row]:
        rows = []
        current = [line for line in lines if not line.carryover]
        for label, level, test in INCOME[(self.fk, kind)]:
            mine = [line for line in current if test(line)]
            if not zeros and not mine and level > 1:
                continue
            values = self.row_values(mine, measures, zeros)
            rows.append(Row(label, squash(label), values, side="income", level=level,
                            source=self.source(mine, "amount")))
        return rows

    def tail_rows(self, side: str, lines: list[Line], measures: list[str], carrying: bool) -> list[Row]:
        labels = TAILS[self.fk]["income" if side == "income" else "expense"]
        if side == "income":
            parts = ([line for line in lines if not line.carryover], [line for line in lines if line.carryover])
        else:
            parts = (lines, [])
        rows = []
        if carrying or PRINTING[self.fk].zeros:
            rows.append(Row(labels[0], labels[0], self.row_values(parts[0], measures, True), side=side,
                            is_total=True))
            rows.append(Row(labels[1], labels[1], self.row_values(parts[1], measures, True), side=side))
        rows.append(Row(labels[2], labels[2], self.row_values(lines, measures, True), side=side, is_total=True))
        for row in rows:
            row.source = Source(self.file, 1)
        return rows

    # ------------------------------------------------------------------------------------- 三公, 机关运行经费
    def three_public_values(self, field: str) -> dict[str, Value]:
        """The “三公”经费 of the general budget by measure, from the field of this year, last year or the
        budget; {} when the lines do not all carry that figure."""
        general = [line for line in self.lines if line.fund == "general_budget"]
        tagged = [line for line in general if line.three_public]
        # no line tagged: none spent, in every figure the lines carry (a 决算's 执行数, last year's budget)
        if field != "amount" and not (any(getattr(x, field) is not None for x in tagged or self.lines) and all(
                getattr(x, field) is not None for x in tagged if x.amount)):
            return {}
        out = {}
        trim = self.style == "shenzhen"  # it prints 8.47 where there are cents, 8 where not
        for measure, test in THREE_PUBLIC_MEASURES.items():
            if measure in ("meeting", "training") and self.style != "jiangsu":
                continue
            mine = [line for line in general if test(line)]
            amount = sum((getattr(x, field) or Decimal(0) for x in mine), Decimal(0))
            out[measure] = self.value(amount, mine, field, 2 if trim else None, trim)
        return out

    def three_public(self, facts: Facts) -> Table | None:
        values = {}
        current = self.three_public_values("final" if self.final else "amount")
        values[S.CURRENT] = current
        prior = self.three_public_values("prior_final" if self.final else "prior_budget")
        if prior:
            values[S.PRIOR] = prior
        if self.final:
            values[S.BUDGET] = self.three_public_values("amount")
        office = facts.office.get(S.CURRENT, {}).get("office_operating")
        table = three_public_table(values, style=self.style, final=self.final, year=self.ledger.year,
                                   body=self.ledger.body, unit=self.unit, office=office,
                                   source=Source(self.file, 1), final_source=Source(self.file, 1))
        return table

    def office_lines(self) -> list[Line]:
        return [line for line in self.lines if line.office and line.fund in FISCAL]

    def office_table(self) -> Table:
        lines = self.office_lines()
        measure = "amount@final" if self.final else "amount"
        rows = self.class_rows(lines, ECONOMIC, [measure], PRINTING[self.fk].zeros, 2)
        for row in rows:
            row.values = {"amount": v for v in row.values.values()}
        total_value = self.sum_value(lines, measure) or self.value(Decimal(0), [], "amount")
        total_row = Row("合计", "合计", {"amount": total_value}, is_total=True, source=Source(self.file, 1))
        table = Table("office_operating_costs", "", unit=self.unit, rows=[total_row, *rows],
                      columns=[Column("amount", "机关运行经费支出")], source=Source(self.file, 1))
        table.empty = not any(v.amount for r in table.rows for v in r.values.values())
        if table.empty:  # a 事业 unit has none: the table says so (complete-empty-table)
            table.notes = [EMPTY_NOTE]
        return table

    def procurement_table(self) -> Table | None:
        lines = [line for line in self.lines if line.procurement_amount]
        if not lines:
            return None
        body: list[Row] = []
        for n, kind in enumerate(("货物", "工程", "服务"), start=1):
            mine = [line for line in lines if line.procurement == kind]
            head = f"{chinese_numeral(n)}、{kind}"
            body.append(Row(head, head, {"amount": self.sum_value(mine, "procurement")} if mine else {}, level=1,
                            source=self.source(mine, "procurement_amount")))
            for name in dict.fromkeys(line.project or self.name(ECONOMIC, line.economic) for line in mine):
                items = [line for line in mine if (line.project or self.name(ECONOMIC, line.economic)) == name]
                body.append(Row(name, squash(name), {"amount": self.sum_value(items, "procurement")}, level=2,
                                source=self.source(items, "procurement_amount")))
        total_row = Row("合计", "合计", {"amount": self.sum_value(lines, "procurement")}, is_total=True,
                        source=self.source(lines, "procurement_amount"))
        return Table("procurement", "", unit=self.unit, rows=[total_row, *body], columns=[Column("amount", "金额")],
                     source=Source(self.file, 1))

    # ------------------------------------------------------------------------------------- 绩效
    def tasks(self) -> list[tuple[str, list[Line]]]:
        out: dict[str, list[Line]] = {}
        for line in self.lines:
            if line.performance:
                out.setdefault(line.performance, []).append(line)
        return list(out.items())

    def performance(self) -> Performance | None:
        tasks = self.tasks()
        extra = self.extra_performance
        if not tasks and extra is None:
            return None
        led = self.ledger
        perf = Performance(body=led.body, parent=led.parent, source=Source(self.file, 1))
        field_ = "final" if self.final else "amount"
        measure = "amount@final" if self.final else "amount"
        for name, lines in tasks:
            described = {line.project_description for line in lines if line.project_description}
            values = {"total": self.sum_value(lines, measure),
                      "fiscal": self.value(sum((getattr(x, field_) or Decimal(0) for x in lines if x.fund in FISCAL),
                                               Decimal(0)), lines, field_),
                      "other": self.value(sum((getattr(x, field_) or Decimal(0) for x in lines
                                               if x.fund not in FISCAL), Decimal(0)), lines, field_)}
            perf.tasks.append(Task(name, described.pop() if len(described) == 1 else "",
                                   {m: v for m, v in values.items() if v is not None}, self.source(lines, field_)))
        if tasks:
            every = [line for _, lines in tasks for line in lines]
            perf.total = {"total": self.sum_value(every, measure),
                          "fiscal": self.sum_value([x for x in every if x.fund in FISCAL], measure)
                          or self.value(Decimal(0), [], field_),
                          "other": self.sum_value([x for x in every if x.fund not in FISCAL], measure)
                          or self.value(Decimal(0), [], field_)}
        if extra is not None:
            perf.goals, perf.indicators = list(extra.goals), list(extra.indicators)
        return perf

    def performance_table(self) -> Table | None:
        perf = self.performance()
        if perf is None or not perf.tasks:
            return None
        rows = [Row(t.name, squash(t.name), dict(t.values), source=t.source) for t in perf.tasks]
        rows.append(Row("金额合计", "金额合计", dict(perf.total), is_total=True, source=Source(self.file, 1)))
        return Table("performance_targets", "", unit=self.unit, rows=rows, source=Source(self.file, 1))

    def project_groups(self) -> list[tuple[str, list[Line]]]:
        out: dict[str, list[Line]] = {}
        for line in self.lines:
            if line.project and line.purpose == "project":
                out.setdefault(line.project, []).append(line)
        return list(out.items())

    def projects_table(self) -> Table | None:
        """The key projects (Shenzhen prints them in its narrative): each project's amount."""
        groups = self.project_groups()
        if not groups or self.style != "shenzhen":
            return None
        measure = "amount@final" if self.final else "amount"
        rows = [Row(name, squash(name), {"amount": self.sum_value(lines, measure)}, source=self.source(lines, "amount"))
                for name, lines in groups]
        return Table("project_performance", "重点项目绩效目标情况", unit=self.unit, rows=rows,
                     columns=[Column("amount", f"预算数（{self.unit}）")], source=Source(self.file, 1))

    # ------------------------------------------------------------------------------------- facts
    def facts(self) -> Facts:
        # the lines say how much changed, not why: a draft states the change and asks nothing (the
        # preparation workbook written from the derived disclosure asks for the reasons)
        facts = Facts(style=self.style, ask_reasons=False)
        unit = self.unit
        field_ = "final" if self.final else "amount"
        prior_field = "prior_final" if self.final else "prior_budget"
        current = self.three_public_values(field_)
        facts.three_public = {S.CURRENT: current}
        prior = self.three_public_values(prior_field)
        if prior:
            facts.three_public[S.PRIOR] = prior
        facts.three_public_unit = unit
        office = self.office_lines()
        if office:
            facts.office = {S.CURRENT: {"office_operating": self.value(
                sum((getattr(x, field_) or Decimal(0) for x in office), Decimal(0)), office, field_)}}
            priors = [getattr(x, prior_field) for x in office if getattr(x, prior_field) is not None]
            if len(priors) == len(office):
                facts.office[S.PRIOR] = {"office_operating": self.value(sum(priors, Decimal(0)), office, prior_field)}
        facts.office_unit = unit
        bought = [line for line in self.lines if line.procurement_amount]
        for kind in ("货物", "工程", "服务"):
            mine = [line for line in bought if line.procurement == kind]
            if mine:
                facts.procurement[kind] = self.sum_value(mine, "procurement")
        for m in ("procurement_sme", "procurement_small_micro"):
            v = self.sum_value(bought, m)
            if v is not None:
                facts.procurement_extra[m] = v
        facts.procurement_unit = unit
        measure = "amount@final" if self.final else "amount"
        facts.projects = [(name, self.sum_value(lines, measure)) for name, lines in self.project_groups()]
        facts.performance_unit = unit
        return facts


def _ordinal_label(name: str, level: int, n: int) -> str:
    """A 类 of a 收支总表's expense side prints its ordinal: 一、一般公共服务支出."""
    return f"{chinese_numeral(n)}、{name}" if level == 1 else name
