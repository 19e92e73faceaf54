"""Heavy work in a child process with a time and a memory budget: reading and checking an upload, or the
documents of a batch (yusuan.batch).

Each job runs in a process of its own, forked from a server process that has imported the readers
already (multiprocessing's fork server: a start costs milliseconds, not the imports). The child's address
space is capped (RLIMIT_AS), so a file that makes a reader grow gets MemoryError there, and the memory
goes back when the child ends; a job past its time is killed. The web server's process never parses an
upload itself: one hostile file can neither stall the other requests nor leave gigabytes behind.

At most `workers` jobs run at once, each waited for in a thread of the runner (never the event loop's nor
the request thread pool's); up to `queue` more wait for a turn, and beyond that a job is refused at once.
A batch hands a child several jobs in turn (`run_each`): it starts once for them, and one that fails ends
its child only when it must (past its time or memory, a crash), a new child going on with the rest.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import pickle
import signal
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from yusuan.model.errors import IngestError
from yusuan.store.db import StoreError

log = logging.getLogger("yusuan.jobs")

# imported once by the fork server: every child starts with the readers and the rules loaded
PRELOAD = ["yusuan.store.intake", "yusuan.store.warm"]


@dataclass(frozen=True, slots=True)
class Budget:
    """What one job may use: wall-clock seconds, and bytes of address space (the interpreter and the
    readers take about 0.2 GB of it before the file is touched)."""

    seconds: float = 120.0
    memory: int = 2 * 2**30

    def __post_init__(self):
        if self.seconds <= 0:
            raise ValueError("a job's time budget must be positive")
        if self.memory < 2**20:
            raise ValueError("a job's memory budget must be at least 1 MB")


class JobRefused(StoreError):
    """The job's own refusal (an unreadable file): its message, as the reader wrote it."""


class OverTime(StoreError):
    def __init__(self, name: str, seconds: float):
        super().__init__(f"处理 {name} 超过了 {seconds:g} 秒的时间上限，已停止。文件的结构可能异常"
                         "（例如极长的段落或表格行），请检查后再上传")


class OverMemory(StoreError):
    def __init__(self, name: str, memory: int):
        super().__init__(f"处理 {name} 所需的内存超过了 {memory / 2**20:g} MB 的上限，已停止。文件的结构可能异常"
                         "（例如合并了整张工作表的单元格），请检查后再上传")


class JobCrashed(StoreError):
    def __init__(self, name: str, what: str):
        super().__init__(f"处理 {name} 时出现内部错误（{what}），请把该文件报告给 yusuan 开发者")


class Stopped(StoreError):
    def __init__(self, name: str):
        super().__init__(f"服务器正在停止，{name} 没有处理完，请稍后重新上传")


class Busy(StoreError):
    def __init__(self):
        super().__init__("正在处理的上传太多，请稍后再试")


