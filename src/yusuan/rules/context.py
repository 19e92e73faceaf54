"""One check of one document: the document and what the rules derive from it, computed once.

`registry.run` makes one `Context` per run and passes it to every rule; two runs (two threads checking two
uploads at once) never share one, and a document edited between runs is read afresh by the next run.

Some rules compare the document with others the caller supplies (`Related`): a department's 部门预算 with the
单位预算s it contains, a disclosure with the same body's disclosure of the year before. Without them those
rules say nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from yusuan.model.disclosure import Disclosure, Identity, Performance, Section, Table
from yusuan.model.reading import doubtful
from yusuan.model.vocabulary import DOCUMENT_KINDS
from yusuan.rules.printed import Piece, pieces
from yusuan.rules.reconcile import Figures, collect
from yusuan.rules.statements import Passage, Statement, passages, read_statements

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Related:
    """Documents the caller supplies beside the one checked (`yusuan check --units/--prior`; the store gives
    the stored ones)."""

    units: tuple[Disclosure, ...] = ()  # a department's 单位预算s (本级 and 所属单位), same year and kind
    complete: bool = True  # `units` are all the department's units (the caller says so)
    prior: Disclosure | None = None  # the same body's disclosure of the year before, same kind and level

    def __bool__(self) -> bool:
        return bool(self.units) or self.prior is not None


NO_RELATED = Related()


def related_problem(doc: Disclosure, related: Related) -> tuple[str, str] | None:
    """(file, why) when a related document cannot be what it is given as: a unit of another year or kind, a
    year before that is not the year before, or of another kind; None when all fit (unknown years fit)."""
    ident = doc.identity
    kind = DOCUMENT_KINDS.get(ident.kind, ident.kind)
    for u in related.units:
        theirs = u.identity
        if ident.year and theirs.year and theirs.year != ident.year or theirs.kind != ident.kind:
            return ("、".join(u.files), f"单位文件是 {theirs.year} 年{DOCUMENT_KINDS.get(theirs.kind, theirs.kind)}，"
                    f"与所检查的部门文件（{ident.year} 年{kind}）不是同一年度、同一类型")
    p = related.prior
    if p is not None:
        theirs = p.identity
        if ident.year and theirs.year and theirs.year != ident.year - 1 or theirs.kind != ident.kind:
            return ("、".join(p.files), f"上年文件是 {theirs.year} 年{DOCUMENT_KINDS.get(theirs.kind, theirs.kind)}，"
                    f"应当是 {ident.year - 1 if ident.year else '上一'} 年{kind}")
    return None


class Context:
    """The document of one run (read-only for the rules) and a memo of what was derived from it."""

    __slots__ = ("doc", "related", "_memo", "_others")

    def __init__(self, doc: Disclosure, related: Related = NO_RELATED) -> None:
        self.doc = doc
        self.related = related
        self._memo: dict[Any, Any] = {}
        self._others: dict[int, Context] = {}

    def of(self, other: Disclosure) -> Context:
        """The context of a related document (its own memo, made once per run)."""
        if id(other) not in self._others:
            self._others[id(other)] = Context(other)
        return self._others[id(other)]

    @property
    def units(self) -> list[Context]:
        """The contexts of the department's units supplied with this run (none: no roll-up to check)."""
        return [self.of(u) for u in self.related.units]

    @property
    def prior(self) -> Context | None:
        """The context of the year before's disclosure, when supplied."""
        return self.of(self.related.prior) if self.related.prior is not None else None

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
    def pieces(self) -> list[Piece]:
        """Every piece of printed text (rules/printed.py), made once for the rules that read words."""
        return self.memo("pieces", lambda: list(pieces(self.doc)))

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
