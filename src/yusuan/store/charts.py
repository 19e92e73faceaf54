"""What a disclosure page draws: plain data for its charts, built from the page's own tables context
(`queries.disclosure_detail(..., tables="full")`) and, for the years before, from the store.

Every chart says which table it comes from; all of a page's charts are in one unit (`UNIT`, 万元, the unit
most disclosures print), whatever the unit of their tables; values are exact decimal strings. A chart
the disclosure has no data for is left out (a page shows no empty chart).
"""

from __future__ import annotations

import re
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from yusuan.model.vocabulary import split_measure
from yusuan.store import access
from yusuan.store import models as m
from yusuan.store.access import Principal
from yusuan.store.aggregate import Query, aggregate
from yusuan.model.amount import TO_YUAN
from yusuan.store.queries import table_full
from yusuan.store.types import canonical

FUNCTION_TABLES = ("expense_summary", "general_budget_by_function", "appropriation_expense")
ECONOMIC_TABLES = ("general_budget_by_economic", "appropriation_basic_by_economic")
THREE_PUBLIC_PARTS = (("abroad", "因公出国（境）费"), ("vehicle_purchase", "公务用车购置费"),
                      ("vehicle_operation", "公务用车运行维护费"), ("reception", "公务接待费"))
_YEAR_ROW = re.compile(r"^(20\d{2})\s*年")
PHASES_NOW = ("", "final", "adjusted_budget", "initial_budget")
_PHASES_PRIOR = ("prior_budget", "prior_final")
UNIT = "万元"


def _s(v: Decimal) -> str:
    return str(canonical(v))


def _shown(amount: Decimal, unit: str) -> str:
    """An amount of a table printed in `unit`, in the charts' unit."""
    return _s(amount * TO_YUAN.get(unit, Decimal(1)) / TO_YUAN[UNIT])


def _amount(cell: dict | None) -> Decimal | None:
    return None if cell is None or cell.get("amount") is None else Decimal(cell["amount"])


def _measure(table: dict, bases: tuple[str, ...], phases: tuple[str, ...] = PHASES_NOW) -> str | None:
    return first_measure([c["measure"] for c in table["columns"]], bases, phases)


def first_measure(measures: list[str], bases: tuple[str, ...], phases: tuple[str, ...] = PHASES_NOW) -> str | None:
    """The first of `measures` that is one of `bases` in one of `phases`, bases first."""
    for base in bases:
        for phase in phases:
            want = f"{base}@{phase}" if phase else base
            if want in measures:
                return want
    return None


def _first(tables: list[dict], kinds: tuple[str, ...], usable) -> tuple[dict, object] | None:
    for kind in kinds:
        for t in tables:
            if t["kind"] == kind and not t["empty"]:
                found = usable(t)
                if found:
                    return t, found
    return None


def _coded(table: dict, scheme_lengths: tuple[int, ...], measure: str) -> list[tuple[str, str, Decimal]]:
    """(code, name, amount) of the table's coded rows on the expense side."""
    out = []
    for r in table["rows"]:
        code = r["code"] or ""
        if len(code) in scheme_lengths and r["side"] in ("", "expense"):
            amount = _amount(r["cells"].get(measure))
            if amount is not None:
                out.append((code, r["item"] or r["label"], amount))
    return out


def _classified(tables: list[dict], kinds: tuple[str, ...]) -> tuple[dict, str] | None:
    """The first table of `kinds` with rows coded by class (3 digits), and its total or amount measure."""
    def usable(t):
        measure = _measure(t, ("total", "amount"))
        return measure if measure and any(len(r["code"] or "") == 3 for r in t["rows"]) else None

    return _first(tables, kinds, usable)


def function_chart(tables: list[dict]) -> dict | None:
    """Spending by function class as a tree 类 → 款 → 项 (a treemap or sunburst)."""
    found = _classified(tables, FUNCTION_TABLES)
    if found is None:
        return None
    table, measure = found
    nodes: dict[str, dict] = {}
    roots: list[dict] = []
    for code, name, amount in _coded(table, (3, 5, 7), measure):
        node = {"code": code, "name": name, "value": _shown(amount, table["unit"]), "children": []}
        nodes[code] = node
        parent = nodes.get(code[:5] if len(code) == 7 else code[:3] if len(code) == 5 else "")
        (parent["children"] if parent else roots).append(node)
    roots = [r for r in roots if Decimal(r["value"]) > 0]
    if not roots:
        return None
    return {"title": "支出功能分类", "table": table["title"], "unit": UNIT, "tree": roots}


def economic_chart(tables: list[dict]) -> dict | None:
    """Spending by economic class (类) of the general budget."""
    found = _classified(tables, ECONOMIC_TABLES)
    if found is None:
        return None
    table, measure = found
    items = [{"code": c, "name": n, "value": _shown(a, table["unit"])} for c, n, a in _coded(table, (3,), measure)
             if a > 0]
    if not items:
        return None
    return {"title": "支出经济分类", "table": table["title"], "unit": UNIT, "items": items}


