"""Codes that changed between years' catalogs: classes renamed, renumbered, merged or split.

One change takes a code of the year before `year` to a code of `year`: the same code under a new name
(renamed), another code (renumbered), several old codes to one new (merged), one old code to several new
(split). The shipped table (catalog/data/code_map.csv, every row with where both codes are printed) is
extended by the user's own ($YUSUAN_HOME/catalogs/code_map.csv, `yusuan catalog map add`), whose row wins
for the same old and new code of the same year.

`between(a, b)` chains the changes of the years a+1 … b; `carry` takes amounts printed under year a's codes
to year b's codes (a split leaves its new codes unknown: the amount cannot be divided by the map).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path

from yusuan.catalog.store import SCHEMES, code_level, normalize_code, user_home

FIELDS = ("scheme", "year", "old_code", "old_name", "new_code", "new_name", "source")
SCHEME_OF_DIGIT = {spec[2]: scheme for scheme, spec in SCHEMES.items()}  # first digit → scheme


class CodeMapError(ValueError):
    """A change that cannot be: the message is Chinese and names what is wrong."""


@dataclass(frozen=True, slots=True)
class Change:
    scheme: str
    year: int  # the first year of the new code
    old_code: str
    old_name: str
    new_code: str
    new_name: str
    source: str
    user: bool = False  # added by the user, not shipped

    @property
    def renamed_only(self) -> bool:
        return self.old_code == self.new_code

    @property
    def key(self) -> tuple:
        return (self.scheme, self.year, self.old_code, self.new_code)


def user_path() -> Path:
    return user_home() / "catalogs" / "code_map.csv"


@cache
def shipped() -> tuple[Change, ...]:
    text = (resources.files("yusuan.catalog") / "data" / "code_map.csv").read_text(encoding="utf-8")
    return tuple(_read(text.splitlines(), user=False))


def user_changes() -> tuple[Change, ...]:
    path = user_path()
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8", newline="") as f:
        return tuple(_read(f, user=True))


def changes() -> tuple[Change, ...]:
    """Every change, shipped and the user's (the user's row in place of a shipped one of the same key)."""
    mine = {c.key: c for c in user_changes()}
    return tuple(c for c in shipped() if c.key not in mine) + tuple(mine.values())


def _read(lines: Iterable[str], *, user: bool) -> Iterable[Change]:
    for r in csv.DictReader(lines):
        yield Change(r["scheme"], int(r["year"]), r["old_code"], r["old_name"], r["new_code"], r["new_name"],
                     r["source"], user)


def scheme_of(code: str) -> str | None:
    """The catalog a code belongs to by its first digit and length (2: 功能分类, 3: 部门经济分类, 5: 政府经济分类)."""
    scheme = SCHEME_OF_DIGIT.get(code[:1])
    return scheme if scheme is not None and code_level(scheme, code) is not None else None


def make(year: int, old_code: str, new_code: str, *, old_name: str = "", new_name: str = "",
         source: str = "") -> Change:
    """A change as a user states it, checked: both codes well formed and of one catalog."""
    old, new = normalize_code(old_code), normalize_code(new_code)
    for printed, code in ((old_code, old), (new_code, new)):
        if scheme_of(code) is None:
            raise CodeMapError(f"“{printed}”不是科目编码（功能分类 3、5、7 位以 2 开头，经济分类 3、5 位以 3 或 5 开头）")
    if scheme_of(old) != scheme_of(new):
        raise CodeMapError(f"“{old}”和“{new}”不属于同一类科目，不能对应")
    if old == new and not new_name:
        raise CodeMapError("编码不变时应给出新名称（--new-name），否则这不是一项调整")
    if not 1990 <= year <= 2100:
        raise CodeMapError(f"年度 {year} 不对，应是新编码开始使用的年度，如 2024")
    return Change(scheme_of(old), year, old, old_name.strip(), new, new_name.strip(), source.strip() or "用户添加",
                  user=True)


def add(change: Change) -> Change:
    """Save a change among the user's (replacing one with the same year, old and new code)."""
    rows = {c.key: c for c in user_changes()}
    rows[change.key] = change
    path = user_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(FIELDS)
        for c in sorted(rows.values(), key=lambda c: c.key):
            w.writerow((c.scheme, c.year, c.old_code, c.old_name, c.new_code, c.new_name, c.source))
    tmp.replace(path)
    return change


# ---------------------------------------------------------------- from one year's codes to another's


@dataclass(slots=True)
class YearMap:
    """Year `a`'s codes as year `b`'s (a < b), the changes of the years between chained."""

    a: int
    b: int
    forward: dict[str, tuple[str, ...]] = field(default_factory=dict)  # old code → new codes (changed ones)
    steps: dict[tuple[str, str], list[Change]] = field(default_factory=dict)  # (old, new) → the changes

    def new(self, code: str) -> tuple[str, ...]:
        """The codes of year b that year a's `code` became (itself when unchanged)."""
        return self.forward.get(code, (code,))

    def old(self, code: str) -> tuple[str, ...]:
        """The codes of year a that became year b's `code` (itself when none changed into it)."""
        found = tuple(o for o, news in self.forward.items() if code in news)
        if found:
            return found
        return () if any(code == o for o in self.forward) else (code,)

    def changed(self, old: str, new: str) -> list[Change]:
        return self.steps.get((old, new), [])

    def note(self, old: str, new: str) -> str:
        """（科目调整：旧编码→新编码）, （科目更名：旧名→新名）, or "" when nothing changed."""
        steps = self.changed(old, new)
        if not steps:
            return ""
        if old == new:
            return f"（科目更名：{steps[0].old_name or old}→{steps[-1].new_name or new}）"
        return f"（科目调整：{old}→{new}）"

    def note_of(self, olds: tuple[str, ...] | list[str], new: str) -> str:
        """The note of a code of year b fed by year a's `olds`: `note` for one, （科目调整：a、b→new） for several."""
        return self.note(olds[0], new) if len(olds) == 1 else f"（科目调整：{'、'.join(olds)}→{new}）"

    def moved(self, code: str) -> bool:
        """Codes moved into or out of the classes under `code` (not `code` itself, which `carry` follows): its
        total is not the same sum in both years."""
        for old, news in self.forward.items():
            for new in news:
                if code not in (old, new) and old.startswith(code) != new.startswith(code):
                    return True
        return False


def between(a: int, b: int) -> YearMap:
    """The map from year a's codes to year b's (a < b; identity otherwise)."""
    ymap = YearMap(a, b)
    if a >= b:
        return ymap
    by_year: dict[int, dict[str, list[Change]]] = defaultdict(lambda: defaultdict(list))
    for c in changes():
        if a < c.year <= b:
            by_year[c.year][c.old_code].append(c)
    current: dict[str, dict[str, list[Change]]] = {}  # year a's code → its codes now, with the changes
    for year in sorted(by_year):
        step = by_year[year]
        touched = {o for o in current} | set(step)
        for origin in touched:
            now = current.get(origin, {origin: []})
            after: dict[str, list[Change]] = {}
            for code, path in now.items():
                for c in step.get(code, ()):
                    after[c.new_code] = path + [c]
                if code not in step:
                    after[code] = path
            current[origin] = after
    for origin, now in current.items():
        if any(now.values()):
            ymap.forward[origin] = tuple(sorted(now))
            for new, path in now.items():
                if path:
                    ymap.steps[(origin, new)] = path
    return ymap


@dataclass(frozen=True, slots=True)
class Carried:
    """Year a's amount under one of year b's codes: the sum of the old codes that became it, or None when a
    split old code feeds it (the map cannot divide an amount)."""

    amount: Decimal | None
    old: tuple[str, ...]


def carry(amounts: dict[str, Decimal], ymap: YearMap) -> dict[str, Carried]:
    """Amounts printed under year a's codes, under year b's codes."""
    sums: dict[str, Decimal | None] = {}
    olds: dict[str, list[str]] = defaultdict(list)
    for old, amount in amounts.items():
        news = ymap.new(old)
        for new in news:
            olds[new].append(old)
            if len(news) > 1 or sums.get(new, 0) is None:
                sums[new] = None
            else:
                sums[new] = sums.get(new, Decimal(0)) + amount
    return {new: Carried(sums[new], tuple(olds[new])) for new in sums}
