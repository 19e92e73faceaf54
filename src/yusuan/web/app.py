"""The application: routers, error mapping, the upload limit, static files and templates."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from itsdangerous import TimestampSigner
from starlette.exceptions import HTTPException as StarletteHTTPException

from yusuan.model.errors import IngestError
from yusuan.store import Store
from yusuan.store.accounts import secret_key
from yusuan.store.aggregate import AggregateError
from yusuan.store.db import StoreError
from yusuan.store.exports import NotAvailable
from yusuan.store.jobs import (
    Budget,
    Busy,
    JobCrashed,
    Jobs,
    OverMemory,
    OverTime,
    Stopped,
)
from yusuan.store.lines import Conflict, LinesInvalid
from yusuan.store.queries import Forbidden, NotFound
from yusuan.store.repository import DuplicateUpload
from yusuan.web import filters
from yusuan.web.cache import PublicCache
from yusuan.web.failures import InternalErrors
from yusuan.web.headers import Nosniff
from yusuan.web.settings import WebSettings
from yusuan.web.upload import UploadLimit, UploadTooLarge
from yusuan.web.views import (
    accounts,
    admin,
    aggregate,
    audit,
    babbage,
    bodies,
    comments,
    disclosure_pages,
    disclosures,
    downloads,
    findings,
    lines,
    pages,
    peers,
    perf,
    perf_pages,
    review,
    search,
    tables,
    years,
)

HERE = Path(__file__).parent
ROUTERS = (pages, peers, years, search, disclosure_pages, review, admin, bodies, disclosures, tables, findings,
           aggregate, babbage, comments, downloads, accounts, audit, perf, perf_pages, lines)

DESCRIPTION = """部门预算与决算公开文件的数据接口。

- 公众无需登录，只能看到已公开的文件；登录后（`POST /api/login`）按角色看到本单位或下属单位的草稿，财政局看到全部部门。
- 审核流程：填报人上传草稿、确认每个警告并写明理由后提交（有错误不能提交）→ 主管部门审核人审核通过或退回（写明原因，
  可指向某张表或某一行）→ 财政局审核通过或退回 → 主管部门公开。每一步记入操作日志；公开后不能修改，更正须上传新版本。
  `GET /api/review` 列出等待当前用户处理的文件。
- 同一单位同一年度的部门预算和单位预算是两份文件（各自的版本序列）；部门预算的详情列出它包含的单位预算（`units`）。
- 使用 Cookie 登录时，所有修改类请求（POST、PATCH）须在请求头 `X-CSRF-Token` 中带上登录时返回的令牌。
- 金额一律为精确的十进制字符串；`unit` 为表格印刷的单位（元 或 万元），`yuan` 为折算成元的金额。
- 页面定位：`page` 是 PDF 页码（文本文件为行号），`bbox` 为 x0、top、x1、bottom（PDF 点，原点在左上角）。
"""

# (exception class, HTTP status) — most specific first
ERRORS: tuple[tuple[type[Exception], int], ...] = (
    (UploadTooLarge, 413), (OverMemory, 413), (OverTime, 422), (JobCrashed, 422), (Busy, 429), (Stopped, 503),
    (NotFound, 404), (Forbidden, 403), (DuplicateUpload, 409), (Conflict, 409), (NotAvailable, 501), (AggregateError, 400),
    (IngestError, 400), (StoreError, 400),
)


def create_app(store: Store, settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    app = FastAPI(title="yusuan 预算公开", version=_version(), description=DESCRIPTION, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json", lifespan=_lifespan)
    app.state.store = store
    app.state.settings = settings
    app.state.jobs = Jobs(Budget(settings.job_seconds, settings.job_memory_bytes), workers=settings.job_workers)
    with store.session() as s:
        app.state.signer = TimestampSigner(secret_key(s), salt="yusuan-session")
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    filters.install(app.state.templates.env)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for module in ROUTERS:
        app.include_router(module.router)
    for exc, status in ERRORS:
        app.add_exception_handler(exc, _handler(status))
    app.add_exception_handler(LinesInvalid, _lines_invalid)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_middleware(UploadLimit, limit=settings.max_upload_bytes)
    app.add_middleware(InternalErrors)
    app.add_middleware(PublicCache, store=store, cookie=settings.session_cookie, max_bytes=settings.cache_bytes)
    app.add_middleware(Nosniff)  # outermost: the 500 of InternalErrors carries it too
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI):
    store = app.state.store
    store.listen()  # the public cache's generation from memory (PostgreSQL: store/listener.py)
    try:
        yield
    finally:
        await asyncio.to_thread(store.unlisten)  # joins the listener's thread: not in the event loop
        app.state.jobs.close()  # stopping never waits for an upload's job


ERROR_TITLES = {400: "无法处理", 401: "请先登录", 403: "无权操作", 404: "找不到", 409: "重复", 413: "文件太大",
                422: "无法处理", 429: "请稍后再试", 501: "暂不支持", 503: "请稍后再试"}


def _handler(status: int):
    async def handle(request: Request, exc: Exception):
        if _wants_page(request):
            return error_page(request, status, str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=status)

    return handle


def _wants_page(request: Request) -> bool:
    """A page address asked by a browser (the API always answers JSON)."""
    path = request.url.path
    return not path.startswith(("/api/", "/openapi", "/static/")) and "text/html" in request.headers.get("accept", "")


def error_page(request: Request, status: int, message: str):
    from yusuan.web.deps import get_caller
    from yusuan.web.views.pages import page

    return page(request, get_caller(request), "error.html", status_code=status,
                title=ERROR_TITLES.get(status, "出错了"), message=message, status=status)


UNPARSED = "There was an error parsing the body"  # FastAPI's 400 for a body it could not decode


async def _http_error(request: Request, exc: StarletteHTTPException):
    if exc.status_code == 400 and exc.detail == UNPARSED:
        return JSONResponse({"detail": "请求参数不正确：请求体无法解析（应为 UTF-8 编码的 JSON 或表单）"}, status_code=422)
    if _wants_page(request):
        return error_page(request, exc.status_code, str(exc.detail))
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with the field and a Chinese summary first, FastAPI's details after — without the values sent
    (a password; the raw bytes of a body that is not JSON)."""
    parts, errors = [], []
    for e in exc.errors():
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
        if e.get("type") == "json_invalid":
            parts.append(f"请求体不是有效的 JSON（第 {where} 个字符：{(e.get('ctx') or {}).get('error', '')}）")
        else:
            parts.append(f"{where}：{e.get('msg', '')}" if where else e.get("msg", ""))
        loc = [x if isinstance(x, int) else str(x) for x in e.get("loc", ())]
        errors.append({"type": e.get("type", ""), "loc": loc, "msg": e.get("msg", ""), **_plain_context(e.get("ctx"))})
    return JSONResponse({"detail": "请求参数不正确：" + "；".join(parts), "errors": errors}, status_code=422)


async def _lines_invalid(request: Request, exc: LinesInvalid) -> JSONResponse:
    """422 naming each cell the lines cannot use (`problems`: row, field, column, reason, message)."""
    return JSONResponse({"detail": str(exc), "problems": [p.to_dict() for p in exc.problems]}, status_code=422)


def _plain_context(ctx) -> dict:
    """A validation error's limits (min_length, le, …): numbers and words, never an object."""
    plain = {k: v for k, v in (ctx or {}).items() if isinstance(v, (int, float, str, bool))}
    return {"ctx": plain} if plain else {}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("yusuan")
    except PackageNotFoundError:
        return "0"
