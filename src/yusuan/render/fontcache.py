"""The PDF's Chinese fonts: small copies of the faces it uses, built once per machine and font file, and the
whole fonts behind them for what the copies lack.

Typst (render/pdf.py) reads every font it is given at start-up: a Noto CJK collection is 20–27 MB of five to
ten faces, WenQuanYi Zen Hei 16 MB, about 70–90 ms for the four files before a page is laid out. This module
copies each face the PDF uses (`FACES`: the body's Song face, regular and bold, and the headings' bold Hei
face; WenQuanYi Zen Hei, which has no bold, when Noto CJK is not installed) with only GB2312 (both levels and
its symbols) and the face's non-ideograph characters (punctuation, full-width forms, Latin, Greek, numbers in
circles, box drawing…): about 9,500 glyphs, 2–3 MB a face, without the OpenType layout tables (the
alternates for vertical text and other regions, two glyphs in five of a Noto face; Chinese set horizontally
does not use them), named as families of their own (`SERIF`, `SANS`), into one directory of the user's
cache (`$XDG_CACHE_HOME/yusuan/fonts`, else `~/.cache/yusuan/fonts`; a private temporary directory when that
is not writable), which Typst reads in 3 ms. Beside each copy, the characters it holds: a publication with a
character one of them lacks (a rare hanzi, ‟) is given the system's fonts too (about 0.1 s more), the whole
fonts next in the font stacks and any font that has the character last.

Each copy is named by its face, its source font's path, face index, mtime and size and by `RECIPE`, so an
upgraded font or a changed recipe builds a new copy (the old one of that face is removed). Writes are
atomic (temporary file, then rename); a lock keeps threads of one process from building twice. Building
takes a few seconds a face (fontTools), once. Any failure leaves the PDF on the system's fonts.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from yusuan.render.fonts import BODY, HEADING

SERIF, SANS = "yusuan Serif", "yusuan Sans"  # the copies' families: the PDF's body and headings
FACES = ((SERIF, BODY, False), (SERIF, BODY, True), (SANS, HEADING, True))  # family, sources, bold
RECIPE = 3  # bump when the character set, the subsetting options or the naming change
_BOLD = 200  # fontconfig's weight of a bold face

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


def find_source(families: tuple[str, ...] = BODY, bold: bool = False) -> tuple[Path, int] | None:
    """File and face index of the first of `families` fontconfig knows (in bold: that has a bold face),
    or None."""
    for family in families:
        try:
            out = subprocess.run(
                ["fc-match", "--format=%{file}\n%{index}\n%{family}\n%{weight}\n%{embolden}",
                 f"{family}:weight={_BOLD}" if bold else family],
                capture_output=True, text=True, timeout=30, check=True,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None  # no fontconfig tools: stay on the system font stack
        parts = out.split("\n")
        if len(parts) != 5 or family not in parts[2].split(","):
            continue  # fc-match always answers: a substitute is not it
        if bold and (float(parts[3] or 0) < _BOLD or parts[4] == "True"):
            continue  # nor a regular face it would embolden
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


def _subdir(name: str) -> Path:
    path = cache_dir() / name
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def _slug(family: str, bold: bool) -> str:
    return f"{family.split()[-1].lower()}-{'bold' if bold else 'regular'}"


def cached_name(source: Path, index: int, family: str = SERIF, bold: bool = False) -> str:
    st = source.stat()
    key = f"{source.resolve()}|{index}|{st.st_mtime_ns}|{st.st_size}|{RECIPE}"
    return f"{_slug(family, bold)}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.ttf"


def build(source: Path, index: int, target: Path, family: str = SERIF) -> None:
    """Write the copy of face `index` of `source` to `target` (atomically), named `family`, and beside it
    (`.txt`) the characters it holds."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), fontNumber=index, lazy=True)
    options = subset.Options(
        hinting=False,  # hinting is for screens: a printed page does not use it
        notdef_outline=True,
        glyph_names=False,
        layout_features=[],  # no GSUB closure over vertical and regional alternates: half the time
        drop_tables=[*subset.Options().drop_tables, "BDF", "FFTM"],  # WQY's bitmap index, FontForge stamp
    )
    chars = wanted(set(font.getBestCmap()))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)
    _rename(font, family)
    _write(target.with_suffix(".txt"), lambda f: f.write("".join(map(chr, sorted(chars))).encode("utf-8")))
    _write(target, font.save)


