"""Disclosures: list, detail, upload (a new version), identity edits; the review chain's steps (submit,
approve, approve by the finance bureau, return with a reason, publish) and the warnings' acknowledgements."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as FormRefused

from yusuan.model.formats import known_formats
from yusuan.store import access, intake, queries, repository, review, yoy
from yusuan.store.db import StoreError
from yusuan.store.queries import Forbidden
from yusuan.store.repository import Target, UploadedFile
from yusuan.web.deps import (
    Caller,
    get_caller,
    get_settings,
    get_store,
    load_user,
    require_user_csrf,
)
from yusuan.web.schemas import (
    AcknowledgeIn,
    DisclosureDetail,
    DisclosureList,
    DisclosureTables,
    EditIn,
    Error,
    PriorYear,
    ReturnIn,
)
from yusuan.web.upload import UploadTooLarge

router = APIRouter(tags=["公开文件"])


@router.get("/api/disclosures", response_model=DisclosureList, summary="公开文件列表（按单位、年度、类型筛选）")
def disclosure_list(
    body_id: int | None = None,
    body: str | None = Query(None, description="单位名称包含"),
    department_id: int | None = Query(None, description="主管部门及其下属单位"),
    year: int | None = None,
    kind: Literal["budget", "final_accounts"] | None = None,
    level: Literal["department", "unit"] | None = None,
    status: Literal["draft", "submitted", "returned", "approved", "approved_finance", "published"] | None = None,
    q: str | None = Query(None, description="搜索单位名称、标题、主管部门"),
    versions: Literal["current", "all"] = Query("current", description="current：每份文件的当前版本；all：全部版本"),
    limit: int = Query(100, ge=1, le=queries.MAX_LIMIT),
    offset: int = Query(0, ge=0),
    caller: Caller = Depends(get_caller), store=Depends(get_store),
):
    with store.session() as s:
        return queries.disclosure_list(s, caller.principal, body_id=body_id, body=body, department_id=department_id,
                                       year=year, kind=kind, level=level, status=status, q=q, versions=versions,
                                       limit=limit, offset=offset)


UPLOAD_FORM = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"], "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                  "description": "一份公开文件的一个或两个文件"},
        "body_id": {"type": "integer", "description": "指定单位（默认按文件中的单位名称）"},
        "year": {"type": "integer", "description": "指定年度（文件中未识别出年度时）"},
        "csrf_token": {"type": "string", "description": "网页表单用：代替 X-CSRF-Token 请求头"},
    }}}}}}


@router.post("/api/disclosures", response_model=DisclosureDetail, status_code=201, openapi_extra=UPLOAD_FORM,
             responses={400: {"model": Error}, 403: {"model": Error}, 409: {"model": Error}, 413: {"model": Error},
                        422: {"model": Error}, 429: {"model": Error}},
             summary=f"上传公开文件（{known_formats()}；文字部分和表格部分可一起上传），成为草稿新版本；"
                     "读取和检查在单独的进程中进行，超过时间或内存上限即停止（422、413）")
async def upload(request: Request, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    """The rights are checked before the form is parsed and before a file is read; reading and checking
    run in a job (yusuan.store.jobs), never in this process."""
    settings = get_settings(request)
    if not access.can_upload(caller.principal):
        raise Forbidden("您无权上传公开文件")
    files, body_id, year = await _upload_form(request, settings.max_upload_files)
    await run_in_threadpool(_may_upload, store, caller, body_id)
    received = []
    for f in files:
        content = await f.read()
        if len(content) > settings.max_upload_bytes:
            raise UploadTooLarge(settings.max_upload_bytes)
        received.append(UploadedFile(f.filename or "", content))
    names = "、".join(intake.safe_name(f.name, i) for i, f in enumerate(received))
    read = await request.app.state.jobs.run_async(intake.read_files, received, name=names)
    return await run_in_threadpool(_store_upload, store, caller, read, body_id, year)


async def _upload_form(request: Request, max_files: int) -> tuple[list[UploadFile], int | None, int | None]:
    """The files and the optional body_id and year of an upload form."""
    too_many = f"一次最多上传 {max_files} 个文件（同一份公开文件的文字部分和表格部分）"
    try:
        form = await request.form(max_files=max_files, max_fields=8)
    except FormRefused as e:  # Starlette's refusal of a malformed form, in English
        raise StoreError(too_many if "files" in str(e.detail) else "上传的表单格式不正确（应为 multipart/form-data）") from None
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
    if not files:
        raise HTTPException(422, "请求参数不正确：files：没有收到文件")
    if len(files) > max_files:
        raise StoreError(too_many)
    return files, _form_int(form, "body_id"), _form_int(form, "year")


def _form_int(form, field: str) -> int | None:
    value = form.get(field)
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not value.strip().isdigit():
        raise HTTPException(422, f"请求参数不正确：{field}：应为整数")
    return int(value)


def _may_upload(store, caller: Caller, body_id: int | None) -> None:
    with store.session() as s:
        intake.may_upload(s, caller.principal, body_id)


def _store_upload(store, caller: Caller, read, body_id, year):
    with store.session() as s:
        user = load_user(s, caller)
        d = intake.store_read(s, caller.principal, user, read, body_id=body_id, year=year, ip=caller.ip)
        did = d.id
    with store.session() as s:
        return queries.disclosure_detail(s, caller.principal, did)


@router.get("/api/disclosures/{disclosure_id}", response_model=DisclosureDetail,
            responses={404: {"model": Error}}, summary="一份公开文件：身份、版本、原始文件、文字部分、表格、绩效目标")
def disclosure(disclosure_id: int,
               tables: Literal["summary", "full"] = Query("summary", description="full：包含每张表的全部行和数字"),
               lines: bool = Query(False, description="包含文字部分每一印刷行的位置"),
               caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        return queries.disclosure_detail(s, caller.principal, disclosure_id, tables=tables, lines=lines)


@router.get("/api/disclosures/{disclosure_id}/tables", response_model=DisclosureTables,
            summary="一份公开文件的全部表格（每行每个数字，含定位和问题编号）")
def disclosure_tables(disclosure_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        return queries.disclosure_tables(s, caller.principal, disclosure_id)


@router.get("/api/disclosures/{disclosure_id}/prior-year", response_model=PriorYear,
            summary="与上年比较：同一单位上一年度已公开文件中每行的数字（科目调整按科目调整表对应）")
def prior_year(disclosure_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        return yoy.prior_year(s, caller.principal, disclosure_id)


@router.patch("/api/disclosures/{disclosure_id}", response_model=DisclosureDetail,
              summary="更正草稿的身份信息（年度、类型、级次等），记入操作日志")
def edit(disclosure_id: int, changes: EditIn, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    return _change(store, caller, disclosure_id, access.can_edit,
                   lambda d: "您无权修改这份文件" + ("（已公开的文件不能修改）" if d.status == "published" else
                                                 "" if d.status in access.EDITABLE else "（审核中的文件不能修改）"),
                   lambda s, d, user: repository.edit(s, d, changes.model_dump(exclude_unset=True), user, ip=caller.ip))


STEP = {400: {"model": Error}, 401: {"model": Error}, 403: {"model": Error}, 404: {"model": Error}}


@router.post("/api/disclosures/{disclosure_id}/submit", response_model=DisclosureDetail, responses=STEP,
             summary="提交审核（草稿或已退回 → 已提交）：有错误时不能提交，每个警告须先确认并填写理由")
def submit(disclosure_id: int, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    return _step(store, caller, disclosure_id, "submit")


@router.post("/api/disclosures/{disclosure_id}/approve", response_model=DisclosureDetail, responses=STEP,
             summary="部门审核通过（主管部门审核人：已提交 → 部门已审核），报财政局")
def approve(disclosure_id: int, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    return _step(store, caller, disclosure_id, "approve")


@router.post("/api/disclosures/{disclosure_id}/approve-finance", response_model=DisclosureDetail, responses=STEP,
             summary="财政审核通过（财政局：部门已审核 → 财政已审核），之后由主管部门公开")
def approve_finance(disclosure_id: int, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    return _step(store, caller, disclosure_id, "approve_finance")


@router.post("/api/disclosures/{disclosure_id}/return", response_model=DisclosureDetail, responses=STEP,
             summary="退回修改（主管部门退回已提交的，财政局退回部门已审核的），须写明原因；"
                     "原因可指向某张表、某一行、某个数字或某个问题，填报人在那里看到")
def return_(disclosure_id: int, body: ReturnIn, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    target = Target(body.table_id, body.row_id, body.cell_id, body.finding_id, body.page)
    return _step(store, caller, disclosure_id, "return", reason=body.reason, target=target)


@router.post("/api/disclosures/{disclosure_id}/publish", response_model=DisclosureDetail, responses=STEP,
             summary="公开（主管部门审核人或管理员：财政已审核 → 已公开），成为公众看到的当前版本；公开后不能修改，更正须上传新版本")
def publish(disclosure_id: int, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    return _step(store, caller, disclosure_id, "publish")


@router.post("/api/disclosures/{disclosure_id}/acknowledgements", response_model=DisclosureDetail, responses=STEP,
             summary="确认警告并写明理由（草稿或已退回的文件；随该版本保存，记入操作日志）")
def acknowledge(disclosure_id: int, body: AcknowledgeIn, caller: Caller = Depends(require_user_csrf),
                store=Depends(get_store)):
    return _change(store, caller, disclosure_id, access.can_acknowledge,
                   lambda d: "您无权确认这份文件的警告" + ("" if d.status in access.EDITABLE else
                                                         "（只有草稿或已退回的文件可以确认警告）"),
                   lambda s, d, user: review.acknowledge(s, d, user, body.finding_ids, body.reason, ip=caller.ip))


def _step(store, caller: Caller, disclosure_id: int, action: str, **kw) -> dict:
    """One step of the review chain: refused (403) when the caller's role may not take it, (400) when the
    disclosure is not where the step starts or a submission is blocked."""
    return _change(store, caller, disclosure_id, lambda p, d: access.allowed(p, d, action),
                   lambda d: access.refusal(d, action),
                   lambda s, d, user: review.step(s, d, action, user, ip=caller.ip, **kw))


def _change(store, caller: Caller, disclosure_id: int, allowed, refusal, change) -> dict:
    """`change(session, disclosure, user)` if `allowed(principal, disclosure)`, else Forbidden(`refusal(d)`);
    then the disclosure as it is now."""
    with store.session() as s:
        d = queries.get_disclosure(s, caller.principal, disclosure_id)
        if not allowed(caller.principal, d):
            raise Forbidden(refusal(d))
        change(s, d, load_user(s, caller))
    with store.session() as s:
        return queries.disclosure_detail(s, caller.principal, disclosure_id)
