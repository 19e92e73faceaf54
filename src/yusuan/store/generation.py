"""The data generation: a counter kept with the data (the settings row `data_generation`) that every
transaction changing what the public may read raises by one, in that same transaction, just before it
commits. A cache of public answers (web/cache.py) keyed by it is therefore never older than the data:
a reader that sees generation g sees at least the data committed with g.

What counts as a change: any row written (inserted, updated or deleted through the ORM, or by an ORM
`update`/`delete`/`insert` statement) of a table other than those the public never reads
(`UNWATCHED`: accounts, sessions, comments, warnings' acknowledgements, the audit log, settings), so a login
or a comment does not
empty the cache, while a new version, a publication, a status change or an identity edit always does.
Statements written as plain SQL text are not seen: the store writes its data through the ORM.

How a process learns the generation: by reading it (`read`, one short SELECT), or, on PostgreSQL while it
listens (store/listener.py), from memory: `bump` also sends `NOTIFY yusuan_generation '<n> <schema>'` in its
transaction, which PostgreSQL delivers to the listening connections at the commit, and the process that
commits learns its own new value right after its commit (`watch`'s `committed`).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Integer, Text, cast, event, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from yusuan.store import models as m

KEY = "data_generation"
CHANNEL = "yusuan_generation"  # PostgreSQL's notification channel: payload "<generation> <schema>"
UNWATCHED = (m.User, m.Session, m.Comment, m.Acknowledgement, m.AuditEntry, m.Setting)  # never part of a public answer
_CHANGED = "yusuan.data_changed"  # session.info flag: this transaction wrote watched rows
_COUNTED = "yusuan.generation"  # session.info: the generation this transaction raised to
_READ = select(m.Setting.value).where(m.Setting.key == KEY)


def read(connection) -> int:
    """The current generation (0 before the first change was ever counted)."""
    value = connection.execute(_READ).scalar()
    return int(value) if value is not None else 0


def bump(connection) -> int:
    """Raise the generation by one (creating the row at 1) and return the new value; on PostgreSQL the row
    stays locked until the transaction ends, so concurrent writers count (and commit) one after another,
    and the new value is announced on `CHANNEL` to the listening processes at the commit."""
    insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    stmt = insert(m.Setting).values(key=KEY, value="1")
    stmt = stmt.on_conflict_do_update(
        index_elements=[m.Setting.key], set_={"value": cast(cast(m.Setting.value, Integer) + 1, Text)})
    n = int(connection.execute(stmt.returning(m.Setting.value)).scalar_one())
    if connection.dialect.name == "postgresql":  # one database holds several schemas (tests, benchmarks)
        connection.execute(text("SELECT pg_notify(:channel, :n || ' ' || current_schema())"),
                           {"channel": CHANNEL, "n": str(n)})
    return n


def _watched(obj) -> bool:
    return isinstance(obj, m.Base) and not isinstance(obj, UNWATCHED)


def watch(sessions: sessionmaker, committed: Callable[[int], None] | None = None) -> None:
    """Count the changes made through sessions of `sessions` (Store.sessions); `committed(n)` is called
    once a transaction that raised the generation to n has committed."""

    @event.listens_for(sessions, "before_flush")
    def _before_flush(session: Session, _context, _instances):
        if not session.info.get(_CHANGED) and any(
                _watched(o) for o in (*session.new, *session.dirty, *session.deleted)):
            session.info[_CHANGED] = True

    @event.listens_for(sessions, "do_orm_execute")
    def _statement(state):
        if state.is_update or state.is_delete or state.is_insert:
            mapper = state.bind_mapper
            if mapper is not None and not issubclass(mapper.class_, UNWATCHED):
                state.session.info[_CHANGED] = True

    @event.listens_for(sessions, "before_commit")
    def _before_commit(session: Session):
        session.flush()  # the commit's own flush comes after this event: count what it would write
        if session.info.pop(_CHANGED, False):
            session.info[_COUNTED] = bump(session.connection())

    @event.listens_for(sessions, "after_commit")
    def _after_commit(session: Session):
        n = session.info.pop(_COUNTED, None)
        if n is not None and committed is not None:
            committed(n)

    @event.listens_for(sessions, "after_rollback")
    def _after_rollback(session: Session):
        session.info.pop(_CHANGED, None)
        session.info.pop(_COUNTED, None)
