"""What the children of tests/web/test_jobs.py run: module functions (they travel by name), in a module
importing only the standard library, so a child starts at once."""

from __future__ import annotations

import os
import signal
import time
from decimal import Decimal


def sleep_after_writing_pid(path: str, seconds: float) -> None:
    with open(path, "w") as f:
        f.write(str(os.getpid()))
    time.sleep(seconds)


def allocate(n: int) -> int:
    return len(bytearray(n))


def quantize_29_digits() -> Decimal:
    return Decimal("1" * 29 + ".5").quantize(Decimal("0.0001"))  # InvalidOperation at 28-digit precision


def crash() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def refuse() -> None:
    from yusuan.model.errors import IngestError

    raise IngestError("空.txt", "文件是空的")


def behave(what: str):
    """One call of a chunk (Jobs.run_each): its pid when it goes well, else what `what` says."""
    if what == "sleep":
        time.sleep(60)
    elif what == "crash":
        crash()
    elif what == "refuse":
        refuse()
    elif what == "bug":
        quantize_29_digits()
    elif what == "memory":
        allocate(2**31)
    return os.getpid()


def each_in_a_daemon(queue) -> None:
    """In a daemonic process (a Dask worker under its nanny), which may start no children: run_each runs
    the calls here, telling their refusals and bugs the same way."""
    from yusuan.store.jobs import Jobs

    got = Jobs(workers=1).run_each(behave, [("ok",), ("refuse",), ("bug",), ("ok",)])
    queue.put([(i, value == os.getpid(), type(error).__name__, str(error)) for i, value, error in got])
