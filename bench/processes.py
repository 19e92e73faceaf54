"""Timing whole commands, as a user runs them: the benchmarks' one home for it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def yusuan_command() -> list[str]:
    """The installed `yusuan` script beside this Python, else `python -m yusuan`."""
    script = Path(sys.executable).with_name("yusuan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "yusuan"]


def run_process(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system of the process and the children it waited for) of one
    whole process; its output goes nowhere."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code:
        raise SystemExit(f"{' '.join(cmd)} ended with {code}")
    return wall, usage.ru_utime + usage.ru_stime


def fastest(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The fastest wall time and the smallest CPU time of several runs of one command."""
    return min(w for w, _ in runs), min(c for _, c in runs)
