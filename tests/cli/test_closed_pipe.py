"""`yusuan extract X | head -1`: when the reader of standard output goes away, the command ends quietly with
the status a Unix tool has (141, killed by SIGPIPE as the shell reports it): no traceback, no 内部错误."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from yusuan.cli.main import SIGPIPE_STATUS

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))


@pytest.mark.parametrize("args", [
    ["extract", "--format", "csv"],
    ["extract", "--format", "json"],
    ["check"],
])
def test_a_reader_gone_before_the_output_ends_the_command_quietly(args):
    """The pipe's reading end is closed before the command writes anything: its first write fails."""
    proc = subprocess.Popen([sys.executable, "-m", "yusuan", *args, str(CORPUS / "jiangsu-2018-renda-bangongting-budget.pdf")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == SIGPIPE_STATUS
    assert stderr == ""


def test_head_takes_the_first_line():
    """The pipeline as a user types it, on output longer than a pipe holds (every corpus PDF: ~300 KB)."""
    files = " ".join(f"'{p}'" for p in sorted(CORPUS.glob("*.pdf")))
    done = subprocess.run(["bash", "-c", f"'{sys.executable}' -m yusuan extract {files} --format csv | head -1; "
                           "echo \"status=${PIPESTATUS[0]}\" >&2"],
                          capture_output=True, text=True, encoding="utf-8", env=_env(), timeout=300)
    assert done.stdout == "table_no,kind,side,code,item,measure,value,unit,page,file\n"
    assert done.stderr == f"status={SIGPIPE_STATUS}\n"
