"""Ctrl-C in the middle of a run (SIGINT to the whole process group, as a terminal sends it): the command
saves what is done and says so (exit 130); the output is readable and consistent; the same command run
again completes it without doing anything twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from tests.conftest import CORPUS

SRC = Path(__file__).resolve().parents[2] / "src"


def batch(out: Path, inputs: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-m", "yusuan", "batch", *inputs, "--out", str(out), "--chunk", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


def test_ctrl_c_leaves_a_consistent_output_and_a_rerun_completes_it(tmp_path):
    out = tmp_path / "out"
    inputs = [str(p) for p in sorted(CORPUS.glob("jiangsu-*.pdf"))]  # 7 publications, about half a second each
    proc = batch(out, inputs)
    deadline = time.monotonic() + 300
    while not any((out / "parts").glob("0001-*")):  # the first publication is saved
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "已中断" in err and "再次运行同一命令即可继续" in err and "Traceback" not in err

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    done = manifest["documents"]["ok"] + manifest["documents"]["refused"] + manifest["documents"]["failed"]
    assert manifest["status"] == "interrupted" and 1 <= done < 7
    assert manifest["documents"]["remaining"] == 7 - done and manifest["documents"]["failed"] == 0
    assert not (out / "parts").exists() and not list(out.glob(".*"))  # merged; nothing half-written
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{out}/documents.parquet'").fetchone()[0] == done
    orphans = con.execute(f"""SELECT count(*) FROM '{out}/cells.parquet'
                              WHERE doc_id NOT IN (SELECT doc_id FROM '{out}/documents.parquet')""").fetchone()[0]
    assert orphans == 0
    assert con.execute(f"SELECT count(DISTINCT doc_id) FROM '{out}/cells.parquet'").fetchone()[0] == done

    again = batch(out, inputs)
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "complete" and manifest["documents"]["remaining"] == 0
    assert [r["processed"] for r in manifest["runs"]] == [done, 7 - done]
    assert manifest["runs"][1]["skipped"] == done
    assert con.execute(f"SELECT count(DISTINCT doc_id) FROM '{out}/documents.parquet'").fetchone()[0] == 7
