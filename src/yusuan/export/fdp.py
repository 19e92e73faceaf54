"""Open data: disclosures as a Fiscal Data Package (OpenSpending's format, model of FDP 0.3).

One fact table, `facts.csv`: a line for every money cell of every table, with the dimensions a reader
cuts and groups by (body, year, table, function and economic class, fund source, measure) and the
amount in 万元 in the one measure column its phase and direction name. `datapackage.json` describes
the table (a Tabular Data Package: field types, the primary key) and maps it to the fiscal model:
measures with currency CNY, factor 10000 (万元), direction (expenditure / revenue) and phase
(approved / adjusted / executed); dimensions with their attributes and types.

The same money is printed in several tables (支出总表, 一般公共预算支出表 …) and a table prints its
类, 款 and 项 rows and its totals: sum one `table_kind` and one `measure` at a time, over `row_type`
`leaf` rows, and nothing is counted twice (docs/open-data.md).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from yusuan.ingest.assemble.structure import source_key
from yusuan.model.amount import to_yuan
from yusuan.model.disclosure import Disclosure, Row, Table
from yusuan.model.kinds import code_scheme, leaf_codes
from yusuan.model.vocabulary import MEASURES, PHASES, TABLE_KINDS, split_measure

FACTOR = Decimal(10000)  # amounts are written in 万元
CURRENCY = "CNY"
NOT_FLOWS = frozenset({"change", "change_pct"})  # a difference or a ratio: no phase, no direction
# Measures that name where the money comes from (columns of expense tables split by fund source).
FUND_SOURCES = {
    **{k: MEASURES[k] for k in ("fiscal", "general_budget", "gov_fund", "soe_capital", "special_account", "unit_funds",
                                "business_income", "operating_income", "superior_subsidy", "affiliated_income",
                                "other", "prior_carryover")},
    # an income line's own sources (ingest/assemble/structure.source_key) that are no column's measure
    "other_funds": "其他资金", "other_income": "其他收入", "use_of_balance": "用事业基金弥补收支差额",
}
DIRECTIONS = {"expenditure": "支出", "revenue": "收入"}
PHASE_NAMES = {"approved": "预算数", "adjusted": "调整预算数", "executed": "执行（决算）数"}
_MEASURE_PHASE = {"prior_budget": "approved", "initial_budget": "approved", "adjusted_budget": "adjusted",
                  "prior_final": "executed", "final": "executed"}
_PRIOR = frozenset({"prior_budget", "prior_final"})


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type
    title: str
    description: str = ""


DIMENSION_FIELDS = (
    Field("document", "string", "公开文件", "单位、年度、预算或决算、部门或单位：一份公开文件的标识"),
    Field("body", "string", "单位名称"),
    Field("parent", "string", "主管部门"),
    Field("year", "integer", "文件年度"),
    Field("document_kind", "string", "文件类别", "budget 预算 | final_accounts 决算"),
    Field("level", "string", "层级", "department 部门 | unit 单位"),
    Field("fiscal_year", "integer", "数据所属年度", "上年数列为文件年度减一"),
    Field("table_no", "string", "表号"),
    Field("table_kind", "string", "表的类别", "docs/model.md 的表类别"),
    Field("table_name", "string", "表的类别名称"),
    Field("side", "string", "收支方", "income 收入 | expense 支出 | purpose 支出（按用途）| 空"),
    Field("code", "string", "科目编码", "按所印"),
    Field("item", "string", "项目名称", "按所印，去掉空白"),
    Field("row_type", "string", "行的类别",
          "total 合计行 | leaf 无下级编码的编码行 | parent 有下级编码的编码行 | other 其他行"),
    Field("function_code", "string", "支出功能分类科目编码"),
    Field("function_class", "string", "支出功能分类（类）", "编码前三位"),
    Field("economic_code", "string", "支出经济分类科目编码"),
    Field("economic_class", "string", "支出经济分类（类）", "编码前三位"),
    Field("fund_source", "string", "资金来源", "、".join(f"{k} {v}" for k, v in FUND_SOURCES.items())),
    Field("measure", "string", "列", "docs/model.md 的列（度量）"),
    Field("measure_name", "string", "列名称"),
    Field("direction", "string", "收支方向", "expenditure 支出 | revenue 收入"),
    Field("phase", "string", "预算阶段", "approved 预算数 | adjusted 调整预算数 | executed 执行（决算）数"),
    Field("printed", "string", "所印数值"),
    Field("printed_unit", "string", "所印单位"),
    Field("file", "string", "所在文件"),
    Field("page", "integer", "所在页"),
)
MEASURE_COLUMNS = tuple((phase, direction) for phase in PHASE_NAMES for direction in DIRECTIONS)


def measure_column(phase: str, direction: str) -> str:
    return f"{phase}_{direction}"


FIELDS = DIMENSION_FIELDS + tuple(
    Field(measure_column(p, d), "number", f"{PHASE_NAMES[p]}{DIRECTIONS[d]}（万元）",
          f"金额，万元（factor {FACTOR}），{CURRENCY}；每行只在一个金额列有数")
    for p, d in MEASURE_COLUMNS
)
HEADER = tuple(f.name for f in FIELDS)


@dataclass
class Skipped:
    """Cells not written, by reason (a table of unknown unit, a ratio or difference column)."""

    unit_unknown: int = 0
    not_a_flow: int = 0


def document_id(doc: Disclosure) -> str:
    i = doc.identity
    return "-".join(str(p) for p in (i.body or "未知单位", i.year or "未知年度", i.kind, i.level))


def direction_of(table: Table, row: Row) -> str:
    if row.side == "income" or table.kind == "income_summary":
        return "revenue"
    return "expenditure"


def phase_of(doc: Disclosure, phase_key: str) -> str:
    if phase_key:
        return _MEASURE_PHASE[phase_key]
    return "executed" if doc.identity.kind == "final_accounts" else "approved"


def _row_type(row: Row, leaves: set) -> str:
    if row.is_total:
        return "total"
    if row.code:
        return "leaf" if (row.side, row.code) in leaves else "parent"
    return "other"


def _fund_source(table: Table, row: Row, base: str) -> str:
    if base in FUND_SOURCES:
        return base
    if direction_of(table, row) == "revenue" and not row.is_total:
        return source_key(row) or ""
    return ""


def _wan(amount: Decimal, unit: str, measure: str) -> str | None:
    """The amount in 万元, exact, in plain notation (12.5, 0.0001, 1200; never 1.2E+3)."""
    yuan = to_yuan(amount, unit, measure)
    if yuan is None:
        return None
    return format((yuan / FACTOR).normalize(), "f")


def fact_rows(doc: Disclosure, skipped: Skipped | None = None) -> Iterator[dict]:
    """One dict per money cell of `doc`, keyed by HEADER."""
    skipped = skipped if skipped is not None else Skipped()
    i = doc.identity
    base_row = {"document": document_id(doc), "body": i.body, "parent": i.parent, "year": i.year or "",
                "document_kind": i.kind, "level": i.level}
    for table in doc.tables:
        leaves = leaf_codes(table.rows)
        for row in table.rows:
            scheme = code_scheme(row.code) if row.code else None
            for measure, value in row.values.items():
                base, phase_key = split_measure(measure)
                if base in NOT_FLOWS:
                    skipped.not_a_flow += 1
                    continue
                wan = _wan(value.amount, table.unit, measure)
                if wan is None:
                    skipped.unit_unknown += 1
                    continue
                phase, direction = phase_of(doc, phase_key), direction_of(table, row)
                fact = dict.fromkeys(HEADER, "")
                fact.update(base_row)
                fact.update({
                    "fiscal_year": (i.year - 1 if phase_key in _PRIOR else i.year) if i.year else "",
                    "table_no": table.number, "table_kind": table.kind,
                    "table_name": TABLE_KINDS.get(table.kind, ""), "side": row.side, "code": row.code,
                    "item": row.item, "row_type": _row_type(row, leaves),
                    "function_code": row.code if scheme == "function" else "",
                    "function_class": row.code[:3] if scheme == "function" else "",
                    "economic_code": row.code if scheme == "economic" else "",
                    "economic_class": row.code[:3] if scheme == "economic" else "",
                    "fund_source": _fund_source(table, row, base), "measure": measure,
                    "measure_name": MEASURES.get(base, base) + (f"（{PHASES[phase_key]}）" if phase_key else ""),
                    "direction": direction, "phase": phase, "printed": value.text.strip(),
                    "printed_unit": table.unit, "file": value.source.file, "page": value.source.page or "",
                    measure_column(phase, direction): wan,
                })
                yield fact


def descriptor(docs: Iterable[Disclosure], *, name: str, title: str, skipped: Skipped, rows: int) -> dict:
    """datapackage.json: the Tabular Data Package of facts.csv and its fiscal model (FDP 0.3)."""
    docs = list(docs)
    years = sorted({d.identity.year for d in docs if d.identity.year})
    return {
        "name": name,
        "title": title,
        "profile": "tabular-data-package",
        "description": "由 yusuan 从公开的部门预算、决算文件读出；每个数值可由 file 与 page 回到原页。",
        "keywords": ["部门预算", "决算", "fiscal data package"],
        "countryCode": "CN",
        "created_with": "yusuan",
        "sources": [{"title": f} for d in docs for f in d.files],
        "temporal": {"start": str(years[0]), "end": str(years[-1])} if years else {},
        "resources": [{
            "name": "facts",
            "path": "facts.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "header": True},
            "schema": {"fields": [_field(f) for f in FIELDS], "missingValues": [""]},
        }],
        "model": model(),
        "yusuan": {"facts": rows, "documents": [document_id(d) for d in docs],
                   "skipped_cells": {"unit_unknown": skipped.unit_unknown, "not_a_flow": skipped.not_a_flow}},
    }


def _field(f: Field) -> dict:
    d = {"name": f.name, "type": f.type, "title": f.title}
    if f.description:
        d["description"] = f.description
    if f.type == "number":
        d["bareNumber"] = True
    return d


def model() -> dict:
    """The logical model: which columns are measures and which make up each dimension."""
    def attrs(*names: str) -> dict:
        return {n: {"source": n, "title": next(f.title for f in FIELDS if f.name == n)} for n in names}

    def dim(kind: str, key: list[str], *names: str, **extra) -> dict:
        return {"dimensionType": kind, "primaryKey": key, "attributes": attrs(*names), **extra}

    return {
        "measures": {
            measure_column(p, d): {"source": measure_column(p, d), "title": f"{PHASE_NAMES[p]}{DIRECTIONS[d]}",
                                   "currency": CURRENCY, "factor": int(FACTOR), "direction": d, "phase": p}
            for p, d in MEASURE_COLUMNS
        },
        "dimensions": {
            "document": dim("other", ["document"], "document", "document_kind", "level"),
            "body": dim("entity", ["body"], "body", "parent"),
            "fiscal_year": dim("datetime", ["fiscal_year"], "fiscal_year"),
            "table": dim("other", ["table_kind"], "table_kind", "table_name", "table_no"),
            "row": dim("other", ["code", "item", "side"], "code", "item", "side", "row_type"),
            "function": dim("classification", ["function_code"], "function_code", "function_class",
                            classificationType="functional"),
            "economic": dim("classification", ["economic_code"], "economic_code", "economic_class",
                            classificationType="economic"),
            "fund_source": dim("classification", ["fund_source"], "fund_source"),
            "measure": dim("other", ["measure"], "measure", "measure_name", "phase", "direction"),
            "location": dim("other", ["file", "page"], "file", "page", "printed", "printed_unit"),
        },
    }


_SLUG = re.compile(r"[^a-z0-9._-]+")


def package_name(docs: list[Disclosure]) -> str:
    years = sorted({d.identity.year for d in docs if d.identity.year})
    span = f"{years[0]}-{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    return _SLUG.sub("-", f"yusuan-disclosures-{span}".lower()).strip("-")


def write_fdp(docs: list[Disclosure], out: str | Path, *, title: str = "") -> Path:
    """Write facts.csv and datapackage.json into the folder `out` (made if missing); return the
    descriptor's path."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    skipped, rows = Skipped(), 0
    with open(out / "facts.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, HEADER, lineterminator="\n")
        writer.writeheader()
        for doc in docs:
            for fact in fact_rows(doc, skipped):
                writer.writerow(fact)
                rows += 1
    if not title:
        bodies = sorted({d.identity.body for d in docs if d.identity.body})
        title = "、".join(bodies[:3]) + ("等" if len(bodies) > 3 else "") + " 预算决算公开数据"
    desc = descriptor(docs, name=package_name(docs), title=title, skipped=skipped, rows=rows)
    path = out / "datapackage.json"
    path.write_text(json.dumps(desc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
