"""Ruling lines of a page: stroked lines and thin filled rectangles, merged into long rules."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

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


def read_rules(page, space: PageSpace) -> Rules:
    hs: list[tuple[float, float, float]] = []
    vs: list[tuple[float, float, float]] = []
    _collect(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, IDENTITY, space, hs, vs, 0)
    return Rules(merge(hs), merge(vs))


def _collect(holder, count, get, matrix: Matrix, space: PageSpace, hs, vs, depth: int) -> None:
    for k in range(count(holder)):
        obj = get(holder, k)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            _path(obj, matrix, space, hs, vs)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
            inner = compose(object_matrix(obj), matrix)
            _collect(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, inner, space, hs, vs, depth + 1)


def _path(obj, matrix: Matrix, space: PageSpace, hs, vs) -> None:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return
    stroked = bool(stroke.value) and _visible(obj, pdfium_c.FPDFPageObj_GetStrokeColor)
    filled = fill_mode.value != 0 and _visible(obj, pdfium_c.FPDFPageObj_GetFillColor)
    if not (stroked or filled):
        return
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(obj, ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t)):
        return
    x0, y0, x1, y1 = apply_box(matrix, l.value, b.value, r.value, t.value)
    if _add_thin(space.box(x0, y0, x1, y1), hs, vs):
        return
    # A larger path: look at its pieces (a stroked rectangle or polyline, several thin filled rectangles).
    full = compose(object_matrix(obj), matrix)
    for points, closed in _subpaths(obj):
        pts = [apply_point(full, x, y) for x, y in points]
        if stroked:
            ends = pts + [pts[0]] if closed else pts
            for (ax, ay), (bx, by) in zip(ends, ends[1:]):
                _add_thin(space.box(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)), hs, vs)
        elif len(pts) >= 3:
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            _add_thin(space.box(min(xs), min(ys), max(xs), max(ys)), hs, vs)


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


def _visible(obj, get_color) -> bool:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not get_color(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return True
    if a.value == 0:
        return False
    return 0.299 * r.value + 0.587 * g.value + 0.114 * b.value < _LIGHT


def _subpaths(obj):
    """(points, closed) per subpath; curves make a subpath useless for rules and end it."""
    points: list[tuple[float, float]] = []
    closed = False
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if len(points) >= 2:
                yield points, closed
            points, closed = [(x.value, y.value)], False
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            points.append((x.value, y.value))
        else:
            points = []
        if pdfium_c.FPDFPathSegment_GetClose(seg):
            closed = True
    if len(points) >= 2:
        yield points, closed


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
