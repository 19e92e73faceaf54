"""The budget lines' API on SQLite and PostgreSQL: 坪山管理局's 2023 budget built as lines (from its published
tables) saved in the grid of a unit of 甲部门, read back exactly; bad cells refused naming row and column; a
stale save refused (409); a reviewer reads but cannot edit, another department cannot read; the XLSX of
lines exported and imported back, a preparation workbook imported; the lines derived into a draft version
that enters the review chain; every save in the audit log."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.conftest import corpus_doc
from tests.fuzz.repro import REPRO
from tests.web.conftest import RoleClient, rss
from yusuan.model.families import TABLE_SETS
from yusuan.prepare.ledger.build import build_from_disclosure, build_from_workbook
from yusuan.prepare.ledger.derive import derive
from yusuan.prepare.ledger.grid import read_rows, rows_of

YEAR = 2023
PINGSHAN = "shenzhen-2023-pingshan-guanliju-budget.txt"


@pytest.fixture(scope="module")
def pingshan():
    """坪山管理局's 2023 budget as lines (元), as `yusuan ledger build` makes them."""
    return build_from_disclosure(corpus_doc(PINGSHAN)).ledger


@pytest.fixture(scope="module")
def grid(world):
    """A unit of 甲部门 (丙单位) with an editor of its own: its lines are this module's alone."""
    body_id, editor = world.unit_with_editor("丙单位", "editor_lines")
    return {"body_id": body_id, "editor": editor, "url": f"/api/bodies/{body_id}/lines/{YEAR}"}


def ok(r, status=200):
    assert r.status_code == status, r.text
    return r.json()


@pytest.fixture(scope="module")
def saved(grid, pingshan):
    editor = grid["editor"]
    empty = ok(editor.get(grid["url"]))
    assert empty["revision"] == 0 and empty["lines"] == [] and empty["permissions"]["edit"]
    body = {"revision": 0, "unit": "元", "lines": rows_of(pingshan.lines)}
    return ok(editor.request("PUT", grid["url"], json=body))


def test_lines_saved_and_read_back_exactly(grid, pingshan, saved):
    assert saved["revision"] == 1 and saved["unit"] == "元"
    assert len(saved["lines"]) == len(pingshan.lines) == 60
    lines, problems = read_rows(saved["lines"], YEAR, "元")
    assert [p for p in problems if p.severity == "error"] == []
    assert [dataclasses.replace(a, source=None) for a in lines] == \
        [dataclasses.replace(b, source=None) for b in pingshan.lines]
    total = sum((line.amount for line in pingshan.lines), Decimal(0))
    # 坪山's 6,623 万元 as the builder reads it in 元
    assert Decimal(saved["totals"]["total"]) == total == Decimal("66230237")
    by_purpose = saved["totals"]["by_purpose"]
    assert sum(Decimal(v) for v in by_purpose.values()) == total and set(by_purpose) == {"基本支出", "项目支出"}
    assert Decimal(saved["totals"]["by_class"]["211"]) == sum(
        (line.amount for line in pingshan.lines if line.function.startswith("211")), Decimal(0))


def test_bad_cells_refused_naming_row_and_column(grid, saved):
    rows = [dict(r) for r in saved["lines"]]
    rows[2]["amount"] = "12a"
    rows[5]["fund"] = "自筹"
    rows[7]["function"] = "21101"
    r = grid["editor"].request("PUT", grid["url"], json={"revision": saved["revision"], "lines": rows})
    assert r.status_code == 422, r.text
    problems = {(p["row"], p["field"]): p for p in r.json()["problems"]}
    assert problems[(3, "amount")]["column"] == "2023年预算数（元）"
    assert "12a" in problems[(3, "amount")]["reason"]
    assert (6, "fund") in problems and (8, "function") in problems
    assert r.json()["detail"].startswith("预算行有误，未保存：第 3 行“2023年预算数（元）”")
    assert ok(grid["editor"].get(grid["url"]))["revision"] == saved["revision"]  # nothing stored


def test_unknown_code_kept_and_flagged(grid, saved):
    rows = [dict(r) for r in saved["lines"]]
    rows[0]["economic"] = "30198"  # well formed, not in the catalog
    got = ok(grid["editor"].request("PUT", grid["url"], json={"revision": saved["revision"], "lines": rows}))
    flags = [p for p in got["problems"] if p["severity"] == "warning"]
    assert flags and flags[0]["row"] == 1 and flags[0]["field"] == "economic" and "30198" in flags[0]["reason"]
    back = ok(grid["editor"].request("PUT", grid["url"], json={"revision": got["revision"], "lines": saved["lines"]}))
    assert back["revision"] == saved["revision"] + 2 and not back["problems"]


