"""HTML pages in Chinese: the bodies tree, a body, search, log in, upload, and the API docs served
offline. Each page renders the same context dict as its JSON twin (web/README.md)."""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from yusuan.model.formats import readers
from yusuan.store import access, queries
from yusuan.store.access import ROLE_NAMES
from yusuan.web.deps import Caller, get_caller, get_settings, get_store
from yusuan.web.headers import PAGE_CSP

router = APIRouter(include_in_schema=False)



def page(request: Request, caller: Caller, template: str, status_code: int = 200, **context) -> HTMLResponse:
    """A page: `template` with `context`, the caller (`me`) and the site title."""
    p = caller.principal
    me = {"role": p.role, "role_name": ROLE_NAMES.get(p.role, p.role), "username": p.username,
          "authenticated": caller.authenticated, "csrf_token": caller.csrf_token,
          "can_upload": caller.authenticated and access.can_upload(p),
          "can_manage": caller.authenticated and access.can_manage_users(p)}
    response = request.app.state.templates.TemplateResponse(
        request, template, {"me": me, "site_title": get_settings(request).title, **context}, status_code=status_code)
    response.headers["Content-Security-Policy"] = PAGE_CSP
    return response


@router.get("/", response_class=HTMLResponse)
def index(request: Request, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        context = queries.body_tree(s, caller.principal)
    return page(request, caller, "index.html", data=context, title="单位与年度")


@router.get("/bodies/{body_id}", response_class=HTMLResponse)
def body_page(request: Request, body_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        context = queries.body_detail(s, caller.principal, body_id)
    return page(request, caller, "body.html", data=context, title=context["body"]["name"])


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/", caller: Caller = Depends(get_caller)):
    return page(request, caller, "login.html", title="登录", next=local_path(next))


def local_path(target: str) -> str:
    """`target` when it is a path on this site, else "/": where to go after logging in. Refused: another
    scheme or host (`https://x`, `javascript:`, `//x`), a backslash (browsers read `/\\x` as `//x`), a control
    character or a space (browsers drop tabs and newlines from an address, so a tab between two slashes
    makes `//x`), and anything whose percent-decoded form is one of these."""
    for form in (target, unquote(target)):
        if (not form.startswith("/") or form.startswith("//") or "\\" in form
                or any(c.isspace() or ord(c) < 0x20 or ord(c) == 0x7F for c in form)):
            return "/"
        parts = urlsplit(form)
        if parts.scheme or parts.netloc:
            return "/"
    return target


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    bodies = []
    if caller.authenticated:
        with store.session() as s:
            bodies = queries.upload_targets(s, caller.principal)
    return page(request, caller, "upload.html", title="上传公开文件", bodies=bodies,
                max_mb=get_settings(request).max_upload_bytes / 2**20,
                max_files=get_settings(request).max_upload_files, this_year=date.today().year, formats=readers())


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    """Swagger UI, served offline, started by a script of ours (no inline script: the page's CSP)."""
    return page(request, Caller(), "docs.html", title=f"{request.app.title} — API", openapi_url=request.app.openapi_url)
