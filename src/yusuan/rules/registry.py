"""Rules register here by id; `run` applies them all to a Disclosure."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal

from yusuan.model.disclosure import Disclosure, Row, Table
from yusuan.model.provenance import Source
from yusuan.rules import catalog
from yusuan.rules.context import NO_RELATED, Context, Related
from yusuan.rules.finding import Finding

RuleFn = Callable[[Context, "Emit"], Iterable[Finding]]
RULES: dict[str, RuleFn] = {}
COMPARES_COLUMNS: set[str] = set()  # rules comparing a table's columns with one another or with other tables'
READS_RELATED: set[str] = set()  # rules that compare the document with related ones (Context.related)

# Families whose rules read only printed words (template residue, names, years): how the figures of a
# table were read does not bear on them.
WORDS_ONLY = {"hygiene", "identity"}
UNVERIFIED = ("{table}的读取不够可靠（{why}），“{title}”未能核实该表，没有据此报告问题。"
              "请对照原文核对该表，或提供可以准确读取的文件（如带文字层的 PDF、Excel）。")


def rule(rule_id: str, *, columns: bool = False, related: bool = False) -> Callable[[RuleFn], RuleFn]:
    """Register a rule; `columns`: it compares columns (a column whose meaning was not read leaves its
    findings unproven); `related`: it reads the related documents (and says nothing without them)."""

    def register(fn: RuleFn) -> RuleFn:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id!r} registered twice")
        RULES[rule_id] = fn
        if columns:
            COMPARES_COLUMNS.add(rule_id)
        if related:
            READS_RELATED.add(rule_id)
        return fn

    return register


@dataclass(slots=True)
class Emit:
    """Builds findings of one rule: fills in the catalogue's severity, category and message.

    A rule about figures never reports a problem from a table whose reading is doubtful
    (`Context.doubtful`): the finding becomes one note, per table, that the table could not be verified."""

    info: catalog.RuleInfo
    ctx: Context | None = None
    unverified: set[str] = field(default_factory=set)  # messages of the notes that replaced findings

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
        against: Iterable[Table] = (),
        severity: str = "",
        **fields,
    ) -> Finding:
        """One finding. `kind` names the table kind a finding is about when no table is printed; `against`
        the other tables whose figures it relies on; `severity` a milder one than the catalogue's."""
        if (severity or self.info.severity) != "info" and self.ctx is not None and self.info.family not in WORDS_ONLY:
            for t in (table, *against):
                if t is not None and (why := self.ctx.doubtful(t, columns=self.info.id in COMPARES_COLUMNS)):
                    return self._unverified(t, why)
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
            severity=severity or self.info.severity,
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

    def _unverified(self, table: Table, why: str) -> Finding:
        message = UNVERIFIED.format(table=_table_name(table), why=why, title=self.info.title)
        self.unverified.add(message)
        return Finding(rule=self.info.id, severity="info", category=self.info.category, message=message,
                       table_no=table.number, kind=table.kind, locations=(table.source,) if table.source else ())


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


def run(doc: Disclosure, only: Iterable[str] | None = None, related: Related = NO_RELATED) -> list[Finding]:
    """Every rule (or those named) on one document; the rules share one `Context`, made for this run.
    `related`: the documents the rules reading them compare it with."""
    rules = load_rules()
    infos = catalog.load()
    ctx = Context(doc, related)
    findings: list[Finding] = []
    unknown = {u.source for t in doc.tables for u in t.unreadable}
    for rule_id in sorted(rules if only is None else only):
        emit = Emit(infos[rule_id], ctx)
        said: set[str] = set()
        for f in rules[rule_id](ctx, emit):
            if f.message in emit.unverified:  # one note per table and rule
                if f.message in said:
                    continue
                said.add(f.message)
            findings.append(_as_unknown(f, unknown) if unknown else f)
    return findings


UNKNOWN_NOTE = "（所涉数字含文字识别未能确认的单元格，结论不确定，请对照原件核实）"


def _as_unknown(finding: Finding, unknown: set[Source]) -> Finding:
    """A finding resting on a cell the reader could not confirm proves nothing: it is told as
    information, with a note, never as an error or warning (the cell's own finding says why)."""
    if finding.rule == UNCONFIRMED or not any(s in unknown for s in finding.locations):
        return finding
    return replace(finding, severity="info", message=finding.message + UNKNOWN_NOTE)


UNCONFIRMED = "hyg-ocr-unconfirmed"


def related_rules() -> list[str]:
    """The rules that compare a document with related ones (run them again when those become known)."""
    load_rules()
    return sorted(READS_RELATED)


def iter_rules() -> Iterator[tuple[catalog.RuleInfo, RuleFn]]:
    rules = load_rules()
    for rule_id, info in catalog.load().items():
        yield info, rules[rule_id]
