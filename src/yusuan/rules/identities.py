"""The arithmetic rules' view of a table's own sums (ingest/assemble/sums.py): computed once per run, the
failing ones table by table, and what a finding about one says."""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.ingest.assemble.structure import printed
from yusuan.ingest.assemble.sums import (  # noqa: F401 (the kinds, for the rules)
    CHILDREN,
    COLUMNS,
    HIERARCHY,
    OF_WHICH,
    TOTAL,
    Identity,
    identities,
)
from yusuan.model.disclosure import Table
from yusuan.rules.tables import column_name


def of_table(ctx, table: Table) -> list[Identity]:
    """The identities of one table, computed once per run."""
    return ctx.memo(("identities", id(table)), lambda: identities(table))


def failing(ctx, *kinds: str) -> Iterator[tuple[Table, Identity]]:
    """(table, identity) for every identity of these kinds that does not hold, table by table."""
    for table in ctx.tables:
        for i in of_table(ctx, table):
            if i.kind in kinds and not i.holds:
                yield table, i


def evidence(table: Table, i: Identity) -> dict:
    """What a finding about a failing identity says and where: its total, its parts, the tolerance."""
    return dict(table=table, row=i.row, measure=i.measure, expected=i.check.parts, actual=i.check.total,
                tolerance=i.check.tolerance, where=[i.total.source, *(v.source for v in printed(i.parts))],
                column=column_name(table, i.measure, i.side))
