"""The 绩效 API on SQLite and PostgreSQL: the 坪山 绩效目标表 imported into targets and put right; a unit's
targets, a monitoring round with one indicator behind time and its reason, the department's review, a
self-evaluation scored as by hand; the reports read back; the overview; rights and the audit log."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from tests.render.perf_readback import read_back, table_with

YEAR = 2023
TARGETS = {"unit": "万元", "budget": {"total": "1000"}, "goals": ["完成全年培训任务。"], "indicators": [
    {"level1": "产出指标", "level2": "数量指标", "name": "培训场次", "text": "≥20 次", "weight": "30"},
    {"level1": "产出指标", "level2": "时效指标", "name": "响应时间", "text": "≤24 小时", "weight": "20"},
    {"level1": "效益指标", "level2": "社会效益指标", "name": "群众环境意识", "nature": "qualitative",
     "text": "明显提高", "weight": "30"},
    {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "服务对象满意度", "text": "≥90%", "weight": "10"},
]}


def monitoring(reason: str = "", action: str = "") -> dict:
    return {"as_of": "2023-08-31", "executed": "500", "forecast": "950", "reason": "funding", "action": "加快支付进度",
            "entries": [{"key": "i1", "achieved": "6", "forecast": "18", "likelihood": "possible", "reason": reason,
                         "action": action},
                        {"key": "i2", "achieved": "20", "likelihood": "certain"},
                        {"key": "i3", "likelihood": "certain", "note": "宣传已开展"},
                        {"key": "i4", "achieved": "85", "likelihood": "certain"}]}


EVALUATION = {"executed": "876.54", "summary": "全年完成主要任务。", "entries": [
    {"key": "i1", "actual": "15", "reason": "场地不足，少办 5 场"},
    {"key": "i2", "actual": "30", "reason": "人手不足"},
    {"key": "i3", "grade": "partial", "share": "70", "actual_text": "有所提高", "reason": "宣传覆盖不全"},
    {"key": "i4", "actual": "95", "evidence": "问卷调查"}]}


def ok(r, status=200):
    assert r.status_code == status, r.text
    return r.json()


def test_pingshan_targets_imported_checked_and_put_right(world):
    admin = world.clients["admin"]
    body_id = ok(admin.get(f"/api/disclosures/{world.ids['published']}"))["disclosure"]["body"]["id"]
    made = ok(admin.post(f"/api/perf/bodies/{body_id}/{YEAR}/import",
                         json={"disclosure_id": world.ids["published"]}), 201)
    assert [(r["kind"], r["project"], r["origin"]) for r in made] == [
        ("targets", "", "disclosure"), ("targets", "生态环境管理(坪山管理局)", "disclosure"),
        ("targets", "区财政安排项目(坪山管理局)", "disclosure")]
    whole = ok(admin.get(f"/api/perf/records/{made[0]['id']}"))
    assert whole["targets"]["budget"] == {"total": "6623", "fiscal": "5682", "other": "941"}
    assert len(whole["rows"]) == 72 and whole["rows"][0]["target"] == "≥165 宗"
    assert whole["rows"][0]["source"] == {"file": "shenzhen-2023-pingshan-guanliju-budget.txt", "page": 491}
    assert sorted(i["code"] for i in whole["issues"] if i["severity"] == "error") == ["perf-empty-category"] * 4 + [
        "perf-unmeasurable"]
    refused = admin.post(f"/api/perf/records/{made[0]['id']}/submit")
    assert refused.status_code == 400 and "还有 5 处错误" in refused.json()["detail"]
    # put right: the empty categories removed, the blank target written
    data = whole["targets"]
    data["indicators"] = [i for i in data["indicators"] if i["name"]]
    blank = next(i for i in data["indicators"] if i["name"] == "咨询服务回复时限")
    blank.update(text="≤2 个工作日", nature="", value=None, unit="")
    fixed = ok(admin.post(f"/api/perf/bodies/{body_id}/{YEAR}/targets", json={"data": data}), 201)
    assert fixed["record"]["version"] == 2 and fixed["record"]["errors"] == 0
    row = next(r for r in fixed["rows"] if r["name"] == "咨询服务回复时限")
    assert (row["key"], row["nature"], row["value"], row["unit"]) == (blank["key"], "le", "2", "个工作日")
    assert ok(admin.post(f"/api/perf/records/{fixed['record']['id']}/submit"))["record"]["status"] == "submitted"
    versions = ok(admin.get(f"/api/perf/records/{made[0]['id']}"))["versions"]
    assert [v["version"] for v in versions] == [2, 1]


@pytest.fixture(scope="module")
def unit(world):
    """甲单位's 2023 targets entered by its editor."""
    editor = world.clients["editor_own"]
    rec = ok(editor.post(f"/api/perf/bodies/{world.ids['unit_a']}/{YEAR}/targets", json={"data": TARGETS}), 201)
    return rec


