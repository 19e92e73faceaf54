"""部门预算支出经济分类 款 → 政府预算支出经济分类 款: catalog/data/economic_dept_to_gov_mapping_<year>.csv (its
source on each row and in SOURCES.md; partial: the 机关 side of 501 and 502 up to 50204)."""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

_FILE = re.compile(r"economic_dept_to_gov_mapping_(\d{4})\.csv")


@cache
def _mappings() -> dict[int, dict[str, tuple[str, str]]]:
    out: dict[int, dict[str, tuple[str, str]]] = {}
    for f in (resources.files("yusuan.catalog") / "data").iterdir():
        m = _FILE.fullmatch(f.name)
        if m:
            rows = csv.DictReader(f.read_text(encoding="utf-8").splitlines())
            out[int(m[1])] = {r["dept_code"]: (r["gov_code"], r["source"]) for r in rows}
    return out


def gov_economic_of(dept_code: str, year: int) -> str:
    """The 政府经济分类 款 of a 部门经济分类 款 by the mapping of `year` (the nearest year shipped); "" when
    the mapping does not list it."""
    found = _mappings()
    if not found:
        return ""
    nearest = min(found, key=lambda y: (abs(y - year), y))
    return found[nearest].get(dept_code, ("", ""))[0]
