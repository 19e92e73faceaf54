"""Reading performance records for people and programs (the contexts of the 绩效 pages and their JSON
twins): a body's year, one record with its checks, progress or score, a department's overview of its units.
Amounts and ratios are exact decimal strings; everything is limited to what the asking `Principal` may see."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from yusuan.perf import codec
from yusuan.perf.issue import ordered
from yusuan.perf.monitoring import BAND_NAMES, LIKELIHOODS, REASONS, percent
from yusuan.perf.scoring import QUALITATIVE_GRADES
from yusuan.perf.targets import AMOUNTS, NATURES
from yusuan.perf.tree import level1_names, level2_names
from yusuan.store import access
from yusuan.store import models as m
from yusuan.store.access import Principal
from yusuan.store.perf import (
    KIND_NAMES,
    ORIGIN_NAMES,
    STATUS_NAMES,
    evaluation_of,
    get_record,
    issues_of,
    latest,
    monitoring_of,
    scoring_rules,
    targets_of,
)
from yusuan.store.perf import bands as current_bands
from yusuan.store.queries import Forbidden, NotFound

WHOLE_NAME = "整体支出"
D100, CENT = Decimal(100), Decimal("0.01")
FORMATS = {"monitoring": ("xlsx", "pdf", "docx"), "evaluation": ("pdf", "docx", "xlsx")}


def _dec(d) -> str | None:
    return codec.dec(d)


def _iso(t) -> str | None:
    return t.isoformat() if t is not None else None


def brief(rec: m.PerfRecord) -> dict:
    return {"id": rec.id, "kind": rec.kind, "kind_name": KIND_NAMES[rec.kind], "body_id": rec.body_id,
            "body": rec.body.name, "year": rec.year, "project": rec.project, "project_name": rec.project or WHOLE_NAME,
            "round": rec.round, "version": rec.version, "is_latest": rec.is_latest, "status": rec.status,
            "status_name": STATUS_NAMES[rec.status], "origin": rec.origin, "origin_name": ORIGIN_NAMES.get(rec.origin, rec.origin),
            "disclosure_id": rec.disclosure_id, "targets_id": rec.targets_id, "score": _dec(rec.score),
            "grade": rec.grade, "reds": rec.reds, "execution": _dec(rec.execution),
            "execution_text": percent(rec.execution) if rec.execution is not None else "",
            "time_progress": _dec(rec.time_progress),
            "time_progress_text": percent(rec.time_progress) if rec.time_progress is not None else "",
            "errors": rec.errors, "warnings": rec.warnings, "created_at": _iso(rec.created_at),
            "created_by": rec.created_by.username if rec.created_by else None, "submitted_at": _iso(rec.submitted_at),
            "reviewed_at": _iso(rec.reviewed_at), "reviewed_by": rec.reviewed_by.username if rec.reviewed_by else None,
            "review_note": rec.review_note}


def _loaded():
    return (selectinload(m.PerfRecord.body), selectinload(m.PerfRecord.created_by),
            selectinload(m.PerfRecord.reviewed_by))


def options() -> dict:
    """The choices of the forms, with their Chinese names."""
    return {"natures": NATURES, "likelihoods": LIKELIHOODS, "reasons": REASONS, "grades": QUALITATIVE_GRADES,
            "amounts": AMOUNTS, "tree": {l1: list(level2_names(l1)) for l1 in level1_names()},
            "kinds": KIND_NAMES, "statuses": STATUS_NAMES}


def _permissions(p: Principal, body_id: int, rec: m.PerfRecord | None = None) -> dict:
    edit = access.can_edit_perf(p, body_id)
    return {"edit": edit and (rec is None or rec.status != "submitted"),
            "submit": edit and rec is not None and rec.is_latest and rec.status in ("draft", "returned"),
            "review": rec is not None and rec.status == "submitted" and access.can_review_perf(p, body_id)}


# ---------------------------------------------------------------- the bodies and years one may see


def perf_index(s: Session, p: Principal) -> dict:
    """The bodies whose performance `p` keeps or reviews, each with the years it has records for; the
    departments it may overview; what waits for its review."""
    if p.is_public:
        raise Forbidden("请先登录后查看绩效管理")
    bodies = s.execute(select(m.Body).order_by(m.Body.name)).scalars().all()
    mine = [b for b in bodies if access.can_read_perf(p, b.id)]
    ids = {b.id for b in mine}
    years: dict[int, set[int]] = defaultdict(set)
    for body_id, year in s.execute(select(m.PerfRecord.body_id, m.PerfRecord.year).distinct()):
        if body_id in ids:
            years[body_id].add(year)
    if p.is_admin:  # an administrator's list: the bodies that have records
        mine = [b for b in mine if years.get(b.id)]
    parents = {b.parent_id for b in bodies if b.parent_id}
    queue = s.execute(select(m.PerfRecord).where(m.PerfRecord.status == "submitted", m.PerfRecord.is_latest.is_(True))
                      .options(*_loaded()).order_by(m.PerfRecord.submitted_at)).scalars().all()
    return {
        "bodies": [{"id": b.id, "name": b.name, "level": b.level, "parent_id": b.parent_id,
                    "years": sorted(years.get(b.id, ()), reverse=True), "can_edit": access.can_edit_perf(p, b.id)}
                   for b in mine],
        "departments": [{"id": b.id, "name": b.name} for b in mine if b.id in parents and access.can_review_perf(p, b.id)],
        "queue": [brief(r) for r in queue if access.can_review_perf(p, r.body_id)],
    }


def perf_body(s: Session, p: Principal, body_id: int, year: int) -> dict:
    """One body's year: its target sets (the whole body's, each project's) with their latest targets, monitoring
    rounds and self-evaluation; the stored disclosures whose targets can be imported."""
    body = s.get(m.Body, body_id)
    if body is None or not access.can_read_perf(p, body_id):
        raise NotFound(f"没有编号为 {body_id} 的单位")
    recs = s.execute(select(m.PerfRecord).where(m.PerfRecord.body_id == body_id, m.PerfRecord.year == year,
                                                m.PerfRecord.is_latest.is_(True)).options(*_loaded())
                     .order_by(m.PerfRecord.project, m.PerfRecord.round)).scalars().all()
    sets: dict[str, dict] = {}
    for r in recs:
        entry = sets.setdefault(r.project, {"project": r.project, "project_name": r.project or WHOLE_NAME,
                                            "targets": None, "monitoring": [], "evaluation": None})
        if r.kind == "monitoring":
            entry["monitoring"].append(brief(r))
        else:
            entry[r.kind] = brief(r)
    importable = s.execute(select(m.Disclosure).where(
        m.Disclosure.body_id == body_id, m.Disclosure.is_latest.is_(True), access.visible(p),
        m.Disclosure.year.in_((year, year - 1)))
        .order_by(m.Disclosure.year.desc())).scalars().all()
    with_targets = set(s.scalars(select(m.Table.disclosure_id).where(
        m.Table.disclosure_id.in_([d.id for d in importable]),
        m.Table.kind.in_(("performance_targets", "project_performance")))))
    return {
        "body": {"id": body.id, "name": body.name, "level": body.level, "parent_id": body.parent_id},
        "year": year,
        "sets": sorted(sets.values(), key=lambda e: (e["project"] != "", e["project"])),
        "importable": [{"id": d.id, "year": d.year, "kind": d.kind, "version": d.version,
                        "label": f"{d.year} 年{'决算' if d.kind == 'final_accounts' else '预算'} 第 {d.version} 版"}
                       for d in importable if d.id in with_targets or d.performance],
        "permissions": _permissions(p, body_id),
        "options": options(),
    }


# ---------------------------------------------------------------- one record


def _versions(s: Session, rec: m.PerfRecord) -> list[dict]:
    rows = s.execute(select(m.PerfRecord).where(
        m.PerfRecord.kind == rec.kind, m.PerfRecord.body_id == rec.body_id, m.PerfRecord.year == rec.year,
        m.PerfRecord.project == rec.project, m.PerfRecord.round == rec.round).options(*_loaded())
        .order_by(m.PerfRecord.version.desc())).scalars().all()
    return [brief(r) for r in rows]


def perf_record(s: Session, p: Principal, record_id: int) -> dict:
    """A record as a page shows it: its targets, the checks, and per indicator what was entered with the
    progress (monitoring) or the score (self-evaluation) computed from it."""
    rec = get_record(s, p, record_id)
    out = {"record": brief(rec), "versions": _versions(s, rec), "permissions": _permissions(p, rec.body_id, rec),
           "options": options(), "monitoring": None, "evaluation": None,
           "issues": [i.to_dict() for i in ordered(issues_of(s, rec))],
           "downloads": [{"format": f, "url": f"/api/perf/records/{rec.id}/report.{f}"} for f in FORMATS.get(rec.kind, ())]}
    if rec.kind == "targets":
        ts = targets_of(rec)
        out["targets"] = codec.targets_dict(ts)
        out["rows"] = [codec.indicator_dict(i) for i in ts.indicators]
        out["total"] = _dec(ts.total)
        return out
    if rec.kind == "monitoring":
        ts, mon, result = monitoring_of(rec)
        out["targets"] = codec.targets_dict(ts)
        out["monitoring"] = {
            **codec.monitoring_dict(mon), "month": mon.month, "bands": rec.data.get("bands"),
            "time_progress": _dec(result.time_progress), "time_progress_text": percent(result.time_progress),
            "budget": _dec(result.budget), "execution": _dec(result.execution), "execution_text": percent(result.execution),
            "execution_relative": _dec(result.execution_relative), "execution_band": result.execution_band,
            "execution_band_name": BAND_NAMES[result.execution_band], "execution_deviation": result.execution_deviation,
            "forecast_rate": _dec(result.forecast_rate), "forecast_rate_text": percent(result.forecast_rate),
            "reason_name": REASONS.get(mon.reason, ""), "reds": result.reds}
        out["rows"] = []
        for ind in ts.scored:
            e, pr = mon.entry(ind.key), result.of(ind.key)
            out["rows"].append({**codec.indicator_dict(ind), "achieved": _dec(e.achieved), "forecast": _dec(e.forecast),
                                "done_on": e.done_on.isoformat() if e.done_on else None, "likelihood": e.likelihood,
                                "likelihood_name": LIKELIHOODS.get(e.likelihood, ""), "reason": e.reason,
                                "reason_name": REASONS.get(e.reason, ""), "action": e.action, "note": e.note,
                                "progress": _dec(pr.progress), "progress_text": percent(pr.progress),
                                "expected": _dec(pr.expected), "expected_text": percent(pr.expected),
                                "relative": _dec(pr.relative), "band": pr.band, "band_name": BAND_NAMES[pr.band],
                                "deviation": pr.deviation})
        return out
    ts, ev, sc = evaluation_of(rec)
    out["targets"] = codec.targets_dict(ts)
    out["evaluation"] = {
        **codec.evaluation_dict(ev), "rules": rec.data.get("rules"), "budget": _dec(sc.budget),
        "execution_rate": _dec(sc.execution_rate), "execution_rate_text": percent(sc.execution_rate),
        "execution_points": _dec(sc.execution_points), "execution_score": _dec(sc.execution_score),
        "category_points": {k: _dec(v) for k, v in sc.category_points.items()}, "total": _dec(sc.total),
        "grade": sc.grade}
    out["rows"] = []
    for ind in ts.scored:
        e, score = ev.entry(ind.key), sc.of(ind.key)
        out["rows"].append({**codec.indicator_dict(ind), "actual": _dec(e.actual),
                            "done_on": e.done_on.isoformat() if e.done_on else None, "grade": e.grade,
                            "grade_name": QUALITATIVE_GRADES.get(e.grade, ""), "share": _dec(e.share),
                            "actual_text": e.actual_text, "evidence": e.evidence, "reason": e.reason,
                            "points": _dec(score.points), "score": _dec(score.score), "met": score.met,
                            "over": score.over})
    return out


def perf_form(s: Session, p: Principal, body_id: int, year: int, kind: str, project: str = "") -> dict:
    """What a form to record `kind` starts from: the latest targets of the set (their indicators are the
    rows of a monitoring or an evaluation) and the latest record of that kind (a monitoring: the latest round)."""
    body = s.get(m.Body, body_id)
    if body is None or not access.can_read_perf(p, body_id):
        raise NotFound(f"没有编号为 {body_id} 的单位")
    if kind not in KIND_NAMES:
        raise NotFound(f"没有“{kind}”这种绩效记录")
    if not access.can_edit_perf(p, body_id):
        raise Forbidden(f"您无权填报{body.name}的绩效")
    targets = latest(s, "targets", body_id, year, project)
    if kind != "targets" and targets is None:
        raise NotFound(f"{year} 年{project or WHOLE_NAME}还没有绩效目标：请先填报或导入绩效目标")
    start = targets if kind == "targets" else s.scalar(select(m.PerfRecord).where(
        m.PerfRecord.kind == kind, m.PerfRecord.body_id == body_id, m.PerfRecord.year == year,
        m.PerfRecord.project == project, m.PerfRecord.is_latest.is_(True)).order_by(m.PerfRecord.round.desc()).limit(1))
    begun = perf_record(s, p, start.id) if start is not None else None
    held = (begun or {}).get(kind) or {}
    return {"body": {"id": body.id, "name": body.name}, "year": year, "project": project,
            "project_name": project or WHOLE_NAME, "kind": kind, "kind_name": KIND_NAMES[kind],
            "targets": perf_record(s, p, targets.id) if targets is not None else None, "start": begun,
            "entries": {e["key"]: e for e in held.get("entries", [])}, "options": options()}


def settings(s: Session, p: Principal) -> dict:
    if p.is_public:
        raise Forbidden("请先登录")
    return {"scoring": scoring_rules(s).to_dict(), "bands": current_bands(s).to_dict(), "can_change": p.is_admin}


# ---------------------------------------------------------------- a department's overview


def _spending(assessed: dict) -> dict:
    """A unit's execution against the time elapsed: its whole body's latest round, else its projects' rounds
    of the latest date taken together (执行数 and 预算数 added up)."""
    if "" in assessed:
        chosen = [assessed[""]]
    else:
        last = max((r.round for r, _, _ in assessed.values()), default="")
        chosen = [a for a in assessed.values() if a[0].round == last]
    parts = [(mon.executed, result.budget) for _, mon, result in chosen
             if mon.executed is not None and result.budget]
    if not chosen or not parts:
        return {"monitoring": [brief(r) for r, _, _ in chosen], "execution": None, "execution_text": "",
                "time_progress": None, "time_progress_text": "", "behind": False, "as_of": ""}
    execution = sum((e for e, _ in parts), Decimal(0)) / sum((b for _, b in parts), Decimal(0))
    elapsed = chosen[0][2].time_progress
    return {"monitoring": [brief(r) for r, _, _ in chosen], "execution": _dec(execution),
            "execution_text": percent(execution), "time_progress": _dec(elapsed),
            "time_progress_text": percent(elapsed), "behind": execution < elapsed, "as_of": chosen[0][0].round}


def perf_overview(s: Session, p: Principal, department_id: int, year: int) -> dict:
    """The department and each of its units: the self-evaluation's score and grade, the red indicators of
    the latest monitoring rounds, the execution against the time elapsed; and what waits for review."""
    dept = s.get(m.Body, department_id)
    if dept is None or not access.can_read_perf(p, department_id):
        raise NotFound(f"没有编号为 {department_id} 的单位")
    if not access.can_review_perf(p, department_id):
        raise Forbidden("只有主管部门的审核人或管理员可以查看部门绩效总览")
    members = sorted(access.subtree(s, department_id))
    bodies = {b.id: b for b in s.execute(select(m.Body).where(m.Body.id.in_(members))).scalars()}
    recs = s.execute(select(m.PerfRecord).where(m.PerfRecord.body_id.in_(members), m.PerfRecord.year == year,
                                                m.PerfRecord.is_latest.is_(True))
                     .options(*_loaded(), selectinload(m.PerfRecord.targets))).scalars().all()
    by_body: dict[int, list[m.PerfRecord]] = defaultdict(list)
    for r in recs:
        by_body[r.body_id].append(r)
    units = []
    for bid in sorted(members, key=lambda b: (b != department_id, bodies[b].name)):
        own = by_body.get(bid, [])
        evaluation = next((r for r in own if r.kind == "evaluation" and r.project == ""), None)
        rounds = {}
        for r in own:
            if r.kind == "monitoring" and (r.project not in rounds or r.round > rounds[r.project].round):
                rounds[r.project] = r
        reds, assessed = [], {}
        for project, r in sorted(rounds.items()):
            ts, mon, result = monitoring_of(r)
            assessed[project] = (r, mon, result)
            reds += [{"name": ts.indicator(k).name, "project_name": project or WHOLE_NAME, "record_id": r.id,
                      "round": r.round} for k in result.reds]
        units.append({
            "body": {"id": bid, "name": bodies[bid].name, "level": bodies[bid].level},
            "evaluation": brief(evaluation) if evaluation else None,
            "score": _dec(evaluation.score) if evaluation else None, "grade": evaluation.grade if evaluation else "",
            "projects": [{"project": r.project, "score": _dec(r.score), "grade": r.grade, "record_id": r.id}
                         for r in own if r.kind == "evaluation" and r.project],
            "reds": reds, "red_count": len(reds), **_spending(assessed),
            "submitted": [brief(r) for r in own if r.status == "submitted"],
            "records": len(own)})
    return {"department": {"id": dept.id, "name": dept.name}, "year": year, "units": units,
            "queue": [u for unit in units for u in unit["submitted"]], "charts": _overview_charts(units)}


def _overview_charts(units: list[dict]) -> dict:
    """The overview's pictures: each unit's execution beside the time elapsed (in percent), and its score."""
    charts = {}
    spent = [u for u in units if u["execution"] is not None]
    if spent:
        charts["execution"] = {"title": "预算执行进度与时间进度", "unit": "%", "units": [
            {"name": u["body"]["name"], "execution": _dec((D100 * Decimal(u["execution"])).quantize(CENT)),
             "time": _dec((D100 * Decimal(u["time_progress"])).quantize(CENT)), "as_of": u["as_of"]} for u in spent]}
    scored = [u for u in units if u["score"] is not None]
    if scored:
        charts["scores"] = {"title": "整体支出绩效自评得分", "unit": "分", "units": [
            {"name": u["body"]["name"], "score": u["score"], "grade": u["grade"]} for u in scored]}
    return charts
