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
"""

from __future__ import annotations

from sqlalchemy import Integer, Text, cast, event, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from yusuan.store import models as m

KEY = "data_generation"
UNWATCHED = (m.User, m.Session, m.Comment, m.Acknowledgement, m.AuditEntry, m.Setting)  # never part of a public answer
_CHANGED = "yusuan.data_changed"  # session.info flag: this transaction wrote watched rows
_READ = select(m.Setting.value).where(m.Setting.key == KEY)


def read(connection) -> int:
    """The current generation (0 before the first change was ever counted)."""
    value = connection.execute(_READ).scalar()
    return int(value) if value is not None else 0


def bump(connection) -> None:
    """Raise the generation by one (creating the row at 1); on PostgreSQL the row stays locked until
    the transaction ends, so concurrent writers count one after another."""
    insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    stmt = insert(m.Setting).values(key=KEY, value="1")
    connection.execute(stmt.on_conflict_do_update(
        index_elements=[m.Setting.key], set_={"value": cast(cast(m.Setting.value, Integer) + 1, Text)}))


def _watched(obj) -> bool:
    return isinstance(obj, m.Base) and not isinstance(obj, UNWATCHED)


def watch(sessions: sessionmaker) -> None:
    """Count the changes made through sessions of `sessions` (Store.sessions)."""

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
            bump(session.connection())

    @event.listens_for(sessions, "after_rollback")
    def _after_rollback(session: Session):
        session.info.pop(_CHANGED, None)
