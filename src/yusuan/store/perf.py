"""Writing performance records (yusuan.perf): targets entered, imported from a stored disclosure (an ingested
绩效目标表 or a filled preparation workbook) or changed; monitoring rounds; self-evaluations; submitting
them for review, the department's approval or return; the scoring rules and monitoring bands of the
instance. Each save is a new version of its series, checked and scored as it is stored; every change leaves
an audit entry.

Functions take an open `Session` whose transaction the caller commits, and the asking `Principal`.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from yusuan.model.disclosure import Disclosure as ModelDisclosure
from yusuan.model.text import squash
from yusuan.perf import codec
from yusuan.perf.checks import Prior, check_targets, prior_actuals
from yusuan.perf.from_disclosure import target_sets
from yusuan.perf.issue import blocking
from yusuan.perf.monitoring import Bands, BandsError, assess
from yusuan.perf.scoring import RulesError, ScoringRules, score
from yusuan.perf.targets import TargetSet
from yusuan.store import access
from yusuan.store import models as m
from yusuan.store.accounts import audit
from yusuan.store.convert import load_disclosure
from yusuan.store.db import StoreError, lock_versions
from yusuan.store.models import utcnow
from yusuan.store.queries import Forbidden, NotFound

KIND_NAMES = {"targets": "绩效目标", "monitoring": "绩效运行监控", "evaluation": "绩效自评"}
STATUS_NAMES = {"draft": "草稿", "submitted": "已提交", "approved": "已通过", "returned": "已退回"}
ORIGIN_NAMES = {"web": "网页填写", "disclosure": "公开文件", "workbook": "准备工作簿"}
SCORING_KEY, BANDS_KEY = "perf.scoring", "perf.bands"


def _bad(e: Exception) -> StoreError:
    return StoreError(str(e))


# ---------------------------------------------------------------- settings


def scoring_rules(session: Session) -> ScoringRules:
    row = session.get(m.Setting, SCORING_KEY)
    return ScoringRules.resolve(json.loads(row.value) if row else None)


def bands(session: Session) -> Bands:
    row = session.get(m.Setting, BANDS_KEY)
    return Bands.resolve(json.loads(row.value) if row else None)


def set_rules(session: Session, p: access.Principal, user: m.User | None, *, scoring: dict | None = None,
              monitoring: dict | None = None, ip: str = "") -> tuple[ScoringRules, Bands]:
    """Change the instance's scoring rules or bands (an administrator); records scored before keep theirs."""
    if not p.is_admin:
        raise Forbidden("只有管理员可以修改绩效评分规则和预警区间")
    changes = {}
    try:
        if scoring is not None:
            rules = ScoringRules.resolve({**scoring_rules(session).to_dict(), **scoring})
            changes["scoring"] = _put(session, SCORING_KEY, rules.to_dict())
        if monitoring is not None:
            b = Bands.resolve({**bands(session).to_dict(), **monitoring})
            changes["bands"] = _put(session, BANDS_KEY, b.to_dict())
    except (RulesError, BandsError) as e:
        raise _bad(e) from None
    audit(session, "perf_settings", user=user, ip=ip, detail={k: v for k, v in changes.items()})
    return scoring_rules(session), bands(session)


