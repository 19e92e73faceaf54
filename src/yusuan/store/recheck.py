"""A department checked again when one of its units is published after it.

Findings are computed at intake, so a department stored before its units was checked against fewer of them
(or none). When a disclosure is published, its parent body's disclosures of the same year and kind (the
series' latest version and the current published one, at department level) are checked again against the
units stored now (`related.related_for`), and their roll-up findings (rule ids `rollup-…`) are replaced by
the new ones; the other findings, made from the document alone or from the year before, stay. A finding
set still belongs to one version: the version's counts are recounted and an audit entry `recheck` records
what caused it and the roll-up findings before and after (shown on the disclosure's page).
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from yusuan.rules.registry import related_rules, run
from yusuan.store import models as m
from yusuan.store.accounts import audit
from yusuan.store.convert import finding_rows, load_disclosure, stored_locations
from yusuan.store.related import related_for

ROLLUP = "rollup-"
ACTION = "recheck"


def rollup_rules() -> list[str]:
    return [r for r in related_rules() if r.startswith(ROLLUP)]


def _counts(findings) -> dict[str, int]:
    return dict(sorted(Counter(f"{f.rule}:{f.severity}" for f in findings).items()))


def recheck(s: Session, d: m.Disclosure, *, cause: m.Disclosure | None = None, user: m.User | None = None,
            ip: str = "") -> bool:
    """Check `d` (a department's disclosure) again against its stored units; replace its roll-up findings.
    Returns whether they changed (an audit entry is written either way)."""
    doc = load_disclosure(s, d.id)
    related = related_for(s, doc, d.body, d.year)
    new = run(doc, rollup_rules(), related) if related.units else []
    old = [f for f in d.findings if f.rule.startswith(ROLLUP)]
    before, after = _counts(old), _counts(new)
    changed = sorted((f.rule, f.severity, f.message) for f in old) != sorted((f.rule, f.severity, f.message) for f in new)
    if changed:
        for f in old:
            d.findings.remove(f)
        s.flush()
        by_cell, others = stored_locations(d)
        start = max((f.position for f in d.findings), default=-1) + 1
        d.findings.extend(finding_rows(new, by_cell, others, start))
        for severity, column in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
            setattr(d, column, sum(f.severity == severity for f in d.findings))
        s.flush()
    audit(s, ACTION, user=user, ip=ip, disclosure_id=d.id, detail={
        "cause": cause.id if cause is not None else None,
        "cause_body": cause.body.name if cause is not None else "",
        "units": len(related.units), "complete": related.complete,
        "before": before, "after": after, "changed": changed,
    })
    return changed


def recheck_parent(s: Session, published: m.Disclosure, *, user: m.User | None = None, ip: str = "") -> list[int]:
    """After `published` was published: re-check its parent body's department disclosures of the same year
    and kind (latest and current published versions). Returns the ids re-checked."""
    body = published.body
    if published.status != "published" or body is None or body.parent_id is None:
        return []
    s.flush()
    targets = s.execute(select(m.Disclosure).where(
        m.Disclosure.body_id == body.parent_id, m.Disclosure.year == published.year,
        m.Disclosure.kind == published.kind, m.Disclosure.level == "department",
        or_(m.Disclosure.is_latest.is_(True), m.Disclosure.is_latest_published.is_(True)),
    ).order_by(m.Disclosure.version)).scalars().all()
    for d in targets:
        recheck(s, d, cause=published, user=user, ip=ip)
    return [d.id for d in targets]


def rechecks(s: Session, disclosure_id: int) -> list[dict]:
    """The re-checks of one disclosure, newest first (for its page)."""
    entries = s.execute(select(m.AuditEntry).where(
        m.AuditEntry.disclosure_id == disclosure_id, m.AuditEntry.action == ACTION,
    ).order_by(m.AuditEntry.at.desc(), m.AuditEntry.id.desc())).scalars().all()
    return [{"at": e.at.isoformat(), **e.detail} for e in entries]
