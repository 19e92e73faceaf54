"""HTML: the landing page (the same context as /api/bodies) and the API docs served offline."""

from fastapi import APIRouter, Depends, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from yusuan.store import queries
from yusuan.web.deps import Caller, get_caller, get_store

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def index(request: Request, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        context = queries.body_tree(s, caller.principal)
    return request.app.state.templates.TemplateResponse(
        request, "index.html", {"data": context, "title": request.app.state.settings.title,
                                "role": caller.principal.role})


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    return get_swagger_ui_html(
        openapi_url=request.app.openapi_url, title=f"{request.app.title} — API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js", swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url="/static/swagger/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from validator.swagger.io
    )
