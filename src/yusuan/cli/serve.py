"""`yusuan serve` (the web workspace and API) and `yusuan db` (the database)."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import click

from yusuan.cli.main import main


class _Refused(click.ClickException):
    """A refusal in one Chinese line: 错误：…, exit status 1."""

    def show(self, file=None) -> None:
        click.echo(f"错误：{self.message}", err=True)


class _NoDatabase(_Refused):
    """The database is not there (or cannot be reached): exit status 2, as for any unreadable input."""

    exit_code = 2


DB_HELP = ("数据库：sqlite:///路径 或 postgresql+psycopg://用户@主机/库"
           "（默认取环境变量 YUSUAN_DB、配置文件 $YUSUAN_HOME/config.toml 的 db，再默认 $YUSUAN_HOME/yusuan.db；"
           "yusuan db info 显示用的是哪个）")


def program() -> str:
    """How to call yusuan again in a hint: `yusuan` when that is on PATH, else the way it was called."""
    called = Path(sys.argv[0])
    if called.name == "__main__.py":
        return f"{shlex.quote(sys.executable)} -m yusuan"
    if called.name == "yusuan":
        found = shutil.which("yusuan")
        if not (found and Path(found).resolve() == called.resolve()):
            return shlex.quote(str(called))
    return "yusuan"


def hint(where, *words: str) -> str:
    """The command line `yusuan WORDS…`, with --db when the database was chosen by the option."""
    extra = ["--db", where.url] if where.from_option else []
    return " ".join([program(), *map(shlex.quote, [*words, *extra])])


def where_is(option: str | None):
    """The database's Location; an unreadable configuration file ends in one Chinese line (exit 2)."""
    from yusuan.store.location import SettingError, locate

    try:
        return locate(option)
    except SettingError as e:
        raise _NoDatabase(str(e)) from None


def shown(store) -> str:
    """The database's address for people: a SQLite file by its path as typed, a server without password."""
    path = store.sqlite_file()
    return f"sqlite:///{path}" if path is not None else store.engine.url.render_as_string(hide_password=True)


def open_store(option: str | None, *, create: bool = False):
    """The database of the setting, migrated to the latest schema. Only `create` (serve, db init) makes a
    new one; otherwise a missing database is refused with how to create it (exit status 2)."""
    from sqlalchemy.exc import OperationalError

    from yusuan.store import Store

    where = where_is(option)
    store = Store(where.url)
    try:
        if not create and not store.exists():
            raise _NoDatabase(f"数据库不存在：{shown(store)}（{where.source}）。"
                              f"运行 {hint(where, 'db', 'init')} 建立它；要用已有的数据库，"
                              f"用 --db 或环境变量 YUSUAN_DB 指定（yusuan db info 显示当前设置）")
        store.upgrade()
    except OperationalError as e:
        reason = str(e.orig).strip().splitlines()[0] if e.orig else type(e).__name__
        raise _NoDatabase(f"无法打开数据库 {shown(store)}（{where.source}）：{reason}") from None
    return store, where


def first_admin(store) -> None:
    """On first start: create the administrator and print its password, once."""
    from yusuan.store.accounts import ensure_admin, secret_key

    with store.session() as s:
        secret_key(s)  # the session-signing key, made once and kept with the data
        created = ensure_admin(s)
    if created:
        name, password = created
        click.echo(f"已创建管理员账户：用户名 {name}，密码 {password}")
        click.echo("（密码只显示这一次，请妥善保存；数据库中只保存它的散列值。）")


def load_demo(store) -> None:
    from yusuan.store.demo import import_demo

    with store.session() as s:
        done = import_demo(s)
    new = sum(1 for _, d in done if d is not None)
    if new:
        store.analyze()
    click.echo(f"示例文件：新导入 {new} 份，已有 {len(done) - new} 份。")


@main.command()
@click.option("--db", "db", default=None, help=DB_HELP)
@click.option("--demo", is_flag=True, help="先导入示例公开文件（已公开状态，重复运行不会重复导入）")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址")
@click.option("--port", default=8000, show_default=True, type=int, help="端口")
@click.option("--max-upload-mb", default=50, show_default=True, type=int, help="上传文件大小上限（MB）")
@click.option("--job-seconds", type=click.FloatRange(min=0, min_open=True),
              help="读取和检查一次上传的时间上限（秒；默认 120），超过即停止（422）")
@click.option("--job-memory-mb", type=click.IntRange(min=256),
              help="读取和检查一次上传的进程内存上限（MB；默认 2048），超过即停止（413）")
