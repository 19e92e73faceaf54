"""The stored disclosures a disclosure is checked against (`rules.context.Related`): a department's units'
and the same body's of the year before, all published.

- units of a department body: its own 单位预算 (本级: level unit, same body) and each child body's disclosure of
  the same year and kind (a child's 部门预算 when it has one: it contains that child's own units); the set is
  complete when every child body has one.
- the year before: the same body's latest published version of the same kind and level, one year earlier.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from yusuan.model.disclosure import Disclosure as ModelDisclosure
from yusuan.rules.context import NO_RELATED, Related
from yusuan.rules.finding import Finding
from yusuan.rules.registry import related_rules, run
from yusuan.store import models as m
from yusuan.store.convert import load_disclosure


def published(s: Session, body_id: int, year: int | None, kind: str, levels: tuple[str, ...]) -> m.Disclosure | None:
    """The latest published version of a body's disclosure of that year and kind, by the first level found."""
    if year is None:
        return None
    found = s.execute(select(m.Disclosure).where(
        m.Disclosure.body_id == body_id, m.Disclosure.year == year, m.Disclosure.kind == kind,
        m.Disclosure.level.in_(levels), m.Disclosure.status == "published",
    ).order_by(m.Disclosure.version.desc())).scalars().all()
    for level in levels:
        for d in found:
            if d.level == level:
                return d
    return None


def previous(s: Session, body_id: int, year: int | None, kind: str, level: str) -> m.Disclosure | None:
    """The same body's published disclosure of the year before (same kind and level)."""
    return published(s, body_id, year - 1 if year else None, kind, (level,))


def units(s: Session, body: m.Body, year: int | None, kind: str) -> tuple[list[m.Disclosure], bool]:
    """A department body's units' published disclosures of that year and kind, and whether every child body
    has one."""
    out = []
    own = published(s, body.id, year, kind, ("unit",))
    if own is not None:
        out.append(own)
    children = s.execute(select(m.Body).where(m.Body.parent_id == body.id).order_by(m.Body.id)).scalars().all()
    complete = True
    for child in children:
        d = published(s, child.id, year, kind, ("department", "unit"))
        if d is None:
            complete = False
        else:
            out.append(d)
    return (out, complete) if children else ([], False)


def related_for(s: Session, doc: ModelDisclosure, body: m.Body | None, year: int | None = None) -> Related:
    """What a disclosure of `body` (about to be stored, or stored) is compared with."""
    if body is None:
        return NO_RELATED
    ident = doc.identity
    year = year or ident.year
    kind = ident.kind if ident.kind in m.KINDS else "budget"
    level = ident.level if ident.level in m.LEVELS else body.level
    parts, complete = units(s, body, year, kind) if level == "department" else ([], False)
    prior = previous(s, body.id, year, kind, level)
    return Related(units=tuple(load_disclosure(s, d.id) for d in parts), complete=complete,
                   prior=load_disclosure(s, prior.id) if prior is not None else None)


def related_findings(s: Session, doc: ModelDisclosure, body: m.Body | None, year: int | None = None) -> list[Finding]:
    """The findings of the rules that compare `doc` with the stored disclosures related to it (none when
    there are none)."""
    related = related_for(s, doc, body, year)
    return run(doc, related_rules(), related) if related else []
