"""The grid of budget lines in Debian's Chromium: 坪山管理局's 2023 budget built as lines (its published
tables) in 丁单位's grid; its editor edits an amount with the keyboard and sees the totals change, picks a
function code from the catalog's list by its name, pastes two rows copied from Excel (TSV), adds and deletes
a row, saves, derives the draft and sees its findings' counts; starts 2024 from 2023's lines and a 2023
决算 from 2023's budget lines, its totals adding up the 执行数 typed in; 丙部门's
reviewer reads the lines but cannot edit them; at 375 px the grid scrolls inside its box."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from tests.browser.conftest import log_in, opened
from tests.conftest import corpus_doc
from tests.web.conftest import PASSWORD
from yusuan.prepare.ledger.build import build_from_disclosure
from yusuan.prepare.ledger.grid import rows_of

YEAR = 2023
UNIT = "深圳市生态环境局坪山管理局"
# two rows as Excel copies them: 单位名称 … 2023年预算数, tab-separated, CRLF, a trailing newline
TSV = (f"{UNIT}\t2110102\t\t30227\t\t\t项目支出\t\t一般公共预算拨款\t\t环境监测\t\t\t50000\r\n"
       f"{UNIT}\t2110102\t\t31002\t\t\t项目支出\t\t一般公共预算拨款\t\t环境监测\t\t\t12345.67\r\n")


@pytest.fixture(scope="module")
def grid(site):
    """丁单位 under 丙部门 with its editor; 坪山's lines saved in its 2023 grid."""
    from sqlalchemy import select

    from yusuan.store import lines, models as m
    from yusuan.store.access import principal_for
    from yusuan.store.accounts import create_user
    from yusuan.store.repository import ensure_body

    ledger = build_from_disclosure(corpus_doc("shenzhen-2023-pingshan-guanliju-budget.txt")).ledger
    with site.store.session() as s:
        body = ensure_body(s, "丁单位", parent="丙部门", level="unit")
        create_user(s, "editor_d", PASSWORD, "editor", body.id)
        admin = s.scalar(select(m.User).where(m.User.username == "admin"))
        lines.save(s, principal_for(s, admin), admin, body.id, YEAR, rows_of(ledger.lines), 0, unit="元")
        body_id = body.id
    return {"url": f"{site.url}/bodies/{body_id}/lines/{YEAR}", "total": sum((x.amount for x in ledger.lines), Decimal(0)),
            "count": len(ledger.lines)}


READY = "() => !!document.querySelector('#grid[data-ready][data-catalog]')"


def until(pg, js: str, arg=None, seconds: float = 30) -> None:
    """Wait until `js` (a function of `arg`) is true in the page: polled through `evaluate`, which the
    page's Content-Security-Policy (no eval) leaves alone."""
    deadline = time.monotonic() + seconds
    while not pg.evaluate(js, arg):
        assert time.monotonic() < deadline, js
        pg.wait_for_timeout(50)


def shows_total(pg, amount: Decimal) -> None:
    until(pg, "t => document.querySelector('#total-all').textContent.replace(/,/g, '') === t", str(amount))


def total(pg) -> Decimal:
    return Decimal(pg.inner_text("#total-all").replace(",", ""))


def cell(pg, row: int, field: str):
    return pg.locator(f"#grid .tabulator-row:nth-child({row}) .tabulator-cell[tabulator-field='{field}']")


