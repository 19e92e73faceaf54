"""Rules register here by id; `run` applies them all to a Disclosure."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from yusuan.model.disclosure import Disclosure, Row, Table
from yusuan.model.provenance import Source
from yusuan.rules import catalog
from yusuan.rules.context import Context
from yusuan.rules.finding import Finding

RuleFn = Callable[[Context, "Emit"], Iterable[Finding]]
RULES: dict[str, RuleFn] = {}


def rule(rule_id: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id!r} registered twice")
        RULES[rule_id] = fn
        return fn

    return register


@dataclass(slots=True)
class Emit:
    """Builds findings of one rule: fills in the catalogue's severity, category and message."""

    info: catalog.RuleInfo

    def __call__(
        self,
        *,
        table: Table | None = None,
        row: Row | None = None,
        measure: str = "",
        expected: Decimal | None = None,
        actual: Decimal | None = None,
        tolerance: Decimal | None = None,
        where: Iterable[Source | None] = (),
        kind: str = "",
        **fields,
    ) -> Finding:
        """One finding. `kind` names the table kind a finding is about when no table is printed."""
        values = {
            "table": _table_name(table) if table else "",
            "item": row.item if row else "",
            "code": row.code if row else "",
            "measure": measure,
            "expected": _fmt(expected),
            "actual": _fmt(actual),
            "difference": _fmt(actual - expected) if actual is not None and expected is not None else "",
            "tolerance": _fmt(tolerance),
            "unit": table.unit if table else "",
            **fields,
        }
        locations = tuple(s for s in where if s is not None)
        if not locations and row is not None and row.source is not None:
            locations = (row.source,)
        return Finding(
            rule=self.info.id,
            severity=self.info.severity,
            category=self.info.category,
            message=self.info.template.format(**values),
            table_no=table.number if table else "",
            kind=table.kind if table else kind,
            side=row.side if row else "",
            code=row.code if row else "",
            item=row.item if row else "",
            measure=measure,
            expected=expected,
            actual=actual,
            tolerance=tolerance,
            locations=locations,
        )


def _table_name(table: Table) -> str:
    number = f"（{table.number_text}）" if table.number_text else ""
    return f"《{table.title}》{number}"


def _fmt(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value:,f}"


def load_rules() -> dict[str, RuleFn]:
    """Import every rule module once (each registers itself)."""
    if not RULES:
        package = importlib.import_module("yusuan.rules")
        for module in pkgutil.walk_packages(package.__path__, "yusuan.rules."):
            if module.name.count(".") == 3:  # yusuan.rules.<family>.<rule>
                importlib.import_module(module.name)
    return RULES


def run(doc: Disclosure, only: Iterable[str] | None = None) -> list[Finding]:
    """Every rule (or those named) on one document; the rules share one `Context`, made for this run."""
    rules = load_rules()
    infos = catalog.load()
    ctx = Context(doc)
    findings: list[Finding] = []
    for rule_id in sorted(rules if only is None else only):
        findings.extend(rules[rule_id](ctx, Emit(infos[rule_id])))
    return findings


def iter_rules() -> Iterator[tuple[catalog.RuleInfo, RuleFn]]:
    rules = load_rules()
    for rule_id, info in catalog.load().items():
        yield info, rules[rule_id]
