"""A small copy of the PDF's Chinese font, built once per machine and font file.

WeasyPrint subsets every font it embeds. Given WenQuanYi Zen Hei (a 16 MB TTC, 45,000 glyphs) it does so
per face (regular and synthesised bold), and without HarfBuzz-subset (fontTools) that took most of the
PDF's time. This module copies the first installed face of `fonts.FAMILIES` with only GB2312 (both levels
and its symbols) and the face's non-ideograph characters (punctuation, full-width forms, Latin, Greek,
numbers in circles, box drawing…): about 9,500 glyphs, 2–3 MB, in the user's cache
(`$XDG_CACHE_HOME/yusuan`, else `~/.cache/yusuan`; a private temporary directory when that is not
writable). The PDF's stylesheet puts it first in the font stack by `@font-face`; a character it lacks
(a rare hanzi) falls back to the whole font, next in the stack.

The cache file is named by the source font's path, face index, mtime and size and by `RECIPE`, so an
upgraded font or a changed recipe builds a new copy. Writes are atomic (temporary file, then rename);
a lock keeps threads of one process from building twice. Any failure leaves the PDF on the system fonts.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import subprocess
import tempfile
import threading
from pathlib import Path

from yusuan.render.fonts import FAMILIES

FAMILY = "yusuan CJK"  # the @font-face family, also written into the copy's name table
RECIPE = 1  # bump when the character set or the subsetting options change

log = logging.getLogger(__name__)
_lock = threading.Lock()

# Blocks left to the whole font: ideographs beyond GB2312 and Hangul (tens of thousands of glyphs).
_LEFT_OUT = (
    (0x1100, 0x11FF),  # Hangul jamo
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs (GB2312's are added back)
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xE000, 0xF8FF),  # private use
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x10FFFF),  # supplementary ideographs and beyond
)


def gb2312() -> set[int]:
    """Every character of GB2312: 6,763 hanzi in two levels and 682 symbols."""
    chars = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def wanted(cmap: set[int]) -> set[int]:
    """The characters of the copy, out of those the source face maps."""
    keep = {c for c in cmap if not any(lo <= c <= hi for lo, hi in _LEFT_OUT)}
    return keep | (gb2312() & cmap)


def find_source() -> tuple[Path, int] | None:
    """File and face index of the first family of `fonts.FAMILIES` fontconfig knows, or None."""
    for family in FAMILIES:
        try:
            out = subprocess.run(
                ["fc-match", "--format=%{file}\n%{index}\n%{family}", family],
                capture_output=True, text=True, timeout=30, check=True,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None  # no fontconfig tools: stay on the system font stack
        parts = out.split("\n")
        if len(parts) == 3 and family in parts[2].split(","):  # fc-match always answers: a substitute is not it
            path = Path(parts[0])
            if path.is_file():
                return path, int(parts[1] or 0)
    return None


def cache_dir() -> Path:
    """The user's cache directory for yusuan, or a private temporary one when that is not writable."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    for path in (Path(base) / "yusuan", Path(tempfile.gettempdir()) / f"yusuan-{os.getuid()}"):
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
            if path.stat().st_uid == os.getuid() and os.access(path, os.W_OK):
                return path
        except OSError:
            pass
    return Path(tempfile.mkdtemp(prefix="yusuan-"))


def cached_name(source: Path, index: int) -> str:
    st = source.stat()
    key = f"{source.resolve()}|{index}|{st.st_mtime_ns}|{st.st_size}|{RECIPE}"
    return f"cjk-{hashlib.sha256(key.encode()).hexdigest()[:16]}.ttf"


def build(source: Path, index: int, target: Path) -> None:
    """Write the copy of face `index` of `source` to `target` (atomically)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), fontNumber=index, lazy=True)
    options = subset.Options(
        hinting=False,  # WeasyPrint drops hinting from embedded fonts anyway
        notdef_outline=True,
        glyph_names=False,
        drop_tables=[*subset.Options().drop_tables, "BDF", "FFTM"],  # WQY's bitmap index, FontForge stamp
    )
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted(set(font.getBestCmap())))
    subsetter.subset(font)
    _rename(font)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            font.save(f)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _rename(font) -> None:
    """A name of its own, so fontconfig never takes the copy for the whole font (nameIDs 1, 3, 4, 6, 16)."""
    ps = FAMILY.replace(" ", "")
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID in (3, 4):
            record.string = f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = f"{ps}-Regular"


@functools.cache
def subset_font() -> Path | None:
    """Path of the cached copy (built on first use), or None when there is no font or the build failed."""
    with _lock:
        try:
            source = find_source()
            if source is None:
                return None
            target = cache_dir() / cached_name(*source)
            if not target.is_file():
                build(*source, target)
            return target
        except Exception as exc:  # a missing or odd font must not stop a PDF
            log.warning("无法生成精简字体，使用系统字体：%s", exc)
            return None
