"""A PostgreSQL server for the tests: the one on 127.0.0.1:5432 (trust auth, database `test`), or, when
none answers, a throwaway cluster started in a temporary directory (Debian's `postgresql` package)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _answers(url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    path = shutil.which(name)
    if path:
        return path
    raise RuntimeError(f"PostgreSQL 的 {name} 没有安装：apt-get install postgresql（见 scripts/apt-packages.txt）")


class Throwaway:
    """initdb + pg_ctl in a temporary directory, as the `postgres` user when run as root."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="yusuan-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.user = None
        if os.geteuid() == 0:
            import pwd

            try:
                self.user = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("以 root 运行时需要系统用户 postgres（Debian 的 postgresql 软件包会创建它）") from None
            os.chown(self.dir, self.user.pw_uid, self.user.pw_gid)

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if self.user is not None:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)

    def start(self) -> str:
        self._run(_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C")
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-w", "-t", "60", "-l", str(self.dir / "log"), "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        import psycopg

        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as c:
            c.execute("CREATE DATABASE test")
        return url.rsplit("/", 1)[0] + "/test"

    def stop(self) -> None:
        try:
            self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def postgres_url() -> tuple[str, Throwaway | None]:
    url = os.environ.get("YUSUAN_TEST_PG", DEFAULT_URL)
    if _answers(url):
        return url, None
    server = Throwaway()
    try:
        return server.start(), server
    except Exception:
        server.stop()
        raise
