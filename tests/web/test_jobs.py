"""Jobs (yusuan.store.jobs): a child process per job, killed past its time, capped in memory; the job's
refusal, bug or crash comes back as one Chinese line, and a full queue refuses at once."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from decimal import InvalidOperation

import pytest

from tests.web.conftest import rss
from tests.web.job_functions import allocate, crash, quantize_29_digits, refuse, sleep_after_writing_pid
from yusuan.store.jobs import Budget, Busy, JobCrashed, Jobs, OverMemory, OverTime, Stopped
from yusuan.store.db import StoreError

MB = 2**20


def test_a_job_past_its_time_is_killed(tmp_path):
    jobs = Jobs(Budget(seconds=3), workers=1)
    pid_file = tmp_path / "pid"
    with pytest.raises(OverTime) as refused:
        jobs.run(sleep_after_writing_pid, str(pid_file), 60, name="慢.txt")
    assert "慢.txt" in str(refused.value) and "3 秒" in str(refused.value)
    with pytest.raises(ProcessLookupError):  # the child is gone, not left running
        os.kill(int(pid_file.read_text()), 0)


def test_a_job_past_its_memory_gets_413_and_the_server_keeps_nothing():
    jobs = Jobs(Budget(seconds=60, memory=512 * MB), workers=1)
    assert jobs.run(allocate, 64 * MB) == 64 * MB  # within the budget
    before = rss()
    with pytest.raises(OverMemory) as refused:
        jobs.run(allocate, 1024 * MB, name="大.xlsx")
    assert "大.xlsx" in str(refused.value) and "512 MB" in str(refused.value)
    assert rss() - before < 50 * MB


def test_a_refusal_comes_back_as_it_was_written():
    with pytest.raises(StoreError) as refused:
        Jobs(workers=1).run(refuse)
    assert str(refused.value) == "无法读取 空.txt：文件是空的"


def test_a_bug_comes_back_as_one_chinese_line_without_the_input(caplog):
    with pytest.raises(JobCrashed) as crashed:
        Jobs(workers=1).run(quantize_29_digits, name="坏.txt")
    assert str(crashed.value) == "处理 坏.txt 时出现内部错误（decimal.InvalidOperation），请把该文件报告给 yusuan 开发者"
    with pytest.raises(InvalidOperation):  # what the child met
        quantize_29_digits()
    assert "quantize_29_digits" in caplog.text  # the log has where it happened


def test_a_crashed_child_is_reported():
    with pytest.raises(JobCrashed) as crashed:
        Jobs(workers=1).run(crash, name="崩.pdf")
    assert "崩.pdf" in str(crashed.value) and "SIGSEGV" in str(crashed.value)


def test_a_full_queue_refuses_at_once(tmp_path):
    jobs = Jobs(Budget(seconds=30), workers=1, queue=0)

    async def two():
        first = asyncio.ensure_future(jobs.run_async(sleep_after_writing_pid, str(tmp_path / "pid"), 1))
        await asyncio.sleep(0)  # the first one holds the only place
        with pytest.raises(Busy):
            await jobs.run_async(allocate, 1)
        await first
        return await jobs.run_async(allocate, 10)  # free again

    with ThreadPoolExecutor(1) as thread:  # a loop of its own (Playwright's may be running in this thread)
        assert thread.submit(asyncio.run, two()).result() == 10


def test_closing_kills_the_running_jobs(tmp_path):
    """At the server's shutdown nothing waits for a job's budget."""
    import time

    jobs = Jobs(Budget(seconds=600), workers=1)
    pid_file = tmp_path / "pid"
    with ThreadPoolExecutor(1) as thread:
        running = thread.submit(jobs.run, sleep_after_writing_pid, str(pid_file), 600, name="长.txt")
        deadline = time.monotonic() + 60
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        jobs.close()
        with pytest.raises(Stopped) as stopped:
            running.result(timeout=60)
    assert "长.txt" in str(stopped.value)
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)


def test_a_chunk_runs_in_one_child_and_one_failure_ends_only_what_it_must():
    """run_each: calls in turn in one child; a refusal or a bug ends its call only, a call past its time or
    memory or a crash ends its child, and a new child goes on with the calls after it."""
    from tests.web.job_functions import behave

    jobs = Jobs(Budget(seconds=5, memory=512 * MB), workers=1)
    calls = ["ok", "refuse", "bug", "ok", "sleep", "ok", "crash", "ok", "memory", "ok"]
    got = list(jobs.run_each(behave, [(c,) for c in calls], names=[f"{i}.txt" for i in range(len(calls))]))
    assert [i for i, _, _ in got] == list(range(len(calls)))
    pids = [value for _, value, error in got if error is None]
    assert len(pids) == 5 and len(set(pids)) == 4  # the first two "ok" in the first child, then one a child
    errors = {calls[i]: error for i, _, error in got if error is not None}
    assert str(errors["refuse"]) == "无法读取 空.txt：文件是空的"
    assert isinstance(errors["bug"], JobCrashed) and "decimal.InvalidOperation" in str(errors["bug"])
    assert isinstance(errors["sleep"], OverTime) and "4.txt" in str(errors["sleep"])
    assert isinstance(errors["crash"], JobCrashed) and "SIGSEGV" in str(errors["crash"])
    assert isinstance(errors["memory"], OverMemory) and "8.txt" in str(errors["memory"])
    assert jobs.started == 4


def test_a_daemonic_process_runs_the_calls_itself():
    import multiprocessing

    from tests.web.job_functions import each_in_a_daemon

    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    daemon = context.Process(target=each_in_a_daemon, args=(queue,), daemon=True)
    daemon.start()
    got = queue.get(timeout=120)
    daemon.join(30)
    assert [(i, here) for i, here, _, _ in got] == [(0, True), (1, False), (2, False), (3, True)]
    assert got[1][3] == "无法读取 空.txt：文件是空的"
    assert got[2][2] == "JobCrashed" and "decimal.InvalidOperation" in got[2][3]
