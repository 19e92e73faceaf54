"""One database setting for `yusuan serve`, `yusuan db …` and the scripts; no command but `db init` and
`serve` creates a database (the others say it is missing, how to create it, and exit 2)."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from yusuan.cli.main import main
from yusuan.store.location import ENV, locate

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
PDF = CORPUS / "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv(ENV, raising=False)
    return tmp_path / "home"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("args", [
    ("db", "upgrade"),
    ("db", "import", str(PDF)),
    ("db", "create-user", "审核人", "--role", "admin"),
    ("db", "set-password", "admin"),
], ids=lambda a: a[1])
def test_a_missing_database_is_refused_not_created(home, args):
    r = run(*args)
    assert r.exit_code == 2, r.output
    assert "错误：数据库不存在" in r.output and "yusuan db init" in r.output and str(home / "yusuan.db") in r.output
    assert "Traceback" not in r.output
    assert not (home / "yusuan.db").exists()
    assert not home.exists()  # not even its folder


def test_a_missing_database_named_by_option_is_refused_with_that_option_in_the_advice(home, tmp_path):
    url = f"sqlite:///{tmp_path / '别处' / 'x.db'}"
    r = run("db", "set-password", "admin", "--db", url)
    assert r.exit_code == 2 and f"yusuan db init --db {shlex.quote(url)} 建立它" in r.output
    assert not (tmp_path / "别处").exists()


def test_init_creates_and_every_db_command_then_uses_that_database(home):
    assert "状态：不存在" in run("db", "info").output
    r = run("db", "init")
    assert r.exit_code == 0 and "已创建管理员账户：用户名 admin" in r.output, r.output
    assert (home / "yusuan.db").is_file()
    assert run("db", "init").exit_code == 0  # a second init only checks
    r = run("db", "set-password", "admin")
    assert r.exit_code == 0 and "新密码" in r.output, r.output
    r = run("db", "import", str(PDF), "--publish")
    assert r.exit_code == 0 and "已导入" in r.output, r.output
    info = run("db", "info").output
    assert f"数据库：sqlite:///{home / 'yusuan.db'}" in info and "设置来自：默认" in info
    assert "状态：已建立" in info and "（最新）" in info and "1 份公开文件" in info and "1 个用户" in info


def test_the_setting_in_order_option_environment_config_file_default(home, tmp_path, monkeypatch):
    assert locate().url == f"sqlite:///{home / 'yusuan.db'}" and locate().source == "默认"
    home.mkdir()
    (home / "config.toml").write_text(f'db = "sqlite:///{tmp_path / "配置.db"}"\n', encoding="utf-8")
    assert locate().url.endswith("配置.db") and locate().source.startswith("配置文件")
    monkeypatch.setenv(ENV, f"sqlite:///{tmp_path / 'env.db'}")
    assert locate().url.endswith("env.db") and locate().source == f"环境变量 {ENV}"
    assert locate("sqlite:///x.db").url == "sqlite:///x.db" and locate("sqlite:///x.db").from_option
    info = run("db", "info").output
    assert "env.db" in info and f"设置来自：环境变量 {ENV}" in info
    # what YUSUAN_DB names is what serve would open and what db init creates
    assert run("db", "init").exit_code == 0 and (tmp_path / "env.db").is_file()
    assert not (tmp_path / "配置.db").exists() and not (home / "yusuan.db").exists()


def test_a_bad_configuration_file_is_one_chinese_line(home):
    home.mkdir()
    (home / "config.toml").write_text("db = [", encoding="utf-8")
    r = run("db", "info")
    assert r.exit_code == 2 and r.output.startswith("错误：配置文件") and "Traceback" not in r.output
    (home / "config.toml").write_text("db = 3\n", encoding="utf-8")
    r = run("db", "set-password", "admin")
    assert r.exit_code == 2 and "db 应为数据库地址字符串" in r.output