def test_targets_entered(world, unit):
    assert [(r["key"], r["nature"], r["value"], r["unit"], r["weight"]) for r in unit["rows"]] == [
        ("i1", "ge", "20", "次", "30"), ("i2", "le", "24", "小时", "20"), ("i3", "qualitative", None, "", "30"),
        ("i4", "ge", "90", "%", "10")]
    # 甲单位's budget (the 智能管控中心 document stored under it) spends 7,656 万元 in all
    assert [(i["severity"], i["code"]) for i in unit["issues"]] == [("warning", "perf-budget")]
    assert "7,656" in unit["issues"][0]["message"] and unit["record"]["status"] == "draft"


@pytest.fixture(scope="module")
def round_reviewed(world, unit):
    """The monitoring round of 31 August through its review (the steps are checked as they go)."""
    editor, reviewer = world.clients["editor_own"], world.clients["reviewer_own"]
    base = f"/api/perf/bodies/{world.ids['unit_a']}/{YEAR}"
    first = ok(editor.post(f"{base}/monitoring", json={"data": monitoring()}), 201)
    assert first["record"]["errors"] == 2  # 培训场次 is behind time: a reason and an action are missing
    refused = editor.post(f"/api/perf/records/{first['record']['id']}/submit")
    assert refused.status_code == 400 and "偏差原因" in refused.json()["detail"]
    rec = ok(editor.post(f"{base}/monitoring", json={"data": monitoring("funding", "追加培训班次")}), 201)
    assert rec["record"]["version"] == 2 and rec["record"]["round"] == "2023-08-31" and rec["issues"] == []
    mon = rec["monitoring"]
    assert D(mon["time_progress"]) == D(8) / D(12) and mon["execution"] == "0.5"
    assert (mon["execution_band"], mon["reds"]) == ("yellow", ["i1"])  # 50 % spent at 66.67 % of the year
    behind = rec["rows"][0]
    assert (behind["name"], behind["progress"], behind["band"], behind["reason_name"], behind["action"]) == (
        "培训场次", "0.3", "red", "投入保障", "追加培训班次")
    assert D(behind["relative"]) == D("0.3") / (D(8) / D(12))
    rid = rec["record"]["id"]
    assert ok(editor.post(f"/api/perf/records/{rid}/submit"))["record"]["status"] == "submitted"
    locked = editor.post(f"{base}/monitoring", json={"data": monitoring("funding", "追加培训班次")})
    assert locked.status_code == 400 and "已提交审核" in locked.json()["detail"]
    assert editor.post(f"/api/perf/records/{rid}/review", json={"decision": "approve"}).status_code == 403
    assert world.clients["reviewer_other"].post(f"/api/perf/records/{rid}/review",
                                                json={"decision": "approve"}).status_code == 404
    assert reviewer.post(f"/api/perf/records/{rid}/review", json={"decision": "return"}).status_code == 400
    back = ok(reviewer.post(f"/api/perf/records/{rid}/review", json={"decision": "return", "note": "纠偏措施写具体些"}))
    assert (back["record"]["status"], back["record"]["review_note"]) == ("returned", "纠偏措施写具体些")
    again = ok(editor.post(f"{base}/monitoring", json={"data": monitoring("funding", "9 月起每周加办 1 场培训")}), 201)
    ok(editor.post(f"/api/perf/records/{again['record']['id']}/submit"))
    return ok(reviewer.post(f"/api/perf/records/{again['record']['id']}/review", json={"decision": "approve"}))


