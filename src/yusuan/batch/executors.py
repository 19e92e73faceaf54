"""Where a batch's chunks run: local processes, or an existing Dask distributed cluster. Either yields
(chunk index, position in the chunk, outcome) as publications are done, in any order; the results are
the same, since every publication is checked by the same function in the same kind of job
(batch/work.py)."""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Iterator

from yusuan.batch.inputs import Publication
from yusuan.batch.work import FAILED, ClusterMismatch, check_chunk, check_chunk_remote
from yusuan.store.jobs import Budget, Jobs

Outcome = tuple[int, int, dict]
CONNECT_TIMEOUT = "20s"  # to reach the scheduler


class Local:
    """`workers` threads, each taking the next chunk and running it in a job child of its own."""

    def __init__(self, workers: int, budget: Budget):
        self.workers = workers
        self.jobs = Jobs(budget, workers=workers)
        self._stop = threading.Event()

    def slots(self) -> int:
        return self.workers

    def outcomes(self, chunks: list[list[Publication]], ruleset: str) -> Iterator[Outcome]:
        done: queue.Queue = queue.Queue()
        todo = iter(enumerate(chunks))
        lock = threading.Lock()

        def work() -> None:
            try:
                while not self._stop.is_set():
                    with lock:
                        index, chunk = next(todo, (None, None))
                    if chunk is None:
                        return
                    for position, outcome in check_chunk(chunk, self.jobs):
                        done.put((index, position, outcome))
            except BaseException as e:  # yusuan's own bug, not a file's: the run stops and says so
                done.put(e)
            finally:
                done.put(None)

        threads = [threading.Thread(target=work, daemon=True, name=f"yusuan-batch-{i}")
                   for i in range(min(self.workers, len(chunks)))]
        for t in threads:
            t.start()
        running = len(threads)
        while running:
            try:
                item = done.get(timeout=0.5)  # a Ctrl-C is seen at once
            except queue.Empty:
                continue
            if item is None:
                running -= 1
            elif isinstance(item, BaseException):
                raise item
            else:
                yield item

    def close(self) -> None:
        """No new chunk; the running jobs killed (their publications are left for the next run)."""
        self._stop.set()
        self.jobs.close()


class Cluster:
    """Futures over the chunks on a Dask cluster: deterministic keys (the ruleset version and the
    chunk's keys), retried on another worker when one fails; a chunk that fails still is split and its
    publications tried one by one, so that one publication that kills its worker fails alone."""

    RETRIES = 2

    def __init__(self, scheduler, budget: Budget):
        from distributed import Client

        self.budget = budget
        self.client = scheduler if isinstance(scheduler, Client) else Client(scheduler, timeout=CONNECT_TIMEOUT)
        self._own = not isinstance(scheduler, Client)
        self._futures: list = []

    def slots(self) -> int:
        """Threads of the cluster's workers now."""
        return max(1, sum(self.client.nthreads().values()))

    def _submit(self, chunk: list[Publication], ruleset: str):
        key = hashlib.sha256("\n".join([ruleset, *(p.doc_id for p in chunk)]).encode()).hexdigest()[:32]
        future = self.client.submit(check_chunk_remote, chunk, ruleset, self.budget, key=f"yusuan-check-{key}",
                                    retries=self.RETRIES, pure=False)
        self._futures.append(future)
        return future

    def outcomes(self, chunks: list[list[Publication]], ruleset: str) -> Iterator[Outcome]:
        from distributed import as_completed

        placed = {}  # future -> (chunk index, positions in the chunk)
        for index, chunk in enumerate(chunks):
            placed[self._submit(chunk, ruleset)] = (index, list(range(len(chunk))))
        running = as_completed(list(placed))
        for future in running:
            index, positions = placed.pop(future)
            if future.status == "finished":
                for position, outcome in zip(positions, future.result()):
                    yield index, position, outcome
                future.release()
                continue
            error = future.exception()
            if isinstance(error, ClusterMismatch):
                raise error
            if len(positions) > 1:  # one by one: only the publication at fault fails
                for position in positions:
                    single = self._submit([chunks[index][position]], ruleset)
                    placed[single] = (index, [position])
                    running.add(single)
                continue
            pub = chunks[index][positions[0]]
            yield index, positions[0], {"doc_id": pub.doc_id, "status": FAILED, "records": None,
                                        "error": f"处理 {pub.names} 时集群的工作进程失败（{type(error).__name__}），"
                                                 f"已重试 {self.RETRIES} 次"}

    def close(self) -> None:
        if self._futures:
            self.client.cancel(self._futures)
        if self._own:
            self.client.close()