def split_chart(tables: list[dict]) -> dict | None:
    """基本支出 / 项目支出 from the total row of the 支出总表."""
    for t in tables:
        if t["kind"] != "expense_summary" or t["empty"]:
            continue
        basic, project = _measure(t, ("basic",)), _measure(t, ("project",))
        total_rows = [r for r in t["rows"] if r["is_total"]] or t["rows"][:1]
        if not (basic and project and total_rows):
            continue
        row = total_rows[0]
        items = [{"name": name, "value": _shown(a, t["unit"])} for name, a in
                 (("基本支出", _amount(row["cells"].get(basic))), ("项目支出", _amount(row["cells"].get(project))))
                 if a is not None and a > 0]
        if items:
            return {"title": "基本支出与项目支出", "table": t["title"], "unit": UNIT, "items": items}
    return None


def three_public_by_year(table: dict, year: int | None) -> dict[int, dict[str, Decimal]]:
    """year → part → amount in 元, from a 三公 table: rows printed per year (深圳: 2022年, 2023年),
    prior-year columns (上年预算数), or one row for the disclosure's year."""
    factor = TO_YUAN.get(table["unit"], Decimal(1))
    out: dict[int, dict[str, Decimal]] = {}
    for r in table["rows"]:
        printed = _YEAR_ROW.match(r["item"] or r["label"] or "")
        for measure, cell in r["cells"].items():
            base, phase = split_measure(measure)
            amount = _amount(cell)
            if amount is None or base not in {p for p, _ in THREE_PUBLIC_PARTS} | {"vehicle_total"}:
                continue
            if printed:
                when = int(printed.group(1))
            elif phase in _PHASES_PRIOR and year:
                when = year - 1
            elif phase in PHASES_NOW and year:
                when = year
            else:
                continue
            out.setdefault(when, {}).setdefault(base, amount * factor)
    for parts in out.values():  # 购置 and 运行 unprinted: the vehicle total stands for 运行
        if "vehicle_total" in parts and "vehicle_purchase" not in parts and "vehicle_operation" not in parts:
            parts["vehicle_operation"] = parts["vehicle_total"]
    return out


def three_public_chart(s: Session, p: Principal, d: m.Disclosure, tables: list[dict]) -> dict | None:
    """三公 parts this year beside last year: from the table itself, else from last year's disclosure."""
    table = next((t for t in tables if t["kind"] == "three_public_costs" and not t["empty"] and t["rows"]), None)
    if table is None:
        return None
    years = three_public_by_year(table, d.year)
    source = table["title"]
    if d.year and d.year - 1 not in years:
        before = _series_member(s, p, d, d.year - 1)
        if before is not None:
            t = s.execute(select(m.Table).where(m.Table.disclosure_id == before.id,
                                                m.Table.kind == "three_public_costs")).scalars().first()
            if t is not None:
                earlier = three_public_by_year(table_full(s, t), before.year).get(before.year)
                if earlier:
                    years[before.year] = earlier
                    source += f"；上年：{before.year}年公开文件"
    shown = sorted(y for y in years if not d.year or y <= d.year)[-2:]
    if not shown:
        return None
    parts = [{"measure": key, "name": name,
              "values": [_shown(years[y][key], "元") if key in years[y] else None for y in shown]}
             for key, name in THREE_PUBLIC_PARTS]
    parts = [x for x in parts if any(v is not None for v in x["values"])]
    return {"title": "“三公”经费", "table": source, "unit": UNIT, "years": shown, "parts": parts} if parts else None


def _series_member(s: Session, p: Principal, d: m.Disclosure, year: int) -> m.Disclosure | None:
    """The body's current disclosure of the same kind and level for `year`, if `p` sees one."""
    return s.execute(select(m.Disclosure).where(
        m.Disclosure.body_id == d.body_id, m.Disclosure.kind == d.kind, m.Disclosure.level == d.level,
        m.Disclosure.year == year,
        access.visible(p), access.current(p))).scalars().first()


def years_chart(s: Session, p: Principal, d: m.Disclosure, tables: list[dict]) -> dict | None:
    """Total, 基本 and 项目 spending of the body for each year the store has (two years at least)."""
    expense = next((t for t in tables if t["kind"] == "expense_summary" and not t["empty"]), None)
    if expense is None or d.year is None:
        return None
    series = []
    for base, name in (("total", "支出合计"), ("basic", "基本支出"), ("project", "项目支出")):
        measure = _measure(expense, (base,))
        if measure is None:
            continue
        q = Query.parse(measure=measure, kind="expense_summary", rows="total", drilldown=["year"],
                        cut=[f"body:{d.body_id}|doc_kind:{d.kind}|level:{d.level}"], unit=UNIT)
        result = aggregate(s, p, q)
        series.append({"name": name, "values": {c["year"]: c["sum"] for c in result["cells"] if c["year"]}})
    years = sorted({y for x in series for y in x["values"]})
    if len(years) < 2:
        return None
    return {"title": "历年支出", "table": "支出总表", "unit": UNIT, "years": years,
            "series": [{"name": x["name"], "values": [x["values"].get(y) for y in years]} for x in series]}


def disclosure_charts(s: Session, p: Principal, detail: dict) -> dict:
    """The charts of one disclosure page, from its detail context (with full tables)."""
    d = s.get(m.Disclosure, detail["disclosure"]["id"])
    tables = detail["tables"]
    charts = {
        "function": function_chart(tables),
        "economic": economic_chart(tables),
        "split": split_chart(tables),
        "three_public": three_public_chart(s, p, d, tables),
        "years": years_chart(s, p, d, tables),
    }
    return {k: v for k, v in charts.items() if v is not None}