def test_an_editor_edits_picks_pastes_saves_and_derives(browser, site, grid):
    with opened(browser, f"{site.url}/login", 1400) as pg:
        log_in(pg, site, "editor_d")
        pg.goto(grid["url"])
        until(pg, READY)
        assert total(pg) == grid["total"] and pg.inner_text("#line-count") == str(grid["count"])
        basic = Decimal(pg.inner_text("#by-purpose td.num[data-key='基本支出']").replace(",", ""))
        assert "211 节能环保支出" in pg.inner_text("#by-class")
        # a name left blank shows the catalog's, greyed
        name = cell(pg, 1, "function_name")
        assert name.inner_text().strip() == "行政运行" and "implied" in name.get_attribute("class")

        # the keyboard: select row 1's amount, Enter edits, type, Enter keeps it
        first = cell(pg, 1, "amount")
        before = Decimal(first.inner_text().replace(",", ""))  # shown with thousands separators
        first.click()
        pg.keyboard.press("Enter")
        pg.keyboard.press("Control+A")
        pg.keyboard.type(str(before + 1000))
        pg.keyboard.press("Enter")
        shows_total(pg, grid["total"] + 1000)
        assert Decimal(pg.inner_text("#by-purpose td.num[data-key='基本支出']").replace(",", "")) == basic + 1000
        # as in a spreadsheet: typing on a selected cell replaces its value
        third = cell(pg, 3, "amount")
        old_third = Decimal(third.inner_text().replace(",", ""))
        third.click()
        pg.keyboard.type("75")
        pg.keyboard.press("Enter")
        assert third.inner_text().strip() == "75"
        shows_total(pg, grid["total"] + 1000 - old_third + 75)
        pg.keyboard.press("Control+z")  # and the edit is undone
        shows_total(pg, grid["total"] + 1000)

        # a code picked from the catalog's list
        code = cell(pg, 2, "function")
        code.click()
        pg.keyboard.press("Enter")
        pg.keyboard.press("Control+A")
        pg.keyboard.type("宣传")  # found by its name (typed as an IME commits it: the text, then a key's keyup)
        pg.keyboard.press("End")
        pg.locator(".tabulator-edit-list-item", has_text="2110104 生态环境保护宣传").click()
        assert code.inner_text().strip() == "2110104"
        assert cell(pg, 2, "function_name").inner_text().strip() == "生态环境保护宣传"  # follows the code

        # two rows pasted from Excel below the last line: one row added for the block, one more for its tail
        pg.click("#add-row")
        until(pg, "n => yusuanLines.table.getDataCount() === n", grid["count"] + 1)
        pg.evaluate("""() => { const t = yusuanLines.table; const row = t.getRows('active').slice(-1)[0];
                          t.addRange(row.getCell('unit'), row.getCell('unit')); }""")
        pg.evaluate("""tsv => { const dt = new DataTransfer(); dt.setData('text/plain', tsv);
                          const target = document.querySelector('#grid .tabulator-tableholder');
                          target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true})); }""", TSV)
        until(pg, "n => yusuanLines.table.getDataCount() === n", grid["count"] + 2)
        expected = grid["total"] + 1000 + Decimal("50000") + Decimal("12345.67")
        shows_total(pg, expected)

        # a row added, then deleted: its range selected, 删除选中的行
        pg.click("#add-row")
        until(pg, "n => yusuanLines.table.getDataCount() === n", grid["count"] + 3)
        pg.evaluate("""() => { const t = yusuanLines.table; const row = t.getRows('active').slice(-1)[0];
                          t.addRange(row.getCell('unit'), row.getCell('fund')); }""")
        pg.click("#delete-rows")
        until(pg, "n => yusuanLines.table.getDataCount() === n", grid["count"] + 2)
        shows_total(pg, expected)

        pg.click("#save")
        until(pg, "() => document.querySelector('#lines-status').textContent.startsWith('已保存')")
        assert "第 2 次" in pg.inner_text("#lines-status")

        pg.click("#derive")
        pg.wait_for_selector("#derived:not([hidden]) a", timeout=120_000)
        derived = pg.locator("#derived")
        assert derived.get_attribute("data-errors") is not None
        link = derived.locator("a").get_attribute("href")
        assert link.startswith("/disclosures/")
        pg.goto(site.url + link)
        assert "预算行" in pg.inner_text("#lines-link")

    # what was saved: 坪山's lines, the edit, the code, the two pasted rows
    from yusuan.prepare.ledger.grid import read_rows
    from yusuan.store import models as m

    with site.store.session() as s:
        from sqlalchemy import select

        draft = s.scalar(select(m.LedgerDraft).join(m.Body).where(m.Body.name == "丁单位"))
        lines, problems = read_rows(draft.lines, YEAR, "元")  # saved by 保存, then by 生成 (which saves first)
        assert draft.revision == 3 and len(lines) == grid["count"] + 2
        assert lines[1].function == "2110104" and lines[0].amount == before + 1000
        assert [line.amount for line in lines[-2:]] == [Decimal("50000"), Decimal("12345.67")]
        assert lines[-1].economic == "31002" and lines[-1].purpose == "project"


