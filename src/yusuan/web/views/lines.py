"""The budget lines of a series in the web grid (store/lines.py): read, save (optimistic: a stale revision
gets 409), import an XLSX of lines or a preparation workbook, export, derive the next draft version; the
year's catalog codes for the pickers; the grid page (`lines.html`, `static/lines.js`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from yusuan.store import intake, lines
from yusuan.web.deps import Caller, get_caller, get_settings, get_store, load_user, require_user_csrf
from yusuan.web.schemas import Error
from yusuan.web.upload import UploadTooLarge
from yusuan.web.views.downloads import disposition
from yusuan.web.views.pages import page

router = APIRouter(tags=["预算行"])
RESPONSES = {400: {"model": Error}, 401: {"model": Error}, 403: {"model": Error}, 404: {"model": Error},
             409: {"model": Error}, 422: {"model": Error}}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KIND = Query(lines.KIND, description="budget：预算的预算行；final_accounts：决算的预算行（填写执行数，生成决算表）")


class LinesCarry(BaseModel):
    revision: int = Field(ge=0, description="本年预算行的保存次数（GET 返回的 revision）")
    replace: bool = Field(False, description="本年已有预算行时，确认用上年预算开始的各行替换它们；否则 409")


class LinesSave(BaseModel):
    revision: int = Field(ge=0, description="编辑所依据的保存次数（GET 返回的 revision）；已被他人保存过则 409")
    lines: list[dict[str, str | None]] = Field(description="各预算行：列（field）→ 单元格文字，金额为十进制字符串")
    unit: str | None = Field(None, description="金额单位：万元 或 元（默认沿用）")


def _logged_in(caller: Caller) -> None:
    if not caller.authenticated:
        raise HTTPException(401, "请先登录")


def _context(store, caller: Caller, body_id: int, year: int, kind: str) -> dict:
    with store.session() as s:
        return lines.lines_context(s, caller.principal, body_id, year, kind)


@router.get("/api/bodies/{body_id}/lines/{year}", responses=RESPONSES,
            summary="一个单位一年的预算行（网页表格）：各行、保存次数、列、检查出的问题、合计、可做的操作")
def get_lines(body_id: int, year: int, kind: str = KIND, caller: Caller = Depends(get_caller),
              store=Depends(get_store)):
    _logged_in(caller)
    return _context(store, caller, body_id, year, kind)


@router.put("/api/bodies/{body_id}/lines/{year}", responses=RESPONSES,
            summary="保存预算行（整体替换）：有错误的单元格逐一指出（422，第几行哪一列）；科目表中没有的编码保存并标出")
def put_lines(body_id: int, year: int, body: LinesSave, kind: str = KIND, caller: Caller = Depends(require_user_csrf),
              store=Depends(get_store)):
    with store.session() as s:
        lines.save(s, caller.principal, load_user(s, caller), body_id, year, body.lines, body.revision,
                   unit=body.unit, ip=caller.ip, kind=kind)
    return _context(store, caller, body_id, year, kind)


@router.post("/api/bodies/{body_id}/lines/{year}/import", responses=RESPONSES,
             summary="导入预算行：预算行工作簿（XLSX），或填好的准备工作簿（按表格拆成预算行），替换现有各行；"
                     "文件在有时间和内存上限的子进程中读取")
async def import_lines(request: Request, body_id: int, year: int, file: UploadFile = File(...),
                       revision: int = Form(...), kind: str = KIND, caller: Caller = Depends(require_user_csrf),
                       store=Depends(get_store)):
    def rights():
        with store.session() as s:
            lines.check_editor(s, caller.principal, body_id)

    await run_in_threadpool(rights)  # before the file is read
    limit = get_settings(request).max_upload_bytes
    content = await file.read()
    if len(content) > limit:
        raise UploadTooLarge(limit)
    name = file.filename or "预算行.xlsx"
    read = await request.app.state.jobs.run_async(lines.read_upload, content, name, name=name)

    def run():
        with store.session() as s:
            lines.import_file(s, caller.principal, load_user(s, caller), body_id, year, read, name, revision,
                              ip=caller.ip, kind=kind)
        return _context(store, caller, body_id, year, kind)

    return await run_in_threadpool(run)


@router.post("/api/bodies/{body_id}/lines/{year}/carry", responses=RESPONSES,
             summary="从上年预算开始：以上年的预算行（没有时，上年已公开的预算拆成的预算行）生成本年各行（上年预算数、执行数列取自上年，本年预算数从上年数起）；"
                     "决算（kind=final_accounts）从本年预算行开始，再填写执行数；已有各行时须确认替换（replace），否则 409")
async def carry(request: Request, body_id: int, year: int, body: LinesCarry, kind: str = KIND,
                caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    def source():
        with store.session() as s:
            return lines.carry_source(s, caller.principal, body_id, year, kind, replace=body.replace)

    doc = await run_in_threadpool(source)
    built = None
    if doc is not None:  # no lines last year: its published budget split into lines, in a job
        name = f"{doc.identity.body} {year - 1} 年预算"
        built = await request.app.state.jobs.run_async(lines.build_lines, doc, name=name)

    def run():
        with store.session() as s:
            lines.carry_forward(s, caller.principal, load_user(s, caller), body_id, year, body.revision,
                                replace=body.replace, ip=caller.ip, kind=kind, built=built)
        return _context(store, caller, body_id, year, kind)

    return await run_in_threadpool(run)


@router.get("/api/bodies/{body_id}/lines/{year}/lines.xlsx", responses=RESPONSES,
            summary="导出预算行工作簿（XLSX，可再导入，也可用 yusuan ledger 命令处理）")
def export_lines(body_id: int, year: int, kind: str = KIND, caller: Caller = Depends(get_caller),
                 store=Depends(get_store)):
    _logged_in(caller)
    with store.session() as s:
        data, name = lines.export(s, caller.principal, body_id, year, kind)
    return Response(data, media_type=XLSX, headers=disposition(name))


@router.post("/api/bodies/{body_id}/lines/{year}/derive", status_code=201, responses=RESPONSES,
             summary="按预算行生成公开文件：全套表格和说明草稿成为该系列的新草稿版本，并运行检查，进入审核流程；"
                     "决算（kind=final_accounts）按各行执行数生成决算的全套表格")
async def derive(request: Request, body_id: int, year: int, kind: str = KIND,
                 caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    def prepare():
        with store.session() as s:
            return lines.derivation_file(s, caller.principal, body_id, year, kind)

    file = await run_in_threadpool(prepare)
    read = await request.app.state.jobs.run_async(intake.read_files, [file], name=file.name)

    def store_it():
        with store.session() as s:
            d = lines.derived(s, caller.principal, load_user(s, caller), body_id, year, read, ip=caller.ip, kind=kind)
            return {"disclosure": lines.brief(d), "url": f"/disclosures/{d.id}"}

    return await run_in_threadpool(store_it)


@router.get("/api/catalog/{scheme}/{year}", summary="某年科目表中预算行可用的编码及名称（功能分类“项”、经济分类“款”）")
def catalog_codes(scheme: str, year: int):
    return lines.catalog_codes(scheme, year)


@router.get("/bodies/{body_id}/lines/{year}", response_class=HTMLResponse, include_in_schema=False)
def lines_page(request: Request, body_id: int, year: int, kind: str = KIND, caller: Caller = Depends(get_caller),
               store=Depends(get_store)):
    _logged_in(caller)
    context = _context(store, caller, body_id, year, kind)
    return page(request, caller, "lines.html", title=f"{context['body']['name']} {year} 年{context['kind_name']}行",
                data=context)


@router.get("/bodies/{body_id}/lines", include_in_schema=False)
def lines_year(body_id: int, year: int, kind: str = KIND):
    """The body page's form: the grid of the year (and kind) asked for."""
    query = f"?kind={lines.FINAL}" if kind == lines.FINAL else ""
    return RedirectResponse(f"/bodies/{body_id}/lines/{year}{query}", status_code=303)