@click.option("--cache-mb", default=64, show_default=True, type=click.IntRange(min=0),
              help="公众访问的页面和数据在内存中缓存的上限（MB；0 不缓存）；数据有变化（新版本、公开、状态变化）时自动作废")
@click.option("--trusted-proxy", "trusted_proxies", multiple=True, metavar="地址",
              help="可信的反向代理地址或网段（可多次给出）：只有来自它们的 X-Forwarded-For 才用作客户端地址")
def serve(db: str | None, demo: bool, host: str, port: int, max_upload_mb: int, job_seconds: float | None,
          job_memory_mb: int | None, cache_mb: int, trusted_proxies: tuple[str, ...]) -> None:
    """启动网页工作台和 JSON API（首次启动时建库并创建管理员）。"""
    import uvicorn

    from yusuan.web import create_app
    from yusuan.web.settings import WebSettings

    store, where = open_store(db, create=True)
    click.echo(f"数据库：{shown(store)}（{where.source}）")
    first_admin(store)
    if demo:
        load_demo(store)
    given = {"job_seconds": job_seconds, "job_memory_bytes": job_memory_mb and job_memory_mb * 2**20}
    try:
        settings = WebSettings(max_upload_bytes=max_upload_mb * 2**20, trusted_proxies=trusted_proxies,
                               cache_bytes=cache_mb * 2**20,
                               **{k: v for k, v in given.items() if v is not None})
    except ValueError:
        raise _Refused(f"--trusted-proxy 应为 IP 地址或网段（如 127.0.0.1、10.0.0.0/8）：{'、'.join(trusted_proxies)}") from None
    app = create_app(store, settings)
    address = f"[{host}]" if ":" in host else host
    click.echo(f"yusuan 已启动：http://{address}:{port}/ （API 文档 http://{address}:{port}/docs，按 Ctrl+C 停止）")
    click.echo(f"管理员密码只在首次启动时显示；忘记了可运行 {hint(where, 'db', 'set-password', 'admin')}")
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)  # the app decides: --trusted-proxy


@main.group()
def db() -> None:
    """数据库：查看设置、建库与升级、导入公开文件、新建用户。

    所有命令用同一个数据库：--db 选项，否则环境变量 YUSUAN_DB，否则配置文件 $YUSUAN_HOME/config.toml
    中的 db = "…"，否则 $YUSUAN_HOME/yusuan.db（YUSUAN_HOME 默认为 ~/.local/share/yusuan）。
    只有 yusuan db init 和 yusuan serve 会新建数据库。
    """


@db.command()
@click.option("--db", "url", default=None, help=DB_HELP)
def info(url: str | None) -> None:
    """显示所用的数据库、设置来自哪里、是否已建立及其内容。"""
    from sqlalchemy import func, select
    from sqlalchemy.exc import OperationalError

    from yusuan.store import Store
    from yusuan.store import models as m
    from yusuan.store.location import ENV, config_path

    where = where_is(url)
    store = Store(where.url)
    click.echo(f"数据库：{shown(store)}")
    click.echo(f"设置来自：{where.source}")
    click.echo(f"（次序：--db 选项，环境变量 {ENV}，配置文件 {config_path()} 中的 db = \"…\"，默认）")
    try:
        there = store.exists()
    except OperationalError as e:
        raise _NoDatabase(f"无法打开数据库 {shown(store)}：{str(e.orig).strip().splitlines()[0]}") from None
    if not there:
        click.echo(f"状态：不存在（运行 {hint(where, 'db', 'init')} 建立）")
        return
    from alembic.script import ScriptDirectory

    from yusuan.store.db import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    revision = store.current_revision()
    state = "最新" if revision == head else f"需要升级到 {head}（运行 {hint(where, 'db', 'upgrade')}）"
    click.echo(f"状态：已建立，结构版本 {revision}（{state}）")
    with store.session() as s:
        counts = [s.scalar(select(func.count()).select_from(t)) for t in (m.Body, m.Disclosure, m.User)]
    click.echo("内容：{} 个单位，{} 份公开文件（含各版本），{} 个用户".format(*counts))
    store.dispose()


@db.command()
@click.option("--db", "url", default=None, help=DB_HELP)
def init(url: str | None) -> None:
    """建立数据库（已有则升级到最新结构），首次建立时创建管理员并显示一次它的密码。"""
    store, where = open_store(url, create=True)
    click.echo(f"数据库已建立，结构为最新（版本 {store.current_revision()}）：{shown(store)}（{where.source}）")
    first_admin(store)