def test_a_stale_save_is_refused(grid):
    now = ok(grid["editor"].get(grid["url"]))
    r = grid["editor"].request("PUT", grid["url"], json={"revision": now["revision"] - 1, "lines": now["lines"]})
    assert r.status_code == 409 and "已被他人修改" in r.json()["detail"]


def test_who_reads_and_who_edits(world, grid, saved):
    reviewer = world.clients["reviewer_own"]
    seen = ok(reviewer.get(grid["url"]))
    assert seen["lines"] and not seen["permissions"]["edit"]
    r = reviewer.request("PUT", grid["url"], json={"revision": seen["revision"], "lines": seen["lines"]})
    assert r.status_code == 403 and "填报人" in r.json()["detail"]
    assert reviewer.post(grid["url"] + "/derive").status_code == 403
    assert world.clients["editor_other"].get(grid["url"]).status_code == 404
    assert world.clients["reviewer_other"].get(grid["url"]).status_code == 404
    assert world.clients["public"].get(grid["url"]).status_code == 401
    assert ok(world.clients["finance"].get(grid["url"]))["lines"]
    page = reviewer.get(f"/bodies/{grid['body_id']}/lines/{YEAR}", headers={"accept": "text/html"})
    assert page.status_code == 200 and "预算行" in page.text


def test_export_then_import_gives_the_same_lines(grid, saved):
    editor = grid["editor"]
    r = editor.get(grid["url"] + "/lines.xlsx")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxml")
    book = load_workbook(io.BytesIO(r.content))
    assert book["预算行"].max_row == 61
    now = ok(editor.get(grid["url"]))
    back = ok(editor.post(grid["url"] + "/import", data={"revision": str(now["revision"])},
                          files={"file": ("坪山预算行.xlsx", r.content)}))
    assert back["lines"] == now["lines"] and back["revision"] == now["revision"] + 1
    bad = editor.post(grid["url"] + "/import", data={"revision": str(back["revision"])},
                      files={"file": ("notes.xlsx", b"not a workbook")})
    assert bad.status_code == 400 and "notes.xlsx" in bad.json()["detail"]


def hostile_lines_workbook() -> bytes:
    """tests/data/fuzz-repro's merged range over a whole sheet (17 billion cells), its first sheet renamed
    预算行: taken for an XLSX of lines, read by the lines' reader."""
    out = io.BytesIO()
    with zipfile.ZipFile(REPRO / "hang-mem-xlsx-mergeCell-A1-XFD1048576.xlsx") as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/workbook.xml":
                data = data.replace('name="封面与目录"'.encode(), 'name="预算行"'.encode())
            dst.writestr(info, data)
    return out.getvalue()


def test_an_import_is_read_in_a_job(world, grid, saved):
    """The workbook is read in a killable child with the jobs' time and memory budgets (as an upload):
    a hostile one gets a Chinese 4xx naming it, the server's memory as it was; past the time budget, 422;
    someone who may not edit is refused before any file is read."""
    from yusuan.web import create_app
    from yusuan.web.settings import WebSettings

    editor = grid["editor"]
    now = ok(editor.get(grid["url"]))
    jobs = world.app.state.jobs
    started, before = jobs.started, rss()
    r = editor.post(grid["url"] + "/import", data={"revision": str(now["revision"])},
                    files={"file": ("预算行-合并单元格.xlsx", hostile_lines_workbook())})
    assert r.status_code == 400, r.text
    assert "预算行-合并单元格.xlsx" in r.json()["detail"] and "合并" in r.json()["detail"]
    assert jobs.started == started + 1 and rss() - before < 100 * 2**20
    assert ok(editor.get(grid["url"]))["revision"] == now["revision"]  # nothing stored
    # the job's time budget
    slow = RoleClient(create_app(world.store, WebSettings(job_seconds=0.01)), "editor", "editor_lines")
    book = editor.get(grid["url"] + "/lines.xlsx").content
    r = slow.post(grid["url"] + "/import", data={"revision": str(now["revision"])}, files={"file": ("慢.xlsx", book)})
    assert r.status_code == 422 and r.json()["detail"].startswith("处理 慢.xlsx 超过了 0.01 秒的时间上限")
    # rights first
    started = jobs.started
    r = world.clients["reviewer_own"].post(grid["url"] + "/import", data={"revision": str(now["revision"])},
                                           files={"file": ("x.xlsx", book)})
    assert r.status_code == 403 and jobs.started == started


