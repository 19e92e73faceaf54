"""Rewrite a PDF with its text drawn in another order (pikepdf), the way some producers draw it.

ONLYOFFICE and some WPS exports draw a line's characters, its punctuation and its numbers in an order
unrelated to their place, and numbers on runs of their own. `shuffle_pdf` makes such a file from any
PDF: every text object (BT … ET) of every page is cut into runs at its positioning operators (Td, TD,
Tm, T*, ', "): each run starts from a line matrix known without font metrics. Each run becomes a text
object of its own, carrying the whole graphics and text state it was drawn in (clip paths with the
matrix they were made under, the CTM, colours, ExtGState, text state), wrapped in q … Q. The page then
draws its other content as before (paths, images, the state changes made inside text objects) and all
the runs after it, in an order drawn by a seeded RNG. The page looks the same; only the order differs.

A space stays in the run of a glyph of its string: pdfium drops a text object holding only spaces (its
box has no width), so a producer drawing spaces alone loses them whatever the order, and the reader
then prints a space only where the gap is wide (pdf/text.py). That is the object grouping, not the order.
"""

from __future__ import annotations

import copy
import random
import re
from pathlib import Path

import pikepdf
from pikepdf import ContentStreamInstruction as Instr
from pikepdf import Operator

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

_GSTATE = {"w", "J", "j", "M", "d", "ri", "i"}  # kept as the last one set
_TEXT_STATE = {"Tc", "Tw", "Tz", "TL", "Tf", "Tr", "Ts"}
_PATH = {"m", "l", "c", "v", "y", "h", "re"}
_PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}
_MARKS = {"BDC", "BMC", "EMC", "MP", "DP"}  # marked content: no ink, and may straddle text objects
_FILL = {"g": "fill", "rg": "fill", "k": "fill", "cs": "fill", "sc": "fill", "scn": "fill"}
_STROKE = {"G": "stroke", "RG": "stroke", "K": "stroke", "CS": "stroke", "SC": "stroke", "SCN": "stroke"}
_POSITION = {"Td", "TD", "Tm", "T*", "'", '"'}


class Unsupported(Exception):
    """A page this rewriter cannot reorder faithfully (text used as a clip path)."""


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m × n in PDF's row-vector convention (m applied first)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def invert(m: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    det = a * d - b * c
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_))


def _nums(instr: Instr) -> list[float]:
    return [float(o) for o in instr.operands]


def _op(name: str, *operands) -> Instr:
    return Instr(list(operands), Operator(name))


class _State:
    """The graphics state in force, as the instructions that would set it again."""

    def __init__(self) -> None:
        self.ctm: Matrix = IDENTITY
        self.gstate: dict[str, Instr] = {}
        self.ext: list[Instr] = []  # gs, in order (each may set different parameters)
        self.colour: dict[str, list[Instr]] = {"fill": [], "stroke": []}
        self.text: dict[str, Instr] = {}
        self.clips: list[tuple[Matrix, list[Instr], Instr]] = []

    def copy(self) -> "_State":
        s = copy.copy(self)
        s.gstate, s.ext, s.text, s.clips = dict(self.gstate), list(self.ext), dict(self.text), list(self.clips)
        s.colour = {k: list(v) for k, v in self.colour.items()}
        return s

    def apply(self, instr: Instr) -> bool:
        """Take a state-setting instruction; False if `instr` sets no state kept here."""
        op = str(instr.operator)
        if op == "cm":
            self.ctm = multiply(tuple(_nums(instr)), self.ctm)
        elif op in _GSTATE:
            self.gstate[op] = instr
        elif op == "gs":
            self.ext.append(instr)
        elif op in _TEXT_STATE:
            self.text[op] = instr
        elif op in _FILL or op in _STROKE:
            which = _FILL.get(op) or _STROKE[op]
            if op in ("sc", "scn", "SC", "SCN"):
                self.colour[which] = [i for i in self.colour[which] if str(i.operator) in ("cs", "CS")] + [instr]
            else:
                self.colour[which] = [instr]
        else:
            return False
        return True

    def leading(self) -> float:
        tl = self.text.get("TL")
        return float(tl.operands[0]) if tl is not None else 0.0

    def replay(self) -> list[Instr]:
        """Instructions setting this state from the page's initial one."""
        out: list[Instr] = []
        current = IDENTITY
        for ctm, path, clip in self.clips:
            out.append(_op("cm", *_delta(current, ctm)))
            out.extend(path)
            out.extend([clip, _op("n")])
            current = ctm
        out.append(_op("cm", *_delta(current, self.ctm)))
        out.extend(self.gstate.values())
        out.extend(self.ext)
        out.extend(self.colour["fill"])
        out.extend(self.colour["stroke"])
        return out