def _put(session: Session, key: str, value: dict) -> dict:
    row = session.get(m.Setting, key)
    if row is None:
        session.add(m.Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
    else:
        row.value = json.dumps(value, ensure_ascii=False)
    session.flush()
    return value


# ---------------------------------------------------------------- series and versions


def latest(session: Session, kind: str, body_id: int, year: int, project: str = "", round: str = "") -> m.PerfRecord | None:
    return session.scalar(select(m.PerfRecord).where(
        m.PerfRecord.kind == kind, m.PerfRecord.body_id == body_id, m.PerfRecord.year == year,
        m.PerfRecord.project == project, m.PerfRecord.round == round, m.PerfRecord.is_latest.is_(True)))


def get_record(session: Session, p: access.Principal, record_id: int) -> m.PerfRecord:
    rec = session.get(m.PerfRecord, record_id)
    if rec is None or not access.can_read_perf(p, rec.body_id):
        raise NotFound(f"没有编号为 {record_id} 的绩效记录")
    return rec


def _body(session: Session, p: access.Principal, body_id: int) -> m.Body:
    body = session.get(m.Body, body_id)
    if body is None or not access.can_read_perf(p, body_id):
        raise NotFound(f"没有编号为 {body_id} 的单位")
    if not access.can_edit_perf(p, body_id):
        raise Forbidden(f"您无权填报{body.name}的绩效")
    return body


def _series(year: int, project: str) -> tuple[int, str]:
    if not 2000 <= year <= 2100:
        raise StoreError(f"年度不正确：{year}")
    project = squash(project or "")
    if len(project) > 200:
        raise StoreError("项目名称太长（最多 200 字）")
    return year, project


def _new_version(session: Session, kind: str, body: m.Body, year: int, project: str, round: str,
                 user: m.User | None, **fields) -> m.PerfRecord:
    lock_versions(session)
    before = latest(session, kind, body.id, year, project, round)
    if before is not None and before.status == "submitted":
        raise StoreError(f"这份{KIND_NAMES[kind]}已提交审核：审核退回后才能修改")
    if before is not None:
        before.is_latest = False
    rec = m.PerfRecord(kind=kind, body_id=body.id, year=year, project=project, round=round,
                       version=(before.version + 1) if before else 1, previous_id=before.id if before else None,
                       is_latest=True, status="draft", created_by_id=user.id if user else None, **fields)
    session.add(rec)
    session.flush()
    return rec


def _audit(session: Session, action: str, rec: m.PerfRecord, user: m.User | None, ip: str, **more) -> None:
    audit(session, action, user=user, ip=ip, detail={
        "record": rec.id, "kind": KIND_NAMES[rec.kind], "body": rec.body.name, "year": rec.year,
        "project": rec.project or None, "round": rec.round or None, "version": rec.version, **more})


# ---------------------------------------------------------------- targets


def targets_of(rec: m.PerfRecord) -> TargetSet:
    """The target set a targets record keeps."""
    return codec.targets_from(rec.data, body=rec.body.name, year=rec.year, project=rec.project)


def budget_disclosure(session: Session, body_id: int, year: int) -> ModelDisclosure | None:
    """The body's budget of the year (its latest version), for the checks of its targets."""
    did = session.scalar(select(m.Disclosure.id).where(
        m.Disclosure.body_id == body_id, m.Disclosure.year == year, m.Disclosure.kind == "budget",
        m.Disclosure.is_latest.is_(True)))
    return load_disclosure(session, did) if did is not None else None


def prior_of(session: Session, body_id: int, year: int, project: str) -> dict[str, Prior]:
    """Last year's actuals of the same body and project, from its latest self-evaluation."""
    rec = latest(session, "evaluation", body_id, year - 1, project)
    if rec is None or rec.targets is None:
        return {}
    ts = targets_of(rec.targets)
    return prior_actuals(ts, codec.evaluation_from(rec.data, ts))


def target_issues(session: Session, ts: TargetSet, body_id: int):
    return check_targets(ts, budget=budget_disclosure(session, body_id, ts.year),
                         prior=prior_of(session, body_id, ts.year, ts.project), rules=scoring_rules(session))


def save_targets(session: Session, p: access.Principal, user: m.User | None, body_id: int, year: int, data: dict,
                 *, project: str = "", origin: str = "web", disclosure_id: int | None = None,
                 ip: str = "") -> m.PerfRecord:
    """A new version of the body's targets for the year (the whole body's, or the project's)."""
    body = _body(session, p, body_id)
    year, project = _series(year, project)
    try:
        ts = codec.targets_from(data, body=body.name, year=year, project=project,
                                reserved=_keys_given(session, body.id, year, project))
    except codec.PerfInputError as e:
        raise _bad(e) from None
    issues = target_issues(session, ts, body.id)
    rec = _new_version(session, "targets", body, year, project, "", user, origin=origin, disclosure_id=disclosure_id,
                       data=codec.targets_dict(ts), **_counts(issues))
    _audit(session, "perf_targets" if origin == "web" else "perf_import", rec, user, ip,
           origin=ORIGIN_NAMES.get(origin, origin), indicators=len(ts.scored))
    return rec


def _keys_given(session: Session, body_id: int, year: int, project: str) -> set[str]:
    """Every indicator key the series' versions gave: a new indicator never takes a removed one's key."""
    given: set[str] = set()
    for data in session.scalars(select(m.PerfRecord.data).where(
            m.PerfRecord.kind == "targets", m.PerfRecord.body_id == body_id, m.PerfRecord.year == year,
            m.PerfRecord.project == project)):
        given |= {i.get("key", "") for i in data.get("indicators", [])}
    return given


def _counts(issues) -> dict:
    return {"errors": sum(i.severity == "error" for i in issues), "warnings": sum(i.severity == "warning" for i in issues)}


def import_targets(session: Session, p: access.Principal, user: m.User | None, disclosure_id: int, *,
                   body_id: int | None = None, year: int | None = None, ip: str = "") -> list[m.PerfRecord]:
    """The target sets a stored disclosure prints (its 绩效目标表, its project list) as new versions of the
    body's targets (`year`: the disclosure's, or another: last year's targets as a start): the whole body's
    first, then each project's."""
    d = session.get(m.Disclosure, disclosure_id)
    if d is None or not access.can_read(p, d):
        raise NotFound(f"没有编号为 {disclosure_id} 的公开文件")
    if body_id is not None and d.body_id != body_id:
        raise StoreError(f"编号为 {disclosure_id} 的公开文件不属于这个单位")
    doc = load_disclosure(session, d.id)
    sets = target_sets(doc)
    if not sets:
        raise StoreError("这份文件没有绩效目标表，也没有重点项目绩效目标")
    origin = "workbook" if any(f.format == "workbook" for f in d.files) else "disclosure"
    return [save_targets(session, p, user, d.body_id, year or d.year, codec.targets_dict(ts), project=ts.project,
                         origin=origin, disclosure_id=d.id, ip=ip) for ts in sets]


def _targets_for(session: Session, body_id: int, year: int, project: str) -> m.PerfRecord:
    rec = latest(session, "targets", body_id, year, project)
    if rec is None:
        what = f"项目“{project}”" if project else "整体支出"
        raise StoreError(f"{year} 年{what}还没有绩效目标：请先填报或导入绩效目标")
    return rec


# ---------------------------------------------------------------- monitoring and self-evaluation


def _measured(session: Session, p: access.Principal, body_id: int, year: int, project: str, data: dict, read):
    """(body, year, project, the latest targets' record and set, `read(data, set)`) for a new monitoring
    round or self-evaluation of the body's set."""
    body = _body(session, p, body_id)
    year, project = _series(year, project)
    targets = _targets_for(session, body.id, year, project)
    ts = targets_of(targets)
    try:
        return body, year, project, targets, ts, read(data, ts)
    except codec.PerfInputError as e:
        raise _bad(e) from None


def save_monitoring(session: Session, p: access.Principal, user: m.User | None, body_id: int, year: int, data: dict,
                    *, project: str = "", ip: str = "") -> m.PerfRecord:
    """A new version of the monitoring round at `data["as_of"]`, measured on the latest targets."""
    body, year, project, targets, ts, mon = _measured(session, p, body_id, year, project, data, codec.monitoring_from)
    b = bands(session)
    result = assess(ts, mon, b)
    rec = _new_version(session, "monitoring", body, year, project, mon.as_of.isoformat(), user,
                       targets_id=targets.id, data={**codec.monitoring_dict(mon), "bands": b.to_dict()},
                       reds=len(result.reds), execution=result.execution, time_progress=result.time_progress,
                       **_counts(result.issues))
    _audit(session, "perf_monitoring", rec, user, ip, reds=len(result.reds))
    return rec


def monitoring_of(rec: m.PerfRecord):
    """(targets, monitoring round, its assessment under the bands it was saved with)."""
    ts = targets_of(rec.targets)
    mon = codec.monitoring_from(rec.data, ts)
    return ts, mon, assess(ts, mon, Bands.resolve(rec.data.get("bands")))


def save_evaluation(session: Session, p: access.Principal, user: m.User | None, body_id: int, year: int, data: dict,
                    *, project: str = "", ip: str = "") -> m.PerfRecord:
    """A new version of the self-evaluation, scored on the latest targets by the instance's rules."""
    body, year, project, targets, ts, ev = _measured(session, p, body_id, year, project, data, codec.evaluation_from)
    rules = scoring_rules(session)
    sc = score(ts, ev, rules)
    rec = _new_version(session, "evaluation", body, year, project, "", user, targets_id=targets.id,
                       data={**codec.evaluation_dict(ev), "rules": rules.to_dict()}, score=sc.total, grade=sc.grade,
                       execution=sc.execution_rate, **_counts(sc.issues))
    _audit(session, "perf_evaluation", rec, user, ip, score=str(sc.total), grade=sc.grade)
    return rec


def evaluation_of(rec: m.PerfRecord):
    """(targets, self-evaluation, its score under the rules it was saved with)."""
    ts = targets_of(rec.targets)
    ev = codec.evaluation_from(rec.data, ts)
    return ts, ev, score(ts, ev, ScoringRules.resolve(rec.data.get("rules")))


def issues_of(session: Session, rec: m.PerfRecord):
    if rec.kind == "targets":
        return target_issues(session, targets_of(rec), rec.body_id)
    if rec.kind == "monitoring":
        return monitoring_of(rec)[2].issues
    return evaluation_of(rec)[2].issues


# ---------------------------------------------------------------- review


def submit(session: Session, p: access.Principal, user: m.User | None, rec: m.PerfRecord, ip: str = "") -> m.PerfRecord:
    if not access.can_edit_perf(p, rec.body_id):
        raise Forbidden("您无权提交这份绩效记录")
    if not rec.is_latest:
        raise StoreError(f"这是第 {rec.version} 版，已有更新的版本：请提交最新版本")
    if rec.status not in ("draft", "returned"):
        raise StoreError(f"只有草稿或退回的记录可以提交（当前状态：{STATUS_NAMES[rec.status]}）")
    errors = blocking(issues_of(session, rec))
    if errors:
        raise StoreError(f"还有 {len(errors)} 处错误，改正后才能提交：{errors[0].message}")
    rec.status, rec.submitted_at = "submitted", utcnow()
    _audit(session, "perf_submit", rec, user, ip)
    return rec


def review(session: Session, p: access.Principal, user: m.User | None, rec: m.PerfRecord, decision: str,
           note: str = "", ip: str = "") -> m.PerfRecord:
    """The department approves (`approve`) or returns (`return`, with its reasons) a submitted record."""
    if not access.can_review_perf(p, rec.body_id):
        raise Forbidden("只有主管部门的审核人或管理员可以审核这份绩效记录")
    if rec.status != "submitted":
        raise StoreError(f"只有已提交的记录可以审核（当前状态：{STATUS_NAMES[rec.status]}）")
    note = (note or "").strip()
    if decision == "return" and not note:
        raise StoreError("退回时请写明意见")
    if decision not in ("approve", "return"):
        raise StoreError(f"未知的审核结论：{decision}（可选 approve、return）")
    if len(note) > 4000:
        raise StoreError("审核意见太长（最多 4000 字）")
    rec.status = "approved" if decision == "approve" else "returned"
    rec.reviewed_at, rec.reviewed_by_id, rec.review_note = utcnow(), user.id if user else None, note
    _audit(session, f"perf_{decision}", rec, user, ip, note=note or None)
    return rec
