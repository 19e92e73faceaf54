"""A body across years: its current published disclosures of one kind, year by year, with the totals
(支出总计, 基本/项目支出, “三公”经费, 机关运行经费, read as the peers page reads them: export/peers.py) and the
change from the year before, and the spending by function class (类) of each year, every year's codes
taken to the latest year's through the code map (catalog/codemap.py), so a class renamed or renumbered
between the years is one line. Also the classes of two years for the year-over-year page (`two_years`)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from yusuan.catalog.codemap import YearMap, between, carry
from yusuan.export import peers as pe
from yusuan.model.disclosure import Disclosure as ModelDisclosure
from yusuan.model.vocabulary import DOCUMENT_KINDS, split_measure
from yusuan.rules.reconcile import collect
from yusuan.rules.tables import scale
from yusuan.store import access
from yusuan.store import models as m
from yusuan.store.access import Principal
from yusuan.store.convert import load_disclosure
from yusuan.store.queries import NotFound, disclosure_summary
from yusuan.store.types import canonical

UNIT = "万元"
WAN = Decimal(10000)
FUNCTION_TABLES = ("expense_summary", "general_budget_by_function", "appropriation_expense")
TOTALS = {"spending": "支出总计", "basic": "基本支出", "project": "项目支出", "three_public": "“三公”经费",
          "office_operating": "机关运行经费"}
MAX_YEARS = 30


def wan(yuan: Decimal | None) -> str | None:
    return None if yuan is None else str(canonical(yuan / WAN))


def change(now: Decimal | None, before: Decimal | None) -> dict:
    """The change from `before` to `now` (元 in, 万元 out) and its percentage, None where one is missing."""
    if now is None or before is None:
        return {"diff": None, "pct": None}
    pct = ((now - before) / before * 100).quantize(Decimal("0.01")) if before else None
    return {"diff": wan(now - before), "pct": None if pct is None else str(pct)}


def totals(doc: ModelDisclosure) -> dict[str, Decimal | None]:
    """The totals of a disclosure in 元 (None: not printed)."""
    figures = collect(doc)
    out = pe.profile(doc, figures=figures).figures
    return {key: (pe.part_of_spending(figures, "basic")[0] if key == "basic" else out.get(key)) for key in TOTALS}


def function_classes(doc: ModelDisclosure) -> tuple[str, dict[str, tuple[str, Decimal]]]:
    """The spending by function class (类, three-digit codes) in 元 of the first table printing it, with the
    table's title: {code: (name, amount)}."""
    for kind in FUNCTION_TABLES:
        for table in doc.tables_of(kind):
            measures = [c.measure for c in table.columns]
            measure = next((x for base in ("total", "amount") for x in measures
                            if split_measure(x)[0] == base and split_measure(x)[1] in ("", "final")), None)
            if measure is None:
                continue
            found = {r.code: (r.item, r.values[measure].amount * scale(table)) for r in table.rows
                     if len(r.code) == 3 and r.side in ("", "expense") and measure in r.values}
            if found:
                return table.title, found
    return "", {}


def mapped_classes(classes: dict[str, tuple[str, Decimal]], ymap: YearMap) -> dict[str, dict]:
    """One year's classes under a later year's codes: {code: {amount, names, old codes, note}}; an amount
    is None where an old class was split (the map cannot divide it)."""
    carried = carry({c: a for c, (_, a) in classes.items()}, ymap)
    out = {}
    for code, c in carried.items():
        out[code] = {"amount": c.amount, "old": list(c.old), "name": classes[c.old[0]][0],
                     "note": ymap.note_of(c.old, code)}
    return out


def class_lines(years: list[int], by_year: dict[int, dict[str, tuple[str, Decimal]]]) -> list[dict]:
    """Function classes by year, every year's codes as the last year's."""
    last = years[-1]
    mapped = {y: mapped_classes(by_year[y], between(y, last)) for y in years}
    codes = sorted({c for y in years for c in mapped[y]})
    lines = []
    for code in codes:
        name = next((mapped[y][code]["name"] for y in reversed(years) if code in mapped[y]), "")
        notes = [mapped[y][code]["note"] for y in years if code in mapped[y] and mapped[y][code]["note"]]
        values = [wan(mapped[y][code]["amount"]) if code in mapped[y] else None for y in years]
        lines.append({"code": code, "name": name, "values": values, "notes": list(dict.fromkeys(notes))})
    return lines


def body_years(s: Session, p: Principal, body_id: int, kind: str = "budget") -> dict:
    """A body's current published disclosures of `kind`, one per year, with their totals, the change from
    the year listed before, and the spending by function class year by year (codes mapped)."""
    body = s.get(m.Body, body_id)
    if body is None:
        raise NotFound(f"没有编号为 {body_id} 的单位")
    found = s.execute(select(m.Disclosure).where(
        m.Disclosure.body_id == body.id, m.Disclosure.kind == kind, m.Disclosure.year.is_not(None),
        m.Disclosure.is_latest_published.is_(True), access.visible(p),
    ).order_by(m.Disclosure.year)).scalars().all()[-MAX_YEARS:]
    rows, by_year, tables = [], {}, {}
    before: dict[str, Decimal | None] | None = None
    for d in found:
        doc = load_disclosure(s, d.id)
        figures = totals(doc)
        rows.append({
            "year": d.year, "since": rows[-1]["year"] if rows else None, "disclosure": disclosure_summary(d, p),
            "totals": {k: wan(v) for k, v in figures.items()},
            "changes": {k: change(v, before.get(k)) if before is not None else {"diff": None, "pct": None}
                        for k, v in figures.items()},
        })
        before = figures
        tables[d.year], by_year[d.year] = function_classes(doc)
    years = [r["year"] for r in rows]
    chart = None
    if len(years) >= 2:
        chart = {"title": "历年支出", "unit": UNIT, "years": years,
                 "series": [{"name": TOTALS[k], "values": [r["totals"][k] for r in rows]}
                            for k in ("spending", "basic", "project") if any(r["totals"][k] for r in rows)]}
    return {
        "body": {"id": body.id, "name": body.name, "level": body.level}, "kind": kind,
        "kind_name": DOCUMENT_KINDS.get(kind, kind), "kinds": DOCUMENT_KINDS, "unit": UNIT,
        "totals_names": TOTALS, "years": rows,
        "classes": {"years": years, "tables": {str(y): tables[y] for y in years},
                    "lines": class_lines(years, by_year) if years else []},
        "chart": chart,
    }


def two_years(doc: ModelDisclosure, prior: ModelDisclosure) -> dict | None:
    """The spending by function class of a disclosure and its year before (codes mapped to this year's), for
    the year-over-year page's chart; None when either prints none."""
    year, last = doc.identity.year, prior.identity.year
    _, now = function_classes(doc)
    _, then = function_classes(prior)
    if not now or not then or not year or not last:
        return None
    lines = class_lines([last, year], {last: then, year: now})
    return {"title": "支出功能分类（类）两年对比", "unit": UNIT, "years": [last, year], "lines": lines}