def _delta(current: Matrix, target: Matrix) -> Matrix:
    """The cm operand taking the CTM from `current` to `target`."""
    return multiply(target, invert(current))


class _Run:
    __slots__ = ("state", "line", "body", "spaces_only")

    def __init__(self, state: _State, line: Matrix) -> None:
        self.state, self.line, self.body, self.spaces_only = state, line, [], False

    def instructions(self) -> list[Instr]:
        out = [_op("q"), *self.state.replay(), _op("BT"), *self.state.text.values(), _op("Tm", *self.line)]
        return out + self.body + [_op("ET"), _op("Q")]


_SPACE_TEXT = {" ", "\u00a0", "\u3000"}
_CMAP_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_CMAP_TOKEN = re.compile(rb"<([0-9A-Fa-f]*)>|\[([^\]]*)\]")


def space_codes(font) -> set[int]:
    """The codes a font's ToUnicode map reads as a space (32 in a simple font without one)."""
    spaces = set() if "/ToUnicode" in font or font.get("/Subtype") == "/Type0" else {32}
    if "/ToUnicode" not in font:
        return spaces
    def text(hex_: bytes) -> str:
        return bytes.fromhex(hex_.decode()).decode("utf-16-be", errors="replace")

    for kind, body in _CMAP_SECTION.findall(font.ToUnicode.read_bytes()):
        tokens = [m.group(1) if m.group(1) is not None else m.group(2) for m in _CMAP_TOKEN.finditer(body)]
        step = 2 if kind == b"bfchar" else 3
        for k in range(0, len(tokens) - step + 1, step):
            lo = int(tokens[k], 16) if tokens[k] else 0
            if kind == b"bfchar":
                if text(tokens[k + 1]) in _SPACE_TEXT:
                    spaces.add(lo)
                continue
            hi, dst = int(tokens[k + 1] or b"0", 16), tokens[k + 2]
            if b"<" in dst:  # an array of destinations
                for j, m in enumerate(re.findall(rb"<([0-9A-Fa-f]*)>", dst)):
                    if text(m) in _SPACE_TEXT:
                        spaces.add(lo + j)
            elif dst:
                first = text(dst)
                for code in range(lo, hi + 1):
                    if first and chr(ord(first[-1]) + code - lo) in _SPACE_TEXT:
                        spaces.add(code)
    return spaces


class Widths:
    """Glyph advances of a page's fonts, where the codes can be cut without a CMap: simple fonts
    (one byte a code) and Type0 fonts in Identity-H (two bytes); None for any other font. With
    them, the codes read as spaces."""

    def __init__(self, resources) -> None:
        self.fonts = resources.get("/Font", {}) if resources is not None else {}
        self.cache: dict[str, tuple[int, dict[int, float], float, set[int]] | None] = {}

    def of(self, name: str) -> tuple[int, dict[int, float], float, set[int]] | None:
        if name not in self.cache:
            font = self.fonts.get(name)
            known = self._read(font)
            self.cache[name] = None if known is None else (*known, space_codes(font))
        return self.cache[name]

    @staticmethod
    def _read(font) -> tuple[int, dict[int, float], float] | None:
        if font is None:
            return None
        kind = font.get("/Subtype")
        if kind == "/Type0":
            if font.get("/Encoding") != "/Identity-H":
                return None
            cid = font.DescendantFonts[0]
            widths: dict[int, float] = {}
            w = list(cid.get("/W", []))
            i = 0
            while i < len(w):
                first = int(w[i])
                if isinstance(w[i + 1], pikepdf.Array):
                    for k, v in enumerate(w[i + 1]):
                        widths[first + k] = float(v)
                    i += 2
                else:
                    for code in range(first, int(w[i + 1]) + 1):
                        widths[code] = float(w[i + 2])
                    i += 3
            return 2, widths, float(cid.get("/DW", 1000))
        if kind in ("/TrueType", "/Type1", "/MMType1") and "/Widths" in font:
            first = int(font.get("/FirstChar", 0))
            widths = {first + k: float(v) for k, v in enumerate(font.Widths)}
            missing = float(font.get("/FontDescriptor", {}).get("/MissingWidth", 0))
            return 1, widths, missing
        return None


