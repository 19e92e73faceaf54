"""The version of what makes a check's result: yusuan's version and a digest of the code and data that
read and check a document (model, catalog, ingest, rules) and of the classification lists the user
imported. Two runs with the same version give the same result for the same file; a batch (yusuan.batch)
keys what it has done by it, so a changed reader, rule or catalog makes it check again."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import yusuan
from yusuan.catalog.store import user_home

PACKAGES = ("model", "catalog", "ingest", "rules")
SUFFIXES = (".py", ".csv", ".json", ".toml")


@functools.cache
def ruleset_version() -> str:
    """`0.1.0+` and 16 hex digits."""
    digest = hashlib.sha256()
    root = Path(yusuan.__file__).parent
    files = [p for package in PACKAGES for p in (root / package).rglob("*") if p.suffix in SUFFIXES]
    imported = user_home() / "catalogs"
    if imported.is_dir():
        files += [p for p in imported.rglob("*") if p.is_file()]
    for path in sorted(files):
        name = path.relative_to(root) if path.is_relative_to(root) else Path("catalogs") / path.relative_to(imported)
        digest.update(f"{name.as_posix()}\0".encode())
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return f"{yusuan.__version__}+{digest.hexdigest()[:16]}"
