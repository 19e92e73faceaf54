"""`yusuan serve --demo` for real: a process on 127.0.0.1 with a fresh SQLite file, the demo imported once."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
from click.testing import CliRunner

from yusuan.cli.main import main
from yusuan.store.demo import DEMO

HANG_GUARD = 180  # seconds; guards against a hang, not a timing assertion


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_demo_imports_once_and_serves(tmp_path):
    port = _free_port()
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    cmd = [sys.executable, "-m", "yusuan", "serve", "--demo", "--db", db, "--port", str(port)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        lines = []
        deadline = time.monotonic() + HANG_GUARD
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "yusuan 已启动" in line:
                break
        output = "".join(lines)
        assert f"http://127.0.0.1:{port}/" in output, output
        assert "已创建管理员账户：用户名 admin" in output
        assert f"新导入 {len(DEMO)} 份" in output
        for _ in range(100):  # the server binds right after printing
            try:
                bodies = httpx.get(f"http://127.0.0.1:{port}/api/bodies", timeout=10).json()
                break
            except httpx.ConnectError:
                time.sleep(0.1)
        assert bodies["disclosure_count"] == len(DEMO)
        names = {n["name"] for n in bodies["bodies"]} | {c["name"] for n in bodies["bodies"] for c in n["children"]}
        assert {"深圳市生态环境局坪山管理局", "深圳市生态环境智能管控中心", "江苏省人民检察院"} <= names
        assert "swagger-ui-bundle.js" in httpx.get(f"http://127.0.0.1:{port}/docs", timeout=10).text
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    # a second start imports nothing and prints no password
    again = CliRunner().invoke(main, ["db", "upgrade", "--db", db])
    assert "已创建管理员账户" not in again.output
    from yusuan.store import Store
    from yusuan.store.demo import import_demo

    store = Store(db)
    with store.session() as s:
        assert all(new is None for _, new in import_demo(s))
    store.dispose()
