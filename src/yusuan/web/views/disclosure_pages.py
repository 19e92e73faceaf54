"""HTML: a disclosure page (identity, narrative, every table, charts, findings, comments, downloads) and
two disclosures compared side by side."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from yusuan.model.families import STYLE_NAMES
from yusuan.store import access, charts, compare, queries, yoy
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.views.pages import page

router = APIRouter(include_in_schema=False)


@router.get("/disclosures/{disclosure_id}", response_class=HTMLResponse)
def disclosure_page(request: Request, disclosure_id: int, caller: Caller = Depends(get_caller),
                    store=Depends(get_store)):
    p = caller.principal
    with store.session() as s:
        detail = queries.disclosure_detail(s, p, disclosure_id, tables="full")
        found = queries.disclosure_findings(s, p, disclosure_id)
        pictures = charts.disclosure_charts(s, p, detail)
        d = queries.get_disclosure(s, p, disclosure_id)
        prev = yoy.previous_published(s, p, d)
        prior = {"id": prev.id, "year": prev.year} if prev is not None else None
        notes = queries.comments(s, p, disclosure_id)["comments"] if access.can_see_comments(p, d) else None
        body = detail["disclosure"]["body"]
        others = [x for x in queries.disclosure_list(s, p, body_id=body["id"], limit=50)["disclosures"]
                  if x["id"] != disclosure_id]
    for f in found["findings"]:
        for loc in f["locations"]:
            loc["target"] = _target(loc)
    title = detail["disclosure"]["title"] or detail["disclosure"]["body"]["name"]
    return page(request, caller, "disclosure.html", title=title, data=detail, findings=found, charts=pictures,
                comments=notes, others=others, styles=STYLE_NAMES, prior=prior)


def _target(loc: dict) -> str:
    """The page element a finding location points at: its cell, else row, sentence or table ("" for none)."""
    for key, prefix in (("cell_id", "c"), ("row_id", "r"), ("paragraph_id", "p"), ("table_id", "t")):
        if loc.get(key):
            return f"{prefix}{loc[key]}"
    return ""


@router.get("/compare", response_class=HTMLResponse)
def compare_page(request: Request, a: int | None = Query(None), b: int | None = Query(None),
                 caller: Caller = Depends(get_caller), store=Depends(get_store)):
    p = caller.principal
    with store.session() as s:
        choices = queries.disclosure_list(s, p, limit=500)["disclosures"]
        result = None
        if a is not None and b is not None:
            result = compare.compare(queries.disclosure_tables(s, p, a), queries.disclosure_tables(s, p, b))
    return page(request, caller, "compare.html", title="对比两份公开文件", choices=choices, result=result,
                chosen={"a": a, "b": b})
