"""Ruling lines of a page: stroked lines and thin filled rectangles, merged into long rules."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from yusuan.ingest.pdf.calls import (
    bounds,
    count_objects,
    draw_mode,
    fill_color,
    form_count,
    form_get,
    get_object,
    get_type,
    path_segment,
    path_segments,
    segment_close,
    segment_point,
    segment_type,
    stroke_color,
)
from yusuan.ingest.pdf.geometry import (
    IDENTITY,
    Matrix,
    PageSpace,
    apply_box,
    apply_point,
    compose,
    object_matrix,
)

THIN = 3.0  # points: thicker than this is a filled area, not a rule
_MERGE_GAP = 2.5  # collinear pieces this close become one rule
_SAME_LINE = 1.2  # rules this close across their length are the same line
_MIN_LENGTH = 3.0  # points: shorter strokes are dots and joints, not rules
_LIGHT = 235  # a rule lighter than this grey (0-255) is invisible on white paper
FORM_DEPTH = 4  # paths in form XObjects nested deeper than this are not looked at


@dataclass(slots=True)
class Rule:
    """A horizontal (at y, from a to b along x) or vertical (at x, from a to b along y) rule."""

    pos: float
    a: float
    b: float


@dataclass(slots=True)
class Rules:
    horizontal: list[Rule]
    vertical: list[Rule]


def read_rules(page, space: PageSpace, paths: list[tuple[int, Matrix]] | None = None) -> Rules:
    """The page's rules, from its path objects; `paths` (each with its matrix) when a walk over the page
    found them already (reader.py: the one that counts the objects against their limits)."""
    hs: list[tuple[float, float, float]] = []
    vs: list[tuple[float, float, float]] = []
    walk = _Paths(space, hs, vs)
    if paths is None:
        walk.collect(page.raw, count_objects, get_object, IDENTITY, 0)
    else:
        for obj, matrix in paths:
            walk.path(obj, matrix)
    return Rules(merge(hs), merge(vs))  # the order the paths came in does not matter: merge sorts them


class _Paths:
    """One walk over a page's path objects, into form XObjects; PDFium's answers written into buffers made
    once a page (calls.py: the calls take their addresses)."""

    __slots__ = ("space", "hs", "vs", "ints", "floats", "int_at", "float_at")

    def __init__(self, space: PageSpace, hs: list, vs: list) -> None:
        self.space, self.hs, self.vs = space, hs, vs
        self.ints = (ctypes.c_uint * 4)()  # a draw mode (fill, stroke) or a colour (r, g, b, a)
        self.floats = (ctypes.c_float * 4)()  # a box (left, bottom, right, top) or a point (x, y)
        a, f = ctypes.addressof(self.ints), ctypes.addressof(self.floats)
        self.int_at = (a, a + 4, a + 8, a + 12)
        self.float_at = (f, f + 4, f + 8, f + 12)

    def collect(self, holder, count, get, matrix: Matrix, depth: int) -> None:
        for k in range(count(holder)):
            obj = get(holder, k)
            kind = get_type(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                self.path(obj, matrix)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < FORM_DEPTH:
                self.collect(obj, form_count, form_get, compose(object_matrix(obj), matrix), depth + 1)

    def path(self, obj, matrix: Matrix) -> None:
        space, hs, vs = self.space, self.hs, self.vs
        if not draw_mode(obj, *self.int_at[:2]):
            return
        fill_mode, stroke = self.ints[0], self.ints[1]
        stroked = bool(stroke) and self.visible(obj, stroke_color)
        filled = fill_mode != 0 and self.visible(obj, fill_color)
        if not (stroked or filled):
            return
        if not bounds(obj, *self.float_at):
            return
        x0, y0, x1, y1 = apply_box(matrix, *self.floats)
        if _add_thin(space.box(x0, y0, x1, y1), hs, vs):
            return
        # A larger path: look at its pieces (a stroked rectangle or polyline, several thin filled rectangles).
        full = compose(object_matrix(obj), matrix)
        for points, closed in self.subpaths(obj):
            pts = [apply_point(full, x, y) for x, y in points]
            if stroked:
                ends = pts + [pts[0]] if closed else pts
                for (ax, ay), (bx, by) in zip(ends, ends[1:]):
                    _add_thin(space.box(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)), hs, vs)
            elif len(pts) >= 3:
                xs, ys = [p[0] for p in pts], [p[1] for p in pts]
                _add_thin(space.box(min(xs), min(ys), max(xs), max(ys)), hs, vs)

    def visible(self, obj, get_color) -> bool:
        if not get_color(obj, *self.int_at):
            return True
        r, g, b, a = self.ints
        if a == 0:
            return False
        return 0.299 * r + 0.587 * g + 0.114 * b < _LIGHT

    def subpaths(self, obj):
        """(points, closed) per subpath; curves make a subpath useless for rules and end it."""
        points: list[tuple[float, float]] = []
        closed = False
        xy, at = self.floats, self.float_at[:2]
        for i in range(path_segments(obj)):
            seg = path_segment(obj, i)
            kind = segment_type(seg)
            segment_point(seg, *at)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                if len(points) >= 2:
                    yield points, closed
                points, closed = [(xy[0], xy[1])], False
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
                points.append((xy[0], xy[1]))
            else:
                points = []
            if segment_close(seg):
                closed = True
        if len(points) >= 2:
            yield points, closed


def _add_thin(box, hs, vs) -> bool:
    x0, top, x1, bottom = box
    w, h = x1 - x0, bottom - top
    if h <= THIN and w >= max(2 * h, _MIN_LENGTH):
        hs.append(((top + bottom) / 2, x0, x1))
        return True
    if w <= THIN and h >= max(2 * w, _MIN_LENGTH):
        vs.append(((x0 + x1) / 2, top, bottom))
        return True
    return w <= THIN and h <= THIN  # a dot or a stub: nothing to add, nothing to look into


def merge(segments: list[tuple[float, float, float]]) -> list[Rule]:
    """Join collinear pieces (the same line drawn cell by cell) into long rules."""
    rules: list[Rule] = []
    segments.sort()
    # group by position
    groups: list[list[tuple[float, float, float]]] = []
    for s in segments:
        if groups and s[0] - groups[-1][-1][0] <= _SAME_LINE:
            groups[-1].append(s)
        else:
            groups.append([s])
    for g in groups:
        pos = sum(s[0] for s in g) / len(g)
        spans = sorted((s[1], s[2]) for s in g)
        a, b = spans[0]
        for sa, sb in spans[1:]:
            if sa <= b + _MERGE_GAP:
                b = max(b, sb)
            else:
                rules.append(Rule(pos, a, b))
                a, b = sa, sb
        rules.append(Rule(pos, a, b))
    return rules
