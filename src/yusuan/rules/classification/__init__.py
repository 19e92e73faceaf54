"""科目编码: which classification a table's codes belong to, and the year's catalogs."""

from __future__ import annotations

import re

from yusuan.catalog.store import Catalog, load
from yusuan.model.kinds import code_scheme as scheme_of  # noqa: F401  (the rules' name for it)
from yusuan.model.kinds import scheme_of as kind_scheme
from yusuan.model.text import match_key

SCHEME_NAMES = {"function": "支出功能分类科目", "economic": "支出经济分类科目"}


def expected_scheme(table, row) -> str | None:
    """"function" or "economic" for a coded row of `table`; None where tables print no such codes."""
    return "economic" if row.side == "purpose" else kind_scheme(table.kind)


class Catalogs:
    """The year's catalogs, loaded once per check (a user may import a list between two checks)."""

    def __init__(self, year: int):
        self.year = year
        self._loaded: dict[str, Catalog] = {}

    def of(self, code: str) -> Catalog:
        scheme = {"2": "function", "3": "economic_dept", "5": "economic_gov"}[code[0]]
        if scheme not in self._loaded:
            self._loaded[scheme] = load(scheme, self.year)
        return self._loaded[scheme]


def complete(catalog: Catalog) -> bool:
    """A complete list of the year itself (imported as such by the user)."""
    return not catalog.is_partial


def coded_rows(ctx):
    """(table, row) for every row with a classification code of the shape its table expects."""
    for table in ctx.tables:
        for row in table.rows:
            if row.code and scheme_of(row.code) is not None:
                yield table, row


_BRACKETS = str.maketrans({"(": "（", ")": "）"})
_LEVEL_WORD = re.compile(r"（(?:类|款|项)）$")
_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、．]|其中[:：])")


def name_key(label: str) -> str:
    """A printed classification name for comparison: NFKC, no spaces, one kind of bracket, no ordinal."""
    return _LEVEL_WORD.sub("", _PREFIX.sub("", match_key(label)).translate(_BRACKETS))


def codes_not_listed(ctx, *, complete_lists: bool):
    """(table, row, catalog, year) once per code the year's list lacks, for complete or partial lists."""
    year = ctx.identity.year
    if year is None:
        return
    catalogs = Catalogs(year)
    seen = set()
    for table, row in coded_rows(ctx):
        catalog = catalogs.of(row.code)
        if complete(catalog) != complete_lists or catalog.contains(row.code) or row.code in seen:
            continue
        seen.add(row.code)
        yield table, row, catalog, year
