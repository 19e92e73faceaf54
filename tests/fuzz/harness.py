"""Cases through a worker process (`worker.py`) under a memory limit, each under a time limit.

The worker's address space is limited with resource.setrlimit (as `ulimit -v`); a case that runs past
its time limit has the worker killed (by its own pid) and is recorded as "timeout"; a worker that dies
(a C library aborting when memory runs out) is recorded as "crashed". Either way a fresh worker takes
the next case.
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 4_000_000 * 1024  # bytes: `ulimit -v 4000000`
FAILURES = ("internal", "bad-message", "memory", "timeout", "crashed")


@dataclass
class Outcome:
    name: str
    status: str
    seconds: float
    rss_mb: int
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.status in FAILURES


class Worker:
    def __init__(self, memory: int = MEMORY_LIMIT):
        self.memory = memory
        self.proc: subprocess.Popen | None = None

    def _start(self) -> subprocess.Popen:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]), PYTHONUNBUFFERED="1")

        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (self.memory, self.memory))

        return subprocess.Popen([sys.executable, "-m", "tests.fuzz.worker"], cwd=ROOT, env=env, text=True,
                                encoding="utf-8", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, preexec_fn=limit)

    def run(self, path: Path, timeout: float) -> Outcome:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = self._start()
        proc = self.proc
        proc.stdin.write(f"{path}\n")
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], timeout)
        line = proc.stdout.readline() if ready else None
        if line:
            r = json.loads(line)
            return Outcome(path.name, r["status"], r["seconds"], r["rss_mb"], r["detail"])
        if line is None:
            self.stop()
            return Outcome(path.name, "timeout", timeout, 0, f"no answer in {timeout:.0f} s")
        code = proc.wait()
        self.proc = None
        return Outcome(path.name, "crashed", 0.0, 0, f"worker exited with status {code}")

    def stop(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            self.proc = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        self.stop()
