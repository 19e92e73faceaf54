"""The search page's context: disclosures by body, year and kind of document; and, for a code, a name or
a kind of table, the numbers found, grouped by disclosure, every amount in one unit, each with the place
it is printed at (page, line, or sheet and cell). The same rows make its CSV."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy.orm import Session

from yusuan.model.vocabulary import DOCUMENT_KINDS, TABLE_KINDS
from yusuan.store import queries
from yusuan.store.access import Principal
from yusuan.model.amount import TO_YUAN
from yusuan.store.types import canonical

UNITS = ("万元", "元")
CELLS = 500  # numbers shown on the page (the CSV takes up to queries.MAX_LIMIT)
DOCS = 200


@dataclass(frozen=True)
class Search:
    q: str = ""  # the body's name (or the title, the parent department) contains
    year: int | None = None
    doc_kind: str | None = None  # budget | final_accounts
    kind: str | None = None  # table kind
    code: str = ""  # code prefix: 201 = 一般公共服务支出 and everything under it
    item: str = ""  # the item's name contains
    unit: str = "万元"

    @property
    def cells_asked(self) -> bool:
        return bool(self.code or self.item or self.kind)

    def form(self) -> dict:
        return {"q": self.q, "year": str(self.year or ""), "doc_kind": self.doc_kind or "", "kind": self.kind or "",
                "code": self.code, "item": self.item, "unit": self.unit}


def search(s: Session, p: Principal, f: Search, limit: int = CELLS) -> dict:
    """{"docs": disclosure_list, "groups": [{"disclosure", "cells"}] or None, "count", "more", choices}."""
    docs = queries.disclosure_list(s, p, q=f.q or None, year=f.year, kind=f.doc_kind, limit=DOCS)
    groups, count, more = None, 0, False
    if f.cells_asked:
        found = queries.cells(s, p, queries.CellFilter(
            body=f.q or None, year=f.year, doc_kind=f.doc_kind, kind=f.kind, code_prefix=f.code or None,
            item_contains=f.item or None, limit=limit))
        count, more = len(found["cells"]), found["next_offset"] is not None
        groups = _grouped([_shown(c, f.unit) for c in found["cells"]])
    return {"docs": docs, "groups": groups, "count": count, "more": more, "unit": f.unit,
            "years": queries.years(s, p), "doc_kinds": DOCUMENT_KINDS, "kinds": TABLE_KINDS, "units": UNITS}


def _shown(cell: dict, unit: str) -> dict:
    """The cell with its amount in `unit`: `shown` exact, `rounded` to 2 decimals for the page (None for a
    figure that is no amount of money, e.g. a percentage: it keeps its printed value)."""
    shown = rounded = None
    if cell["yuan"] is not None:
        exact = Decimal(cell["yuan"]) / TO_YUAN[unit]
        shown = str(canonical(exact))
        rounded = str(exact.quantize(Decimal("0.01"), ROUND_HALF_UP))
    return {**cell, "shown": shown, "rounded": rounded, "shown_unit": unit if shown is not None else cell["unit"],
            "kind_name": TABLE_KINDS.get(cell["kind"], cell["kind"]),
            "measure_name": queries.measure_name(cell["measure"])}


def _grouped(cells: list[dict]) -> list[dict]:
    groups: dict[int, dict] = {}
    for c in cells:
        g = groups.setdefault(c["disclosure_id"], {"disclosure": {
            "id": c["disclosure_id"], "body": c["body"], "body_id": c["body_id"], "year": c["year"],
            "kind": c["doc_kind"], "kind_name": DOCUMENT_KINDS.get(c["doc_kind"], c["doc_kind"])}, "cells": []})
        g["cells"].append(c)
    return list(groups.values())


CSV_COLUMNS = (("body", "单位"), ("year", "年度"), ("doc_kind_name", "类型"), ("disclosure_id", "公开文件编号"),
               ("table", "表格"), ("kind_name", "表格类型"), ("code", "科目编码"), ("item", "科目名称"),
               ("measure_name", "栏目"), ("shown", "金额"), ("shown_unit", "金额单位"), ("value", "原文数字"),
               ("unit", "原文单位"), ("file", "原文文件"), ("place", "原文位置"))


def csv_rows(result: dict) -> list[dict]:
    """The found numbers as CSV rows (CSV_COLUMNS): the amount in the chosen unit, exact, and as printed."""
    rows = []
    for g in result["groups"] or []:
        for c in g["cells"]:
            rows.append({**c, "doc_kind_name": g["disclosure"]["kind_name"],
                         "table": " ".join(x for x in (c["table_number"], c["table_title"]) if x),
                         "shown": c["shown"] if c["shown"] is not None else c["value"]})
    return rows
