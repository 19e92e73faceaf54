"""A stored table as the page prints it (`_datatable.html`): each side of a 收支总表 apart with its own
columns, headers grouped on several rows as printed (render.tables.header_grid), total rows named, and
an empty table marked once."""

from __future__ import annotations

from yusuan.model.text import match_key
from yusuan.prepare.sheets import SIDE_TITLES
from yusuan.render.tables import header_grid
from yusuan.render.widths import text_em
from yusuan.store.queries import measure_name

EMPTY = "本表本年无发生额。"
LABEL_EM = (8.0, 22.0)  # the name column: wide enough for its longest name, within these bounds (em)
INDENT_EM = 1.0  # one level of indentation (site.css: tr.lv2 td.label …)
_NOTE_HEAD = ("注", "说明", "备注")


def table_view(t: dict) -> dict:
    """{"sides": [{"name", "header", "measures", "rows"}], "has_code", "empty", "notes"}: `header` rows of
    {"text", "colspan", "rowspan", "cls", "title"}; `rows` of {"row", "label"}."""
    rows, columns = t["rows"], t["columns"]
    sides = list(dict.fromkeys(r["side"] or "" for r in rows)) or [""]
    has_code = any(r["code"] for r in rows)
    by_side = any(c["side"] for c in columns)
    views = []
    for side in sides:
        cols = [c for c in columns if c["side"] in (side, "")] if by_side else columns
        mine = [r for r in rows if (r["side"] or "") == side]
        measures = list(dict.fromkeys([c["measure"] for c in cols] + [m for r in mine for m in r["cells"]]))
        named = {c["measure"]: c for c in cols}
        paths = [_path(named.get(m), m) for m in measures]
        shown = [{"row": r, "label": row_label(r)} for r in mine]
        views.append({"name": SIDE_TITLES.get(side, "") if len(sides) > 1 else "", "measures": measures,
                      "header": _header(paths, has_code), "rows": shown,
                      "label_em": label_em({"label": x["label"], "level": x["row"]["level"]} for x in shown)})
    notes = list(t.get("notes") or [])
    if t.get("empty"):
        notes = [n for n in notes if _bare(n) != _bare(EMPTY)]
    return {"sides": views, "has_code": has_code, "empty": EMPTY if t.get("empty") else "", "notes": notes,
            "width": max(len(v["measures"]) for v in views) + 1 + has_code}


def row_label(row: dict) -> str:
    """The row's name as printed, else its item (a body's name in a one-row table), else 合计 for a total."""
    return (row["label"] or "").strip() or (row["item"] or "").strip() or ("合计" if row["is_total"] else "")


def label_em(rows) -> float:
    """The name column's width for rows of {"label", "level"}: its longest name on one line (with its
    indentation and padding), within LABEL_EM; a longer name wraps."""
    widest = max((text_em(r["label"] or "") + min(max(0, (r["level"] or 1) - 1), 3) * INDENT_EM for r in rows),
                 default=0.0)
    return round(min(max(widest + 1.5, LABEL_EM[0]), LABEL_EM[1]), 1)


def _path(column: dict | None, measure: str) -> list[str]:
    if column is None:
        return [measure_name(measure)]
    return [p for p in (column.get("header") or "").split("/") if p] or [column.get("measure_name") or measure]


def _header(paths: list[list[str]], has_code: bool) -> list[list[dict]]:
    """The header rows: 科目编码 and 项目 spanning all of them, the amounts' headers grouped; a prefix
    every column shares (收入/…, 支出/功能分类/…) is left to the side's name."""
    while paths and all(len(p) > 1 for p in paths) and len({p[0] for p in paths}) == 1:
        paths = [p[1:] for p in paths]
    lead = ([["科目编码"]] if has_code else []) + [["项目"]]
    classes = (["code"] if has_code else []) + ["label"] + ["num"] * len(paths)
    grid = header_grid(lead + paths)
    out = []
    for depth, level in enumerate(grid):
        line = []
        for c, cell in enumerate(level):
            if cell is None:
                continue
            leaf = depth + cell.rowspan == len(grid)
            line.append({"text": cell.text, "colspan": cell.colspan, "rowspan": cell.rowspan,
                         "cls": classes[c] if leaf else "group",
                         "title": "/".join(paths[c - len(lead)]) if leaf and c >= len(lead) else ""})
        out.append(line)
    return out


def _bare(note: str) -> str:
    key = match_key(note)
    for head in _NOTE_HEAD:
        if key.startswith(head):
            key = key[len(head):].lstrip(":：")
            break
    return key.rstrip("。.")
