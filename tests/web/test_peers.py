"""The peers page and its JSON twin: what the caller sees, compared."""

from __future__ import annotations

from decimal import Decimal


def test_peers_api_and_page(world):
    c = world.clients["public"]
    r = c.get("/api/peers?year=2023").json()
    bodies = {row["body"] for row in r["rows"]}
    assert "深圳市生态环境局坪山管理局" in bodies and "甲二单位" not in bodies  # drafts stay hidden
    row = next(x for x in r["rows"] if x["body"] == "深圳市生态环境局坪山管理局")
    assert Decimal(row["figures"]["spending"]) == Decimal(66230000)
    assert Decimal(row["shares"]["project"]) == round(Decimal(57100000) / Decimal(66230000) * 100, 2)
    assert r["shares"] == ["project", "three_public", "office_operating", "commissioned"]
    page = c.get("/peers?year=2023")
    assert page.status_code == 200
    html = page.text
    assert "同类单位对比" in html and "<svg" in html and "深圳市生态环境局坪山管理局" in html
    assert 'href="/peers"' in html  # in the navigation


def test_peers_see_drafts_only_where_allowed(world):
    seen = {role: {row["body"] for row in world.clients[role].get("/api/peers").json()["rows"]}
            for role in ("admin", "reviewer_other")}
    assert "甲二单位" in seen["admin"] and "甲二单位" not in seen["reviewer_other"]
    assert world.clients["public"].get("/api/peers?kind=nope").status_code in (400, 422)
