"""Year over year from stored disclosures: the previous year's published disclosure of the same body, kind and
level, and each line's figure of that year taken to this year's codes through the code map (rules/prior.py),
with the change as the draft states it (比上年预算增加 X 万元，增长 Y%).

The context of a disclosure's year-over-year view; `with_prior_year` gives the disclosure itself with the
year before's figures as its prior-year columns (prepare/prior.py), for drafting and rendering."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from yusuan.model.disclosure import Disclosure as ModelDisclosure
from yusuan.model.disclosure import Value
from yusuan.model.vocabulary import TABLE_KINDS, split_measure
from yusuan.prepare.draft import change_words, wan
from yusuan.prepare.prior import OWN_PHASE, PRIOR_PHASE, with_prior
from yusuan.rules.context import Context, Related
from yusuan.rules.prior import prior_of, prior_table, year_map
from yusuan.rules.tables import column_name
from yusuan.store import access
from yusuan.store import models as m
from yusuan.store.convert import load_disclosure
from yusuan.store.queries import disclosure_summary, get_disclosure
from yusuan.store.related import previous
from yusuan.store.types import canonical
from yusuan.store.years import two_years


def previous_published(s: Session, p, d: m.Disclosure) -> m.Disclosure | None:
    """The previous year's published disclosure of `d`'s body, kind and level, if `p` may read it."""
    prev = previous(s, d.body_id, d.year, d.kind, d.level)
    return prev if prev is not None and access.can_read(p, prev) else None


def with_prior_year(s: Session, p, disclosure_id: int) -> ModelDisclosure:
    """The disclosure with the previous year's published figures as its prior-year columns (as it is when there
    is none)."""
    d = get_disclosure(s, p, disclosure_id)
    doc = load_disclosure(s, d.id)
    prev = previous_published(s, p, d)
    return with_prior(doc, load_disclosure(s, prev.id)) if prev is not None else doc


def prior_year(s: Session, p, disclosure_id: int) -> dict:
    """Each line of a disclosure beside the previous year's published figure of it (codes mapped)."""
    d = get_disclosure(s, p, disclosure_id)
    prev = previous_published(s, p, d)
    out = {"disclosure": disclosure_summary(d, p), "prior": disclosure_summary(prev, p) if prev is not None else None,
           "tables": [], "classes": None}
    if prev is None or d.kind not in OWN_PHASE:
        return out
    doc, prior = load_disclosure(s, d.id), load_disclosure(s, prev.id)
    ctx = Context(doc, Related(prior=prior))
    own = OWN_PHASE[d.kind]
    out["classes"] = two_years(doc, prior)
    for table in doc.tables:
        lines, only_current = [], []
        theirs = prior_table(ctx, table)
        for row in table.rows:
            for measure, value in row.values.items():
                base, phase = split_measure(measure)
                if phase != own:
                    continue
                pf = prior_of(ctx, table, row, measure)
                if pf is None:
                    if theirs is not None and row.code and not row.is_total and \
                            not any(x["row"] is row for x in only_current):
                        only_current.append({"side": row.side, "code": row.code, "item": row.item,
                                             "column": column_name(table, measure, row.side), "current": value.text,
                                             "row": row})
                    continue
                before = canonical(pf.in_unit_of(table))
                printed = row.values.get(f"{base}@{PRIOR_PHASE[d.kind]}")
                current, last = wan(value, table.unit), wan(_value(before), table.unit)
                lines.append({
                    "side": row.side, "code": row.code, "item": row.item, "measure": measure,
                    "column": column_name(table, measure, row.side), "current": value.text,
                    "prior": None if pf.unsure else str(before), "prior_page": pf.where[0].page if pf.where else None,
                    "printed_prior": printed.text if printed is not None else None,
                    "diff": None if pf.unsure else str(canonical(value.amount - before)),
                    "pct": None if pf.unsure or not before else
                    str(((value.amount - before) / before * 100).quantize(Decimal("0.01"))),
                    "words": "" if pf.unsure else change_words(doc, current, last),
                    "note": pf.note, "unsure": pf.unsure,
                })
        for x in only_current:
            del x["row"]
        only_prior = _only_prior(ctx, table, theirs, own) if theirs is not None else []
        if lines or only_current or only_prior:
            out["tables"].append({"kind": table.kind, "kind_name": TABLE_KINDS.get(table.kind, table.kind),
                                  "title": table.title, "unit": table.unit, "lines": lines,
                                  "only_current": only_current, "only_prior": only_prior})
    return out


def _only_prior(ctx: Context, table, theirs, own: str) -> list[dict]:
    """The coded lines of the year before's table whose codes (mapped to this year's) this year's table does not
    print: the classes dropped, or no longer spent on."""
    ymap = year_map(ctx)
    mine = {(r.side, r.code) for r in table.rows if r.code}
    out = []
    for r in theirs.rows:
        if not r.code or r.is_total:
            continue
        news = ymap.new(r.code) if ymap is not None else (r.code,)
        if any((r.side, c) in mine for c in news):
            continue
        first = next((v for k, v in r.values.items() if split_measure(k)[1] == own), None)
        out.append({"side": r.side, "code": r.code, "item": r.item, "prior": first.text if first else None,
                    "page": first.source.page if first is not None and first.source is not None else None})
    return out


def _value(amount: Decimal) -> Value:
    return Value(amount, f"{amount:f}", None)
