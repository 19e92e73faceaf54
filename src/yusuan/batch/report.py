"""The batch's summary for people (DIR/report.html), from the merged tables and the manifest: the
documents with the most problems, the most frequent findings, spending by year and function class, what
could not be read. One HTML file with inline SVG charts (batch/svg.py)."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import jinja2
import pyarrow.compute as pc
import pyarrow.parquet as pq

from yusuan.batch.svg import PALETTE, SEVERITY_COLOURS, bars, columns
from yusuan.export import parquet
from yusuan.model.vocabulary import DOCUMENT_KINDS, LEVELS
from yusuan.rules import catalog
from yusuan.rules.finding import SEVERITIES, SEVERITY_NAMES
from yusuan.store.charts import FUNCTION_TABLES, PHASES_NOW, first_measure
from yusuan.model.amount import TO_YUAN

WORST, RULES, CLASSES = 20, 20, 8
UNIT = "万元"
_BASES = ("total", "amount")
_MEASURES = [f"{b}@{p}" if p else b for b in _BASES for p in PHASES_NOW]


def write_report(root: Path, manifest: dict) -> None:
    path = root / "report.html"
    tmp = root / ".report.html.tmp"
    tmp.write_text(report_html(root, manifest), encoding="utf-8")
    os.replace(tmp, path)


def report_html(root: Path, manifest: dict) -> str:
    env = jinja2.Environment(loader=jinja2.PackageLoader("yusuan.batch", "templates"), autoescape=True)
    return env.get_template("report.html").render(**context(root, manifest))


def context(root: Path, manifest: dict) -> dict:
    docs = parquet.read(root / parquet.file_name("documents")).to_pylist()
    ok = [d for d in docs if d["status"] == "ok"]
    found = parquet.read(root / parquet.file_name("findings"), ["doc_id", "rule", "severity"]).to_pylist()
    rules = frequent_rules(found)
    totals = class_totals(root, {d["doc_id"]: d for d in ok})
    return {
        "manifest": manifest, "run": manifest["runs"][-1], "documents": len(docs),
        "statuses": Counter(d["status"] for d in docs), "pages": sum(d["pages"] or 0 for d in ok),
        "cells": sum(d["cells"] or 0 for d in ok),
        "severities": [(SEVERITY_NAMES[s], sum(d[f"{s}s"] or 0 for d in ok)) for s in SEVERITIES],
        "worst": worst(ok), "rules": rules,
        "rules_chart": bars([(f"{r['rule']} {r['title']}", [(SEVERITY_COLOURS[r["severity"]], r["documents"])])
                             for r in rules], title="发现各规则所查问题的文件数"),
        "legend": [(SEVERITY_NAMES[s], SEVERITY_COLOURS[s]) for s in SEVERITIES],
        "totals": totals, "by_year": by_year(ok), "unit": UNIT,
        "failures": [d for d in docs if d["status"] != "ok"],
        "kind_names": DOCUMENT_KINDS, "level_names": LEVELS, "severity_names": SEVERITY_NAMES,
    }


def worst(ok: list[dict]) -> list[dict]:
    """The documents with the most errors, then warnings."""
    bad = [d for d in ok if d["errors"] or d["warnings"]]
    return sorted(bad, key=lambda d: (-d["errors"], -d["warnings"], -(d["doubtful_tables"] or 0), d["paths"]))[:WORST]


def frequent_rules(found: list[dict]) -> list[dict]:
    """The rules found in the most documents: how many documents and findings, the gravest severity."""
    info = catalog.load()
    documents: dict[str, set] = defaultdict(set)
    by_severity: dict[str, Counter] = defaultdict(Counter)
    for f in found:
        documents[f["rule"]].add(f["doc_id"])
        by_severity[f["rule"]][f["severity"]] += 1
    ranked = sorted(documents, key=lambda r: (-len(documents[r]), -sum(by_severity[r].values()), r))[:RULES]
    return [{"rule": r, "title": info[r].title if r in info else "", "documents": len(documents[r]),
             "findings": sum(by_severity[r].values()), "severity": next(s for s in SEVERITIES if by_severity[r][s])}
            for r in ranked]


def by_year(ok: list[dict]) -> list[dict]:
    counts = Counter((d["year"], d["kind"], d["level"]) for d in ok)
    return [{"year": y, "kind": k, "level": lv, "documents": n}
            for (y, k, lv), n in sorted(counts.items(), key=lambda x: (x[0][0] or 0, str(x[0][1]), str(x[0][2])))]


def class_totals(root: Path, ok: dict[str, dict]) -> list[dict]:
    """Spending by year and function class (类), in 万元, for each kind and level of document apart (a
    department's figures include its units'): from each document's first table of spending by function
    with classes and a total, as its page's chart chooses (store/charts.py)."""
    cells = pq.read_table(root / parquet.file_name("cells"),
                          columns=["doc_id", "table_index", "kind", "side", "code", "item", "measure", "amount", "unit"],
                          filters=[("kind", "in", list(FUNCTION_TABLES)), ("measure", "in", _MEASURES)])
    cells = cells.filter(pc.equal(pc.utf8_length(cells["code"]), 3))
    tables: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for c in cells.to_pylist():
        if c["side"] in ("", "expense") and c["code"].startswith("2") and c["amount"] is not None:
            tables[(c["doc_id"], c["table_index"])].append(c)
    chosen: dict[str, tuple[int, int]] = {}  # doc_id -> (rank of kind, table index)
    for doc_id, index in tables:
        rank = (FUNCTION_TABLES.index(tables[(doc_id, index)][0]["kind"]), index)
        if doc_id in ok and rank < chosen.get(doc_id, (99, 0)):
            chosen[doc_id] = rank
    sums: dict[tuple, Counter] = defaultdict(Counter)
    names: dict[str, str] = {}
    for doc_id, (_, index) in chosen.items():
        rows = tables[(doc_id, index)]
        measure = first_measure(list({r["measure"] for r in rows}), _BASES)
        d = ok[doc_id]
        for r in rows:
            if r["measure"] == measure:
                sums[(d["kind"], d["level"])][(d["year"], r["code"])] += r["amount"] * TO_YUAN.get(r["unit"], 1) / TO_YUAN[UNIT]
                names.setdefault(r["code"], r["item"])
    return [_chart(kind, level, sums[(kind, level)], names) for kind, level in sorted(sums)]


def _chart(kind: str, level: str, sums: Counter, names: dict[str, str]) -> dict:
    years = sorted({y for y, _ in sums if y is not None})
    by_class = Counter()
    for (_, code), v in sums.items():
        by_class[code] += v
    top = [c for c, _ in by_class.most_common(CLASSES)]
    rest = [c for c in by_class if c not in top]
    series = [(f"{c} {names[c]}", [float(sums[(y, c)]) for y in years]) for c in top]
    if rest:
        series.append(("其他", [float(sum(sums[(y, c)] for c in rest)) for y in years]))
    title = f"{LEVELS.get(level, level)}{DOCUMENT_KINDS.get(kind, kind)}：按年度和功能分类（类）的支出合计"
    rows = [{"code": c, "name": names[c], "amounts": [_round(sums[(y, c)]) for y in years],
             "colour": PALETTE[i % len(PALETTE)] if i < CLASSES else ""} for i, c in enumerate(top + sorted(rest))]
    return {"title": title, "years": years, "rows": rows,
            "totals": [_round(sum(sums[(y, c)] for c in by_class)) for y in years],
            "svg": columns([str(y) for y in years], series, unit=UNIT, title=title)}


def _round(v: Decimal) -> str:
    return f"{Decimal(v).quantize(Decimal('0.01')):,}"