def _write(target: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _rename(font, family: str) -> None:
    """A family of its own, so that no font matching ever takes the copy for the whole font (nameIDs 1–4, 6,
    16, 17)."""
    bold = bool(font["OS/2"].fsSelection & 0x20) if "OS/2" in font else False
    style = "Bold" if bold else "Regular"
    ps = family.replace(" ", "")
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = family
        elif record.nameID in (2, 17):
            record.string = style
        elif record.nameID in (3, 4):
            record.string = f"{family} {style}"
        elif record.nameID == 6:
            record.string = f"{ps}-{style}"


@dataclass(frozen=True, slots=True)
class Face:
    """A cached copy: its family (SERIF or SANS), weight, file and the characters it holds."""

    family: str
    bold: bool
    path: Path
    chars: frozenset[str] = frozenset()


@functools.cache
def subset_fonts() -> tuple[Face, ...]:
    """The cached copies of `FACES` found installed (built on first use), all in `font_dir()`; none when
    there is no font or a build failed."""
    faces = []
    with _lock:
        try:
            folder = _subdir("fonts")
            found = _sources(folder)
            for family, sources, bold in FACES:
                source = found[_slug(family, bold)]
                if source is None:
                    continue
                target = folder / cached_name(*source, family, bold)
                chars = target.with_suffix(".txt")
                if not (target.is_file() and chars.is_file()):
                    build(*source, target, family)
                    _remove_others(folder, target)
                faces.append(Face(family, bold, target, frozenset(chars.read_text(encoding="utf-8"))))
        except Exception as exc:  # a missing or odd font must not stop a PDF
            log.warning("无法生成精简字体，使用完整字体：%s", exc)
            return ()
    return tuple(faces)


_MANIFEST = "sources.json"


def _sources(folder: Path) -> dict[str, tuple[Path, int] | None]:
    """The source face of each of `FACES` (by its slug), as fontconfig finds it (`find_source`). What it
    found is kept beside the copies with the state of fontconfig's folders, and asked again only when that
    state changed (fonts installed or removed, fontconfig's caches rebuilt) or a source is gone: three
    fc-match processes cost a command 25 ms, several times that on a busy machine."""
    state = _fontconfig_state()
    manifest = folder / _MANIFEST
    try:
        kept = json.loads(manifest.read_text(encoding="utf-8"))
        if kept["state"] == state and kept["recipe"] == RECIPE:
            found = {slug: (Path(s[0]), int(s[1])) if s else None for slug, s in kept["sources"].items()}
            if set(found) == {_slug(f, b) for f, _, b in FACES} and all(s is None or s[0].is_file() for s in found.values()):
                return found
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass
    found = {_slug(family, bold): find_source(sources, bold) for family, sources, bold in FACES}
    data = {"state": state, "recipe": RECIPE, "sources": {k: [str(v[0]), v[1]] if v else None for k, v in found.items()}}
    _write(manifest, lambda f: f.write(json.dumps(data, ensure_ascii=False).encode("utf-8")))
    return found


def _fontconfig_state() -> list[str]:
    """What changes when fonts are installed or removed: the modification times of fontconfig's
    configuration and cache folders and of the usual font folders (fontconfig itself compares folder
    times to know its caches are stale), and the variables that point it elsewhere."""
    home = Path.home()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    folders = ("/etc/fonts", "/etc/fonts/conf.d", "/var/cache/fontconfig", "/usr/share/fonts",
               "/usr/local/share/fonts", cache / "fontconfig", home / ".fonts", data / "fonts")
    state = [f"{name}={os.environ.get(name, '')}" for name in ("FONTCONFIG_FILE", "FONTCONFIG_PATH")]
    for folder in folders:
        try:
            state.append(f"{folder}:{os.stat(folder).st_mtime_ns}")
        except OSError:
            state.append(f"{folder}:-")
    return state


def _remove_others(folder: Path, keep: Path) -> None:
    """Older copies of the same face (another source font or recipe): one copy a family and weight."""
    slug = keep.name.rsplit("-", 1)[0]
    for old in folder.glob(f"{slug}-*"):
        if old.stem != keep.stem:
            old.unlink(missing_ok=True)


def font_dir() -> Path | None:
    """The directory of the copies, or None without them."""
    faces = subset_fonts()
    return faces[0].path.parent if faces else None


def covered(chars: set[str]) -> bool:
    """Every one of `chars` is in every copy (whitespace aside): the copies alone print them."""
    faces = subset_fonts()
    return bool(faces) and all(chars - f.chars <= _BLANK for f in faces)


_BLANK = frozenset(" \t\n\r\u3000\xa0")
