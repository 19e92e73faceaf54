"""Peers: the current disclosures a caller sees, compared on their shares of spending (export/peers.py),
as the context of the peers page and its JSON twin."""

from __future__ import annotations

from decimal import Decimal
from statistics import median

from sqlalchemy.orm import Session

from yusuan.export import peers as pe
from yusuan.model.vocabulary import DOCUMENT_KINDS, LEVELS
from yusuan.store import queries
from yusuan.store.access import Principal
from yusuan.store.convert import load_disclosure
from yusuan.store.types import canonical

MAX_PEERS = 300  # each disclosure is loaded whole: about a tenth of a second


def _dec(d: Decimal | None, places: int | None = None) -> str | None:
    if d is None:
        return None
    return str(round(d, places)) if places is not None else str(canonical(d))


def peers(s: Session, p: Principal, *, year: int | None = None, kind: str = "budget", level: str | None = None,
          department_id: int | None = None, q: str | None = None) -> dict:
    found = queries.disclosure_list(s, p, year=year, kind=kind, level=level, department_id=department_id, q=q,
                                    limit=MAX_PEERS)
    profiles = [pe.profile(load_disclosure(s, d["id"]), label=d["body"]["name"], ref=d)
                for d in found["disclosures"]]
    pe.compare(profiles, key=lambda x: x.year)  # a body is compared with the others of its year
    rows = []
    for x in profiles:
        d = x.ref
        rows.append({
            "disclosure_id": d["id"], "body": d["body"]["name"], "year": d["year"], "level_name": d["level_name"],
            "figures": {k: _dec(v) for k, v in x.figures.items()},
            "shares": {k: _dec(v * 100 if v is not None else None, 2) for k, v in x.shares.items()},
            "scores": {k: _dec(v, 1) for k, v in x.scores.items()},
            "flags": x.flags,
        })
    stats = {}
    for share in pe.SHARES:
        values = [x.shares[share] for x in profiles if x.shares.get(share) is not None]
        stats[share] = {"count": len(values),
                        "median": _dec(median(values) * 100, 2) if values else None}
    return {
        "filters": {k: v for k, v in dict(year=year, kind=kind, level=level, department_id=department_id, q=q).items()
                    if v is not None},
        "total": found["total"], "shown": len(rows), "limit": MAX_PEERS,
        "indicators": pe.INDICATORS, "shares": list(pe.SHARES), "threshold": str(pe.THRESHOLD),
        "min_peers": pe.MIN_PEERS, "rows": rows, "stats": stats,
        "years": queries.years(s, p), "kinds": DOCUMENT_KINDS, "levels": LEVELS,
        "flagged": sum(1 for r in rows if r["flags"]),
    }
