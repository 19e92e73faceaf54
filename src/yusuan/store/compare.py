"""Two disclosures side by side: their tables matched by kind, rows by (side, code, item), cells by
measure, each pair with its difference. The context of the compare page (two years of one body, or
two bodies); pure: it reads only the two `queries.disclosure_tables` contexts it is given."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from yusuan.model.text import match_key
from yusuan.store.convert import TO_YUAN
from yusuan.store.types import canonical


def _row_keys(rows: list[dict]) -> list[tuple]:
    """(side, code, item, n): the n-th row with that side, code and item (items compared without spaces)."""
    seen: Counter = Counter()
    keys = []
    for r in rows:
        base = (r["side"] or "", r["code"] or "", match_key(r["item"] or r["label"] or ""))
        keys.append((*base, seen[base]))
        seen[base] += 1
    return keys


def _yuan(cell: dict | None, unit: str) -> Decimal | None:
    if cell is None or cell.get("amount") is None:
        return None
    return Decimal(cell["amount"]) * TO_YUAN.get(unit, Decimal(1))


def _pair(measure: str, a_cell, b_cell, a_unit: str, b_unit: str, shown_unit: str) -> dict:
    a, b = _yuan(a_cell, a_unit), _yuan(b_cell, b_unit)
    out = {"measure": measure, "a": a_cell["text"] if a_cell else None, "b": b_cell["text"] if b_cell else None,
           "a_id": a_cell["id"] if a_cell else None, "b_id": b_cell["id"] if b_cell else None,
           "diff": None, "pct": None, "changed": (a is None) != (b is None)}
    if a is not None and b is not None:
        diff = b - a
        out["diff"] = str(canonical(diff / TO_YUAN.get(shown_unit, Decimal(1))))
        out["changed"] = diff != 0
        if a != 0:
            out["pct"] = str((diff / a * 100).quantize(Decimal("0.01")))
    return out


def _measures(a: dict | None, b: dict | None) -> list[dict]:
    out, seen = [], set()
    for t in (a, b):
        for c in (t or {}).get("columns", []):
            if c["measure"] not in seen:
                seen.add(c["measure"])
                out.append({"measure": c["measure"], "name": c.get("measure_name") or c["measure"]})
    return out


def compare_tables(a: dict | None, b: dict | None) -> dict:
    """One table of A beside the same kind of table of B (either may be missing)."""
    a_rows, b_rows = (a or {}).get("rows", []), (b or {}).get("rows", [])
    a_unit, b_unit = (a or {}).get("unit") or "元", (b or {}).get("unit") or "元"
    shown = a_unit if a else b_unit
    measures = _measures(a, b)
    b_keys, a_keys = _row_keys(b_rows), _row_keys(a_rows)
    b_by_key = dict(zip(b_keys, b_rows))
    # B's rows not in A go after the last row of A matched before them
    extra_after: dict[tuple | None, list[tuple]] = {}
    last = None
    a_set = set(a_keys)
    for key, r in zip(b_keys, b_rows):
        if key in a_set:
            last = key
        else:
            extra_after.setdefault(last, []).append((key, r))
    rows = []

    def emit(key, ra, rb):
        src = ra or rb
        cells = [_pair(mm["measure"], (ra or {}).get("cells", {}).get(mm["measure"]),
                       (rb or {}).get("cells", {}).get(mm["measure"]), a_unit, b_unit, shown) for mm in measures]
        status = "both" if ra and rb else "only_a" if ra else "only_b"
        rows.append({"side": src["side"], "code": src["code"], "item": src["item"], "label": src["label"],
                     "level": src["level"], "is_total": src["is_total"], "status": status, "cells": cells,
                     "changed": status != "both" or any(c["changed"] for c in cells)})

    for key, r in extra_after.get(None, []):
        emit(key, None, r)
    for key, r in zip(a_keys, a_rows):
        rb = b_by_key.get(key)
        emit(key, r, rb)
        for k2, r2 in extra_after.get(key, []):
            emit(k2, None, r2)
    src = a or b
    return {"kind": src["kind"], "kind_name": src.get("kind_name", src["kind"]),
            "title_a": (a or {}).get("title"), "title_b": (b or {}).get("title"), "unit": shown,
            "unit_a": a_unit if a else None, "unit_b": b_unit if b else None, "measures": measures, "rows": rows,
            "changed_rows": sum(1 for r in rows if r["changed"])}


def compare(a: dict, b: dict) -> dict:
    """Two `disclosure_tables` contexts → the compare page's context."""
    a_by_kind = {t["kind"]: t for t in a["tables"]}
    b_by_kind = {t["kind"]: t for t in b["tables"]}
    kinds = list(a_by_kind) + [k for k in b_by_kind if k not in a_by_kind]
    tables = [compare_tables(a_by_kind.get(k), b_by_kind.get(k)) for k in kinds if k != "unknown"]
    return {"a": a["disclosure"], "b": b["disclosure"], "tables": tables,
            "changed_rows": sum(t["changed_rows"] for t in tables)}
