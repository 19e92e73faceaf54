"""Who may see and do what.

- the public (anonymous): published disclosures only;
- a unit editor: published ones, and every version of its own unit's (drafts included); it uploads,
  edits, acknowledges the warnings of and submits its unit's drafts (an editor of a department does the
  same for the department's own 部门预算);
- a reviewer of a parent department: published ones, and every version of the department's and its
  units' disclosures; it comments, approves or returns what was submitted, and publishes what the
  finance bureau approved (it may also upload and submit for them);
- the finance bureau (财政局, role `finance`): every department's disclosures; it comments, approves
  or returns what a department approved;
- an administrator: everything, every step of the chain (never skipping one).

The review chain (`CHAIN`): draft → submitted → approved (by the department) → approved_finance (by
the finance bureau) → published; a version returned (退回, with a reason) is the editor's again, to be
corrected and submitted anew. A published version is frozen: a correction is a new version.

The rules live here once, as predicates on loaded rows (`can_*`, `may`) and as SQL conditions for
queries (`visible`, `current`), so the web layer only asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select, true
from sqlalchemy.orm import Session

from yusuan.store import models as m

ROLE_NAMES = {"public": "公众", "admin": "管理员", "finance": "财政局", "reviewer": "审核人", "editor": "填报人"}
ROLE_HELP = {"admin": "管理全部单位和用户，可以完成审核的每一步",
             "finance": "财政局：查看全部部门，审核部门已审核通过的文件（通过或退回）",
             "reviewer": "主管部门审核人：审核下属单位和本部门提交的文件（通过或退回），公开财政局审核通过的文件",
             "editor": "填报人：上传本单位（或本部门）的文件，确认警告并提交审核"}
ROLES_WITH_BODY = ("reviewer", "editor")  # the roles a user holds for one body (and its units)

STATUS_NAMES = {"draft": "草稿", "submitted": "已提交", "returned": "已退回", "approved": "部门已审核",
                "approved_finance": "财政已审核", "published": "已公开"}
EDITABLE = ("draft", "returned")  # the statuses in which the editor works on a version
PATH = ("draft", "submitted", "approved", "approved_finance", "published")  # the chain's way, in order

# The review chain: action → (the statuses it starts from, the status it leads to)
CHAIN: dict[str, tuple[tuple[str, ...], str]] = {
    "submit": (EDITABLE, "submitted"),
    "approve": (("submitted",), "approved"),
    "approve_finance": (("approved",), "approved_finance"),
    "return": (("submitted", "approved"), "returned"),
    "publish": (("approved_finance",), "published"),
}
ACTION_NAMES = {"submit": "提交审核", "approve": "部门审核通过", "approve_finance": "财政审核通过",
                "return": "退回修改", "publish": "公开"}
# what a version in each status waits for, and on whom (`waits_on`)
NEXT_STEP = {"draft": "submit", "returned": "submit", "submitted": "approve", "approved": "approve_finance",
             "approved_finance": "publish"}


@dataclass(frozen=True, slots=True)
class Principal:
    """The one asking: a user with its role, or the public."""

    role: str = "public"  # public | admin | finance | reviewer | editor
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

    @property
    def reads_all(self) -> bool:
        """Sees every body's disclosures, drafts included: an administrator, the finance bureau."""
        return self.role in ("admin", "finance")


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
    if p.reads_all:
        return true()
    published = m.Disclosure.status == "published"
    if not p.scope:
        return published
    return or_(published, m.Disclosure.body_id.in_(p.scope))


def current(p: Principal):
    """The version of each series `p` sees by default: the latest one where it may see drafts, else
    the latest published one."""
    if p.reads_all:
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
    if p.reads_all or d.body_id in p.scope:
        return d.is_latest
    return d.is_latest_published


def can_read(p: Principal, d: m.Disclosure) -> bool:
    return p.reads_all or d.status == "published" or d.body_id in p.scope


def can_upload(p: Principal) -> bool:
    """Upload at all (for some body): what is asked before an uploaded file is read."""
    return p.is_admin or (p.role in ROLES_WITH_BODY and bool(p.scope))


def can_edit_body(p: Principal, body_id: int | None) -> bool:
    """Upload (a new version) for this body."""
    if p.is_admin:
        return True
    return body_id is not None and p.role in ROLES_WITH_BODY and body_id in p.scope


