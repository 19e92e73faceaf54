"""The preparation workbook through the web: download it filled from a stored disclosure, upload it
back, and the new version has the same cells."""

from __future__ import annotations

import io

from openpyxl import load_workbook



def _cells(client, did):
    return client.get(f"/api/disclosures/{did}/cells.csv").text.splitlines()[1:]


def test_a_workbook_of_this_year_uploads_as_a_new_version_with_the_same_cells(world):
    admin = world.clients["admin"]
    did = world.ids["published"]
    r = admin.get(f"/api/template.xlsx?year=2023&from_disclosure={did}")
    assert r.status_code == 200 and "filename*=UTF-8''" in r.headers["content-disposition"]
    wb = load_workbook(io.BytesIO(r.content))
    assert "yusuan_prepare" in wb.defined_names
    up = admin.post("/api/disclosures", files=[("files", ("坪山2023.xlsx", r.content, "application/octet-stream"))])
    assert up.status_code == 201, up.text
    new = up.json()["disclosure"]
    assert new["body"]["id"] == admin.get(f"/api/disclosures/{did}").json()["disclosure"]["body"]["id"]
    assert new["version"] > 1 and new["status"] == "draft"
    # the same cells (pages are sheets now, and the key projects come in the workbook's order)
    without_page = lambda rows: sorted(",".join(line.split(",")[:-1]) for line in rows)  # noqa: E731
    assert without_page(_cells(admin, new["id"])) == without_page(_cells(admin, did))


def test_a_workbook_for_next_year_keeps_the_lines_without_amounts(world):
    r = world.clients["public"].get(f"/api/template.xlsx?year=2024&from_disclosure={world.ids['published']}")
    assert r.status_code == 200
    wb = load_workbook(io.BytesIO(r.content))
    texts = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None}
    assert "2010101" in texts and "2024" in texts  # last year's codes kept, the year is the new one


def test_a_workbook_from_a_far_year_is_refused(world):
    r = world.clients["public"].get(f"/api/template.xlsx?year=2026&from_disclosure={world.ids['published']}")
    assert r.status_code == 400 and "只能用本年（2026）或上年（2025）" in r.json()["detail"]


def test_the_upload_page_offers_blank_workbooks(world):
    page = world.clients["editor_own"].get("/upload").text
    assert "/api/template.xlsx?year=" in page
