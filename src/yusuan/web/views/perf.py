"""The 绩效 API: targets (entered, imported from a stored disclosure), monitoring rounds, self-evaluations,
their review by the department, the reports, a department's overview, the scoring rules."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import Response

from yusuan.model.formats import writers
from yusuan.store import perf, perf_queries
from yusuan.store.perf_reports import report
from yusuan.web.deps import Caller, get_caller, get_store, load_user, require_user_csrf
from yusuan.web.perf_schemas import (
    PerfBody,
    PerfImport,
    PerfIndex,
    PerfOverview,
    PerfRecordBrief,
    PerfRecordDetail,
    PerfReview,
    PerfSave,
    PerfSettings,
)
from yusuan.web.schemas import Error
from yusuan.web.views.downloads import disposition

router = APIRouter(tags=["绩效管理"])
OUTPUT = Literal[tuple(writers())]
SAVERS = {"targets": perf.save_targets, "monitoring": perf.save_monitoring, "evaluation": perf.save_evaluation}


def _logged_in(caller: Caller) -> None:
    if not caller.authenticated:
        raise HTTPException(401, "请先登录")


@router.get("/api/perf", response_model=PerfIndex, summary="绩效管理：可填报或审核的单位及年度、待审核的记录")
def index(caller: Caller = Depends(get_caller), store=Depends(get_store)):
    _logged_in(caller)
    with store.session() as s:
        return perf_queries.perf_index(s, caller.principal)


@router.get("/api/perf/bodies/{body_id}/{year}", response_model=PerfBody,
            summary="一个单位一年的绩效：整体支出和各项目的目标、监控、自评（最新版本），可导入目标的公开文件")
def body_year(body_id: int, year: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    _logged_in(caller)
    with store.session() as s:
        return perf_queries.perf_body(s, caller.principal, body_id, year)


def _save(kind: str, store, caller: Caller, body_id: int, year: int, body: PerfSave) -> dict:
    with store.session() as s:
        rec = SAVERS[kind](s, caller.principal, load_user(s, caller), body_id, year, body.data, project=body.project,
                           ip=caller.ip)
        rid = rec.id
    with store.session() as s:
        return perf_queries.perf_record(s, caller.principal, rid)


RESPONSES = {400: {"model": Error}, 403: {"model": Error}, 404: {"model": Error}}


@router.post("/api/perf/bodies/{body_id}/{year}/targets", response_model=PerfRecordDetail, status_code=201,
             responses=RESPONSES, summary="保存绩效目标（新版本）：年度主要任务与金额、年度目标、指标及其性质、指标值、权重")
def save_targets(body_id: int, year: int, body: PerfSave, caller: Caller = Depends(require_user_csrf),
                 store=Depends(get_store)):
    return _save("targets", store, caller, body_id, year, body)


@router.post("/api/perf/bodies/{body_id}/{year}/monitoring", response_model=PerfRecordDetail, status_code=201,
             responses=RESPONSES, summary="保存绩效运行监控（按监控日期，新版本）：执行数、各指标完成值、完成可能性、偏差原因与纠偏措施")
def save_monitoring(body_id: int, year: int, body: PerfSave, caller: Caller = Depends(require_user_csrf),
                    store=Depends(get_store)):
    return _save("monitoring", store, caller, body_id, year, body)


@router.post("/api/perf/bodies/{body_id}/{year}/evaluation", response_model=PerfRecordDetail, status_code=201,
             responses=RESPONSES, summary="保存绩效自评（新版本）：全年执行数、各指标实际完成值与佐证、偏差原因，按评分规则计分")
def save_evaluation(body_id: int, year: int, body: PerfSave, caller: Caller = Depends(require_user_csrf),
                    store=Depends(get_store)):
    return _save("evaluation", store, caller, body_id, year, body)


@router.post("/api/perf/bodies/{body_id}/{year}/import", response_model=list[PerfRecordBrief], status_code=201,
             responses=RESPONSES, summary="从已存的公开文件（或准备工作簿）导入绩效目标：整体支出绩效目标表、重点项目")
def import_targets(body_id: int, year: int, body: PerfImport, caller: Caller = Depends(require_user_csrf),
                   store=Depends(get_store)):
    with store.session() as s:
        recs = perf.import_targets(s, caller.principal, load_user(s, caller), body.disclosure_id, body_id=body_id,
                                   year=year, ip=caller.ip)
        return [perf_queries.brief(r) for r in recs]


@router.get("/api/perf/records/{record_id}", response_model=PerfRecordDetail, responses=RESPONSES,
            summary="一份绩效记录：内容、检查结果、进度或得分、各版本")
def record(record_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    _logged_in(caller)
    with store.session() as s:
        return perf_queries.perf_record(s, caller.principal, record_id)


@router.post("/api/perf/records/{record_id}/submit", response_model=PerfRecordDetail, responses=RESPONSES,
             summary="提交主管部门审核（有错误时不能提交）")
def submit(record_id: int, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    with store.session() as s:
        perf.submit(s, caller.principal, load_user(s, caller), perf.get_record(s, caller.principal, record_id), ip=caller.ip)
    with store.session() as s:
        return perf_queries.perf_record(s, caller.principal, record_id)


@router.post("/api/perf/records/{record_id}/review", response_model=PerfRecordDetail, responses=RESPONSES,
             summary="主管部门审核：通过或退回（退回须写意见）")
def review(record_id: int, body: PerfReview, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    with store.session() as s:
        perf.review(s, caller.principal, load_user(s, caller), perf.get_record(s, caller.principal, record_id),
                    body.decision, body.note, ip=caller.ip)
    with store.session() as s:
        return perf_queries.perf_record(s, caller.principal, record_id)


@router.get("/api/perf/records/{record_id}/report.{fmt}", responses={**RESPONSES, 501: {"model": Error}},
            summary="绩效运行监控表、绩效自评报告（PDF、Word、XLSX、HTML）")
def record_report(record_id: int, fmt: OUTPUT, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    _logged_in(caller)
    with store.session() as s:
        data, name = report(s, caller.principal, record_id, fmt)
    return Response(data, media_type=writers()[fmt].media_type, headers=disposition(name))


@router.get("/api/perf/overview/{department_id}/{year}", response_model=PerfOverview, responses=RESPONSES,
            summary="部门绩效总览：各单位自评得分、红色预警指标、预算执行进度与时间进度、待审核记录")
def overview(department_id: int, year: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    _logged_in(caller)
    with store.session() as s:
        return perf_queries.perf_overview(s, caller.principal, department_id, year)


@router.get("/api/perf/settings", summary="绩效评分规则与监控预警区间")
def settings(caller: Caller = Depends(get_caller), store=Depends(get_store)):
    _logged_in(caller)
    with store.session() as s:
        return perf_queries.settings(s, caller.principal)


@router.patch("/api/perf/settings", responses=RESPONSES, summary="修改评分规则或预警区间（管理员；已保存的自评、监控沿用保存时的规则）")
def change_settings(body: PerfSettings, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    with store.session() as s:
        perf.set_rules(s, caller.principal, load_user(s, caller), scoring=body.scoring, monitoring=body.bands,
                       ip=caller.ip)
    with store.session() as s:
        return perf_queries.settings(s, caller.principal)
