"""A reviewer's overview: the versions waiting on the one asking (`access.waits_on`) — a department's
reviewer the units' submitted budgets (to approve or return) and those the finance bureau approved (to
publish), the finance bureau what departments approved, an editor its drafts and returned versions —
each with its error and warning counts and how many days it has waited.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from yusuan.store import access
from yusuan.store import models as m
from yusuan.store.access import ACTION_NAMES, NEXT_STEP, Principal
from yusuan.store.models import utcnow
from yusuan.store.queries import comment_dict, disclosure_summary
from yusuan.store.review import unacknowledged

STEP_ORDER = ("approve", "approve_finance", "publish", "submit")


def waiting(s: Session, p: Principal, *, now: datetime | None = None) -> dict:
    """{"disclosures": [...], "counts": {step: n}, "steps": {step: name}}: the latest version of each series that waits on `p`,
    longest waiting first. Each is the version's summary with `step` (what it waits for), `step_name`,
    `since` (when it came to its status), `days` (whole days since), `unacknowledged` (warnings without
    a reason yet) and, for a returned one, the reason (`returned`)."""
    now = now or utcnow()
    if p.is_public:
        return {"disclosures": [], "counts": {}, "steps": {}}
    rows = s.execute(select(m.Disclosure).where(
        access.visible(p), m.Disclosure.is_latest.is_(True), m.Disclosure.status.in_(tuple(NEXT_STEP)))
        .options(selectinload(m.Disclosure.body))).scalars().all()
    mine = [(d, step) for d in rows if (step := access.waits_on(p, d))]
    open_warnings = unacknowledged(s, [d.id for d, _ in mine])
    reasons = _return_reasons(s, [d.id for d, step in mine if d.status == "returned"])
    items = []
    for d, step in mine:
        since = d.status_at or d.created_at
        items.append({**disclosure_summary(d, p), "step": step, "step_name": ACTION_NAMES[step], "since": since.isoformat(),
                      "days": max(0, (now - since).days), "unacknowledged": open_warnings.get(d.id, 0),
                      "returned": reasons.get(d.id)})
    items.sort(key=lambda x: (STEP_ORDER.index(x["step"]), -x["days"], x["body"]["name"], x["year"] or 0))
    counts = Counter(x["step"] for x in items)
    return {"disclosures": items, "counts": {k: counts[k] for k in STEP_ORDER if counts[k]},
            "steps": {k: ACTION_NAMES[k] for k in STEP_ORDER}}


def _return_reasons(s: Session, disclosure_ids: list[int]) -> dict[int, dict]:
    """disclosure id → its last return's comment."""
    if not disclosure_ids:
        return {}
    found = s.execute(select(m.Comment).where(m.Comment.disclosure_id.in_(disclosure_ids), m.Comment.kind == "return")
                      .order_by(m.Comment.id).options(selectinload(m.Comment.user))).scalars()
    return {c.disclosure_id: comment_dict(c) for c in found}
