"""Lines from a published disclosure (or a filled preparation workbook, read as one): the reverse of
`derive`, for any family, where the tables carry enough detail.

A publication prints its figures one table at a time — function classes by 基本 / 项目 (表3, 表7), economic
classes (表8), sources (表1), tasks (表12), 三公 (表9) — never the lines they were added up from. The lines
are found in two steps, the same every time:

1. A first guess splits each printed figure over the dimensions its table does not print: within a purpose
   and a source, function and economic classes of equal amount are paired first (2080505 机关事业单位基本养老
   保险缴费支出 ↔ 30108 机关事业单位基本养老保险缴费), the rest spread in proportion; tasks of the 绩效目标表 go
   to the function class whose amount they match, alone or a few together, else in proportion; money of
   a source without an economic table (单位资金 …) is 30299 其他商品和服务支出; the 三公 tag and procurement's
   品目 follow the economic class (`model.THREE_PUBLIC_BY_ECONOMIC`, `model.procurement_kind_of`).
2. Every printed figure becomes a constraint (`measures.py` says which lines each cell adds up, as for
   `derive`): the lines' sum must round to it. The amounts nearest the guess that meet them all are found
   by a linear programme (`solve.py`); a figure no amounts can meet (the publication contradicts itself)
   is missed by as little as possible and listed.

Then the lines are derived back into the family's tables and compared with the publication cell by cell
(`compare.py`): what differs is reported with the choices made.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from yusuan.catalog.store import load as load_catalog
from yusuan.model.disclosure import Disclosure, Row, Table, Value
from yusuan.model.families import family_of
from yusuan.model.kinds import ECONOMIC_KINDS, FUNCTION_KINDS, SIDED_KINDS
from yusuan.model.provenance import Source
from yusuan.model.text import ORDINAL, match_key
from yusuan.model.vocabulary import MEASURES
from yusuan.prepare.ledger.compare import Difference, compare
from yusuan.prepare.ledger.derive import INCOME, PURPOSE_ROWS, TAILS, derive
from yusuan.prepare.ledger.measures import THREE_PUBLIC_MEASURES, Test, measure_of, table_scope
from yusuan.prepare.ledger.model import (
    ECONOMIC,
    ECONOMIC_BY_THREE_PUBLIC,
    FISCAL,
    FUNCTION,
    FUNDS,
    THREE_PUBLIC,
    THREE_PUBLIC_BY_ECONOMIC,
    Ledger,
    Line,
    procurement_kind_of,
)
from yusuan.prepare.ledger.solve import Constraint, on_grid, solve

DEFAULT_ECONOMIC = "30299"  # 其他商品和服务支出: the class of money no economic table shows
_FIELDS = ("amount", "procurement_amount", "procurement_sme", "procurement_small_micro")  # a candidate's variables
TABLE_WEIGHT, TEXT_WEIGHT = 1.0, 0.01  # a printed table's figure outweighs the text's
_WAN = Decimal(10000)
_PROBE = Decimal(1)


@dataclass(slots=True)
class Built:
    ledger: Ledger
    notes: list[str] = field(default_factory=list)  # the choices made, in Chinese
    differences: list[Difference] = field(default_factory=list)  # derived against published


def build_from_disclosure(doc: Disclosure, *, unit: str = "元", file: str = "") -> Built:
    """The lines of a published budget (预算) and the report of what was chosen and what differs."""
    if doc.identity.kind == "final_accounts":
        raise ValueError("决算公开文件不能拆成预算行：请用预算公开文件（决算数可在预算行的“执行数”列填写）")
    return _Builder(doc, unit, file).build()


def build_from_workbook(path: str | Path, *, unit: str = "元") -> Built:
    """The lines of a filled preparation workbook (its tables, read as a disclosure)."""
    from yusuan.prepare.workbook import read_workbook

    path = Path(path)
    return build_from_disclosure(read_workbook(path), unit=unit, file=path.with_suffix(".lines.xlsx").name)


# ------------------------------------------------------------------------------------------------ parts

@dataclass(slots=True)
class _Group:
    """A task of the 绩效目标表 (or a key project where there are no tasks)."""

    name: str
    content: str = ""
    project: str = ""
    amounts: dict[str, float] = field(default_factory=dict)  # total / fiscal / other, in 万元
    basic: bool = False
    source: Source | None = None


@dataclass(slots=True)
class _Cand:
    f: str
    e: str
    p: str
    u: str
    t: str  # group name ("" none)
    carry: bool
    line: Line  # a probe line of these attributes, for the measures' tests
    x: int = -1  # variable of the amount
    buy: tuple[int, int, int] | None = None  # variables of procurement, of it for SMEs, for small firms
    guess: float = 0.0


@dataclass(slots=True)
class _Cell:
    """A printed figure as a constraint."""

    what: str  # for the report
    field: str
    members: list[int]  # candidate indices
    value: Value
    unit: str
    weight: float = TABLE_WEIGHT
    at_least: float = 0.0  # a row printed as 0 still holds money (in 万元)
    sign: int = 1


def _decimals(text: str) -> int:
    return len(text.replace(",", "").partition(".")[2])


def _half(value: Value, unit: str) -> float:
    """Half the printing unit of a printed value, in 万元."""
    half = 0.5 * 10 ** -_decimals(value.text)
    return half if unit == "万元" else half / 10000


def _wan(value: Value, unit: str) -> float:
    return float(value.amount) if unit == "万元" else float(value.amount) / 10000


def _plain(label: str) -> str:
    return ORDINAL.sub("", match_key(label))


def _income_test(label: str, style: str, kind: str) -> Test | None:
    want = _plain(label)
    for key in [(style, kind), *[k for k in INCOME if k[1] == kind], *INCOME]:
        for text, _, test in INCOME.get(key, ()):
            if _plain(text) == want:
                return test
    return None


def _tail(label: str) -> int | None:
    """0 this year's total, 1 carried over, 2 grand total; None for another label."""
    want = _plain(label)
    for sides in TAILS.values():
        for labels in sides.values():
            for n, text in enumerate(labels):
                if _plain(text) == want:
                    return n
    if "上年结" in want or "年初结转" in want:
        return 1
    return None


