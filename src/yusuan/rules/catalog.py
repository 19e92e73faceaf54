"""The rule catalogue: one row per rule in catalog.csv, the list of record."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from yusuan.model.vocabulary import TABLE_KINDS
from yusuan.rules.finding import SEVERITIES

FAMILIES = {
    "completeness": "完整性",
    "arithmetic": "表内运算",
    "reconciliation": "表间勾稽",
    "narrative": "文字与表格",
    "classification": "科目编码",
    "identity": "主体与年度",
    "performance": "绩效目标",
    "hygiene": "文字规范",
    "rollup": "部门与所属单位",
}
# A rule's id is its family's prefix and its module's name: `text-change-percent` is
# rules/narrative/change_percent.py. The loader refuses an id without its family's prefix.
PREFIXES = {
    "completeness": "complete", "arithmetic": "arith", "reconciliation": "recon", "narrative": "text",
    "classification": "code", "identity": "ident", "performance": "perf", "hygiene": "hyg",
    "rollup": "rollup",
}


def module_of(rule_id: str, family: str) -> str:
    """The module that defines a rule: yusuan.rules.<family>.<id without its prefix>."""
    return f"yusuan.rules.{family}.{rule_id.removeprefix(PREFIXES[family] + '-').replace('-', '_')}"


@dataclass(frozen=True, slots=True)
class RuleInfo:
    id: str
    family: str
    severity: str
    title: str  # Chinese
    checks: str  # the identity or requirement checked, Chinese
    template: str  # message template, str.format fields
    kinds: tuple[str, ...]  # table kinds it reads; empty for narrative-only rules

    @property
    def category(self) -> str:
        return FAMILIES[self.family]


class CatalogError(ValueError):
    pass


@cache
def load() -> dict[str, RuleInfo]:
    text = resources.files("yusuan.rules").joinpath("catalog.csv").read_text(encoding="utf-8")
    rules: dict[str, RuleInfo] = {}
    for n, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        kinds = tuple(k for k in row["kinds"].split() if k)
        if row["family"] not in FAMILIES:
            raise CatalogError(f"catalog.csv:{n}: unknown family {row['family']!r}")
        if not row["id"].startswith(PREFIXES[row["family"]] + "-"):
            raise CatalogError(f"catalog.csv:{n}: a {row['family']} rule's id starts with {PREFIXES[row['family']]}-")
        if row["severity"] not in SEVERITIES:
            raise CatalogError(f"catalog.csv:{n}: unknown severity {row['severity']!r}")
        if unknown := [k for k in kinds if k not in TABLE_KINDS]:
            raise CatalogError(f"catalog.csv:{n}: unknown table kinds {unknown}")
        if row["id"] in rules:
            raise CatalogError(f"catalog.csv:{n}: duplicate rule {row['id']!r}")
        rules[row["id"]] = RuleInfo(
            row["id"], row["family"], row["severity"], row["title"], row["checks"], row["template"], kinds
        )
    return rules
