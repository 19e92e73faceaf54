"""Browser tests: the real server (uvicorn, SQLite) in a thread, driven by Playwright in Debian's
Chromium (headless, the system browser: nothing is downloaded)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.web.conftest import CORPUS, PASSWORD, checked

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser")


def chromium_path() -> str:
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("找不到 Debian 的 chromium：请先运行 bash scripts/setup.sh（它安装 scripts/apt-packages.txt 中的 chromium）")


@dataclass
class Site:
    url: str
    store: object
    ids: dict = field(default_factory=dict)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """A workspace with two published disclosures (坪山管理局, 智能管控中心), 江苏省人民检察院 (no disclosure
    yet) under its editor, 乙单位 with its own editor, an administrator; and for the review chain 丙单位
    under 丙部门, with its editor, the department's reviewer and the finance bureau, and a draft of 丙单位
    as 智能管控中心 published it (its errors keep it from being submitted)."""
    import uvicorn

    from yusuan.store import Store
    from yusuan.store.accounts import create_user
    from yusuan.store.repository import UploadedFile, ensure_body, ingest
    from yusuan.web import create_app

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'yusuan.db'}")
    store.upgrade()
    ids = {}
    with store.session() as s:
        doc, findings, files = checked("shenzhen-2023-pingshan-guanliju-budget.txt")
        published = ingest(s, doc, findings, files, status="published", action="import")
        ids["published"], ids["published_body"] = published.id, published.body_id
        doc, findings, files = checked("shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")
        ids["published_b"] = ingest(s, doc, findings, files, status="published", action="import").id
        jcy = ensure_body(s, "江苏省人民检察院")
        other = ensure_body(s, "乙单位", parent="乙部门", level="unit")
        create_user(s, "editor_jcy", PASSWORD, "editor", jcy.id)
        create_user(s, "editor_b", PASSWORD, "editor", other.id)
        create_user(s, "admin", PASSWORD, "admin")
        ids.update(jcy=jcy.id, other=other.id)
        unit = ensure_body(s, "丙单位", parent="丙部门", level="unit")
        editor = create_user(s, "editor_c", PASSWORD, "editor", unit.id)
        create_user(s, "reviewer_c", PASSWORD, "reviewer", unit.parent_id)
        create_user(s, "finance", PASSWORD, "finance")
        doc, findings, files = checked("shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")
        files = [UploadedFile("预算.txt", files[0].content, "text")]
        ids.update(unit_c=unit.id, draft_c=ingest(s, doc, findings, files, body=unit, user=editor).id)
    app = create_app(store)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("测试服务器没有启动")
        time.sleep(0.05)
    yield Site(f"http://127.0.0.1:{port}", store, ids)
    server.should_exit = True
    thread.join(timeout=10)
    store.dispose()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN", accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.js_errors = errors
    yield pg
    context.close()


WIDTHS = {"desktop": 1400, "phone": 375}  # the widths every page is looked at


@contextmanager
def opened(browser, url: str, width: int, settled: str = ""):
    """A page at `url` in a window `width` pixels wide, once the script `settled` says so; no script error."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(url)
    if settled:
        pg.wait_for_function(settled)
    yield pg
    context.close()
    assert not errors


def log_in(page, site: Site, username: str) -> None:
    page.goto(f"{site.url}/login")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.click('#login-form button')
    page.wait_for_url(f"{site.url}/")


UPLOAD = CORPUS / "jiangsu-2018-jianchayuan-budget.pdf"
__all__ = ["UPLOAD", "WIDTHS", "Path", "Site", "log_in", "opened"]
