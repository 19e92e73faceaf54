"""Defects of known types put at known places of a clean synthetic disclosure, each described for the
ground-truth manifest: where it is, what was printed before and after, and the rules expected to find it.

A defect goes into the model before rendering, so every output format prints it; only a missing table is
taken out of the layout (the renderer prints every table of the family's set, an absent one as an empty
placeholder, so the model cannot lack one).

- `amount`: a printed amount changed (a typo in one cell; the narrative keeps the figure it was drafted from)
- `percent`: a percentage of the narrative changed (a share or a change on last year)
- `missing_table`: a table of the set left out (its entry kept in the contents, or dropped with it)
- `year`: a wrong year (in a sentence about the body's figures, a table's title or a column header)
- `residue`: template residue (a placeholder left in) or another body's name left in
- `renamed_class`: a classification code printed with a wrong name
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal

from yusuan.catalog.store import load as load_catalog
from yusuan.model.disclosure import Disclosure, Table, Value
from yusuan.model.families import family, title_of
from yusuan.model.text import match_key, squash
from yusuan.model.vocabulary import TABLE_KINDS
from yusuan.prepare.totals import amount_text
from yusuan.render.layout import Layout, TableLayout
from yusuan.synth import bodies

TYPES = ("amount", "percent", "missing_table", "year", "residue", "renamed_class")
TYPE_NAMES = {"amount": "改动的金额", "percent": "错误的百分比", "missing_table": "缺少的表", "year": "错误的年度",
              "residue": "模板残留", "renamed_class": "科目名称错误"}
# the rules expected to report each type (an error unless noted in the manifest's `expected`)
EXPECTED = {
    "amount": ("arith-parent-children", "arith-total-rows", "arith-column-parts", "arith-summary-balance",
               "arith-printed-hierarchy", "arith-year-change", "arith-of-which-columns", "recon-totals",
               "recon-function-classes", "recon-economic-classes", "recon-income-sources", "perf-task-total",
               "perf-task-split", "text-totals", "text-splits", "text-three-public", "text-procurement",
               "text-function-items", "text-office-operating"),
    "percent": ("text-share-percent", "text-change-percent", "text-percent-rounding"),
    "missing_table": ("complete-toc-table", "complete-standard-table"),
    "year": ("ident-year", "text-figure-year", "ident-prior-year", "ident-stated-year"),
    "residue": ("hyg-placeholder", "ident-body"),
    "renamed_class": ("code-name", "code-name-consistent", "code-old-name", "code-name-other-year"),
}
_PERCENT = re.compile(r"(占[^，。；%]{0,20}?|增长|下降)(\d+(?:\.\d+)?)%")
_PLACEHOLDERS = ("（请填写增减原因）", "XX", "××", "（单位名称）")


@dataclass(slots=True)
class Defect:
    type: str
    where: dict[str, object]  # part and place: table kind, number, side, code, item, measure; section, paragraph
    before: str
    after: str
    expected: tuple[str, ...]  # rules expected to find it
    severity: str = "error"  # expected at (a warning: a table missing from the contents too, a renamed class
    #                            printed once in a year without its catalog)
    layout: dict[str, object] = field(default_factory=dict)  # a change to make in the layout (missing table)

    def to_dict(self) -> dict:
        return {"type": self.type, "where": self.where, "before": self.before, "after": self.after,
                "expected_rules": list(self.expected), "expected_severity": self.severity}


def found(defect: dict, findings: list[dict]) -> bool:
    """Whether `findings` (as in the check's JSON: rule, severity, kind, code, message) report the manifest's
    `defect`: a rule expected for it, at the expected severity, at its place where the type has one to match
    (the code of a renamed class, the kind or title of a missing table)."""
    expected, severity, where = set(defect["expected_rules"]), defect["expected_severity"], defect["where"]
    for f in findings:
        if f["rule"] not in expected or f["severity"] != severity:
            continue
        if defect["type"] == "renamed_class" and f["code"] != where["code"]:
            continue
        if defect["type"] == "missing_table" and f["kind"] != where["kind"] and where["title"] not in f["message"]:
            continue
        return True
    return False


class NoPlace(Exception):
    """The document has no place for a defect of this type (no percentage in its narrative, say)."""


def inject(doc: Disclosure, style: str, kind: str, rng: random.Random) -> Defect:
    """Put one defect of `kind` into `doc` (in place); NoPlace when it has no place for one."""
    return _INJECT[kind](doc, style, rng)


def apply_to_layout(layout: Layout, defect: Defect | None) -> None:
    """The part of a defect made in the layout: a table left out (and its contents entry, or not)."""
    if defect is None or not defect.layout:
        return
    kind = defect.layout["remove_table"]
    gone = [b for b in layout.blocks if isinstance(b, TableLayout) and b.kind == kind]
    layout.blocks = [b for b in layout.blocks if b not in gone]
    anchors = {b.anchor for b in gone}
    if defect.layout.get("keep_contents"):
        for entry in layout.toc:
            if entry.anchor in anchors:
                entry.anchor = ""  # still listed, pointing nowhere
    else:
        layout.toc = [e for e in layout.toc if e.anchor not in anchors]


# ------------------------------------------------------------------------------------------ the types

def _amount(doc: Disclosure, style: str, rng: random.Random) -> Defect:
    cells = [(t, r, m, v) for t in doc.tables if t.kind not in ("project_performance",)
             for r, m, v in t.cells() if v.amount > 0]
    if not cells:
        raise NoPlace("amount")
    table, row, measure, value = rng.choice(cells)
    decimals = len(value.text.partition(".")[2])
    step = Decimal(1).scaleb(-decimals)
    floor = max(Decimal(10) * step, Decimal(1)) if decimals else Decimal(3)  # well past any rounding
    delta = max(floor, (value.amount * Decimal(rng.uniform(0.03, 0.25))).quantize(step))
    if rng.random() < 0.5 and value.amount - delta > 0:
        delta = -delta
    new = value.amount + delta
    before = value.text
    row.values[measure] = Value(new, amount_text(new, decimals), value.source)
    if table.kind == "performance_targets" and doc.performance is not None:  # the table prints the tasks
        for task in doc.performance.tasks:
            if task.name == row.label:
                task.values[measure] = row.values[measure]
        if row.is_total:
            doc.performance.total[measure] = row.values[measure]
    return Defect("amount", {**_table_place(table), "side": row.side, "code": row.code, "item": row.item,
                             "measure": measure}, before, row.values[measure].text, EXPECTED["amount"])


def _percent(doc: Disclosure, style: str, rng: random.Random) -> Defect:
    found = [(s, n, p, m) for s in doc.sections for n, p in enumerate(s.paragraphs) for m in _PERCENT.finditer(p.text)]
    if not found:
        raise NoPlace("percent")
    section, n, paragraph, m = rng.choice(found)
    old = Decimal(m.group(2))
    shift = Decimal(rng.choice((-1, 1))) * Decimal(rng.uniform(1.5, 12)).quantize(Decimal("0.01"))
    new = old + shift if old + shift > 0 else old + abs(shift)
    text = f"{new:.{len(m.group(2).partition('.')[2])}f}"
    before = paragraph.text
    paragraph.text = paragraph.text[:m.start(2)] + text + paragraph.text[m.end(2):]
    return Defect("percent", {"part": "narrative", "section": section.heading, "paragraph": n,
                              "phrase": m.group(0), "percent": f"{text}%"}, before, paragraph.text,
                  EXPECTED["percent"])


def _missing_table(doc: Disclosure, style: str, rng: random.Random) -> Defect:
    fam = family(style, doc.identity.kind == "final_accounts")
    kinds = [s.kind for s in fam.tables[1:]]  # not the first: the summary every reader starts from
    kind = rng.choice(kinds)
    spec = fam.tables[fam.position(kind) - 1]
    keep = rng.random() < 0.5
    doc.tables = [t for t in doc.tables if t.kind != kind]
    if kind == "performance_targets":
        doc.performance = None
    title = title_of(spec, doc)
    return Defect("missing_table", {"part": "table", "kind": kind, "number": fam.number_text(fam.position(kind)),
                                    "title": title, "contents": "kept" if keep else "dropped"},
                  title, "", ("complete-toc-table",) if keep else ("complete-standard-table",),
                  severity="error" if keep else "warning", layout={"remove_table": kind, "keep_contents": keep})


def _year(doc: Disclosure, style: str, rng: random.Random) -> Defect:
    year = doc.identity.year
    wrong = year - 1 if rng.random() < 0.6 else year + 1
    places = []
    body = doc.identity.body
    for s in doc.sections:
        for n, p in enumerate(s.paragraphs):
            if f"{body}{year}年" in p.text:  # the draft's “XX2023年本年收入预算合计……”
                places.append(("sentence", s, n, p))
    for t in doc.tables:
        if f"{year}年" in t.title and t.kind != "performance_targets":
            places.append(("title", t, None, None))
    if not places:
        raise NoPlace("year")
    where, obj, n, p = rng.choice(places)
    if where == "sentence":
        before = p.text
        at = p.text.index(f"{body}{year}年") + len(body)
        p.text = p.text[:at] + f"{wrong}年" + p.text[at + len(f"{year}年"):]
        return Defect("year", {"part": "narrative", "section": obj.heading, "paragraph": n, "printed": wrong,
                               "year": year}, before, p.text, EXPECTED["year"])
    before = obj.title
    obj.title = obj.title.replace(f"{year}年", f"{wrong}年", 1)
    return Defect("year", {**_table_place(obj), "part": "title", "printed": wrong, "year": year}, before, obj.title,
                  EXPECTED["year"])


def _residue(doc: Disclosure, style: str, rng: random.Random) -> Defect:
    body = doc.identity.body
    paragraphs = [(s, n, p) for s in doc.sections if "名词解释" not in s.heading for n, p in enumerate(s.paragraphs)
                  if body in p.text or "主要原因是：" in p.text]
    if not paragraphs:
        raise NoPlace("residue")
    section, n, p = rng.choice(paragraphs)
    before = p.text
    other = _other_body(doc, style, rng)
    if body in p.text and (rng.random() < 0.5 or "主要原因是：" not in p.text):
        if rng.random() < 0.5:
            p.text = p.text.replace(body, other, 1)
            return Defect("residue", {"part": "narrative", "section": section.heading, "paragraph": n,
                                      "residue": other, "what": "another body"}, before, p.text, ("ident-body",))
        placeholder = rng.choice(("XX单位", "××局", "（单位名称）"))
        p.text = p.text.replace(body, placeholder, 1)
        return Defect("residue", {"part": "narrative", "section": section.heading, "paragraph": n,
                                  "residue": placeholder, "what": "placeholder"}, before, p.text, ("hyg-placeholder",))
    m = re.search(r"主要原因是：([^。]*)。", p.text)
    p.text = p.text[:m.start(1)] + "（请填写增减原因）" + p.text[m.end(1):]
    return Defect("residue", {"part": "narrative", "section": section.heading, "paragraph": n,
                              "residue": "（请填写增减原因）", "what": "placeholder"}, before, p.text,
                  ("hyg-placeholder",))


def _renamed_class(doc: Disclosure, style: str, rng: random.Random) -> Defect:
    coded = [(t, r) for t in doc.tables for r in t.rows if r.code]
    if not coded:
        raise NoPlace("renamed_class")
    table, row = rng.choice(coded)
    scheme = "function" if row.code.startswith("2") else "economic_dept"
    catalog = load_catalog(scheme, doc.identity.year or 0)
    names = sorted({e.name for c, e in catalog.entries.items() if len(c) == len(row.code) and
                    match_key(e.name) != match_key(row.label) and "military" not in e.source})
    new = rng.choice(names)
    before = row.label
    row.label, row.item = new, squash(new)
    # an error against the year's own list, or beside the same code printed right elsewhere; against another
    # year's list only a warning (names change between years)
    own_year = catalog.year_of(row.code) == doc.identity.year
    elsewhere = any(r.code == row.code and r is not row for t in doc.tables for r in t.rows)
    return Defect("renamed_class", {**_table_place(table), "side": row.side, "code": row.code, "item": before},
                  before, new, EXPECTED["renamed_class"], severity="error" if own_year or elsewhere else "warning")


def _table_place(table: Table) -> dict[str, object]:
    return {"part": "table", "kind": table.kind, "number": table.number_text,
            "title": table.title or TABLE_KINDS.get(table.kind, table.kind)}


def _other_body(doc: Disclosure, style: str, rng: random.Random) -> str:
    for _ in range(20):
        other = bodies.body_for(rng, style, rng.choice(("department", "unit"))).name
        if other != doc.identity.body and other not in doc.identity.body and doc.identity.body not in other:
            return other
    return "深圳市生态环境局福田管理局" if "福田" not in doc.identity.body else "深圳市生态环境局罗湖管理局"



_INJECT = {"amount": _amount, "percent": _percent, "missing_table": _missing_table, "year": _year,
           "residue": _residue, "renamed_class": _renamed_class}
