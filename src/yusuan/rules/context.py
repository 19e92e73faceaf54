"""One check of one document: the document and what the rules derive from it, computed once.

`registry.run` makes one `Context` per run and passes it to every rule; two runs (two threads checking two
uploads at once) never share one, and a document edited between runs is read afresh by the next run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from yusuan.model.disclosure import Disclosure, Identity, Performance, Section, Table
from yusuan.model.reading import doubtful
from yusuan.rules.reconcile import Figures, collect
from yusuan.rules.statements import Passage, Statement, passages, read_statements

T = TypeVar("T")


class Context:
    """The document of one run (read-only for the rules) and a memo of what was derived from it."""

    __slots__ = ("doc", "_memo")

    def __init__(self, doc: Disclosure) -> None:
        self.doc = doc
        self._memo: dict[Any, Any] = {}

    def memo(self, key: Any, compute: Callable[[], T]) -> T:
        """`compute()` once for this run; later calls with the same key get the same result."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    @property
    def statements(self) -> list[Statement]:
        """Every figure the narrative states, in printed order."""
        return self.memo("statements", lambda: read_statements(self.doc))

    @property
    def passages(self) -> list[Passage]:
        """The narrative's paragraphs, those a page broke in the middle of a sentence joined."""
        return self.memo("passages", lambda: passages(self.doc))

    @property
    def figures(self) -> Figures:
        """The figures of the tables, as the reconciliation rules compare them."""
        return self.memo("figures", lambda: collect(self.doc))

    # the document's parts, as the rules read them
    @property
    def identity(self) -> Identity:
        return self.doc.identity

    @property
    def tables(self) -> list[Table]:
        return self.doc.tables

    @property
    def sections(self) -> list[Section]:
        return self.doc.sections

    @property
    def performance(self) -> Performance | None:
        return self.doc.performance

    @property
    def files(self) -> list[str]:
        return self.doc.files

    @property
    def title(self) -> str:
        return self.doc.title

    @property
    def contents(self) -> list[str]:
        return self.doc.contents

    @property
    def contents_sources(self):
        return self.doc.contents_sources

    def tables_of(self, kind: str) -> list[Table]:
        return self.doc.tables_of(kind)

    def doubtful(self, table: Table, *, columns: bool = False) -> str:
        """Why a check cannot rely on the figures of `table` (model/reading.py), or ""."""
        return self.memo(("doubtful", id(table), columns), lambda: doubtful(table, columns=columns))
