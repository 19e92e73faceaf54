"""Two disclosures side by side: their tables matched by kind, rows matched by code, then by name
(normalised: `rules.tables.bare`, i.e. model.text.match_key without the printed ordinal), then the totals
left over in order; cells by measure, each pair with its difference. Each side of a 收支总表 is kept apart.
A summary comes first: each table's total, the largest changes, and the data of a chart of them.

Two years' codes are matched through the code map (catalog/codemap.py): the earlier year's codes are taken to
the later year's first — a renumbered class meets its new code, classes merged into one are added up into one
line, a split class stays apart — and the line says so: （科目调整：旧编码→新编码）, （科目更名：旧名→新名）.

The context of the compare page (two years of one body, or two bodies); pure: it reads only the two
`queries.disclosure_tables` contexts it is given (and the code map)."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from itertools import zip_longest

from yusuan.catalog.codemap import YearMap, between
from yusuan.prepare.sheets import SIDE_TITLES
from yusuan.rules.tables import bare
from yusuan.model.amount import TO_YUAN
from yusuan.store.types import canonical

LARGEST = 10  # changes listed in the summary
CHART_UNIT = "万元"
_MAIN = ("total", "amount")  # the measure a table's summary line and its largest changes use, when it has one


def _side(row: dict) -> str:
    return row.get("side") or ""


def _name(row: dict) -> str:
    return bare(row.get("label") or row.get("item") or "")


def match_rows(a_rows: list[dict], b_rows: list[dict]) -> dict[int, int]:
    """B's row index → A's row index: first rows with the same side and code (the n-th with that code to
    the n-th), then rows with the same side and name where not both are coded (two codes that differ
    are two items, whatever their names), then the totals left over on each side, in order."""
    matched: dict[int, int] = {}
    taken: set[int] = set()

    def pair(key, usable=lambda i, j: True) -> None:
        pool: dict[tuple, list[int]] = defaultdict(list)
        for i, r in enumerate(a_rows):
            if i not in taken and (k := key(r)) is not None:
                pool[k].append(i)
        for j, r in enumerate(b_rows):
            if j in matched or (k := key(r)) is None:
                continue
            for i in pool.get(k, []):
                if i not in taken and usable(i, j):
                    matched[j] = i
                    taken.add(i)
                    break

    pair(_by_code)
    pair(_by_name, lambda i, j: not (a_rows[i].get("code") and b_rows[j].get("code")))
    pair(_total)
    return matched


def _by_code(row: dict) -> tuple | None:
    return (_side(row), row["code"]) if row.get("code") else None


def _by_name(row: dict) -> tuple | None:
    return (_side(row), _name(row)) if _name(row) else None


def _total(row: dict) -> tuple | None:
    return (_side(row),) if row.get("is_total") and not row.get("code") else None


def _decimals(text: str | None) -> int:
    t = (text or "").replace(",", "").strip()
    frac = t.split(".", 1)[1] if "." in t else ""
    return len(frac) if frac.isdigit() else 0


def _yuan(cell: dict | None, unit: str) -> Decimal | None:
    if cell is None or cell.get("amount") is None:
        return None
    return Decimal(cell["amount"]) * TO_YUAN.get(unit, Decimal(1))


def _printed(value: Decimal, places: int) -> str:
    return f"{value:.{places}f}"


def _pair(measure: str, a_cell, b_cell, a_unit: str, b_unit: str, shown_unit: str) -> dict:
    """A's and B's cells of one measure, and the difference B − A in the shown unit (A's), printed with the
    decimals of the figures (more only where B's figures, converted, need them)."""
    a, b = _yuan(a_cell, a_unit), _yuan(b_cell, b_unit)
    out = {"measure": measure, "a": a_cell["text"] if a_cell else None, "b": b_cell["text"] if b_cell else None,
           "a_id": a_cell["id"] if a_cell else None, "b_id": b_cell["id"] if b_cell else None,
           "diff": None, "diff_text": None, "diff_yuan": None, "pct": None, "changed": (a is None) != (b is None)}
    if a is not None and b is not None:
        factor = TO_YUAN.get(shown_unit, Decimal(1))
        diff = b - a
        exact = canonical(diff / factor)
        places = max(_decimals(out["a"]), _decimals(out["b"]))
        if b_unit != shown_unit:
            places = max(places, -exact.as_tuple().exponent if exact.as_tuple().exponent < 0 else 0)
        out["diff"], out["diff_text"], out["diff_yuan"] = str(exact), _printed(exact, places), str(canonical(diff))
        out["changed"] = diff != 0
        if a != 0:
            out["pct"] = str((diff / a * 100).quantize(Decimal("0.01")))
    return out


def _measures(tables: list[dict | None], side: str) -> list[dict]:
    """The measures of one side (columns of that side or of none), then those only rows carry."""
    out: dict[str, str] = {}
    for t in tables:
        if not t:
            continue
        by_side = any(c.get("side") for c in t.get("columns", []))
        for c in t.get("columns", []):
            if not by_side or (c.get("side") or "") in (side, ""):
                out.setdefault(c["measure"], c.get("measure_name") or c["measure"])
        for r in t.get("rows", []):
            if _side(r) == side:
                for m in r.get("cells", {}):
                    out.setdefault(m, m)
    return [{"measure": m, "name": n} for m, n in out.items()]


def _ordered(a_rows: list[dict], b_rows: list[dict], matched: dict[int, int]) -> list[tuple[dict | None, dict | None]]:
    """A's rows in order, each with its match; a row only B has comes after the last row of A matched
    before it in B."""
    by_a = {i: j for j, i in matched.items()}
    after: dict[int | None, list[int]] = defaultdict(list)
    last = None
    for j in range(len(b_rows)):
        if j in matched:
            last = matched[j]
        else:
            after[last].append(j)
    out: list[tuple[dict | None, dict | None]] = [(None, b_rows[j]) for j in after[None]]
    for i, r in enumerate(a_rows):
        out.append((r, b_rows[by_a[i]] if i in by_a else None))
        out.extend((None, b_rows[j]) for j in after[i])
    return out


def mapped_rows(rows: list[dict], ymap: YearMap) -> list[dict]:
    """The earlier year's rows under the later year's codes: a renumbered or renamed class takes its new code
    (keeping the old one in `code_was`), the classes merged into one code are one row of their sums, a split
    class keeps its code; each changed row carries its note."""
    out: list[dict] = []
    merged: dict[tuple[str, str], dict] = {}
    targets = Counter((_side(r), ymap.new(r["code"])) for r in rows if r.get("code"))
    for r in rows:
        code = r.get("code") or ""
        news = ymap.new(code) if code else (code,)
        if len(news) > 1:
            out.append({**r, "code_note": f"（科目调整：{code}→{'、'.join(news)}，金额无法按编码拆分）"})
            continue
        new = news[0]
        if not code or (new == code and not ymap.changed(code, new) and targets[(_side(r), news)] < 2):
            out.append(r)
            continue
        key = (_side(r), new)
        if key in merged:
            into = merged[key]
            into["code_was"].append(code)
            into["cells"] = _sum_cells(into["cells"], r.get("cells", {}))
            into["code_note"] = f"（科目调整：{'、'.join(into['code_was'])}→{new}）"
            continue
        row = {**r, "code": new, "code_was": [code], "code_note": ymap.note(code, new)}
        merged[key] = row
        out.append(row)
    return out


def _sum_cells(a: dict, b: dict) -> dict:
    out = dict(a)
    for m, cell in b.items():
        if m in out and out[m].get("amount") is not None and cell.get("amount") is not None:
            total = canonical(Decimal(out[m]["amount"]) + Decimal(cell["amount"]))
            places = max(_decimals(out[m]["text"]), _decimals(cell["text"]))
            out[m] = {"id": None, "text": _printed(total, places), "amount": str(total)}
        elif m not in out:
            out[m] = cell
    return out


def compare_tables(a: dict | None, b: dict | None, ymap: YearMap | None = None, earlier: str = "a") -> dict:
    """One table of A beside the same kind of table of B (either may be missing), side by side apart;
    `ymap` takes the `earlier` side's codes to the other year's."""
    a_rows, b_rows = (a or {}).get("rows", []), (b or {}).get("rows", [])
    if ymap is not None and ymap.forward:
        if earlier == "a":
            a_rows = mapped_rows(a_rows, ymap)
        else:
            b_rows = mapped_rows(b_rows, ymap)
    a_unit, b_unit = (a or {}).get("unit") or "元", (b or {}).get("unit") or "元"
    shown = a_unit if a else b_unit
    pairs = _ordered(a_rows, b_rows, match_rows(a_rows, b_rows))
    sides = list(dict.fromkeys(_side(ra or rb) for ra, rb in pairs)) or [""]
    out_sides, rows = [], []
    for side in sides:
        measures = _measures([a, b], side)
        side_rows = []
        for ra, rb in pairs:
            src = ra or rb
            if _side(src) != side:
                continue
            cells = [_pair(mm["measure"], (ra or {}).get("cells", {}).get(mm["measure"]),
                           (rb or {}).get("cells", {}).get(mm["measure"]), a_unit, b_unit, shown) for mm in measures]
            status = "both" if ra and rb else "only_a" if ra else "only_b"
            side_rows.append({"side": side, "code": src["code"], "item": src["item"],
                              "label": src["label"] or ("合计" if src["is_total"] else src["item"]),
                              "label_b": (rb or {}).get("label") if ra and rb and _name(ra) != _name(rb) else None,
                              "code_note": (ra or {}).get("code_note") or (rb or {}).get("code_note") or "",
                              "level": src["level"], "is_total": src["is_total"], "status": status, "cells": cells,
                              "changed": status != "both" or any(c["changed"] for c in cells)})
        out_sides.append({"side": side, "name": SIDE_TITLES.get(side, "") if len(sides) > 1 else "",
                          "measures": measures, "rows": side_rows})
        rows.extend(side_rows)
    src = a or b
    return {"kind": src["kind"], "kind_name": src.get("kind_name", src["kind"]),
            "title_a": (a or {}).get("title"), "title_b": (b or {}).get("title"), "unit": shown,
            "unit_a": a_unit if a else None, "unit_b": b_unit if b else None, "sides": out_sides,
            "measures": [m for s in out_sides for m in s["measures"]], "rows": rows,
            "changed_rows": sum(1 for r in rows if r["changed"])}


def _main_cell(row: dict, measures: list[dict]) -> dict | None:
    names = [m["measure"] for m in measures]
    for want in _MAIN:
        if want in names:
            return row["cells"][names.index(want)]
    return row["cells"][0] if row["cells"] else None


def summary(tables: list[dict]) -> dict:
    """Each table's total (its first total row, the table's main measure) and the largest changes below
    the totals: of the classified items (coded rows) when any changed, else of every row; one line per
    change (the same 科目 in several tables, or a 类 changed by exactly its one 款, counts once)."""
    totals, changes = [], []
    for n, t in enumerate(tables):
        side = t["sides"][0]
        total = next((r for r in side["rows"] if r["is_total"] and r["status"] == "both"), None)
        cell = _main_cell(total, side["measures"]) if total else None
        if cell is not None and (cell["a"] or cell["b"]):
            totals.append({"table": n, "kind_name": t["kind_name"], "title": t["title_a"] or t["title_b"],
                           "label": total["label"], "unit": t["unit"], **cell})
        for s in t["sides"]:
            for r in s["rows"]:
                cell = _main_cell(r, s["measures"])
                if not r["is_total"] and cell is not None and cell["diff_yuan"] not in (None, "0"):
                    changes.append({"table": n, "kind_name": t["kind_name"], "side": r["side"], "code": r["code"],
                                    "label": r["label"], "unit": t["unit"], **cell})
    if any(c["code"] for c in changes):
        changes = [c for c in changes if c["code"]]
    changes.sort(key=lambda c: -abs(Decimal(c["diff_yuan"])))
    largest: list[dict] = []
    for c in changes:
        if len(largest) == LARGEST:
            break
        if not any(_same_change(c, x) for x in largest):
            largest.append(c)
    chart = {"unit": CHART_UNIT, "items": [
        {"name": f"{c['code']} {c['label']}".strip(),
         "value": str(canonical(Decimal(c["diff_yuan"]) / TO_YUAN[CHART_UNIT]))} for c in largest]}
    return {"totals": totals, "largest": largest, "chart": chart}


def _same_change(c: dict, x: dict) -> bool:
    """The same change listed twice: one amount, and one item (one code, a code and its parent, or one
    name when uncoded)."""
    if c["diff_yuan"] != x["diff_yuan"] or c["side"] != x["side"]:
        return False
    if c["code"] and x["code"]:
        return c["code"].startswith(x["code"]) or x["code"].startswith(c["code"])
    return _name(c) == _name(x)


def compare(a: dict, b: dict) -> dict:
    """Two `disclosure_tables` contexts → the compare page's context (two years: codes through the code map)."""
    a_by_kind, b_by_kind = _by_kind(a["tables"]), _by_kind(b["tables"])
    kinds = list(a_by_kind) + [k for k in b_by_kind if k not in a_by_kind]
    ya, yb = a["disclosure"].get("year"), b["disclosure"].get("year")
    ymap = between(min(ya, yb), max(ya, yb)) if ya and yb and ya != yb else None
    earlier = "a" if ymap is not None and ya < yb else "b"
    tables = [compare_tables(ta, tb, ymap, earlier) for k in kinds if k != "unknown"
              for ta, tb in zip_longest(a_by_kind.get(k, []), b_by_kind.get(k, []))]
    notes = sorted({r["code_note"] for t in tables for r in t["rows"] if r["code_note"]})
    return {"a": a["disclosure"], "b": b["disclosure"], "tables": tables, "summary": summary(tables),
            "changed_rows": sum(t["changed_rows"] for t in tables), "code_notes": notes}


def _by_kind(tables: list[dict]) -> dict[str, list[dict]]:
    """Tables by kind, in order: the n-th table of a kind in A is compared with the n-th in B."""
    out: dict[str, list[dict]] = defaultdict(list)
    for t in tables:
        out[t["kind"]].append(t)
    return out
