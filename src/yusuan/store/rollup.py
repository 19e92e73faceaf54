"""The city's roll-up of one year and kind: every department (a body without a parent) with its own
部门预算's totals beside the sum of its units' published disclosures (`related.units`: its 本级 and each
child body's), the difference, and what the roll-up rules found on the department's stored version
(findings `rollup-…`, re-checked when a unit is published later: store/recheck.py); and the city total.

Only published disclosures count (the roll-up is what the public can add up); figures in 万元."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from yusuan.model.vocabulary import DOCUMENT_KINDS
from yusuan.store import access
from yusuan.store import models as m
from yusuan.store.access import Principal
from yusuan.store.convert import load_disclosure
from yusuan.store.queries import disclosure_summary, years as visible_years
from yusuan.store.recheck import ROLLUP
from yusuan.store.related import published, units
from yusuan.store.years import TOTALS, UNIT, change, totals, wan

SHOWN = ("spending", "basic", "project", "three_public")
MAX_DEPARTMENTS = 200  # each disclosure is loaded whole


def _sum(values: list[Decimal | None]) -> Decimal | None:
    have = [v for v in values if v is not None]
    return sum(have, Decimal(0)) if have else None


def rollup(s: Session, p: Principal, *, year: int | None = None, kind: str = "budget") -> dict:
    years = visible_years(s, p)
    if year is None and years:
        year = max(years)
    rows = []
    departments = s.execute(select(m.Body).where(m.Body.parent_id.is_(None)).order_by(m.Body.name)).scalars().all()
    for body in departments[:MAX_DEPARTMENTS]:
        own = published(s, body.id, year, kind, ("department",))
        parts, complete = units(s, body, year, kind)
        if own is None and not parts:
            continue
        mine = totals(load_disclosure(s, own.id)) if own is not None and access.can_read(p, own) else None
        theirs = [totals(load_disclosure(s, d.id)) for d in parts]
        summed = {k: _sum([t[k] for t in theirs]) for k in SHOWN} if theirs else None
        found = [f for f in own.findings if f.rule.startswith(ROLLUP)] if mine is not None else []
        rows.append({
            "body": {"id": body.id, "name": body.name},
            "disclosure": disclosure_summary(own, p) if mine is not None else None,
            "own": {k: wan(mine[k]) for k in SHOWN} if mine is not None else None,
            "units": {k: wan(summed[k]) for k in SHOWN} if summed is not None else None,
            "difference": {k: change(mine[k], summed[k])["diff"] for k in SHOWN}
            if mine is not None and summed is not None else None,
            "unit_count": len(parts), "complete": complete,
            "unit_links": [{"id": d.id, "body": d.body.name, "level": d.level} for d in parts],
            "findings": dict(Counter(f.severity for f in found)),
            "rules": sorted({f.rule for f in found if f.severity != "info"}),
            "_size": (mine or {}).get("spending") or (summed or {}).get("spending") or Decimal(0),
        })
    rows.sort(key=lambda r: r["_size"], reverse=True)
    city = sum((r.pop("_size") for r in rows), Decimal(0))
    return {
        "year": year, "kind": kind, "kind_name": DOCUMENT_KINDS.get(kind, kind), "kinds": DOCUMENT_KINDS,
        "years": years, "unit": UNIT, "measures": {k: TOTALS[k] for k in SHOWN},
        "departments": rows, "count": len(rows),
        "with_problems": sum(1 for r in rows if r["findings"].get("error") or r["findings"].get("warning")),
        "city": {"spending": wan(city) if rows else None,
                 "note": "各部门的部门预算支出总计之和；没有部门预算的部门以已公开单位预算之和计"},
    }
