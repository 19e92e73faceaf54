"""Arithmetic identities inside one extracted table, for tests of the readers."""

from __future__ import annotations

from yusuan.model.disclosure import Table
from yusuan.model.tolerance import within


def code_hierarchy_failures(table: Table) -> list[str]:
    """Each coded parent row equals the sum of its direct children, per measure and side."""
    failures = []
    by_side: dict[str, list] = {}
    for row in table.rows:
        if row.code:
            by_side.setdefault(row.side, []).append(row)
    for rows in by_side.values():
        for parent in rows:
            children = [r for r in rows if len(r.code) == len(parent.code) + 2 and r.code.startswith(parent.code)]
            if not children:
                continue
            for measure, total in parent.values.items():
                parts = [c.values[measure] for c in children if measure in c.values]
                ok, diff, tol = within(total, parts)
                if parts and not ok:
                    failures.append(f"{table.number} {parent.code} {measure}: {total.text} vs Σ (diff {diff}, tol {tol})")
    return failures


def basic_project_failures(table: Table) -> list[str]:
    """total = basic + project on every row that prints all three."""
    failures = []
    for row in table.rows:
        v = row.values
        if {"total", "basic", "project"} <= v.keys():
            ok, diff, tol = within(v["total"], [v["basic"], v["project"]])
            if not ok:
                failures.append(f"{table.number} {row.item} total≠basic+project (diff {diff})")
    return failures
