"""The cube API in babbage's shape: the same sums as /api/aggregate, babbage's parameters and answers,
and the visibility of drafts."""

from __future__ import annotations

from decimal import Decimal


def test_cubes_and_model(world):
    c = world.clients["public"]
    cubes = c.get("/api/babbage/cubes").json()
    names = [x["name"] for x in cubes["data"]]
    assert cubes["status"] == "ok" and "expense_summary" in names and "general_budget_by_economic" in names
    model = c.get("/api/babbage/cubes/expense_summary/model").json()["model"]
    assert "total" in model["measures"] and "total.sum" in model["aggregates"] and "_count" in model["aggregates"]
    function = model["dimensions"]["function"]
    assert {"class", "kuan", "xiang"} <= set(function["attributes"]) and function["key_ref"] == "function.class"
    assert c.get("/api/babbage/cubes/nope/model").status_code == 400


def test_aggregate_agrees_with_the_aggregate_endpoint(world):
    c = world.clients["public"]
    pid = world.ids["published"]
    published = c.get(f"/api/disclosures/{pid}").json()
    year = published.get("year") or published["disclosure"]["year"]
    ours = c.get(f"/api/aggregate?drilldown=function.class&cut=year:{year}").json()
    babbage = c.get("/api/babbage/cubes/expense_summary/aggregate",
                    params={"aggregates": "total.sum|basic.sum|_count", "drilldown": "function.class",
                            "cut": f"year:{year}", "order": "total.sum:desc"}).json()
    assert babbage["aggregates"] == ["total.sum", "basic.sum", "_count"]
    assert babbage["cell"] == [{"ref": "year", "operator": ":", "value": str(year)}]
    got = {x["function.class"]: Decimal(str(x["total.sum"])) for x in babbage["cells"]}
    want = {x["function.class"]: Decimal(x["sum"]) for x in ours["cells"]}
    assert got == want
    totals = [x["total.sum"] for x in babbage["cells"]]
    assert totals == sorted(totals, reverse=True)
    assert all(x["basic.sum"] <= x["total.sum"] + 1 and x["_count"] > 0 for x in babbage["cells"])
    assert Decimal(str(babbage["summary"]["total.sum"])) == Decimal(ours["summary"]["sum"])


def test_paging_members_and_facts(world):
    c = world.clients["public"]
    everything = c.get("/api/babbage/cubes/expense_summary/aggregate?drilldown=function.kuan&pagesize=1000").json()
    n = everything["total_cell_count"]
    assert n >= 3
    page2 = c.get("/api/babbage/cubes/expense_summary/aggregate?drilldown=function.kuan&pagesize=2&page=2").json()
    assert page2["cells"] == everything["cells"][2:4] and page2["page"] == 2 and page2["page_size"] == 2
    members = c.get("/api/babbage/cubes/expense_summary/members/function.class").json()
    classes = [x["function.class"] for x in members["data"]]
    assert classes == sorted(classes) and all(x["function.class.name"] for x in members["data"])
    facts = c.get("/api/babbage/cubes/expense_summary/facts?cut=function.class:211&pagesize=5").json()
    assert facts["data"] and all(f["code"].startswith("211") and f["kind"] == "expense_summary" and f["page"]
                                 for f in facts["data"])
    for bad in ("aggregate?aggregates=nope.sum", "aggregate?order=nope:desc", "aggregate?drilldown=nope",
                "facts?cut=colour:red", "aggregate?cut=year"):
        r = c.get(f"/api/babbage/cubes/expense_summary/{bad}")
        assert r.status_code == 400, bad
        assert r.json()["detail"]


def test_drafts_count_only_for_those_who_see_them(world):
    """甲二单位's draft (智能管控中心's figures; the world never publishes it) is summed for the
    administrator and its department's reviewer, never for the public."""
    url = "/api/babbage/cubes/expense_summary/aggregate?aggregates=total.sum&drilldown=body"
    seen = {role: {x["body.name"] for x in world.clients[role].get(url).json()["cells"]}
            for role in ("public", "admin", "reviewer_own", "reviewer_other")}
    assert "甲二单位" in seen["admin"] and "甲二单位" in seen["reviewer_own"]
    assert "甲二单位" not in seen["public"] and "甲二单位" not in seen["reviewer_other"]


def test_fiscal_data_package_download(world, tmp_path):
    import io
    import json
    import zipfile

    from frictionless import validate

    c = world.clients["public"]
    r = c.get("/api/fdp.zip?year=2023")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    zipfile.ZipFile(io.BytesIO(r.content)).extractall(tmp_path)
    desc = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    public = c.get("/api/disclosures?year=2023&limit=1000").json()["disclosures"]
    assert len(desc["yusuan"]["documents"]) == len(public)  # what the public sees, no draft
    assert "深圳市生态环境局坪山管理局-2023-budget-department" in desc["yusuan"]["documents"]
    assert not any(d.startswith("甲二单位") for d in desc["yusuan"]["documents"])  # drafts only, never published
    assert validate(str(tmp_path / "datapackage.json")).valid
    draft_only = f"/api/fdp.zip?body_id={world.ids['unit_c']}"
    assert world.clients["reviewer_own"].get(draft_only).status_code == 200
    assert world.clients["public"].get(draft_only).status_code == 400  # nothing it may see there
