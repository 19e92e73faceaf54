"""The formats yusuan reads and writes, as one registry that every other part asks.

A format registers itself with one line in pyproject.toml (the `yusuan.readers` or `yusuan.writers` entry
point group) naming a `Reader` or `Writer` object in its own folder or module; nothing else lists formats.
The sniffer, `read_disclosure`, `render`, the upload page, the API description and the downloads read this
registry. Entry points load only the small registration objects; the code doing the work is imported when
a file of that format is read or written (`Reader.load()` / `Writer.load()`). The entry points are read
from the installed distributions' entry_points.txt directly: importing importlib.metadata would cost a
short command a fifth of its start-up.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Head:
    """What the sniffer knows of a file before reading it: its path, first bytes and, for a ZIP
    package, the names of its members."""

    path: Path
    head: bytes
    zip_names: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Reader:
    """An input format. `detect(head)` says whether a file is of this format (formats are asked in
    `order`, lowest first; the first that says yes reads the file). A publication format's `blocks`
    yields Line and Grid blocks for the one assembler; a format read whole (`whole`) returns a
    Disclosure of its own and is given alone."""

    name: str
    label: str  # as users call it: PDF, 文本, Word（DOCX）…
    suffixes: tuple[str, ...]
    media_type: str
    detect: Callable[[Head], bool]
    blocks: str = ""  # "module:function", path -> Iterator[Block]
    whole: str = ""  # "module:function", path -> Disclosure
    order: int = 50
    note: str = ""  # what an uploader should know (Chinese), shown with the upload form
    max_bytes: int | None = None  # larger files are refused before reading

    def load(self) -> Callable:
        return _resolve(self.blocks or self.whole)


@dataclass(frozen=True, slots=True)
class Writer:
    """An output format of `render`: `write` turns a layout into the file's bytes."""

    name: str
    label: str
    suffixes: tuple[str, ...]
    media_type: str
    write: str  # "module:function", Layout -> bytes
    aliases: tuple[str, ...] = field(default=())

    def load(self) -> Callable:
        return _resolve(self.write)


def _resolve(target: str) -> Callable:
    """The object an entry point value names: `module:attribute` (or `module:a.b`, or a module)."""
    module, _, attr = target.partition(":")
    return functools.reduce(getattr, attr.split(".") if attr else [], importlib.import_module(module))


_METADATA_DIR = re.compile(r"^(?P<name>[^-]+)(-[^-]*)?\.(dist|egg)-info$", re.IGNORECASE)


@functools.cache
def entry_points(group: str) -> tuple[tuple[str, str], ...]:
    """(name, "module:attribute") of every entry point of `group`, as importlib.metadata.entry_points
    finds them: in the *.dist-info and *.egg-info folders on sys.path, a distribution counted once
    (where it is first found), in the order of sys.path and of each entry_points.txt."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for folder in sys.path:
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:  # not a folder (a zip archive), or gone
            continue
        for name in names:
            m = _METADATA_DIR.match(name)
            if not m or (dist := re.sub(r"[-_.]+", "_", m["name"]).lower()) in seen:
                continue
            seen.add(dist)
            try:
                text = Path(folder or ".", name, "entry_points.txt").read_text(encoding="utf-8")
            except OSError:
                continue
            found += _group(text, group)
    return tuple(found)


def _group(text: str, group: str) -> list[tuple[str, str]]:
    """The `name = value` lines of one [group] of an entry_points.txt (an INI file)."""
    lines, current = [], None
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
        elif current == group and "=" in line:
            name, _, value = line.partition("=")
            lines.append((name.strip(), value.split("[", 1)[0].strip()))  # extras are not our business
    return lines


@functools.cache
def readers() -> tuple[Reader, ...]:
    """Every registered input format, in the order the sniffer asks them."""
    found = [_resolve(target) for _, target in entry_points("yusuan.readers")]
    return tuple(sorted(found, key=lambda r: (r.order, r.name)))


@functools.cache
def writers() -> dict[str, Writer]:
    """Every registered output format by name, in registration order."""
    return {w.name: w for w in (_resolve(target) for _, target in entry_points("yusuan.writers"))}


def reader(name: str) -> Reader:
    return next(r for r in readers() if r.name == name)


def writer_for(name_or_suffix: str) -> Writer | None:
    """The output format named `pdf`, or of a file ending `.pdf` / `.htm`. The format whose entry point
    has that name is asked first, alone: a command writing a PDF need not import the DOCX writer."""
    key = name_or_suffix.lower().lstrip(".")
    named = dict(entry_points("yusuan.writers")).get(key)
    if named is not None and (w := _resolve(named)).name == key:
        return w
    for w in writers().values():
        if key == w.name or key in w.aliases or f".{key}" in w.suffixes:
            return w
    return None


def known_formats() -> str:
    """The input formats as users call them: PDF、Word（DOCX）…"""
    return "、".join(r.label for r in readers())
