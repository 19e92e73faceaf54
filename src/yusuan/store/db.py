"""Opening the database (SQLite or PostgreSQL, chosen by store/location.py) and its migrations."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from yusuan.store import generation
from yusuan.store.location import locate


class StoreError(Exception):
    """A request the store refuses; str(e) is one Chinese line for the user."""


VERSIONS_LOCK = 0x7975_7375_616E  # "yusuan": PostgreSQL's advisory lock key for numbering versions


def lock_versions(session: Session) -> None:
    """Wait for any other transaction that numbers versions (or creates bodies) to end, and hold the lock
    until this one ends: taken before the series is read, so two uploads of one series at once become
    consecutive versions instead of one failing on the unique version. SQLite: the first write of a
    transaction takes the database's write lock (a write that changes no row is enough); PostgreSQL: a
    transaction-level advisory lock."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": VERSIONS_LOCK})
    else:
        session.execute(text("UPDATE settings SET value = value WHERE 0 = 1"))


def normalize_url(url: str) -> URL:
    """`postgresql://` and `postgres://` mean psycopg 3; a relative SQLite path is made absolute."""
    u = make_url(url.replace("postgres://", "postgresql://", 1) if url.startswith("postgres://") else url)
    if u.drivername == "postgresql":
        u = u.set(drivername="postgresql+psycopg")
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        u = u.set(database=str(Path(u.database).expanduser().resolve()))
    return u


def make_engine(url: str, *, schema: str | None = None, pool_size: int = 10) -> Engine:
    """An engine whose errors never quote the statement's parameters (users' text, passwords' hashes)."""
    u = normalize_url(url)
    backend = u.get_backend_name()
    if backend == "sqlite":
        engine = create_engine(u, connect_args={"check_same_thread": False, "timeout": 30},
                               pool_size=pool_size, max_overflow=20, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")  # readers do not wait for the writer
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    if backend == "postgresql":
        args = {"options": f"-csearch_path={schema}"} if schema else {}
        return create_engine(u, connect_args=args, pool_size=pool_size, max_overflow=20, pool_pre_ping=True,
                             hide_parameters=True)
    raise StoreError(f"不支持的数据库：{backend}（可用 sqlite:///路径 或 postgresql+psycopg://…）")


class Store:
    """One database: an engine, a session factory and its migrations."""

    def __init__(self, url: str | None = None, *, schema: str | None = None, pool_size: int = 10):
        self.url = url or locate().url
        self.schema = schema
        self.engine = make_engine(self.url, schema=schema, pool_size=pool_size)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.listener = None  # store/listener.py's, while someone listens (`listen`)
        self._listening = 0
        self._listening_lock = threading.Lock()
        generation.watch(self.sessions, self._committed)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is one transaction: committed at the end, rolled back on error."""
        with self.sessions() as s:
            with s.begin():
                yield s

    def generation(self) -> int:
        """The data generation (store/generation.py): from memory while this process listens and its
        listener vouches for it (store/listener.py), else one short read, no ORM session."""
        listener = self.listener
        if listener is not None and (known := listener.known()) is not None:
            return known
        with self.engine.connect() as connection:
            return generation.read(connection)

    def listen(self) -> None:
        """Keep the generation in this process's memory until as many `unlisten` (PostgreSQL: a listening
        connection and its thread, store/listener.py; SQLite: nothing, `generation()` reads it, a short
        read within the process)."""
        if self.backend != "postgresql":
            return
        from yusuan.store.listener import Listener, conninfo

        with self._listening_lock:
            self._listening += 1
            if self.listener is None:
                options = f"-csearch_path={self.schema}" if self.schema else None
                self.listener = Listener(conninfo(self.engine.url), options)
                self.listener.start()

    def unlisten(self) -> None:
        """The end of one `listen`: the last closes the listener (its thread and connection)."""
        with self._listening_lock:
            self._listening = max(self._listening - 1, 0)
            listener = self.listener if self._listening == 0 else None
            if listener is not None:
                self.listener = None
                listener.close()

    def _committed(self, n: int) -> None:
        if (listener := self.listener) is not None:
            listener.committed(n)

    def sqlite_file(self) -> Path | None:
        u = self.engine.url
        return Path(u.database) if u.get_backend_name() == "sqlite" and u.database not in (None, "", ":memory:") else None

    def exists(self) -> bool:
        """True when the database is there with yusuan's tables; a missing SQLite file is not created."""
        path = self.sqlite_file()
        if path is not None and not path.is_file():
            return False
        return self.has_schema()

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema up to `revision`, creating the database when there is none: callers that
        must not create one ask `exists()` first."""
        from alembic import command

        if (path := self.sqlite_file()) is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        with self.engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:  # SQLite alters a table by building a new one and dropping the old, which with foreign
                # keys on deletes (ON DELETE CASCADE) every row that points at the old one: off while migrating,
                # outside any transaction (SQLite ignores the pragma inside one), and checked afterwards
                connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
                connection.commit()
            try:
                with connection.begin():
                    command.upgrade(alembic_config(connection), revision)
                    if sqlite and (broken := connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()):
                        raise StoreError(f"数据库升级后有 {len(broken)} 行引用了不存在的记录（{broken[0][0]} 表），已撤销升级")
            finally:
                if sqlite:
                    connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                    connection.commit()

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def has_schema(self) -> bool:
        return inspect(self.engine).has_table("alembic_version")

    def analyze(self) -> None:
        """Refresh the query planner's statistics (after a bulk import; PostgreSQL's autovacuum does it
        later by itself, SQLite never)."""
        with self.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")

    def dispose(self) -> None:
        with self._listening_lock:
            listener, self.listener, self._listening = self.listener, None, 0
        if listener is not None:
            listener.close()
        self.engine.dispose()


def alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "yusuan.store:migrations")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg
