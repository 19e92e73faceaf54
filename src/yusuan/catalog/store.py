"""Classification catalogs (政府收支分类科目) by scheme and year: shipped lists merged with imported ones.

The shipped lists (catalog/data/, see SOURCES.md there) are partial. Lists a user imports
(catalog/importer.py) live in the user data directory and take precedence code by code.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

# scheme -> (file prefix of the shipped list, code lengths by level, first digit of every code)
SCHEMES: dict[str, tuple[str, tuple[int, ...], str]] = {
    "function": ("function_classification", (3, 5, 7), "2"),  # 支出功能分类: 类 / 款 / 项
    "economic_dept": ("economic_classification_dept", (3, 5), "3"),  # 部门预算支出经济分类: 类 / 款
    "economic_gov": ("economic_classification_gov", (3, 5), "5"),  # 政府预算支出经济分类: 类 / 款
}
FIELDS = ("code", "name", "level", "parent", "source")

from yusuan.model.text import match_key


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    level: int
    parent: str  # "" for a 类
    source: str


@dataclass(slots=True)
class Catalog:
    scheme: str
    year: int
    entries: dict[str, Entry] = field(default_factory=dict)
    partial: bool = True  # False only with a list imported as complete for this very year
    shipped_year: int | None = None  # year of the shipped list used, None when none was
    imported_year: int | None = None  # year of the imported list used, None when none was
    years: dict[str, int] = field(default_factory=dict)  # code → year of the list its entry is from

    @property
    def is_partial(self) -> bool:
        return self.partial

    @property
    def is_fallback(self) -> bool:
        """True when a list of another year stands in for this year's."""
        return any(y is not None and y != self.year for y in (self.shipped_year, self.imported_year))

    def contains(self, code: str) -> bool:
        return normalize_code(code) in self.entries

    def name(self, code: str) -> str | None:
        entry = self.entries.get(normalize_code(code))
        return entry.name if entry else None

    def year_of(self, code: str) -> int | None:
        """The year of the list whose name of `code` this catalog holds (the imported list's over the shipped
        one's); None when it lists no such code."""
        code = normalize_code(code)
        if code not in self.entries:
            return None
        return self.years.get(code, self.imported_year or self.shipped_year)

    def level(self, code: str) -> int | None:
        """1 = 类, 2 = 款, 3 = 项, from the code's length; None when the length fits no level."""
        return code_level(self.scheme, normalize_code(code))

    def parent(self, code: str) -> str | None:
        """The parent's code (the code without its last two digits); None for a 类 or a malformed code."""
        code = normalize_code(code)
        level = code_level(self.scheme, code)
        if level is None or level == 1:
            return None
        entry = self.entries.get(code)
        return entry.parent if entry and entry.parent else code[:-2]


def normalize_code(code: str) -> str:
    """A code as printed (全角, spaces: "204 06 01") as one string of digits."""
    return match_key(str(code))


def code_level(scheme: str, code: str) -> int | None:
    lengths = SCHEMES[scheme][1]
    if not code.isdigit() or len(code) not in lengths:
        return None
    return lengths.index(len(code)) + 1


def user_home() -> Path:
    """The user data directory: $YUSUAN_HOME, or ~/.local/share/yusuan."""
    home = os.environ.get("YUSUAN_HOME")
    return Path(home) if home else Path.home() / ".local" / "share" / "yusuan"


def imported_path(scheme: str, year: int) -> Path:
    return user_home() / "catalogs" / f"{scheme}-{year}.csv"


def load(scheme: str, year: int) -> Catalog:
    """The catalog of `scheme` for `year`: the shipped list, overlaid by the user's imported list.

    Either falls back to its nearest year when `year` has none (Catalog.is_fallback says so).
    """
    _check_scheme(scheme)
    catalog = Catalog(scheme, year)
    catalog.shipped_year, shipped = shipped_entries(scheme, year)
    catalog.entries.update(shipped)
    catalog.years.update(dict.fromkeys(shipped, catalog.shipped_year))
    imported = _nearest(_imported_years(scheme), year)
    if imported is not None:
        catalog.imported_year = imported
        # complete for its own year only
        catalog.partial = imported != year or _imported_meta(scheme, imported).get("partial", True)
        if not catalog.partial:  # a complete official list stands alone
            catalog.entries.clear()
            catalog.years.clear()
        entries = read_entries(imported_path(scheme, imported))
        catalog.entries.update(entries)
        catalog.years.update(dict.fromkeys(entries, imported))
    return catalog


def shipped_entries(scheme: str, year: int) -> tuple[int | None, dict[str, Entry]]:
    """The year and entries of the shipped list nearest to `year` ((None, {}) when none is shipped)."""
    _check_scheme(scheme)
    shipped, entries = _shipped(scheme, year)
    return shipped, dict(entries)


@functools.cache
def _shipped(scheme: str, year: int) -> tuple[int | None, dict[str, Entry]]:
    """The shipped lists are package data, read once a process (the checks of every document ask for them);
    callers get a copy of the entries."""
    shipped = _nearest(_shipped_years(scheme), year)
    return shipped, (read_entries(_shipped_file(scheme, shipped)) if shipped is not None else {})


def read_entries(path) -> dict[str, Entry]:
    """code -> Entry from a CSV with the FIELDS header (shipped and saved lists)."""
    with path.open(encoding="utf-8", newline="") as f:
        return {
            row["code"]: Entry(row["name"], int(row["level"]), row["parent"], row["source"])
            for row in csv.DictReader(f)
        }


def write_entries(path: Path, entries: dict[str, Entry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(FIELDS)
        for code, e in entries.items():
            w.writerow((code, e.name, e.level, e.parent, e.source))
    tmp.replace(path)


def _check_scheme(scheme: str) -> None:
    if scheme not in SCHEMES:
        raise ValueError(f"unknown catalog scheme {scheme!r}; expected one of {', '.join(SCHEMES)}")


def _data():
    return resources.files("yusuan.catalog") / "data"


def _shipped_file(scheme: str, year: int):
    return _data() / f"{SCHEMES[scheme][0]}_{year}.csv"


def _shipped_years(scheme: str) -> list[int]:
    pattern = re.compile(rf"{SCHEMES[scheme][0]}_(\d{{4}})\.csv")
    return [int(m[1]) for f in _data().iterdir() if (m := pattern.fullmatch(f.name))]


def _imported_years(scheme: str) -> list[int]:
    folder = user_home() / "catalogs"
    if not folder.is_dir():
        return []
    pattern = re.compile(rf"{re.escape(scheme)}-(\d{{4}})\.csv")
    return [int(m[1]) for f in folder.iterdir() if (m := pattern.fullmatch(f.name))]


def _imported_meta(scheme: str, year: int) -> dict:
    path = imported_path(scheme, year).with_suffix(".json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _nearest(years: list[int], year: int) -> int | None:
    """The year itself, else the nearest (the earlier one on a tie)."""
    return min(years, key=lambda y: (abs(y - year), y)) if years else None
