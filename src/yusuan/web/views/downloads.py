"""Downloads: the original files, the cells CSV, the model JSON, the findings report, the checklist,
and rendered documents (PDF, DOCX, XLSX, HTML) through yusuan.render."""

from __future__ import annotations

from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select

from yusuan.model.families import STYLES
from yusuan.model.formats import readers, writers
from yusuan.store import exports, queries
from yusuan.store import models as m
from yusuan.store.queries import NotFound
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.headers import DOCUMENT_CSP, FILE_CSP
from yusuan.web.schemas import Error

router = APIRouter(tags=["下载"])
OUTPUT = Literal[tuple(exports.RENDER_FORMATS)]  # the registered output formats
STYLE = Literal[STYLES]
# an original file goes back with the type its bytes were read as (the sniffer's format), never the one its
# name claims, and only when a browser cannot run it; HTML (an upload may carry scripts) and any other type
# goes back as bytes to save, never to open in the site's origin
INERT = ("application/pdf", "text/plain", "application/vnd.openxmlformats-officedocument.")
SHOWN = ("pdf", "text")  # opened in the browser (a PDF at a page, a text at a line); the others are saved


def file_type(fmt: str) -> str:
    """The media type an uploaded file of a registered input format is sent back with."""
    media = next((r.media_type for r in readers() if r.name == fmt), "")
    return media if media.startswith(INERT) else "application/octet-stream"


def disposition(name: str, inline: bool = False) -> dict:
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    kind = "inline" if inline else "attachment"
    return {"Content-Disposition": f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"}


def _base_name(d: m.Disclosure) -> str:
    kind = "决算" if d.kind == "final_accounts" else "预算"
    return f"{d.body.name}-{d.year}年{kind}-第{d.version}版"


def _built(store, caller: Caller, disclosure_id: int, build) -> tuple:
    """(what `build(session, id)` makes of a disclosure the caller may read, its download base name)."""
    with store.session() as s:
        d = queries.get_disclosure(s, caller.principal, disclosure_id)
        return build(s, d.id), _base_name(d)


@router.get("/api/files/{file_id}", responses={200: {"content": {"application/pdf": {}}}, 404: {"model": Error}},
            summary="上传的原始文件（PDF 可在浏览器中打开，加 #page=N 跳到某页）")
def original_file(file_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        row = s.execute(select(m.File.disclosure_id, m.File.name, m.File.format).where(m.File.id == file_id)).first()
        if row is None:
            raise NotFound(f"没有编号为 {file_id} 的文件")
        try:
            queries.get_disclosure(s, caller.principal, row.disclosure_id)
        except NotFound:
            raise NotFound(f"没有编号为 {file_id} 的文件") from None
        content = s.scalar(select(m.File.content).where(m.File.id == file_id))
    headers = disposition(row.name, inline=row.format in SHOWN)
    if row.format == "text":
        headers["Content-Security-Policy"] = FILE_CSP
    return Response(content, media_type=file_type(row.format), headers=headers)


@router.get("/api/disclosures/{disclosure_id}/cells.csv", responses={200: {"content": {"text/csv": {}}}},
            summary="全部数字单元格（单元格导出约定，见 docs/architecture.md；与 yusuan extract --format csv 相同）")
def cells_csv(disclosure_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    text, name = _built(store, caller, disclosure_id, exports.cells_csv)
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8", headers=disposition(name + ".csv"))


@router.get("/api/disclosures/{disclosure_id}/disclosure.json",
            summary="完整的公开文件模型（与 yusuan extract --format json 相同）")
def model_json(disclosure_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    data, name = _built(store, caller, disclosure_id, exports.model_json)
    return JSONResponse(data, headers=disposition(name + ".json"))


@router.get("/api/disclosures/{disclosure_id}/report.json",
            summary="检查结果（检查结果约定，见 docs/architecture.md；与 yusuan check --format json 相同）")
def report_json(disclosure_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    data, name = _built(store, caller, disclosure_id, exports.findings_report)
    return JSONResponse(data, headers=disposition(name + "-检查结果.json"))


@router.get("/api/disclosures/{disclosure_id}/checklist.xlsx",
            responses={200: {"content": {exports.RENDER_FORMATS["xlsx"]: {}}}}, summary="公开情况检查表（XLSX）")
def checklist(disclosure_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    data, name = _built(store, caller, disclosure_id, exports.checklist_xlsx)
    return Response(data, media_type=exports.RENDER_FORMATS["xlsx"], headers=disposition(name + "-检查表.xlsx"))


@router.get("/api/disclosures/{disclosure_id}/document.{fmt}",
            responses={501: {"model": Error}, 200: {"content": {t: {} for t in exports.RENDER_FORMATS.values()}}},
            summary=f"按标准格式生成的公开文件（{'、'.join(w.label for w in writers().values())}）")
def document(disclosure_id: int, fmt: OUTPUT, caller: Caller = Depends(get_caller), store=Depends(get_store),
             style: STYLE | None = Query(None, description="版式（默认沿用这份公开文件的版式）")):
    data, name = _built(store, caller, disclosure_id, lambda s, did: exports.rendered(s, did, fmt, style))
    headers = disposition(f"{name}.{fmt}", inline=fmt == "html")
    if fmt == "html":
        headers["Content-Security-Policy"] = DOCUMENT_CSP
    return Response(data, media_type=exports.RENDER_FORMATS[fmt], headers=headers)


@router.get("/api/template.xlsx", responses={200: {"content": {exports.RENDER_FORMATS["xlsx"]: {}}}, 400: {"model": Error}},
            summary="公开准备工作簿（yusuan template）：空白，或用一份已存的公开文件填写（本年的填入各表，上年的填入“上年”各栏）")
def template_xlsx(year: int = Query(..., ge=2000, le=2100, description="预算（决算）年度"),
                  style: STYLE | None = Query(
                      None, description="版式（默认深圳；从文件填写时沿用其版式）"),
                  kind: Literal["budget", "final_accounts"] = "budget",
                  from_disclosure: int | None = Query(None, description="用这份公开文件填写"),
                  caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        if from_disclosure is not None:
            d = queries.get_disclosure(s, caller.principal, from_disclosure)
            name = f"{d.body.name}-{year}年{'决算' if kind == 'final_accounts' else '预算'}-准备工作簿.xlsx"
        else:
            name = f"{year}年{'决算' if kind == 'final_accounts' else '预算'}公开准备工作簿.xlsx"
        data = exports.preparation_workbook(s, year, style, kind, from_disclosure)
    return Response(data, media_type=exports.RENDER_FORMATS["xlsx"], headers=disposition(name))


@router.get("/api/fdp.zip", responses={200: {"content": {"application/zip": {}}}, 400: {"model": Error}},
            summary="开放数据：财政数据包（Fiscal Data Package，datapackage.json 与 facts.csv，见 docs/open-data.md），"
                    "某单位、某部门（含所属单位）或某年度的现行公开文件")
def fdp_zip(body_id: int | None = None, department_id: int | None = None,
            year: int | None = Query(None, ge=2000, le=2100),
            kind: Literal["budget", "final_accounts"] | None = None,
            caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        data, n = exports.fdp_zip(s, caller.principal, body_id=body_id, department_id=department_id, year=year,
                                  kind=kind)
        scope = [s.get(m.Body, i).name for i in (body_id, department_id) if i is not None and s.get(m.Body, i)]
    name = "-".join([*scope, f"{year}年" if year else "", "财政数据包"]).replace("--", "-").strip("-")
    return Response(data, media_type="application/zip", headers=disposition(f"{name}.zip"))
