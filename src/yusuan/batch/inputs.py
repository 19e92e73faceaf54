"""What a batch reads: publications from folders, globs, files and list files, each keyed by its bytes.

A folder is searched through (hidden files and folders left out) for files of a registered format
(model/formats.py: .pdf, .txt, .docx, .xlsx, .html …); a glob (`2023/**/*.pdf`) is expanded; a file given
by name is taken whatever its name ends in; a list file holds one such input a line (relative to its own
folder; blank lines and lines starting with # left out). A file met twice counts once.

Files are paired by name: `X-text.pdf` (or 文字 / 文字部分) and `X-tables.pdf` (表格 / 表格部分) in one
folder are the text part and the tables part of one publication, read together (ingest/read.py), the text
part first. A publication's key (`doc_id`) is the store's fingerprint of its files' bytes
(store/repository.py), so a batch result and an upload of the same files are known to be the same.
"""

from __future__ import annotations

import glob
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from yusuan.ingest.read import TABLES_PART_WORDS, TEXT_PART_WORDS
from yusuan.model.formats import readers
from yusuan.store.repository import UploadedFile, fingerprint


class InputError(Exception):
    """An input that names nothing (a missing path, a glob matching no file): one Chinese line."""


@dataclass(frozen=True, slots=True)
class Publication:
    paths: tuple[str, ...]  # its files, the text part first
    doc_id: str  # fingerprint of the files' bytes
    size: int  # bytes in all

    @property
    def names(self) -> str:
        return "+".join(Path(p).name for p in self.paths)


_LATIN = [w for w in TEXT_PART_WORDS + TABLES_PART_WORDS if w.isascii()]
_CHINESE = sorted((w for w in TEXT_PART_WORDS + TABLES_PART_WORDS if not w.isascii()), key=len, reverse=True)
_PART = re.compile(rf"(?:[-_ .](?P<part>{'|'.join(_LATIN)})|[-_ .]?(?P<zh>{'|'.join(_CHINESE)}))$", re.IGNORECASE)
_TEXT_PARTS = set(TEXT_PART_WORDS)
_GLOB = re.compile(r"[*?\[]")


def gather(inputs: list[str], lists: list[str] = ()) -> list[Publication]:
    """The publications named by `inputs` and by the lines of the `lists` files, in the order given."""
    files: dict[Path, None] = {}
    for given, base in [(i, Path.cwd()) for i in inputs] + [line for f in lists for line in _list_lines(f)]:
        for path in _expand(given, base):
            files.setdefault(path, None)
    return [_publication(group) for group in pair(list(files))]


def _list_lines(list_file: str) -> list[tuple[str, Path]]:
    path = Path(list_file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"无法读取文件清单 {list_file}（{getattr(e, 'strerror', None) or e}）") from None
    return [(line.strip(), path.parent) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _expand(given: str, base: Path) -> list[Path]:
    path = base / Path(given).expanduser()
    if path.is_dir():
        return _documents_in(path)
    if path.is_file():
        return [path.absolute()]
    if _GLOB.search(given):
        found = sorted(Path(p) for p in glob.glob(str(path), recursive=True))
        files = [f for p in found for f in (_documents_in(p) if p.is_dir() else [p.absolute()] if p.is_file() else [])]
        if files:
            return files
        raise InputError(f"没有文件与 {given} 相符")
    raise InputError(f"找不到输入：{given}（既不是文件，也不是文件夹）")


def _documents_in(folder: Path) -> list[Path]:
    suffixes = {s for r in readers() for s in r.suffixes}
    return sorted(p.absolute() for p in folder.rglob("*")
                  if p.suffix.lower() in suffixes and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def pair(files: list[Path]) -> list[list[Path]]:
    """The files grouped into publications: a text part and a tables part of one name in one folder are
    one (text first, where the first of them stood); every other file is one of its own."""
    parts: dict[tuple[Path, str, str], list[Path]] = {}
    for f in files:
        if m := _PART.search(f.stem):
            parts.setdefault((f.parent, f.stem[:m.start()], f.suffix.lower()), []).append(f)
    paired: dict[Path, list[Path]] = {}
    for group in parts.values():
        texts = [f for f in group if _part(f) in _TEXT_PARTS]
        tables = [f for f in group if f not in texts]
        if len(texts) == 1 and len(tables) == 1:
            paired[texts[0]] = paired[tables[0]] = [texts[0], tables[0]]
    groups, seen = [], set()
    for f in files:
        group = paired.get(f, [f])
        if group[0] not in seen:
            seen.add(group[0])
            groups.append(group)
    return groups


def _part(f: Path) -> str:
    m = _PART.search(f.stem)
    return (m["part"] or m["zh"]).lower()


def _publication(paths: list[Path]) -> Publication:
    try:
        files = [UploadedFile.from_path(p) for p in paths]
    except OSError:  # unreadable here: the reader will say why; keyed by its name meanwhile
        key = hashlib.sha256("\n".join(map(str, paths)).encode()).hexdigest()
        return Publication(tuple(map(str, paths)), f"unreadable-{key[:48]}", 0)
    return Publication(tuple(map(str, paths)), fingerprint(files), sum(len(f.content) for f in files))
