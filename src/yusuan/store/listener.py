"""The data generation (generation.py) kept in one process's memory on PostgreSQL, so a request does not
wait for a round trip to learn it.

A `Listener` holds one connection of its own (outside the engine's pool, application_name
`yusuan-generation`) that `LISTEN`s on generation.CHANNEL: every transaction that raises the generation to
n sends `NOTIFY` with n, and PostgreSQL signals every listening connection at the commit, before the
committing client is told the commit is done. A background thread connects, listens, then reads the
generation (so no change falls between the two), keeps draining what arrives, and after a loss connects
again (after `retry` seconds; while attempts fail, twice as long each time, up to `MAX_RETRY`).

`known()` first reads, without waiting, what the connection has received (one `recv` and one `poll`: no
round trip) and answers the highest generation announced; the process's own commits raise it at once
(`committed`, called after the commit). It answers None — the caller then reads the database itself —
until the connection listens, once it is lost (found at the latest by that very `known()`: the server's
goodbye or the socket's end is read there; a silent network is found by TCP keepalives within about 25 s),
until it is back, and when more has arrived than a few reads take in.

What holds, then: a known generation g is never older than the data of this process's own commits, nor of
the notices that have reached this process; a change committed by another process is known once its
notice arrives. PostgreSQL sends it at the commit: on one machine most arrive before the committer is
told its commit is done, and 99 in 100 within 3 ms after, at worst tens of ms on a loaded machine
(bench/README.md, bench/notice.py), so a request that races another process's commit by less may still
be answered from the generation before it, as it would had it come a moment earlier.
"""

from __future__ import annotations

import select
import threading

import psycopg

from yusuan.store import models as m
from yusuan.store.generation import CHANNEL, KEY

APPLICATION = "yusuan-generation"
MAX_RETRY = 30.0  # seconds between attempts to connect, at most
READS = 8  # reads of what has arrived per `known()`, at most (more: read the database this time)
WAKE = 0.25  # seconds: how often the thread looks at its stop flag
KEEPALIVE = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3}


class Listener:
    """The generation as this process knows it from PostgreSQL's notices (see the module's description)."""

    def __init__(self, conninfo: str, options: str | None = None, *, retry: float = 0.5):
        self.conninfo = conninfo
        self.options = options
        self.retry = retry
        self._lock = threading.Lock()  # guards everything below and every use of the connection
        self._conn: psycopg.Connection | None = None  # listening and usable
        self._dropped: psycopg.Connection | None = None  # lost: the thread closes it
        self._poll = None
        self._schema: str | None = None
        self._known = 0
        self._own = 0  # the highest generation this process committed since the last connection began
        self._lost = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=APPLICATION, daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop the thread and close the connection (waits for an attempt to connect, at most its timeout)."""
        self._stop.set()
        self._lost.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    @property
    def pid(self) -> int | None:
        """The server process of the listening connection (None when there is none)."""
        with self._lock:
            return self._conn.pgconn.backend_pid if self._conn is not None else None

    def known(self) -> int | None:
        """The generation, from memory; None when it cannot be vouched for (read the database)."""
        with self._lock:
            if self._conn is None or not self._drain():
                return None
            return self._known

    def committed(self, n: int) -> None:
        """This process has committed a transaction that raised the generation to n."""
        with self._lock:
            self._own = max(self._own, n)
            self._known = max(self._known, n)

    # the thread

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                waiting = self._connect()
            except Exception:  # the database away: requests read it themselves meanwhile
                waiting = None
            if waiting is not None:
                failures = 0
                self._watch(waiting)
            else:
                failures += 1
            if self._stop.wait(min(self.retry * 2 ** min(max(failures - 1, 0), 16), MAX_RETRY)):
                break
        with self._lock:
            for conn in (self._conn, self._dropped):
                if conn is not None:
                    conn.close()
            self._conn = self._dropped = self._poll = None

    def _connect(self):
        """Connect, listen, read the generation; a poll object waiting on the connection (None: closed)."""
        with self._lock:
            self._own = 0
        extra = {"options": self.options} if self.options else {}
        conn = psycopg.connect(self.conninfo, autocommit=True, application_name=APPLICATION, connect_timeout=5,
                               **KEEPALIVE, **extra)
        try:
            conn.execute(f"LISTEN {CHANNEL}")
            schema, value = conn.execute(f"SELECT current_schema(), (SELECT value FROM {m.Setting.__tablename__} "
                                         "WHERE key = %s)", (KEY,)).fetchone()
        except BaseException:
            conn.close()
            raise
        waiting = select.poll()
        waiting.register(conn.pgconn.socket, select.POLLIN)
        with self._lock:
            if self._stop.is_set():
                conn.close()
                return None
            self._schema = schema
            self._known = max(int(value) if value is not None else 0, self._own)
            self._poll = select.poll()
            self._poll.register(conn.pgconn.socket, select.POLLIN)
            self._conn = conn
            self._lost.clear()
        return waiting

    def _watch(self, waiting) -> None:
        """Drain what arrives until the connection is lost or the listener closed."""
        while not self._lost.is_set():
            if waiting.poll(WAKE * 1000):
                with self._lock:
                    self._drain()
        with self._lock:
            if self._dropped is not None:
                self._dropped.close()
                self._dropped = None

    # under the lock

    def _drain(self) -> bool:
        """Read what the connection has received; True when it is all read and the connection is sound."""
        conn = self._conn
        if conn is None:
            return False
        pg = conn.pgconn
        try:
            for _ in range(READS):
                pg.consume_input()
                while (notice := pg.notifies()) is not None:
                    self._notice(notice.extra)
                if pg.status != psycopg.pq.ConnStatus.OK:
                    break
                if not self._poll.poll(0):
                    return True
            else:
                return False  # still more to read: sound, but not all read
        except psycopg.Error:
            pass
        self._conn, self._dropped, self._poll = None, conn, None
        self._lost.set()
        return False

    def _notice(self, payload: bytes) -> None:
        value, _, schema = payload.decode("utf-8", "replace").partition(" ")
        if schema == self._schema and value.isdigit():
            self._known = max(self._known, int(value))


def conninfo(url) -> str:
    """libpq's connection string for a SQLAlchemy URL of PostgreSQL (store/db.py's engines)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)