# ------------------------------------------------------------------------------------------------ builder

class _Builder:
    def __init__(self, doc: Disclosure, unit: str, file: str):
        self.doc, self.unit = doc, unit
        i = doc.identity
        self.file = file or f"{i.body or '预算'}{i.year or ''}.lines.xlsx"
        self.style = family_of(doc)
        self.year = i.year or 0
        self.notes: list[str] = []
        self.catalogs = {s: load_catalog(s, self.year or 2023) for s in (FUNCTION, ECONOMIC)}
        self.tables = [t for t in doc.tables if t.kind != "unknown" and t.rows]
        # lines to the 元, or to the 分 when a table prints 元 (its figures then tell 元 apart)
        self.quantum = Decimal("0.01") if any(
            _half(v, t.unit or "万元") < 0.004 for t in self.tables for _, _, v in t.cells()) else Decimal(1)
        self.statements = self._statements()

    # ---------------------------------------------------------------------------------------- reading
    def _statements(self) -> dict[str, Decimal]:
        """The figures the text states that no table prints (procurement by 品目, 机关运行经费), in 万元."""
        from yusuan.rules.context import Context

        out: dict[str, Decimal] = {}
        for s in Context(self.doc).statements:
            if s.amount is None or s.prior or s.key not in ("procurement.goods", "procurement.works",
                                                             "procurement.services", "office_operating"):
                continue
            value = s.amount.value if s.amount.unit.startswith("万") else s.amount.value / _WAN
            out.setdefault(s.key, value)
        return out

    def function_tables(self) -> list[Table]:
        return [t for t in self.tables if t.kind in FUNCTION_KINDS and t.kind not in SIDED_KINDS
                and any(len(r.code) == 7 for r in t.rows)]

    def economic_tables(self) -> list[Table]:
        return [t for t in self.tables if t.kind in ECONOMIC_KINDS and any(len(r.code) == 5 for r in t.rows)]

    def probe(self, p: str, u: str, carry: bool = False, e: str = "30299", f: str = "2000000", t: str = "") -> Line:
        tag = THREE_PUBLIC_BY_ECONOMIC.get(e, "")
        return Line(unit=self.doc.identity.body, function=f, economic=e, purpose=p, fund=u, amount=_PROBE,
                    carryover=carry, performance=t, three_public=tag, procurement_amount=_PROBE,
                    procurement_sme=_PROBE, procurement_small_micro=_PROBE, office=self.office_of(p, u, e))

    def office_of(self, p: str, u: str, e: str) -> bool:
        """机关运行经费: the 公用经费 of the 财政拨款's 基本支出, where the text says there is some."""
        stated = self.statements.get("office_operating")
        has_table = any(t.kind == "office_operating_costs" for t in self.tables)
        if not has_table and not stated:
            return False
        return p == "basic" and u in FISCAL and e[:3] not in ("301", "303")

    def scope(self, table: Table) -> Test:
        return table_scope(table.kind, self.style, False)

    # ---------------------------------------------------------------------------------------- dimensions
    def funds(self) -> list[str]:
        found: list[str] = []
        for table in self.tables:
            if table.kind in SIDED_KINDS:
                for row in table.rows:
                    if row.side != "income" or row.is_total:
                        continue
                    v = next(iter(row.values.values()), None)
                    test = _income_test(row.label, self.style, table.kind)
                    if v is None or not v.amount or test is None:
                        continue
                    covered = [u for u in FUNDS if test(self.probe("basic", u))]
                    if len(covered) == 1 and covered[0] not in found:
                        found.append(covered[0])
            elif table.kind in ("general_budget_by_function", "gov_fund_expense", "soe_capital_expense"):
                fund = {"general_budget_by_function": "general_budget", "gov_fund_expense": "gov_fund",
                        "soe_capital_expense": "soe_capital"}[table.kind]
                if any(v.amount for _, _, v in table.cells()) and fund not in found:
                    found.append(fund)
        for table in self.tables:  # a source printed only as a group (单位资金, 其他资金)
            if table.kind not in SIDED_KINDS:
                continue
            for row in table.rows:
                v = next(iter(row.values.values()), None)
                test = _income_test(row.label, self.style, table.kind) if row.side == "income" else None
                if v is None or not v.amount or test is None:
                    continue
                covered = [u for u in FUNDS if test(self.probe("basic", u))]
                if covered and not set(covered) & set(found):
                    found.append("other" if "other" in covered else covered[0])
        if not found:
            found.append("general_budget")
        return [u for u in FUNDS if u in found]

    def purposes(self) -> list[str]:
        out = ["basic", "project"]
        for table in self.tables:
            for row in table.rows:
                if row.side == "purpose" and "预留" in row.item and any(v.amount for v in row.values.values()):
                    out.append("reserve")
            if any(c.measure == "reserve" for c in table.columns) and any(
                    r.values.get("reserve") and r.values["reserve"].amount for r in table.rows):
                out.append("reserve")
        return list(dict.fromkeys(out))

    def carried(self) -> bool:
        for table in self.tables:
            for row in table.rows:
                if row.side == "income" and _tail(row.label) == 1 and any(v.amount for v in row.values.values()):
                    return True
        return False

    def groups(self) -> list[_Group]:
        """The tasks of the 绩效目标表, each with the key project holding it."""
        perf = self.doc.performance
        out: list[_Group] = []
        if perf is not None:
            unit = next((t.unit for t in self.tables if t.kind == "performance_targets"), "万元") or "万元"
            for task in perf.tasks:
                g = _Group(task.name, task.content, amounts={m: _wan(v, unit) for m, v in task.values.items()},
                           basic="基本支出" in match_key(task.name), source=task.source)
                out.append(g)
        projects = self.projects()
        if not out:
            return [_Group(name, project=name, amounts={"total": amount}, source=source)
                    for name, amount, source in projects]
        if projects:
            parts = {g.name: g.amounts.get("total", 0.0) for g in out if not g.basic}
            wholes = {name: amount for name, amount, _ in projects}
            unit = next((t.unit for t in self.tables if t.kind == "project_performance"), "万元") or "万元"
            assigned = _match(wholes, parts, 0.5 if unit == "万元" else 0.00005, subsets=True)
            for g in out:
                g.project = assigned.get(g.name, "")
            found = sorted({p for p in assigned.values()})
            if found:
                self.notes.append(f"重点项目与绩效目标表的任务：金额相加相符者归入同一项目（{'；'.join(found)}）")
        return out

    def projects(self) -> list[tuple[str, float, Source | None]]:
        table = next((t for t in self.tables if t.kind == "project_performance"), None)
        if table is None:
            return []
        out = []
        for row in table.rows:
            v = row.values.get("amount")
            if v is not None and not row.is_total:
                out.append((row.label.strip() or row.item, _wan(v, table.unit or "万元"), v.source))
        return out

    # ---------------------------------------------------------------------------------------- allowed
    def specific(self, table: Table, p: str, u: str, carry: bool) -> list[str]:
        """The measures of `table` counting money of (p, u): the purpose's own columns when it has them."""
        probes = [self.probe(p, u, carry, e) for e in ("30101", "30299")]  # 人员经费 and 公用经费 alike
        cover = []
        for c in table.columns:
            found = measure_of(c.measure)
            if found is None or found[0] != "amount" or "@" in c.measure:
                continue
            if any(found[1](probe) for probe in probes):
                cover.append(c.measure)
        if not table.columns:
            cover = ["amount"]
        narrow = [m for m in cover if not all(measure_of(m)[1](self.probe(q, u, carry, e))
                                              for q in ("basic", "project") for e in ("30101", "30299"))]
        if narrow and all(m.startswith("basic_") for m in narrow) and "basic" in cover:
            narrow = ["basic"]  # 人员经费 + 公用经费: the 基本支出 column itself, where printed
        return narrow or cover

    def leaf_amounts(self, table: Table, length: int, p: str, u: str, carry: bool) -> dict[str, float] | None:
        """Leaf code -> the amount `table` prints for (p, u) (in 万元), None when it does not cover them;
        a leaf printed as 0 throughout is kept with 0 (it holds less than half a printing unit)."""
        if not self.scope(table)(self.probe(p, u, carry)):
            return None
        measures = self.specific(table, p, u, carry)
        out: dict[str, float] = {}
        for row in table.rows:
            if len(row.code) != length:
                continue
            values = [row.values[m] for m in measures if m in row.values]
            amount = sum(_wan(v, table.unit or "万元") for v in values)
            if amount > 0 or not any(v.amount for v in row.values.values()):
                out[row.code] = out.get(row.code, 0.0) + amount
        return out

    def block_functions(self, p: str, u: str, carry: bool) -> dict[str, float]:
        own = {"general_budget": "general_budget_by_function", "gov_fund": "gov_fund_expense",
               "soe_capital": "soe_capital_expense"}.get(u)
        tables = self.function_tables()
        mine = next((t for t in tables if t.kind == own), None) if own else None
        if mine is not None:
            found = self.leaf_amounts(mine, 7, p, u, carry)
            return found or {}
        # a source with no table of its own: what the all-sources tables print beyond the fiscal tables
        whole = next((t for t in tables if t.kind in ("expense_summary", "income_summary")
                      and self.leaf_amounts(t, 7, p, u, carry) is not None), None)
        if whole is None:
            return {}
        total = self.leaf_amounts(whole, 7, p, u, carry) or {}
        fiscal: dict[str, float] = defaultdict(float)
        for t in tables:
            if t.kind in ("general_budget_by_function", "gov_fund_expense", "soe_capital_expense"):
                fund = {"general_budget_by_function": "general_budget", "gov_fund_expense": "gov_fund",
                        "soe_capital_expense": "soe_capital"}[t.kind]
                for code, amount in (self.leaf_amounts(t, 7, p, fund, carry) or {}).items():
                    fiscal[code] += amount
        return {code: amount - fiscal.get(code, 0.0) for code, amount in total.items()
                if amount - fiscal.get(code, 0.0) > 0.5 * (1 + (code in fiscal))
                or (amount == 0 and code not in fiscal)}

    def block_economics(self, p: str, u: str, carry: bool) -> dict[str, float]:
        found: dict[str, float] | None = None
        for table in self.economic_tables():
            amounts = self.leaf_amounts(table, 5, p, u, carry)
            if amounts is not None:
                found = amounts if found is None else {c: max(found.get(c, 0.0), a) for c, a in
                                                       {**found, **amounts}.items()}
        return found if found is not None else {}

    # ---------------------------------------------------------------------------------------- candidates
    def candidates(self, groups: list[_Group]) -> list[_Cand]:
        out: list[_Cand] = []
        funds, purposes = self.funds(), self.purposes()
        carries = (False, True) if self.carried() else (False,)
        self.block_data = {}
        defaulted = set()
        for p, u, carry in itertools.product(purposes, funds, carries):
            fa = self.block_functions(p, u, carry)
            if not fa:
                continue
            eb = self.block_economics(p, u, carry)
            if not eb:
                eb = {DEFAULT_ECONOMIC: sum(fa.values())}
                defaulted.add(f"{FUNDS[u]}的{'基本支出' if p == 'basic' else '项目支出' if p == 'project' else '预留'}")
            if p == "basic":
                ts = [g for g in groups if g.basic] or [_Group("")]
            elif p == "project":
                key = "fiscal" if u in FISCAL else "other"
                ts = [g for g in groups if not g.basic and g.amounts.get(key, g.amounts.get("total", 0)) > 0] \
                    or [_Group("")]
            else:
                ts = [_Group("")]
            self.block_data[(p, u, carry)] = (fa, eb, ts)
            for f, e, g in itertools.product(sorted(fa), sorted(eb), ts):
                out.append(_Cand(f, e, p, u, g.name, carry, self.probe(p, u, carry, e, f, g.name)))
        if defaulted:
            self.notes.append(f"{'、'.join(sorted(defaulted))}没有公开经济分类：记为 {DEFAULT_ECONOMIC} 其他商品和服务支出")
        return out

    # ---------------------------------------------------------------------------------------- the guess
    def guess(self, cands: list[_Cand], groups: list[_Group]) -> None:
        by_block = defaultdict(list)
        for n, c in enumerate(cands):
            by_block[(c.p, c.u, c.carry)].append(n)
        paired, matched = [], []
        for key, members in by_block.items():
            fa, eb, ts = self.block_data[key]
            q = _pair_then_spread(fa, eb, 0.5)
            paired += [f"{f} ↔ {e}" for (f, e), v in q.items() if v and fa.get(f) == v == eb.get(e)]
            p, u, carry = key
            fund_key = "fiscal" if u in FISCAL else "other"
            if len(ts) == 1:
                r = {(f, ts[0].name): a for f, a in fa.items()}
            else:
                c_t = {g.name: g.amounts.get(fund_key, g.amounts.get("total", 0.0)) for g in ts}
                r = _pair_then_spread(fa, c_t, 0.5, subsets=True)
                matched += sorted({f"{t}→{f}" for (f, t), v in r.items() if v and abs(v - c_t[t]) <= 0.5})
            for n in members:
                c = cands[n]
                a = fa.get(c.f, 0.0)
                c.guess = q.get((c.f, c.e), 0.0) * r.get((c.f, c.t), 0.0) / a if a else 0.0
        if paired:
            self.notes.append("功能分类与经济分类各表分别公开、没有交叉：金额相同的先配对（" + "，".join(sorted(set(paired))[:12])
                              + ("……" if len(set(paired)) > 12 else "") + "），其余按金额比例分摊")
        else:
            self.notes.append("功能分类与经济分类各表分别公开、没有交叉：按金额比例分摊")
        if matched:
            self.notes.append("绩效目标表的任务按金额归入功能分类：" + "，".join(matched[:12]) + ("……" if len(matched) > 12 else ""))

    # ---------------------------------------------------------------------------------------- constraints
    def cells(self, cands: list[_Cand]) -> list[_Cell]:
        out: list[_Cell] = []
        for table in self.tables:
            unit = table.unit or "万元"
            if table.kind in SIDED_KINDS:
                out += self.sided_cells(table, cands, unit)
            elif table.kind == "three_public_costs":
                out += self.three_public_cells(table, cands, unit, current=True)
            elif table.kind == "performance_targets":
                out += self.task_cells(table, cands, unit)
            elif table.kind == "project_performance":
                out += self.project_cells(table, cands, unit)
            elif table.kind in FUNCTION_KINDS or table.kind in ECONOMIC_KINDS:
                out += self.coded_cells(table, cands, unit)
        for key, what in (("procurement.goods", "货物"), ("procurement.works", "工程"), ("procurement.services", "服务")):
            if key in self.statements:
                members = [n for n, c in enumerate(cands) if c.buy and procurement_kind_of(c.e) == what]
                if not any(c.buy for c in cands):
                    continue  # no table prints procurement by class: the text's figure has no lines to hold it
                out.append(_Cell(f"正文：政府采购{what}", "procurement_amount", members,
                                 Value(self.statements[key], f"{self.statements[key]:f}", Source(self.file, 1)),
                                 "万元", TEXT_WEIGHT))
        if "office_operating" in self.statements:
            members = [n for n, c in enumerate(cands) if c.line.office]
            v = self.statements["office_operating"]
            out.append(_Cell("正文：机关运行经费", "amount", members, Value(v, f"{v:f}", Source(self.file, 1)), "万元",
                             TEXT_WEIGHT))
        return out

    def members(self, cands: list[_Cand], scope: Test, test: Test, code: str = "", scheme: str = FUNCTION,
                field: str = "amount") -> list[int]:
        out = []
        for n, c in enumerate(cands):
            if not (scope(c.line) and test(c.line)):
                continue
            if code and not (c.f if scheme == FUNCTION else c.e).startswith(code):
                continue
            if field != "amount" and c.buy is None:
                continue
            out.append(n)
        return out

    def coded_cells(self, table: Table, cands: list[_Cand], unit: str) -> list[_Cell]:
        scope = self.scope(table)
        scheme = ECONOMIC if table.kind in ECONOMIC_KINDS else FUNCTION
        out = []
        name = f"{table.number_text}{table.title}"
        leaf = 7 if scheme == FUNCTION else 5
        for row in table.rows:
            if row.code and len(row.code) > leaf:
                continue
            zeros = bool(row.code) and len(row.code) == leaf and not any(v.amount for v in row.values.values())
            first = True
            for measure, value in row.values.items():
                found = measure_of(measure)
                if found is None or found[0] in ("prior_budget", "prior_final", "final"):
                    continue
                field_, test = found
                members = self.members(cands, scope, test, row.code, scheme, field_)
                cell = _Cell(f"{name}“{row.code} {row.item}”{MEASURES.get(measure, measure)}", field_, members, value,
                             unit)
                if zeros and first and field_ == "amount" and measure in ("total", "amount"):
                    cell.at_least = float(self.quantum) / 10000 * 10
                    first = False
                out.append(cell)
        return out

    def sided_cells(self, table: Table, cands: list[_Cand], unit: str) -> list[_Cell]:
        scope = self.scope(table)
        out = []
        name = f"{table.number_text}{table.title}"
        codes = self.codes_by_name()
        context: dict[int, str] = {}
        for row in table.rows:
            lines_test: Test | None = None
            code = ""
            tail = _tail(row.label) if row.is_total or not row.code else None
            if row.side == "income":
                if tail is not None:
                    lines_test = {0: lambda line: not line.carryover, 1: lambda line: line.carryover,
                                  2: lambda line: True}[tail]
                else:
                    inc = _income_test(row.label, self.style, table.kind)
                    if inc is not None:
                        lines_test = lambda line, inc=inc: inc(line) and not line.carryover  # noqa: E731
            elif row.side == "purpose" and tail is None:
                purpose = next((p for label, p in PURPOSE_ROWS if _plain(label) == _plain(row.label)), None)
                if purpose is not None:
                    lines_test = lambda line, purpose=purpose: line.purpose == purpose  # noqa: E731
            elif tail is not None:
                lines_test = {0: lambda line: True, 1: lambda line: False, 2: lambda line: True}[tail]
            else:  # the expense side's classes, printed without codes: found by name under their parents
                level = 1 if ORDINAL.match(match_key(row.label)) else None
                code = self.code_of(row, codes, context, level)
                if code:
                    lines_test = lambda line: True  # noqa: E731
            if lines_test is None:
                continue
            for measure, value in row.values.items():
                found = measure_of(measure)
                if found is None or found[0] != "amount" or "@" in measure:
                    continue
                members = [n for n in self.members(cands, scope, found[1], code) if lines_test(cands[n].line)]
                out.append(_Cell(f"{name}“{row.item}”", "amount", members, value, unit))
        return out

    def codes_by_name(self) -> dict[tuple[int, str], list[str]]:
        out: dict[tuple[int, str], list[str]] = defaultdict(list)
        for table in self.function_tables():
            for row in table.rows:
                if row.code:
                    key = ((3, 5, 7).index(len(row.code)) + 1 if len(row.code) in (3, 5, 7) else 0, _plain(row.label))
                    if row.code not in out[key]:
                        out[key].append(row.code)
        return out

    @staticmethod
    def code_of(row: Row, codes, context: dict[int, str], level: int | None) -> str:
        name = _plain(row.label)
        for lv in ([level] if level else [2, 3, 1]):
            parent = context.get(lv - 1, "") if lv > 1 else ""
            found = [c for c in codes.get((lv, name), []) if c.startswith(parent)]
            if found:
                context[lv] = found[0]
                for deeper in range(lv + 1, 4):
                    context.pop(deeper, None)
                return found[0]
        return ""

    def three_public_cells(self, table: Table, cands: list[_Cand], unit: str, current: bool) -> list[_Cell]:
        out = []
        general = lambda line: line.fund == "general_budget"  # noqa: E731
        for row in table.rows:
            if str(self.year) not in row.item and not (row.is_total and len(table.rows) == 1):
                continue
            for measure, value in row.values.items():
                base = measure.partition("@")[0]
                test = THREE_PUBLIC_MEASURES.get(base)
                if test is None or "@" in measure:
                    continue
                members = self.members(cands, general, test)
                out.append(_Cell(f"{table.number_text}{table.title}“{row.item}”{MEASURES[base]}", "amount", members,
                                 value, unit))
        return out

    def task_cells(self, table: Table, cands: list[_Cand], unit: str) -> list[_Cell]:
        out = []
        for row in table.rows:
            if row.is_total:
                test: Test = lambda line: bool(line.performance)  # noqa: E731
            else:
                name = row.label.strip() or row.item
                test = lambda line, name=name: match_key(line.performance) == match_key(name)  # noqa: E731
            for measure, value in row.values.items():
                fund: Test = {"fiscal": lambda line: line.fund in FISCAL,
                              "other": lambda line: line.fund not in FISCAL}.get(measure, lambda line: True)
                members = [n for n, c in enumerate(cands) if test(c.line) and fund(c.line)]
                out.append(_Cell(f"{table.number_text}绩效目标表“{row.item}”{MEASURES.get(measure, measure)}", "amount",
                                 members, value, unit))
        return out

    def project_cells(self, table: Table, cands: list[_Cand], unit: str) -> list[_Cell]:
        by_group = {g.name: g.project for g in self.groups_found}
        out = []
        for row in table.rows:
            v = row.values.get("amount")
            if v is None or row.is_total:
                continue
            name = row.label.strip() or row.item
            members = [n for n, c in enumerate(cands) if c.p == "project" and c.t
                       and match_key(by_group.get(c.t, "")) == match_key(name)]
            if members:
                out.append(_Cell(f"重点项目“{row.item}”", "amount", members, v, unit))
        return out

    # ---------------------------------------------------------------------------------------- solving
    def build(self) -> Built:
        groups = self.groups()
        self.groups_found = groups
        cands = self.candidates(groups)
        if not cands:
            raise ValueError("公开文件中没有按功能分类（项）公开的支出表，无法拆成预算行")
        self.guess(cands, groups)
        bought = self.procurement_functions()
        n = 0
        for c in cands:
            c.x = n
            n += 1
        for c in cands:  # procurement buys goods, works and services: not salaries nor benefits
            if c.f in bought and c.e[:3] not in ("301", "303"):
                c.buy = (n, n + 1, n + 2)
                n += 3
        cells = self.cells(cands)
        constraints, guess = self.program(cands, cells, bought, n)
        # moving money onto a line the guess left empty costs more than adjusting one it filled
        cost = [1.0 if g > 0 else 3.0 for g in guess]
        step = float(self.quantum) / 10000  # in 万元, as the programme counts
        solution = solve(n, constraints, guess, cost, scale=1 / step)
        values = on_grid(solution.values, constraints, step)
        missed = [cells[k] for k, c in enumerate(constraints[:len(cells)]) if _outside(c, values, step)]
        self.missed = missed
        lines = self.lines(cands, values, groups)
        self.prior_year(lines)
        ledger = Ledger(body=self.doc.identity.body, year=self.year, unit=self.unit, parent=self.doc.identity.parent,
                        level=self.doc.identity.level, body_type=self.doc.identity.body_type, lines=lines,
                        names=self.names(), file=self.file)
        self.notes.append(f"各表金额按{'万元' if any((t.unit or '万元') == '万元' for t in self.tables) else '元'}"
                          f"四舍五入公开：每行金额（到{'分' if self.quantum < 1 else '元'}）取在使每个公开数都能复现的范围内，"
                          "尽量接近上述分摊")
        if missed:
            self.notes.append(f"有 {len(missed)} 个公开数无法同时复现（公开文件自身不一致）："
                              + "；".join(c.what for c in missed[:8]) + ("……" if len(missed) > 8 else ""))
        derived = derive(ledger, self.style)
        return Built(ledger, self.notes, compare(derived, self.doc))

    def procurement_functions(self) -> dict[str, dict[str, float]]:
        """Function leaf -> its printed procurement figures (万元), from the tables that print them."""
        out: dict[str, dict[str, float]] = {}
        for table in self.function_tables():
            for row in table.rows:
                if len(row.code) != 7:
                    continue
                for m in ("procurement", "procurement_sme", "procurement_small_micro"):
                    v = row.values.get(m)
                    if v is not None and v.amount:
                        out.setdefault(row.code, {})[m] = _wan(v, table.unit or "万元")
        return out

    def program(self, cands: list[_Cand], cells: list[_Cell], bought, n: int) -> tuple[list[Constraint], list[float]]:
        constraints = []
        for cell in cells:
            index = _FIELDS.index(cell.field)
            terms = {}
            for k in cell.members:
                c = cands[k]
                var = c.x if index == 0 else (c.buy[index - 1] if c.buy else None)
                if var is not None:
                    terms[var] = 1.0
            v, half = _wan(cell.value, cell.unit), _half(cell.value, cell.unit)
            margin = half / 50
            lo = max(v - half + margin, cell.at_least) if v > 0 or cell.at_least else None
            hi = v + half - margin
            if not terms:
                terms = {}
            constraints.append(Constraint(terms, lo, hi, cell.weight))
        for c in cands:  # procurement is part of the line; SMEs' part of it; small firms' part of that
            if c.buy:
                y, s, m = c.buy
                constraints += [Constraint({y: 1.0, c.x: -1.0}, None, 0.0, 0.0),
                                Constraint({s: 1.0, y: -1.0}, None, 0.0, 0.0),
                                Constraint({m: 1.0, s: -1.0}, None, 0.0, 0.0)]
        guess = [0.0] * n
        by_f: dict[str, float] = defaultdict(float)
        for c in cands:
            guess[c.x] = c.guess
            by_f[c.f] += c.guess
        for cell in cells:  # a row printed as 0 holds a little: on its first candidate (基本 before 项目)
            if cell.at_least and cell.members and not any(guess[cands[k].x] for k in cell.members):
                guess[cands[cell.members[0]].x] = 2 * cell.at_least
        # the guess buys from the project lines of a class first, from its 公用经费 only what they cannot hold
        projects: dict[str, float] = defaultdict(float)
        for c in cands:
            if c.buy and c.p == "project":
                projects[c.f] += c.guess
        for c in cands:
            if not c.buy:
                continue
            need = bought[c.f].get("procurement", 0.0)
            pool = projects[c.f] if projects[c.f] >= need else sum(
                x.guess for x in cands if x.buy and x.f == c.f)
            if not pool or (c.p != "project" and projects[c.f] >= need):
                continue
            share = c.guess / pool
            for var, m in zip(c.buy, ("procurement", "procurement_sme", "procurement_small_micro")):
                guess[var] = bought[c.f].get(m, 0.0) * share
        return constraints, guess

    # ---------------------------------------------------------------------------------------- lines
    def lines(self, cands: list[_Cand], values: list[float], groups: list[_Group]) -> list[Line]:
        """The candidates holding money as lines; `values` are on the grid of the quantum (in 万元)."""
        by_name = {g.name: g for g in groups}
        quanta = self.quantum if self.unit == "元" else self.quantum / _WAN

        def rounded(var: int, _stream: int = 0) -> Decimal:
            units = round(values[var] * 10000 / float(self.quantum))  # an exact number of quanta
            return Decimal(units) * quanta

        lines = []
        for c in sorted(cands, key=lambda c: (c.f, c.p, c.u, c.carry, c.e, c.t)):
            amount = rounded(c.x, 0)
            if not amount:
                continue
            g = by_name.get(c.t)
            line = Line(unit=self.doc.identity.body, function=c.f, economic=c.e, purpose=c.p, fund=c.u,
                        amount=amount, carryover=c.carry, performance=c.t,
                        project=(g.project or (c.t if c.p == "project" else "")) if g else "",
                        project_description=g.content if g and c.p == "project" else "",
                        three_public=THREE_PUBLIC_BY_ECONOMIC.get(c.e, ""), office=c.line.office,
                        source=self.line_source(c))
            if c.buy:
                y, s, m = (rounded(v, k) for k, v in zip((1, 2, 3), c.buy))
                y = min(y, amount)
                s, m = min(s, y), min(m, min(s, y))
                if y:
                    line.procurement = procurement_kind_of(c.e)
                    line.procurement_amount = y
                    line.procurement_sme = s if s else None
                    line.procurement_small_micro = m if m else None
            lines.append(line)
        return lines

    def line_source(self, c: _Cand) -> Source | None:
        own = {"general_budget": "general_budget_by_function", "gov_fund": "gov_fund_expense",
               "soe_capital": "soe_capital_expense"}.get(c.u, "expense_summary")
        for kind in (own, "expense_summary"):
            table = next((t for t in self.tables if t.kind == kind), None)
            if table is None:
                continue
            row = next((r for r in table.rows if r.code == c.f), None)
            if row is not None:
                value = row.values.get(c.p) or row.values.get("total") or next(iter(row.values.values()), None)
                if value is not None:
                    return value.source
        return Source(self.file, 1)

    def names(self) -> dict[tuple[str, str], str]:
        out = {}
        for table in self.tables:
            scheme = ECONOMIC if table.kind in ECONOMIC_KINDS else FUNCTION if table.kind in FUNCTION_KINDS else None
            if scheme is None:
                continue
            for row in table.rows:
                label = row.label.strip()
                if not row.code or not label:
                    continue
                listed = self.catalogs[scheme].name(row.code)
                if listed is None or match_key(listed) != match_key(label):
                    out.setdefault((scheme, row.code), label)
        return out

    # ---------------------------------------------------------------------------------------- last year
    def prior_year(self, lines: list[Line]) -> None:
        """Last year's 三公经费 (the one figure of last year a Shenzhen set prints by line): spread over the
        tagged lines, a line of no amount this year for an item that had money last year only."""
        table = next((t for t in self.tables if t.kind == "three_public_costs"), None)
        if table is None or self.style != "shenzhen":
            return
        unit = table.unit or "万元"
        prior = next((r for r in table.rows if str(self.year - 1) in r.item), None)
        change = next((r for r in table.rows if "增减" in r.item or "变化" in r.item), None)
        if prior is None:
            return
        general = [line for line in lines if line.fund == "general_budget"]
        for tag, economic in ECONOMIC_BY_THREE_PUBLIC.items():
            v = prior.values.get(tag)
            if v is not None and v.amount and not any(line.three_public == tag for line in general):
                basic = max((x for x in general if x.purpose == "basic"), key=lambda x: x.amount, default=None)
                if basic is None:
                    continue
                new = Line(unit=basic.unit, function=basic.function, economic=economic, purpose="basic",
                           fund="general_budget", amount=Decimal(0), performance=basic.performance,
                           three_public=tag, office=self.office_of("basic", "general_budget", economic),
                           source=v.source)
                lines.append(new)
                general.append(new)
                self.notes.append(f"上年有{THREE_PUBLIC[tag]}而本年没有：记一行本年 0 元、"
                                  f"上年预算数 {v.text} {unit} 的 {economic}（功能分类 {basic.function}）")
        tagged = [x for x in general if x.three_public]
        if not tagged:
            return
        scale = 10000 if self.unit == "元" else 1
        constraints, guess = [], []
        now = {m: sum(float(x.amount) for x in tagged if t(x)) / scale for m, t in THREE_PUBLIC_MEASURES.items()}
        for measure, value in prior.values.items():
            test = THREE_PUBLIC_MEASURES.get(measure)
            if test is None:
                continue
            terms = {k: 1.0 for k, x in enumerate(tagged) if test(x)}
            v, half = _wan(value, unit), _half(value, unit)
            constraints.append(Constraint(terms, v - half + half / 50 if v > 0 else None, v + half - half / 50))
            d = change.values.get(measure) if change is not None else None
            if d is not None:
                dv, dh = _wan(d, unit), _half(d, unit)
                lo, hi = now[measure] - dv - dh + dh / 50, now[measure] - dv + dh - dh / 50
                constraints.append(Constraint(terms, lo, hi))
        for x in tagged:
            v = prior.values.get(x.three_public)
            whole = sum(float(y.amount) for y in tagged if y.three_public == x.three_public)
            share = float(x.amount) / whole if whole else 1 / sum(1 for y in tagged if y.three_public == x.three_public)
            guess.append(_wan(v, unit) * share if v is not None else 0.0)
        solution = solve(len(tagged), constraints, guess)
        step = self.quantum / _WAN if self.unit == "万元" else self.quantum
        for x, value in zip(tagged, solution.values):
            x.prior_budget = (Decimal(repr(value * scale)) / step).quantize(Decimal(1), ROUND_HALF_UP) * step
        self.notes.append("上年“三公”经费预算数（表9）按本年各项分摊到标记的行（上年预算数列只有这些行填写）")