def test_next_year_starts_from_this_years_lines(browser, site, grid):
    """2024's empty grid offers 从上年预算开始: taken, 2023's lines fill it (2023's amounts as 上年预算数 and
    2024's starting amounts), saved; taken again over lines, it asks first."""
    from sqlalchemy import select

    from yusuan.prepare.ledger.grid import read_rows
    from yusuan.store import models as m

    with site.store.session() as s:
        draft = s.scalar(select(m.LedgerDraft).join(m.Body).where(m.Body.name == "丁单位", m.LedgerDraft.year == YEAR))
        last, _ = read_rows(draft.lines, YEAR, draft.unit)
    carried = [x for x in last if x.amount or x.final is not None]
    with opened(browser, f"{site.url}/login", 1400) as pg:
        log_in(pg, site, "editor_d")
        pg.goto(grid["url"].replace(f"/{YEAR}", f"/{YEAR + 1}"))
        until(pg, READY)
        assert pg.inner_text("#line-count") == "0" and pg.inner_text("#carry") == "从上年预算开始"
        assert "点“从上年预算开始”" in pg.inner_text("#grid .tabulator-placeholder")
        pg.click("#carry")
        until(pg, "n => yusuanLines.table.getDataCount() === n", len(carried))
        shows_total(pg, sum((x.amount for x in carried), Decimal(0)))
        assert "第 1 次保存" in pg.inner_text("#lines-status")
        assert Decimal(cell(pg, 1, "prior_budget").inner_text().replace(",", "")) == carried[0].amount
        asked = []
        pg.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
        pg.click("#carry")
        pg.wait_for_timeout(300)
        assert asked and "替换" in asked[0] and "第 1 次保存" in pg.inner_text("#lines-status")
        pg.once("dialog", lambda d: d.accept())
        pg.click("#carry")
        until(pg, "() => document.querySelector('#lines-status').textContent.includes('第 2 次保存')")


def test_a_final_accounts_grid_adds_up_the_execution(browser, site, grid):
    """2023's 决算 lines start from 2023's budget lines; the totals add up the 执行数 typed in."""
    with opened(browser, f"{site.url}/login", 1400) as pg:
        log_in(pg, site, "editor_d")
        pg.goto(grid["url"] + "?kind=final_accounts")
        until(pg, READY)
        assert "决算行" in pg.inner_text("h1") and pg.inner_text("#carry") == "从本年预算行开始"
        assert "执行数合计" in pg.inner_text("#totals h2")
        pg.click("#carry")
        until(pg, "() => yusuanLines.table.getDataCount() > 0")
        shows_total(pg, Decimal(0))  # no 执行数 yet
        assert pg.locator("#problems li.sev-warning").count() > 0
        final = cell(pg, 1, "final")
        final.click()
        pg.keyboard.type("1234.5")
        pg.keyboard.press("Enter")
        shows_total(pg, Decimal("1234.5"))
        pg.click("#save")
        until(pg, "() => document.querySelector('#lines-status').textContent.startsWith('已保存')")


def test_a_reviewer_reads_but_cannot_edit(browser, site, grid):
    with opened(browser, f"{site.url}/login", 1400) as pg:
        log_in(pg, site, "reviewer_c")
        pg.goto(grid["url"])
        until(pg, READY)
        assert pg.locator("#save").count() == 0 and pg.locator("#derive").count() == 0
        amount = cell(pg, 1, "amount")
        shown = amount.inner_text()
        amount.dblclick()
        pg.keyboard.press("Enter")
        pg.keyboard.type("9")
        assert pg.locator("#grid input").count() == 0 and amount.inner_text() == shown


def test_the_grid_scrolls_inside_its_box_on_a_phone(browser, site, grid):
    with opened(browser, f"{site.url}/login", 375) as pg:
        log_in(pg, site, "editor_d")
        pg.goto(grid["url"])
        until(pg, READY)
        assert pg.evaluate("document.scrollingElement.scrollWidth") <= 375
        holder = pg.locator("#grid .tabulator-tableholder")
        assert holder.evaluate("e => e.scrollWidth > e.clientWidth")
