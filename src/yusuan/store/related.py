"""The stored disclosures a disclosure is checked against (`rules.context.Related`): a department's units'
and the same body's of the year before, all published.

- units of a department body: its own 单位预算 (本级: level unit, same body) and each child body's disclosure of
  the same year and kind (a child's 部门预算 when it has one: it contains that child's own units); the set is
  complete when every child body has one. The rule is `contained` (and `container` the other way), which the
  pages use too (`queries.units_of`, `queries.department_of`) on the versions their reader sees.
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
    return first_found(s, body_id, year, kind, levels, m.Disclosure.status == "published",
                       order=m.Disclosure.version.desc())


def first_found(s: Session, body_id: int, year: int | None, kind: str, levels: tuple[str, ...], *conds,
                order=None) -> m.Disclosure | None:
    """A body's disclosure of that year and kind meeting `conds` (the first by `order`), by the first level of
    `levels` that has one."""
    if year is None:
        return None
    q = select(m.Disclosure).where(m.Disclosure.body_id == body_id, m.Disclosure.year == year,
                                   m.Disclosure.kind == kind, m.Disclosure.level.in_(levels), *conds)
    found = s.execute(q.order_by(order) if order is not None else q).scalars().all()
    for level in levels:
        for d in found:
            if d.level == level:
                return d
    return None


def previous(s: Session, body_id: int, year: int | None, kind: str, level: str) -> m.Disclosure | None:
    """The same body's published disclosure of the year before (same kind and level)."""
    return published(s, body_id, year - 1 if year else None, kind, (level,))


OWN, CHILD = ("unit",), ("department", "unit")  # the levels a department contains of itself, of a child body


def contained(s: Session, body_id: int, find) -> tuple[m.Disclosure | None, list[m.Disclosure], int]:
    """What a department body's 部门预算 contains: its own 单位预算 (本级), each child body's disclosure (a
    child's 部门预算 when it has one, else its 单位预算), and how many child bodies it has (the set is complete
    when each has one). `find(body_id, levels)` picks a body's disclosure (of the year and kind in question,
    the version wanted)."""
    children = s.execute(select(m.Body.id).where(m.Body.parent_id == body_id).order_by(m.Body.id)).scalars().all()
    found = [d for child in children if (d := find(child, CHILD)) is not None]
    return find(body_id, OWN), found, len(children)


def container(s: Session, d: m.Disclosure, find) -> m.Disclosure | None:
    """The 部门预算 that contains `d` (`contained` the other way): a 单位预算's own body's 部门预算 (it is
    that department's 本级) or else its parent body's; a child's 部门预算 its parent body's."""
    parent = s.scalar(select(m.Body.parent_id).where(m.Body.id == d.body_id))
    if d.level == "unit" and (own := find(d.body_id, ("department",))) is not None:
        return own
    if parent is None or find(parent, ("department",)) is None:
        return None
    mine = find(d.body_id, CHILD)  # the one of this body its parent's 部门预算 counts
    return find(parent, ("department",)) if mine is not None and mine.id == d.id else None


def inside_others(found: list[tuple[int, int, int | None, int | None, str, str]]) -> set[int]:
    """Of disclosures given as (id, body, parent body, year, kind, level), those another of them contains
    (`container`'s rule on a set): a 单位预算 whose own body or parent body has a 部门预算 of the same year and
    kind among them, and a 部门预算 whose parent body has one. Summing the rest counts each amount once."""
    departments = {(body, year, kind) for _, body, _, year, kind, level in found if level == "department"}
    return {i for i, body, parent, year, kind, level in found
            if (level == "unit" and (body, year, kind) in departments)
            or (parent is not None and (parent, year, kind) in departments)}


def units(s: Session, body: m.Body, year: int | None, kind: str) -> tuple[list[m.Disclosure], bool]:
    """A department body's units' published disclosures of that year and kind, and whether every child body
    has one (none when the body has no child: nothing to roll up)."""
    own, found, children = contained(s, body.id, lambda b, levels: published(s, b, year, kind, levels))
    if not children:
        return [], False
    return [*([own] if own is not None else []), *found], len(found) == children


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
