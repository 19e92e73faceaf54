"""Classes (类) of the function classification renamed from a year on: the renamed-only rows of 类 codes in
the code map (catalog/codemap.py: catalog/data/code_map.csv and the user's additions)."""

from __future__ import annotations

from dataclasses import dataclass

from yusuan.catalog.codemap import changes


@dataclass(frozen=True, slots=True)
class Rename:
    code: str
    old: str
    new: str
    since: int  # the first year the new name is checked
    source: str


def renames() -> tuple[Rename, ...]:
    return tuple(Rename(c.new_code, c.old_name, c.new_name, c.year, c.source) for c in changes()
                 if c.scheme == "function" and c.renamed_only and len(c.new_code) == 3 and c.old_name and c.new_name
                 and c.old_name != c.new_name)


def renamed_by(year: int) -> tuple[Rename, ...]:
    """The renames in force in `year`: an old name printed in a disclosure of that year is out of date."""
    return tuple(r for r in renames() if year >= r.since)