def split_page(instructions, widths: Widths | None = None) -> tuple[list[Instr], list[_Run]]:
    """(the page's content without its text, restored to the initial state at its end; the runs).

    With `widths`, a string shown in a font whose advances are known is cut into one run a glyph."""
    state = _State()
    stack: list[_State] = []
    base: list[Instr] = []
    runs: list[_Run] = []
    path: list[Instr] = []
    clip_op: Instr | None = None
    in_text = False
    line: Matrix = IDENTITY
    tm: Matrix | None = IDENTITY  # the text matrix, None once a show of unknown advance moved it
    run: _Run | None = None  # the run taking shows while the text matrix is unknown

    def show(strings) -> None:
        nonlocal tm, run
        font = state.text.get("Tf")
        known = widths.of(str(font.operands[0])) if widths is not None and font is not None else None
        if known is None or tm is None:
            if run is None:
                run = _Run(state.copy(), tm or line)
                runs.append(run)
            run.body.append(_op("TJ", pikepdf.Array(strings)))
            tm = None
            return
        size, table, missing, spaces = known
        fs = float(font.operands[1])
        tc, tw, th = (float(state.text[k].operands[0]) if k in state.text else d for k, d in
                      (("Tc", 0.0), ("Tw", 0.0), ("Tz", 100.0)))
        th /= 100
        for item in strings:
            if not isinstance(item, pikepdf.String):
                tm = multiply((1.0, 0.0, 0.0, 1.0, -float(item) / 1000 * fs * th, 0.0), tm)
                continue
            data = bytes(item)
            piece = None
            for k in range(0, len(data) - size + 1, size):
                glyph = data[k : k + size]
                code = int.from_bytes(glyph, "big")
                space = code in spaces
                if piece is None or not (space or piece.spaces_only):
                    piece = _Run(state.copy(), tm)
                    piece.spaces_only = space
                    runs.append(piece)
                    piece.body.append(_op("Tj", pikepdf.String(glyph)))
                else:  # a space stays with a glyph of its string: pdfium drops a text object of spaces alone
                    piece.body[-1] = _op("Tj", pikepdf.String(bytes(piece.body[-1].operands[0]) + glyph))
                    piece.spaces_only = piece.spaces_only and space
                advance = (table.get(code, missing) / 1000 * fs + tc + (tw if size == 1 and code == 32 else 0)) * th
                tm = multiply((1.0, 0.0, 0.0, 1.0, advance, 0.0), tm)

    for instr in instructions:
        op = str(instr.operator)
        if op in _MARKS:
            continue
        if in_text:
            if op == "ET":
                in_text, run = False, None
                continue
            if op in ("Tr",) and int(instr.operands[0]) >= 4:
                raise Unsupported("text as a clip path")
            if op in _POSITION:
                if op == '"':
                    aw, ac = instr.operands[0], instr.operands[1]
                    for name, value in (("Tw", aw), ("Tc", ac)):
                        state.apply(_op(name, value))
                        base.append(_op(name, value))
                if op == "Tm":
                    line = tuple(_nums(instr))
                elif op in ("Td", "TD"):
                    tx, ty = _nums(instr)
                    if op == "TD":
                        state.apply(_op("TL", -ty))
                        base.append(_op("TL", -ty))
                    line = multiply((1.0, 0.0, 0.0, 1.0, tx, ty), line)
                else:  # T*, ', "
                    line = multiply((1.0, 0.0, 0.0, 1.0, 0.0, -state.leading()), line)
                tm, run = line, None
                if op in ("'", '"'):
                    show([instr.operands[-1]])
                continue
            if op == "Tj":
                show([instr.operands[0]])
                continue
            if op == "TJ":
                show(list(instr.operands[0]))
                continue
            if state.apply(instr):
                base.append(instr)  # it outlives the text object
                if run is not None:
                    run.body.append(instr)
            continue
        if op == "BT":
            in_text, line, tm, run = True, IDENTITY, IDENTITY, None
        elif op == "q":
            stack.append(state.copy())
            base.append(instr)
        elif op == "Q":
            if stack:
                state = stack.pop()
                base.append(instr)
        elif op in _PATH:
            path.append(instr)
            base.append(instr)
        elif op in ("W", "W*"):
            clip_op = instr
            base.append(instr)
        elif op in _PAINT:
            if clip_op is not None:
                state.clips.append((state.ctm, path, clip_op))
            path, clip_op = [], None
            base.append(instr)
        else:
            state.apply(instr)
            base.append(instr)
    base.extend(_op("Q") for _ in stack)  # unmatched Q's were dropped: this Q ends at the initial state
    return [_op("q"), *base, _op("Q")], runs


def shuffle_pdf(src: Path, dst: Path, seed: int, *, glyphs: bool = True) -> int:
    """Write `src` to `dst` with every page's text runs drawn in a shuffled order (with `glyphs`, a
    run a glyph where the font's advances are known); the number of runs."""
    rng = random.Random(seed)
    total = 0
    with pikepdf.open(src) as pdf:
        for page in pdf.pages:
            widths = Widths(page.obj.get("/Resources")) if glyphs else None
            base, runs = split_page(pikepdf.parse_content_stream(page), widths)
            if not runs:
                continue
            rng.shuffle(runs)
            out = list(base)
            for run in runs:
                out.extend(run.instructions())
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))
            total += len(runs)
        pdf.save(dst)
    return total