# ------------------------------------------------------------------------------------------------ splits

def _outside(c: Constraint, values: list[float], step: float) -> bool:
    """Whether a constraint's sum misses its bounds by a quantum or more."""
    total = sum(a * values[j] for j, a in c.terms.items())
    return (c.lo is not None and total < c.lo - step / 2) or (c.hi is not None and total > c.hi + step / 2)


def _match(a: dict[str, float], b: dict[str, float], half: float, subsets: bool) -> dict[str, str]:
    """Which of b go wholly to one of a, by amounts: equal amounts first (in code order); with `subsets`,
    a few of b adding up to one of a, and the last of a taking what is left of b when they agree."""
    out: dict[str, str] = {}
    left_a = {k: v for k, v in a.items() if v > 0}
    left_b = {k: v for k, v in b.items() if v > 0}
    for ka in sorted(left_a):
        kb = next((k for k in sorted(left_b) if abs(left_b[k] - left_a[ka]) <= 2 * half), None)
        if kb is not None:
            out[kb] = ka
            left_a.pop(ka)
            left_b.pop(kb)
    if subsets:
        for ka in sorted(left_a, key=lambda k: (-left_a[k], k)):
            found = _subset(left_b, left_a[ka], half)
            if found:
                for kb in found:
                    out[kb] = ka
                    left_b.pop(kb)
                left_a.pop(ka)
        if len(left_a) == 1 and left_b:
            (ka, amount), = left_a.items()
            if abs(sum(left_b.values()) - amount) <= half * (len(left_b) + 1):
                for kb in list(left_b):
                    out[kb] = ka
    return out


def _pair_then_spread(a: dict[str, float], b: dict[str, float], half: float,
                      subsets: bool = False) -> dict[tuple[str, str], float]:
    """A joint split of two sets of amounts with (about) the same total: what `_match` pairs, the rest of
    a in proportion to the rest of b."""
    matched = _match(a, b, half, subsets)
    out = {(ka, kb): b[kb] for kb, ka in matched.items()}
    left_a = {k: v for k, v in a.items() if v > 0 and k not in matched.values()}
    left_b = {k: v for k, v in b.items() if v > 0 and k not in matched}
    total_b = sum(left_b.values())
    for ka, amount in left_a.items():
        for kb, part in left_b.items():
            if total_b:
                out[(ka, kb)] = amount * part / total_b
    return out


def _subset(parts: dict[str, float], whole: float, half: float, largest: int = 4) -> tuple[str, ...] | None:
    keys = sorted(parts)
    if len(keys) > 16:
        return None
    for size in range(2, min(largest, len(keys)) + 1):
        for combo in itertools.combinations(keys, size):
            if abs(sum(parts[k] for k in combo) - whole) <= half * (size + 1):
                return combo
    return None