def test_a_monitoring_round_behind_time_with_its_reason_and_the_review(world, round_reviewed, tmp_path):
    done = round_reviewed
    assert done["record"]["status"] == "approved" and done["record"]["version"] == 3
    assert [v["status"] for v in done["versions"]] == ["approved", "returned", "draft"]
    r = world.clients["editor_own"].get(f"/api/perf/records/{done['record']['id']}/report.xlsx")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    path = tmp_path / "monitoring.xlsx"
    path.write_bytes(r.content)
    rows = table_with(read_back(path)[1], "完成目标可能性")
    assert rows[1][2:11] == ["培训场次", "≥", "≥20 次", "6次", "30.00%", "66.67%", "红色预警", "18次", "有可能"]
    assert rows[1][11:] == ["投入保障", "9 月起每周加办 1 场培训"]
    entries = world.clients["admin"].get("/api/audit", params={"action": "perf_return"}).json()["entries"]
    assert entries[0]["detail"]["note"] == "纠偏措施写具体些" and entries[0]["username"] == "reviewer_a"


@pytest.fixture(scope="module")
def evaluated(world, unit):
    editor = world.clients["editor_own"]
    return ok(editor.post(f"/api/perf/bodies/{world.ids['unit_a']}/{YEAR}/evaluation", json={"data": EVALUATION}), 201)


def test_a_self_evaluation_scored_as_by_hand(world, evaluated, tmp_path):
    editor = world.clients["editor_own"]
    rec = evaluated
    ev = rec["evaluation"]
    execution = min(D("876.54") / D(1000) * 10, D(10)).quantize(D("0.01"))  # 8.77
    scores = {"i1": D(15) / D(20) * 30, "i2": (1 - (D(30) - D(24)) / D(24)) * 20, "i3": D(30) * D(70) / 100,
              "i4": D(10)}
    assert ev["execution_score"] == str(execution)
    assert {r["key"]: D(r["score"]) for r in rec["rows"]} == scores
    total = execution + sum(scores.values())
    assert D(ev["total"]) == total and ev["grade"] == "中"  # 77.27: 60 ≤ score < 80
    assert rec["record"]["score"] == "77.27" and rec["issues"] == []
    for fmt in ("pdf", "docx"):
        r = editor.get(f"/api/perf/records/{rec['record']['id']}/report.{fmt}")
        assert r.status_code == 200
        path = tmp_path / f"report.{fmt}"
        path.write_bytes(r.content)
        text, tables = read_back(path)
        table = table_with(tables, "得分")
        assert table[-1][6:8] == ["100", "77.27"] and "评价等级为“中”" in text.replace("\n", "")


def test_the_department_overview(world, round_reviewed, evaluated):
    reviewer = world.clients["reviewer_own"]
    view = ok(reviewer.get(f"/api/perf/overview/{world.ids['dept_a']}/{YEAR}"))
    row = next(u for u in view["units"] if u["body"]["id"] == world.ids["unit_a"])
    assert (row["score"], row["grade"]) == ("77.27", "中")
    assert [r["name"] for r in row["reds"]] == ["培训场次"]
    assert (row["execution"], row["behind"]) == ("0.5", True) and row["time_progress_text"] == "66.67%"
    bars = next(u for u in view["charts"]["execution"]["units"] if u["name"] == "甲单位")
    assert (bars["execution"], bars["time"]) == ("50", "66.67")
    assert {"name": "甲单位", "score": "77.27", "grade": "中"} in view["charts"]["scores"]["units"]
    assert world.clients["editor_own"].get(f"/api/perf/overview/{world.ids['dept_a']}/{YEAR}").status_code == 404
    assert world.clients["editor_own"].get(f"/api/perf/overview/{world.ids['unit_a']}/{YEAR}").status_code == 403
    assert world.clients["reviewer_other"].get(f"/api/perf/overview/{world.ids['dept_a']}/{YEAR}").status_code == 404