def test_import_a_preparation_workbook(world, grid, tmp_path):
    """坪山's preparation workbook (filled from its stored disclosure) split into lines as `yusuan ledger
    build` splits it (66,234,737 元, not the publication's 66,230,237: both are readings of 6,623 万元, the
    workbook's drafted text lacking the publication's procurement and 机关运行经费 figures,
    tests/prepare/ledger/test_workbook_total.py)."""
    editor = grid["editor"]
    book = editor.get(f"/api/template.xlsx?year={YEAR}&from_disclosure={world.ids['published']}")
    assert book.status_code == 200
    now = ok(editor.get(grid["url"]))
    got = ok(editor.post(grid["url"] + "/import", data={"revision": str(now["revision"])},
                         files={"file": ("坪山2023准备工作簿.xlsx", book.content)}))
    assert got["revision"] == now["revision"] + 1 and got["unit"] == "元"
    path = tmp_path / "坪山2023准备工作簿.xlsx"
    path.write_bytes(book.content)
    assert got["lines"] == rows_of(build_from_workbook(path).ledger.lines)
    assert got["totals"] == ok(editor.get(grid["url"]))["totals"]
    log = ok(world.clients["admin"].get("/api/audit", params={"action": "lines_import"}))
    assert any(e["detail"].get("from") == "准备工作簿" for e in log["entries"])


def test_derived_into_a_draft_that_enters_the_review_chain(world, grid, pingshan, saved):
    editor = grid["editor"]
    now = ok(editor.get(grid["url"]))
    ok(editor.request("PUT", grid["url"], json={"revision": now["revision"], "unit": "元",
                                                "lines": rows_of(pingshan.lines)}))
    got = ok(editor.post(grid["url"] + "/derive"), 201)
    d = got["disclosure"]
    assert d["status"] == "draft" and got["url"] == f"/disclosures/{d['id']}"
    detail = ok(editor.get(f"/api/disclosures/{d['id']}"))
    assert detail["disclosure"]["body"]["id"] == grid["body_id"] and detail["disclosure"]["year"] == YEAR
    expected = derive(pingshan.copy(body="丙单位", parent="甲部门", level="unit"), "shenzhen")
    assert [t["kind"] for t in detail["tables"]] == [t.kind for t in expected.tables]  # Shenzhen's set
    findings = ok(editor.get(f"/api/disclosures/{d['id']}/findings"))
    assert not [f for f in findings["findings"] if f["severity"] == "error"]
    after = ok(editor.get(grid["url"]))
    assert after["derived"]["id"] == d["id"] and after["latest"]["id"] == d["id"]
    # the review chain takes it: acknowledge the warnings, submit; then the lines' derivation waits
    warnings = [f["id"] for f in findings["findings"] if f["severity"] == "warning"]
    if warnings:
        ok(editor.post(f"/api/disclosures/{d['id']}/acknowledgements",
                       json={"finding_ids": warnings, "reason": "按预算行生成，已核对"}))
    ok(editor.post(f"/api/disclosures/{d['id']}/submit"))
    assert not ok(editor.get(grid["url"]))["permissions"]["derive"]
    r = editor.post(grid["url"] + "/derive")
    assert r.status_code == 400 and "正在审核中" in r.json()["detail"]


