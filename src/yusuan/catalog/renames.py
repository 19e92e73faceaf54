"""Classes (类) of the function classification renamed from a year on: catalog/data/function_renames.csv."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Rename:
    code: str
    old: str
    new: str
    since: int  # the first year the new name is checked
    source: str


@cache
def renames() -> tuple[Rename, ...]:
    text = (resources.files("yusuan.catalog") / "data" / "function_renames.csv").read_text(encoding="utf-8")
    return tuple(Rename(r["code"], r["old_name"], r["new_name"], int(r["from_year"]), r["source"])
                 for r in csv.DictReader(text.splitlines()))


def renamed_by(year: int) -> tuple[Rename, ...]:
    """The renames in force in `year`: an old name printed in a disclosure of that year is out of date."""
    return tuple(r for r in renames() if year >= r.since)
