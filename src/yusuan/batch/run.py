"""A batch run: the publications not yet done under this ruleset version, in chunks, on local processes or
a Dask cluster; each finished chunk saved as it comes (batch/output.py); at the end, or at Ctrl-C, the
parts merged, the report and the manifest written. A second run of the same command skips what is done."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from yusuan.batch.executors import Cluster, Local
from yusuan.batch.inputs import Publication
from yusuan.batch.output import Output, now
from yusuan.batch.work import OK, ClusterMismatch
from yusuan.rules.version import ruleset_version
from yusuan.store.jobs import Budget


class BatchError(Exception):
    """The run cannot go on (the cluster cannot be reached, or would not give the same results)."""


@dataclass(frozen=True)
class Settings:
    workers: int = 1  # local processes at once
    scheduler: object = None  # a Dask scheduler's address (tcp://host:port) or a distributed.Client
    chunk: int = 16  # publications per job child (locally) and per Dask task
    budget: Budget = field(default_factory=Budget)  # each publication's time, each child's memory
    retry_failed: bool = False  # check again what failed (over time or memory, an internal error)
    report: bool = True


@dataclass
class Result:
    manifest: dict
    processed: int  # publications checked in this run
    skipped: int  # done before, under the same ruleset version
    interrupted: bool


class Silent:
    """Progress nobody watches."""

    def start(self, total: int, skipped: int) -> None: ...

    def advance(self, outcome: dict) -> None: ...

    def stop(self) -> None: ...


def run_batch(pubs: list[Publication], out: Path, settings: Settings = Settings(), *, ruleset: str | None = None,
              progress=None) -> Result:
    ruleset = ruleset or ruleset_version()
    progress = progress or Silent()
    unique, duplicates = _unique(pubs)
    output = Output(Path(out), ruleset)
    todo = [p for p in unique if not output.is_done(p.doc_id, retry_failed=settings.retry_failed)]
    started, clock = now(), time.perf_counter()
    try:
        executor = Cluster(settings.scheduler, settings.budget) if settings.scheduler else \
            Local(settings.workers, settings.budget)
    except OSError as e:  # distributed raises OSError (a TimeoutError among them) when it cannot connect
        raise BatchError(f"无法连接 Dask 调度器 {settings.scheduler}：{e}") from None
    # at least four chunks a worker, so that none waits for another's long chunk at the end (the tables
    # come out the same whatever the size: chunks are consecutive and merged in order)
    size = max(1, min(settings.chunk, -(-len(todo) // (4 * executor.slots()))))
    chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
    received: dict[int, dict[int, dict]] = {}
    committed: dict[int, list[tuple[str, int]]] = {}  # chunk index -> (status, pages) of each, saved
    interrupted, stopped = False, None
    progress.start(len(todo), len(unique) - len(todo))
    try:
        for index, position, outcome in executor.outcomes(chunks, ruleset):
            got = received.setdefault(index, {})
            got[position] = outcome
            progress.advance(outcome)
            if len(got) == len(chunks[index]):
                _commit(output, index, chunks[index], got, committed)
                del received[index]
    except KeyboardInterrupt:
        interrupted = True
    except ClusterMismatch as e:
        interrupted, stopped = True, e
    finally:
        executor.close()
        progress.stop()
    for index, got in list(received.items()):  # finished, not yet saved when the run was stopped
        if len(got) == len(chunks[index]):
            _commit(output, index, chunks[index], got, committed)
    seconds = time.perf_counter() - clock
    committed = [o for outcomes in committed.values() for o in outcomes]
    pages = sum(p for _, p in committed)
    run = {
        "status": "interrupted" if interrupted else "complete", "started": started, "finished": now(),
        "processed": len(committed), "skipped": len(unique) - len(todo),
        "failed": sum(1 for status, _ in committed if status != OK), "pages": pages, "seconds": round(seconds, 2),
        "documents_per_second": round(len(committed) / seconds, 2) if seconds else None,
        "pages_per_second": round(pages / seconds, 2) if seconds else None,
        "where": _where(settings), "chunk": size,
        "budget": {"seconds": settings.budget.seconds, "memory_mb": settings.budget.memory // 2**20},
        "duplicates": [{"paths": list(d.paths), "same_as": list(first.paths)} for d, first in duplicates],
        **({"error": str(stopped)} if stopped else {}),
    }
    report = None
    if settings.report:
        from yusuan.batch.report import write_report

        report = write_report
    manifest = output.finish(unique, run, report)
    if stopped:
        raise BatchError(str(stopped))
    return Result(manifest, len(committed), len(unique) - len(todo), interrupted)


def _commit(output: Output, index: int, chunk: list[Publication], got: dict[int, dict],
            committed: dict[int, list[tuple[str, int]]]) -> None:
    outcomes = [got[k] for k in range(len(chunk))]
    output.commit(index, list(zip(chunk, outcomes)))
    committed[index] = [(o["status"], (o["records"] or {}).get("pages") or 0) for o in outcomes]  # not the rows


def _unique(pubs: list[Publication]) -> tuple[list[Publication], list[tuple[Publication, Publication]]]:
    """The publications once each (the same bytes met again under another name are the same publication),
    and the repeats with the first of theirs."""
    first: dict[str, Publication] = {}
    repeats = []
    for p in pubs:
        if p.doc_id in first:
            repeats.append((p, first[p.doc_id]))
        else:
            first[p.doc_id] = p
    return list(first.values()), repeats


def _where(settings: Settings) -> str:
    if not settings.scheduler:
        return f"本机 {settings.workers} 个进程"
    address = getattr(settings.scheduler, "scheduler", None)
    return f"Dask {getattr(address, 'address', settings.scheduler)}"