class Jobs:
    """Runs `fn(*args)` in a fresh child process per job, within `budget`."""

    def __init__(self, budget: Budget | None = None, *, workers: int = 2, queue: int = 8):
        if workers < 1 or queue < 0:
            raise ValueError("workers must be at least 1 and queue at least 0")
        self.budget = budget or Budget()
        self.workers, self.queue = workers, queue
        self.started = 0  # processes started so far (the tests count them)
        self._pending = 0
        self._running: set = set()  # the children alive now, for close()
        self._closed = False
        self._lock = threading.Lock()
        self._threads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="yusuan-job")
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(PRELOAD)

    async def run_async(self, fn: Callable, *args, name: str = "文件"):
        """`run` without blocking the event loop; Busy at once when the queue is full."""
        with self._lock:
            if self._pending >= self.workers + self.queue:
                raise Busy()
            self._pending += 1
        future = self._threads.submit(self.run, fn, *args, name=name)
        future.add_done_callback(self._done)
        return await asyncio.wrap_future(future)

    def _done(self, _future) -> None:
        with self._lock:
            self._pending -= 1

    def run(self, fn: Callable, *args, name: str = "文件"):
        """`fn(*args)` in a child process; its result, or its refusal (JobRefused, or the exception itself
        when it can travel), OverTime, OverMemory or JobCrashed. `name` names the input in messages."""
        ((_, value, error),) = self.run_each(fn, [args], names=[name])
        if error is not None:
            raise error
        return value

    def run_each(self, fn: Callable, calls: Sequence[tuple], *, names: Sequence[str] | None = None
                 ) -> Iterator[tuple[int, Any, Exception | None]]:
        """`fn(*args)` for every `args` of `calls`, one after another in as few children as their budgets
        allow: a child runs the calls in turn (it starts once, warm for the next), each call within the time
        budget and all of them within the child's memory. A call's refusal or bug ends that call only; one
        past its time or memory, or a crash, ends its child, and a new child goes on with the calls after it.
        Yields (index, result, None) or (index, None, the error run() would raise), in order."""
        names = list(names) if names is not None else ["文件"] * len(calls)
        if multiprocessing.current_process().daemon:  # may have no children (a Dask worker under its nanny):
            for i, args in enumerate(calls):  # the calls run here, told the same way, without the budgets
                kind, value = attempt(fn, args)
                yield (i, value, None) if kind == "ok" else (i, None, self._error(kind, value, names[i], "inline"))
            return
        i = 0
        while i < len(calls):
            if self._closed:
                for j in range(i, len(calls)):
                    yield j, None, Stopped(names[j])
                return
            receive, send = self._context.Pipe(duplex=False)
            child = self._context.Process(target=_child, args=(send, self.budget.memory, fn, list(calls[i:])),
                                          daemon=True, name=f"yusuan-job-{getattr(fn, '__name__', 'job')}")
            with self._lock:
                self.started += 1
                self._running.add(child)
            child.start()
            send.close()
            try:
                while i < len(calls):
                    kind, value = self._receive(receive, child, names[i])
                    if kind == "ok":
                        yield i, value, None
                    else:
                        yield i, None, self._error(kind, value, names[i], child.name)
                    i += 1
                    if kind not in ("ok", "refused", "crashed"):  # the child is gone or going
                        break
            finally:
                if child.is_alive():
                    child.kill()
                child.join()
                receive.close()
                with self._lock:
                    self._running.discard(child)

    def _receive(self, receive, child, name: str) -> tuple[str, Any]:
        """The child's word on its current call: (kind, value); a silence past the budget, or the child's
        end without a word, as ("lost", error)."""
        if not receive.poll(self.budget.seconds):
            return "lost", OverTime(name, self.budget.seconds)
        try:
            return receive.recv()
        except EOFError:  # ended without a word: killed, or crashed in a C library
            child.join(5)
            return "lost", self._lost(name, child.exitcode)

    def _error(self, kind: str, value: Any, name: str, job: str) -> Exception:
        if kind == "lost":
            return value
        if kind == "memory":
            return OverMemory(name, self.budget.memory)
        if kind == "refused":
            return value
        log.error("job %s failed: %s", job, value)  # the type and the stack: never the input
        return JobCrashed(name, value.splitlines()[-1])

    def _lost(self, name: str, exitcode: int | None) -> StoreError:
        if self._closed:
            return Stopped(name)
        if exitcode == -signal.SIGKILL:  # the kernel's out-of-memory killer
            return OverMemory(name, self.budget.memory)
        if exitcode is not None and exitcode < 0:  # C libraries abort when an allocation fails under the cap
            how = f"信号 {signal.Signals(-exitcode).name}；所需内存可能超过了 {self.budget.memory / 2**20:g} MB 的上限"
        else:
            how = f"退出码 {exitcode}"
        log.error("job for %s ended without a result (%s)", name, how)
        return JobCrashed(name, f"处理进程意外结束，{how}")

    def close(self) -> None:
        """At the server's shutdown: no new job, the waiting ones dropped, the running ones killed (their
        requests get Stopped), so stopping never waits for a job's budget."""
        self._threads.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            self._closed = True
            running = list(self._running)
        for child in running:
            if child.is_alive():
                child.kill()


def _child(send, memory: int, fn: Callable, calls: list[tuple]) -> None:
    """The child's whole life: cap the memory, then for each call run it and send back one (kind, value)
    pair; after a MemoryError the child ends (what it holds may be broken)."""
    import resource

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C reaches the whole process group: the parent decides
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    for args in calls:
        outcome = attempt(fn, args)
        try:
            send.send(outcome)
        except MemoryError:  # the result itself does not fit
            outcome = ("memory", None)
            send.send(outcome)
        if outcome[0] == "memory":
            return


def attempt(fn: Callable, args: tuple) -> tuple[str, Any]:
    """`fn(*args)` as (kind, value): ("ok", result), ("memory", None), ("refused", the refusal) or
    ("crashed", where and what type, for the log)."""
    try:
        return "ok", fn(*args)
    except MemoryError:
        return "memory", None
    except (IngestError, StoreError) as e:
        return "refused", _portable(e)
    except Exception as e:  # a reader's bug: the server answers in one Chinese line
        return "crashed", describe(e)


def _portable(e: Exception) -> Exception:
    """`e` if it survives pickling unchanged, else JobRefused with its message."""
    try:
        back = pickle.loads(pickle.dumps(e))
        if type(back) is type(e) and str(back) == str(e):
            return e
    except Exception:
        pass
    return JobRefused(str(e))


def describe(e: BaseException) -> str:
    """Where `e` happened (the stack) and its type, for a log: its message is left out, since it may quote
    the input (an uploaded file, a request's body)."""
    frames = "".join(traceback.StackSummary.extract(traceback.walk_tb(e.__traceback__)).format())
    return f"{frames}{type(e).__module__}.{type(e).__qualname__}"
