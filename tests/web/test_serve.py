"""`yusuan serve --demo` for real, as scripts/main.sh runs it: a process on 127.0.0.1 on the database of the
shared setting (no --db), the demo imported once, and the password hint it prints works as printed."""

from __future__ import annotations

import os
import shlex
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
    env = {k: v for k, v in os.environ.items() if k != "YUSUAN_DB"}
    env |= {"PYTHONUNBUFFERED": "1", "YUSUAN_HOME": str(tmp_path / "home")}
    db = f"sqlite:///{tmp_path / 'home' / 'yusuan.db'}"
    cmd = [sys.executable, "-m", "yusuan", "serve", "--demo", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        lines = []
        deadline = time.monotonic() + HANG_GUARD
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "忘记了可运行" in line:  # the last line before serving
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
        hint = lines[-1].split("忘记了可运行", 1)[1].strip()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert f"数据库：{db}（默认）" in output
    # the hint, run as printed in another shell with the same environment, resets the password of this database
    reset = subprocess.run(shlex.split(hint), env=env, capture_output=True, text=True, timeout=HANG_GUARD)
    assert reset.returncode == 0, reset.stderr
    password = reset.stdout.split("新密码：", 1)[1].split("（", 1)[0]
    # a second start imports nothing and prints no password
    again = CliRunner().invoke(main, ["db", "upgrade", "--db", db])
    assert "已创建管理员账户" not in again.output
    from yusuan.store import Store
    from yusuan.store.accounts import login
    from yusuan.store.demo import import_demo

    store = Store(db)
    with store.session() as s:
        assert all(new is None for _, new in import_demo(s))
        assert login(s, "admin", password)[0].role == "admin"
    store.dispose()