def test_next_year_starts_from_this_years_lines(world, grid, saved):
    """2024's grid offers 2023's lines; taken, each line's 2023 amount becomes its 上年预算数 and 2024's
    starting amount (carry.next_year); lines entered since are replaced only when the user confirms."""
    editor = grid["editor"]
    url = f"/api/bodies/{grid['body_id']}/lines/{YEAR + 1}"
    this_year = ok(editor.get(grid["url"]))
    empty = ok(editor.get(url))
    assert empty["lines"] == []
    assert empty["carry"] == {"year": YEAR, "kind": "budget", "from": "lines", "lines": len(this_year["lines"]),
                              "revision": this_year["revision"], "replaces": 0}
    got = ok(editor.post(url + "/carry", json={"revision": 0}))
    last, _ = read_rows(this_year["lines"], YEAR, this_year["unit"])
    last = [x for x in last if x.amount or x.final is not None]  # a line of no amount is not carried
    assert got["revision"] == 1 and got["unit"] == this_year["unit"] and len(got["lines"]) == len(last) > 50
    lines, problems = read_rows(got["lines"], YEAR + 1, got["unit"])
    assert not [p for p in problems if p.severity == "error"]
    assert [x.prior_budget for x in lines] == [x.amount for x in last] == [x.amount for x in lines]
    assert [(x.function, x.economic, x.purpose, x.fund, x.project) for x in lines] == \
        [(x.function, x.economic, x.purpose, x.fund, x.project) for x in last]
    assert got["totals"]["total"] == this_year["totals"]["total"]
    titles = {c["field"]: c["title"] for c in got["columns"]}
    assert titles["prior_budget"] == f"{YEAR}年预算数（{got['unit']}）"  # 上年预算数 is 2023's
    # lines there: refused unless confirmed; confirmed, replaced (a new revision)
    rows = [dict(r) for r in got["lines"][:3]]
    ok(editor.request("PUT", url, json={"revision": 1, "lines": rows}))
    r = editor.post(url + "/carry", json={"revision": 2})
    assert r.status_code == 409 and "确认" in r.json()["detail"]
    assert len(ok(editor.get(url))["lines"]) == 3
    again = ok(editor.post(url + "/carry", json={"revision": 2, "replace": True}))
    assert again["revision"] == 3 and again["lines"] == got["lines"]
    # no lines the year before: nothing to start from; a reviewer cannot
    assert editor.post(f"/api/bodies/{grid['body_id']}/lines/{YEAR - 1}/carry", json={"revision": 0}).status_code == 404
    assert world.clients["reviewer_own"].post(url + "/carry", json={"revision": 3, "replace": True}).status_code == 403

    log = ok(world.clients["admin"].get("/api/audit", params={"action": "lines_carry"}))["entries"]
    mine = [e["detail"] for e in log if e["detail"].get("body") == "丙单位"]
    assert len(mine) == 2 and all(d["from_year"] == YEAR and d["year"] == YEAR + 1 for d in mine)
    assert sorted(d["replaced"] for d in mine) == [0, 3]


def test_next_year_starts_from_last_years_published_budget(world):
    """No lines last year but its budget published: 坪山管理局's 2024 grid starts from its published 2023
    budget split into lines (in a job) as `yusuan ledger build` splits it, then carried (carry.next_year)."""
    admin = world.clients["admin"]
    body = ok(admin.get(f"/api/disclosures/{world.ids['published']}"))["disclosure"]["body"]
    url = f"/api/bodies/{body['id']}/lines/{YEAR + 1}"
    offer = ok(admin.get(url))["carry"]
    assert (offer["from"], offer["year"], offer["disclosure"]["id"]) == ("disclosure", YEAR, world.ids["published"])
    started = world.app.state.jobs.started
    got = ok(admin.post(url + "/carry", json={"revision": 0}))
    assert world.app.state.jobs.started == started + 1
    lines, problems = read_rows(got["lines"], YEAR + 1, got["unit"])
    assert not [p for p in problems if p.severity == "error"]
    built = build_from_disclosure(corpus_doc(PINGSHAN)).ledger
    carried = [x for x in built.lines if x.amount]
    assert [x.prior_budget for x in lines] == [x.amount for x in carried] == [x.amount for x in lines]
    assert Decimal(got["totals"]["total"]) == Decimal("66230237")
    r = admin.post(url + "/carry", json={"revision": got["revision"]})
    assert r.status_code == 409 and world.app.state.jobs.started == started + 1  # refused before building
    log = ok(admin.get("/api/audit", params={"action": "lines_carry"}))["entries"]
    assert any(e["detail"].get("from_disclosure") and e["detail"]["year"] == YEAR + 1 for e in log)


