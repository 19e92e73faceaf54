"""Who may see and do what.

- the public (anonymous): published disclosures only;
- a unit editor: published ones, and every version of its own unit's (drafts included); it uploads,
  edits and submits its unit's drafts;
- a reviewer of a parent department: published ones, and every version of the department's and its
  units' disclosures; it comments and publishes them (and may upload for them);
- an administrator: everything.

The rules live here once, as predicates on loaded rows (`can_*`) and as SQL conditions for queries
(`visible`, `current`), so the web layer only asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select, true
from sqlalchemy.orm import Session

from yusuan.store import models as m

ROLE_NAMES = {"public": "公众", "admin": "管理员", "reviewer": "审核人", "editor": "填报人"}


@dataclass(frozen=True, slots=True)
class Principal:
    """The one asking: a user with its role, or the public."""

    role: str = "public"  # public | admin | reviewer | editor
    user_id: int | None = None
    username: str = ""
    body_id: int | None = None
    scope: frozenset[int] = field(default_factory=frozenset)  # bodies whose drafts it may see

    @property
    def is_public(self) -> bool:
        return self.role == "public"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


PUBLIC = Principal()


def principal_for(session: Session, user: m.User | None) -> Principal:
    if user is None or not user.is_active:
        return PUBLIC
    scope: frozenset[int] = frozenset()
    if user.role == "editor" and user.body_id is not None:
        scope = frozenset({user.body_id})
    elif user.role == "reviewer" and user.body_id is not None:
        scope = frozenset(subtree(session, user.body_id))
    return Principal(user.role, user.id, user.username, user.body_id, scope)


def subtree(session: Session, body_id: int) -> set[int]:
    """The body and every body under it."""
    edges = session.execute(select(m.Body.id, m.Body.parent_id)).all()
    children: dict[int | None, list[int]] = {}
    for bid, parent in edges:
        children.setdefault(parent, []).append(bid)
    found, todo = set(), [body_id]
    while todo:
        b = todo.pop()
        if b not in found:
            found.add(b)
            todo.extend(children.get(b, ()))
    return found


# SQL conditions on m.Disclosure


def visible(p: Principal):
    """Disclosures (any version) `p` may read."""
    if p.is_admin:
        return true()
    published = m.Disclosure.status == "published"
    if not p.scope:
        return published
    return or_(published, m.Disclosure.body_id.in_(p.scope))


def current(p: Principal):
    """The version of each series `p` sees by default: the latest one where it may see drafts, else
    the latest published one."""
    if p.is_admin:
        return m.Disclosure.is_latest == true()
    if not p.scope:
        return m.Disclosure.is_latest_published == true()
    in_scope = m.Disclosure.body_id.in_(p.scope)
    return or_(and_(in_scope, m.Disclosure.is_latest == true()),
               and_(~in_scope, m.Disclosure.is_latest_published == true()))



# Predicates on loaded rows


def is_current(p: Principal, d: m.Disclosure) -> bool:
    """`current(p)` on a loaded row: `d` is the newest version of its series that `p` may read (a draft
    newer than the public's version is not told to the public, not even that it exists)."""
    if p.is_admin or d.body_id in p.scope:
        return d.is_latest
    return d.is_latest_published


def can_read(p: Principal, d: m.Disclosure) -> bool:
    return p.is_admin or d.status == "published" or d.body_id in p.scope


def can_upload(p: Principal) -> bool:
    """Upload at all (for some body): what is asked before an uploaded file is read."""
    return p.is_admin or (p.role in ("editor", "reviewer") and bool(p.scope))


def can_edit_body(p: Principal, body_id: int | None) -> bool:
    """Upload (a new version) for this body."""
    if p.is_admin:
        return True
    return body_id is not None and p.role in ("editor", "reviewer") and body_id in p.scope


def can_edit(p: Principal, d: m.Disclosure) -> bool:
    """Change a draft's identity, submit it."""
    return d.status != "published" and can_edit_body(p, d.body_id)


def can_publish(p: Principal, d: m.Disclosure) -> bool:
    return p.is_admin or (p.role == "reviewer" and d.body_id in p.scope)


def can_comment(p: Principal, d: m.Disclosure) -> bool:
    """Comments are the review's conversation: the body's editors, its reviewers and admins."""
    return p.is_admin or (p.role in ("reviewer", "editor") and d.body_id in p.scope)


def can_see_comments(p: Principal, d: m.Disclosure) -> bool:
    return can_comment(p, d)


def can_audit(p: Principal) -> bool:
    return p.is_admin


def can_manage_users(p: Principal) -> bool:
    return p.is_admin


# Performance records (targets, monitoring, self-evaluation: store/perf.py): never public; a unit's editor
# keeps its unit's, a department's reviewer sees and reviews its own and its units', an administrator all.


def can_read_perf(p: Principal, body_id: int) -> bool:
    return p.is_admin or body_id in p.scope


def can_edit_perf(p: Principal, body_id: int) -> bool:
    """Enter or import targets, record a monitoring round or a self-evaluation, submit them."""
    return can_edit_body(p, body_id)


def can_review_perf(p: Principal, body_id: int) -> bool:
    """Approve or return what a unit submitted: its department's reviewer, or an administrator."""
    return p.is_admin or (p.role == "reviewer" and body_id in p.scope)