def can_add_body(p: Principal, parent_id: int | None) -> bool:
    """Create a body named by an upload: an administrator anywhere, a reviewer under its department."""
    return p.is_admin or (p.role == "reviewer" and parent_id is not None and parent_id in p.scope)


def can_edit(p: Principal, d: m.Disclosure) -> bool:
    """Change a version's identity, acknowledge its warnings: while it is the editor's (a draft, or
    returned); never once submitted (the version under review does not change) or published."""
    return d.status in EDITABLE and can_edit_body(p, d.body_id)


def can_acknowledge(p: Principal, d: m.Disclosure) -> bool:
    return can_edit(p, d)


def _reviews(p: Principal, d: m.Disclosure) -> bool:
    """The reviewer of the department the version's body is in (or the department itself)."""
    return p.role == "reviewer" and d.body_id in p.scope


def allowed(p: Principal, d: m.Disclosure, action: str) -> bool:
    """Whether `p`'s role lets it take this step of the chain on `d` (its status aside: `may`)."""
    if action not in CHAIN:
        raise ValueError(action)
    if p.is_admin:
        return True
    if action == "submit":
        return can_edit_body(p, d.body_id)
    if action in ("approve", "publish"):
        return _reviews(p, d)
    if action == "approve_finance":
        return p.role == "finance"
    # return: the department sends back what was submitted to it, the finance bureau what it was sent
    return p.role == "finance" if d.status == "approved" else _reviews(p, d)


def may(p: Principal, d: m.Disclosure, action: str) -> bool:
    """`p` may take this step now: its role allows it and `d` is in a status the step starts from."""
    return d.status in CHAIN[action][0] and allowed(p, d, action)


def refusal(d: m.Disclosure, action: str) -> str:
    """Why `action` is refused to one who may not take it (Chinese, for the 403)."""
    return {"submit": "只有本单位的填报人、主管部门的审核人或管理员可以提交这份文件",
            "approve": "只有主管部门的审核人或管理员可以审核通过这份文件",
            "approve_finance": "只有财政局或管理员可以财政审核通过",
            "return": ("只有财政局或管理员可以退回部门已审核的文件" if d.status == "approved"
                       else "只有主管部门的审核人或管理员可以退回这份文件"),
            "publish": "只有主管部门的审核人或管理员可以公开这份文件"}[action]


def waits_on(p: Principal, d: m.Disclosure) -> str | None:
    """The step `d` waits for if it waits on `p`: a draft or a returned version on its unit's editor, a
    submitted one on its department's reviewer, a department-approved one on the finance bureau, a
    finance-approved one on its department's reviewer again (to publish); every step on an administrator
    but the editor's."""
    step = NEXT_STEP.get(d.status)
    if step is None or not may(p, d, step):
        return None
    if step == "submit" and p.role != "editor":
        return None
    return step


def can_comment(p: Principal, d: m.Disclosure) -> bool:
    """Comments are the review's conversation: the body's editors, its reviewers, the finance bureau and
    admins."""
    return p.reads_all or (p.role in ROLES_WITH_BODY and d.body_id in p.scope)


def can_see_comments(p: Principal, d: m.Disclosure) -> bool:
    return can_comment(p, d)


def can_audit(p: Principal) -> bool:
    return p.is_admin


def can_manage_users(p: Principal) -> bool:
    return p.is_admin


# Performance records (targets, monitoring, self-evaluation: store/perf.py): never public; a unit's editor
# keeps its unit's, a department's reviewer sees and reviews its own and its units', the finance bureau sees
# all, an administrator does all.


def can_read_body(p: Principal, body_id: int) -> bool:
    """A body's work in progress (its drafts' lines, its performance records): the body's own users, its
    department's, the finance bureau, an administrator."""
    return p.reads_all or body_id in p.scope


can_read_perf = can_read_body


def can_edit_lines(p: Principal, body_id: int) -> bool:
    """A body's budget lines: its editor (a department's editor, the department's own lines) and an
    administrator; a reviewer reads them."""
    return p.is_admin or (p.role == "editor" and body_id in p.scope)


def can_edit_perf(p: Principal, body_id: int) -> bool:
    """Enter or import targets, record a monitoring round or a self-evaluation, submit them."""
    return can_edit_body(p, body_id)


def can_review_perf(p: Principal, body_id: int) -> bool:
    """Approve or return what a unit submitted: its department's reviewer, or an administrator."""
    return p.is_admin or (p.role == "reviewer" and body_id in p.scope)