def test_final_accounts_lines_derived_into_the_final_set(world, grid, saved):
    """A 决算's lines (kind final_accounts): started from the year's budget lines, each line's 执行数 filled
    in (坪山's real lines; the execution figures are made up — 95% of each project line, rounded to the
    元 — since no 决算 of 坪山 is in the corpus, and a published 决算 cannot be split into lines), added
    up in the totals, derived into a 决算 draft of the 决算 table set with no error, beside the budget's
    series."""
    editor = grid["editor"]
    url = grid["url"] + "/carry"
    budget = ok(editor.get(grid["url"]))
    empty = ok(editor.get(grid["url"], params={"kind": "final_accounts"}))
    assert empty["kind"] == "final_accounts" and empty["kind_name"] == "决算" and empty["counted"] == "final"
    assert empty["carry"]["year"] == YEAR and empty["carry"]["lines"] == len(budget["lines"])
    assert {c["field"]: c["required"] for c in empty["columns"]}["final"]
    got = ok(editor.post(url, params={"kind": "final_accounts"}, json={"revision": 0}))
    assert got["lines"] == budget["lines"] and got["totals"]["total"] == "0"
    missing = [p for p in got["problems"] if p["field"] == "final"]
    assert missing and all(p["severity"] == "warning" and "执行数" in p["reason"] for p in missing)
    r = editor.post(grid["url"] + "/derive", params={"kind": "final_accounts"})
    assert r.status_code == 400 and "执行数" in r.json()["detail"]

    rows = [dict(r) for r in got["lines"]]
    for row in rows:
        amount = Decimal(row["amount"])
        project = row["purpose"] == "项目支出"
        row["final"] = format((amount * Decimal("0.95")).quantize(Decimal(1)) if project else amount, "f")
    filled = ok(editor.request("PUT", grid["url"], params={"kind": "final_accounts"},
                               json={"revision": got["revision"], "lines": rows}))
    assert not [p for p in filled["problems"] if p["field"] == "final"]
    executed = sum(Decimal(r["final"]) for r in rows)
    assert Decimal(filled["totals"]["total"]) == executed < Decimal(budget["totals"]["total"])
    assert ok(editor.get(grid["url"]))["revision"] == budget["revision"]  # the budget's lines are apart

    made = ok(editor.post(grid["url"] + "/derive", params={"kind": "final_accounts"}), 201)
    detail = ok(editor.get(f"/api/disclosures/{made['disclosure']['id']}"))
    assert detail["disclosure"]["kind"] == "final_accounts" and detail["disclosure"]["year"] == YEAR
    lines, _ = read_rows(filled["lines"], YEAR, filled["unit"], final=True)
    ledger = dataclasses.replace(build_from_disclosure(corpus_doc(PINGSHAN)).ledger, lines=lines, body="丙单位",
                                 parent="甲部门")
    expected = derive(ledger, "shenzhen", final=True)
    assert [t["kind"] for t in detail["tables"]] == [t.kind for t in expected.tables]
    assert [t.kind for t in expected.tables if t.kind != "project_performance"] == list(TABLE_SETS["final_accounts"])
    findings = ok(editor.get(f"/api/disclosures/{made['disclosure']['id']}/findings"))["findings"]
    errors = [f["message"] for f in findings if f["severity"] == "error"]
    assert not errors, errors
    after = ok(editor.get(grid["url"], params={"kind": "final_accounts"}))
    assert after["derived"]["id"] == after["latest"]["id"] == made["disclosure"]["id"]
    assert (ok(editor.get(grid["url"]))["latest"] or {}).get("id") != made["disclosure"]["id"]  # not the budget's
    book = load_workbook(io.BytesIO(editor.get(grid["url"] + "/lines.xlsx", params={"kind": "final_accounts"}).content))
    assert [c.value for c in book["基本信息"]["A"]][-1] == "公开类型" and book["基本信息"]["B6"].value == "决算"


def test_every_save_in_the_audit_log(world, grid, saved):
    entries = ok(world.clients["admin"].get("/api/audit", params={"action": "lines_save"}))["entries"]
    mine = [e for e in entries if e["detail"].get("body") == "丙单位"]
    assert mine and all(e["username"] == "editor_lines" for e in mine)
    assert any(e["detail"]["lines"] == 60 and e["detail"]["total"] == "66230237" for e in mine)


def test_catalog_codes_for_the_pickers(world):
    codes = ok(world.clients["public"].get(f"/api/catalog/function/{YEAR}"))
    by_code = {c["code"]: c["name"] for c in codes}
    assert all(len(c) == 7 for c in by_code) and "2010101" in by_code
    economic = ok(world.clients["public"].get(f"/api/catalog/economic_dept/{YEAR}"))
    assert {c["code"] for c in economic} >= {"30101", "30201"}
    assert world.clients["public"].get(f"/api/catalog/nothing/{YEAR}").status_code == 404