@db.command()
@click.option("--db", "url", default=None, help=DB_HELP)
def upgrade(url: str | None) -> None:
    """把已有的数据库升级到最新结构（不新建数据库：新建用 yusuan db init）。"""
    store, where = open_store(url)
    click.echo(f"数据库已是最新结构（版本 {store.current_revision()}）：{shown(store)}（{where.source}）")
    first_admin(store)


@db.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="文件...")
@click.option("--db", "url", default=None, help=DB_HELP)
@click.option("--publish", is_flag=True, help="导入后直接公开（默认为草稿）")
def import_files(files: tuple[Path, ...], url: str | None, publish: bool) -> None:
    """把一份公开文件（文字部分和表格部分可一起给出）读入数据库，连同检查结果，成为新版本。"""
    from yusuan.store.db import StoreError
    from yusuan.store.intake import import_paths

    store, _ = open_store(url)
    with store.session() as s:
        try:
            d = import_paths(s, list(files), status="published" if publish else "draft")
        except StoreError as e:
            raise _Refused(str(e)) from None
        click.echo(f"已导入：{d.body.name} {d.year} 年，第 {d.version} 版（编号 {d.id}），"
                   f"{d.cell_count} 个数字，{d.errors} 个错误、{d.warnings} 个警告。")


@db.command("import-batch")
@click.argument("folder", type=click.Path(path_type=Path), metavar="文件夹")
@click.option("--db", "url", default=None, help=DB_HELP)
@click.option("--publish", is_flag=True, help="导入后直接公开（默认为草稿）")
def import_batch(folder: Path, url: str | None, publish: bool) -> None:
    """把 yusuan batch 的结果导入数据库：每份已检查的公开文件连同检查结果成为新版本，不再重新读取和检查
    （原文件须仍在批量检查时的位置且未改动；已导入过的同样文件不会重复导入）。"""
    from yusuan.store.batch_import import import_batch as run
    from yusuan.store.db import StoreError

    store, _ = open_store(url)
    done = 0
    try:
        for item in run(store, folder, status="published" if publish else "draft"):
            click.echo(f"{item.files}：{item.note}")
            done += item.disclosure_id is not None
    except StoreError as e:
        raise _NoDatabase(str(e)) from None
    click.echo(f"共导入 {done} 份。")


@db.command("create-user")
@click.argument("username", metavar="用户名")
@click.option("--role", type=click.Choice(["admin", "finance", "reviewer", "editor"]), required=True,  # store.models.ROLES
              help="admin 管理员；finance 财政局（查看全部部门，财政审核）；reviewer 主管部门审核人；editor 单位填报人")
@click.option("--body", "body_name", default=None, help="审核人的主管部门或填报人的单位（名称）；管理员、财政局不指定")
@click.option("--db", "url", default=None, help=DB_HELP)
def create_user(username: str, role: str, body_name: str | None, url: str | None) -> None:
    """新建用户，并显示一次它的初始密码。"""
    from yusuan.store.accounts import audit, new_password
    from yusuan.store.accounts import create_user as create
    from yusuan.store.db import StoreError
    from yusuan.store.repository import body_named

    store, _ = open_store(url)
    password = new_password()
    with store.session() as s:
        body = body_named(s, body_name) if body_name else None
        if body_name and body is None:
            raise _Refused(f"没有名为“{body_name}”的单位")
        try:
            user = create(s, username, password, role, body.id if body else None)
        except StoreError as e:
            raise _Refused(str(e)) from None
        audit(s, "user_create", user=None, detail={"username": user.username, "role": role, "via": "cli"})
    click.echo(f"已创建用户 {username}（{role}），初始密码 {password}（只显示这一次）")


@db.command("set-password")
@click.argument("username", metavar="用户名")
@click.option("--db", "url", default=None, help=DB_HELP)
def set_password(username: str, url: str | None) -> None:
    """给用户设置新的随机密码（例如忘记了首次启动时显示的管理员密码），并显示一次。"""
    from sqlalchemy import select

    from yusuan.store import models as m
    from yusuan.store.accounts import audit, reset_password

    store, _ = open_store(url)
    with store.session() as s:
        user = s.scalar(select(m.User).where(m.User.username == username))
        if user is None:
            raise _Refused(f"没有用户“{username}”")
        password = reset_password(s, user)  # its open sessions end
        audit(s, "password_reset", user=None, detail={"username": username, "via": "cli"})
    click.echo(f"用户 {username} 的新密码：{password}（只显示这一次；原有登录已失效）")