def test_who_may_see_and_do_what(world, unit):
    rid = unit["record"]["id"]
    assert world.clients["public"].get(f"/api/perf/records/{rid}").status_code == 401
    assert world.clients["editor_other"].get(f"/api/perf/records/{rid}").status_code == 404
    assert ok(world.clients["reviewer_own"].get(f"/api/perf/records/{rid}"))["permissions"]["edit"] is True
    r = world.clients["editor_other"].post(f"/api/perf/bodies/{world.ids['unit_a']}/{YEAR}/targets",
                                           json={"data": TARGETS})
    assert r.status_code == 404
    assert world.clients["editor_own"].post(f"/api/perf/bodies/{world.ids['unit_a']}/{YEAR}/targets",
                                            json={"data": TARGETS}, csrf=False).status_code == 403
    bad = world.clients["editor_own"].post(f"/api/perf/bodies/{world.ids['unit_a']}/{YEAR}/evaluation",
                                           json={"data": {"entries": [{"key": "i9", "actual": "1"}]}})
    assert bad.status_code == 400 and "没有编号为“i9”的指标" in bad.json()["detail"]
    index = ok(world.clients["editor_own"].get("/api/perf"))
    assert [b["name"] for b in index["bodies"]] == ["甲单位"]


def test_rules_are_changed_by_an_administrator_only(world):
    assert world.clients["reviewer_own"].patch("/api/perf/settings", json={"bands": {"red": "0.5"}}).status_code == 403
    admin = world.clients["admin"]
    bad = admin.patch("/api/perf/settings", json={"bands": {"red": "0.9"}})
    assert bad.status_code == 400 and "预警区间" in bad.json()["detail"]
    before = ok(admin.get("/api/perf/settings"))
    assert before["scoring"]["category_points"] == {"产出指标": "50", "效益指标": "30", "满意度指标": "10"}
    changed = ok(admin.patch("/api/perf/settings", json={"scoring": {"over_target": "1.5"}}))
    assert changed["scoring"]["over_target"] == "1.5"
    ok(admin.patch("/api/perf/settings", json={"scoring": {"over_target": "1.3"}}))


def test_targets_from_an_uploaded_preparation_workbook(world):
    """The 坪山 workbook (filled from its publication) uploaded for a body of its own: its 绩效目标 sheet
    becomes the body's targets, each indicator at its cell."""
    from yusuan.store.repository import ensure_body

    with world.store.session() as s:
        body_id = ensure_body(s, "工作簿绩效测试单位").id
    admin = world.clients["admin"]
    book = admin.get(f"/api/template.xlsx?year={YEAR}&from_disclosure={world.ids['published']}").content
    up = ok(admin.post("/api/disclosures", data={"body_id": str(body_id)},
                       files=[("files", ("坪山2023.xlsx", book, "application/octet-stream"))]), 201)
    made = ok(admin.post(f"/api/perf/bodies/{body_id}/{YEAR}/import",
                         json={"disclosure_id": up["disclosure"]["id"]}), 201)
    assert [(r["origin"], r["project"]) for r in made][:1] == [("workbook", "")]
    rec = ok(admin.get(f"/api/perf/records/{made[0]['id']}"))
    assert rec["targets"]["budget"] == {"total": "6623", "fiscal": "5682", "other": "941"}
    first = rec["rows"][0]
    assert (first["name"], first["target"], first["source"]["cell"] != "") == ("行政执法案件审查宗数", "≥165 宗", True)
    assert len(rec["rows"]) == 72
    other = admin.post(f"/api/perf/bodies/{world.ids['unit_b']}/{YEAR}/import",
                       json={"disclosure_id": up["disclosure"]["id"]})
    assert other.status_code == 400 and "不属于这个单位" in other.json()["detail"]
