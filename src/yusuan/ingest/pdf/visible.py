"""Which text of a page can be seen when it is printed.

pdfium's text layer holds every glyph the content stream shows, seen or not. WPS exports an
overflowing text box by drawing its whole text and clipping it to the box, so the clipped-away
part (the previous page's text, lines above the page) is in the text layer too. A character counts
only if its centre is inside the page (crop box within the media box) and inside every clip path
of its text object, including the clip paths of the form XObjects around it. Text drawn without
ink does not count either: fully transparent text, and white text with nothing drawn under it.
Text in render mode 3 or 7 (no ink) counts only over an image: that is an OCR layer, the text of
the scan under it.

The work follows what is drawn: a text object costs the few calls that tell its ink and its clip (a
clip path is read once a page however many objects share it); its box is asked for only where its
clip could cut it or its ink could hide it. When every text object of a page lies under one and the
same rectangular clip (a text area, a page margin), that rectangle narrows the page's visible area
instead, and the characters are tested against it as they are read. Characters are mapped to their
objects only on pages where some object is hidden.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Callable

import pypdfium2.raw as pdfium_c

from yusuan.ingest.pdf.calls import H, I, fast, handle
from yusuan.ingest.pdf.calls import bounds as _bounds
from yusuan.ingest.pdf.calls import count_objects as _count_objects
from yusuan.ingest.pdf.calls import fill_color as _fill_color
from yusuan.ingest.pdf.calls import form_count as _form_count
from yusuan.ingest.pdf.calls import form_get as _form_get
from yusuan.ingest.pdf.calls import get_object as _get_object
from yusuan.ingest.pdf.calls import get_type as _get_type
from yusuan.ingest.pdf.calls import segment_point as _segment_point
from yusuan.ingest.pdf.calls import segment_type as _segment_type
from yusuan.ingest.pdf.calls import stroke_color as _stroke_color
from yusuan.ingest.pdf.geometry import (
    IDENTITY,
    Matrix,
    apply_box,
    apply_point,
    compose,
    object_matrix,
)

_WHITE = 250  # text lighter than this grey (0-255) cannot be seen on white paper
_NO_INK = frozenset((pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP))
_STROKE_ONLY = frozenset((pdfium_c.FPDF_TEXTRENDERMODE_STROKE, pdfium_c.FPDF_TEXTRENDERMODE_STROKE_CLIP))
_FILL_STROKE = frozenset((pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE, pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE_CLIP))
FORM_DEPTH = 8  # form XObjects nested deeper than this are not looked into
_TEXT, _FORM, _IMAGE = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_IMAGE

UserBox = tuple[float, float, float, float]  # left, bottom, right, top in PDF user space
Polygon = tuple[tuple[float, float], ...]
_NOWHERE: UserBox = (0.0, 0.0, -1.0, -1.0)
_SEEN, _WHITE_INK, _CLEAR, _NONE = "seen", "white", "clear", "none"  # a text object's ink


@dataclass(frozen=True, slots=True)
class Shape:
    """A clip path that is not one upright rectangle: inside where the winding number is not 0."""

    polygons: tuple[Polygon, ...]
    box: UserBox

    def holds(self, x: float, y: float) -> bool:
        l, b, r, t = self.box
        return l <= x <= r and b <= y <= t and sum(_winding(p, x, y) for p in self.polygons) != 0

    def covers(self, box: UserBox) -> bool:
        l, b, r, t = box
        return all(self.holds(x, y) for x, y in ((l, b), (r, b), (l, t), (r, t)))


@dataclass(frozen=True, slots=True)
class Clip:
    """All clip paths of a text object, intersected: one rectangle and any other shapes."""

    rect: UserBox  # l > r: nothing is visible
    shapes: tuple[Shape, ...] = ()

    def holds(self, x: float, y: float) -> bool:
        l, b, r, t = self.rect
        return l <= x <= r and b <= y <= t and all(s.holds(x, y) for s in self.shapes)

    def verdict(self, box: UserBox) -> Clip | bool | None:
        """None if all of `box` is visible, True if none of it is, else self (test each char)."""
        if self.covers(box):
            return None
        l, b, r, t = box
        L, B, R, T = self.rect
        if r < L or l > R or t < B or b > T:
            return True
        return self

    def covers(self, box: UserBox) -> bool:
        l, b, r, t = box
        L, B, R, T = self.rect
        return L <= l and r <= R and B <= b and t <= T and all(s.covers(box) for s in self.shapes)

    def add(self, area: UserBox | Shape) -> Clip:
        box = area.box if isinstance(area, Shape) else area
        L, B, R, T = self.rect
        rect = (max(L, box[0]), max(B, box[1]), min(R, box[2]), min(T, box[3]))
        if rect[0] > rect[2] or rect[1] > rect[3]:
            return Clip(_NOWHERE)
        return Clip(rect, self.shapes + (area,) if isinstance(area, Shape) else self.shapes)


_EVERYWHERE = Clip((float("-inf"), float("-inf"), float("inf"), float("inf")))
_MIXED = object()  # text objects under different clips
Hidden = bool | Clip  # True: every char of the object hidden; a Clip: chars outside it hidden


_render_mode = fast(pdfium_c.FPDFTextObj_GetTextRenderMode, I, H)
_get_clip = fast(pdfium_c.FPDFPageObj_GetClipPath, H, H)
_clip_paths = fast(pdfium_c.FPDFClipPath_CountPaths, I, H)
_clip_segment = fast(pdfium_c.FPDFClipPath_GetPathSegment, H, H, I, I)
_clip_segments = fast(pdfium_c.FPDFClipPath_CountPathSegments, I, H, I)
_MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO
# pdfium before 2023 lacks FPDFText_GetTextObject: chars are then matched to objects by their boxes
_text_object = (
    fast(pdfium_c.FPDFText_GetTextObject, H, H, I) if hasattr(pdfium_c, "FPDFText_GetTextObject") else None
)


@dataclass(slots=True)
class Visibility:
    """The page's visible area, and the text objects (by handle) not wholly visible."""

    view: UserBox
    hidden: dict[int, Hidden] = field(default_factory=dict)
    boxes: dict[int, UserBox] = field(default_factory=dict)  # of the objects in `hidden`

    def checker(self, textpage) -> Callable[[int, float, float], bool] | None:
        """None if no text object is hidden (then only `view` matters), else
        shows(index, x, y): whether char `index` of `textpage`, centred at (x, y) in user space, is
        not hidden by its object (its clip, its ink)."""
        hidden = self.hidden
        if not hidden:
            return None
        if _text_object is None:
            return self._by_box(textpage)
        raw = handle(textpage.raw)

        def shows(index: int, x: float, y: float) -> bool:
            verdict = hidden.get(_text_object(raw, index))
            return verdict is None or (verdict is not True and verdict.holds(x, y))

        return shows

    def _by_box(self, textpage) -> Callable[[int, float, float], bool]:
        """shows() matching a char to the hidden objects by the centre of its glyph's box (the
        objects' boxes are glyph boxes too: a comma's lies well below its line's middle)."""
        raw, boxes, hidden = textpage.raw, self.boxes, self.hidden
        l, r, b, t = (ctypes.c_double() for _ in range(4))
        refs = [ctypes.byref(v) for v in (l, r, b, t)]

        def shows(index: int, x: float, y: float) -> bool:
            if pdfium_c.FPDFText_GetCharBox(raw, index, *refs):
                x, y = (l.value + r.value) / 2, (b.value + t.value) / 2
            for obj, (L, B, R, T) in boxes.items():
                if L <= x <= R and B <= y <= T:
                    verdict = hidden[obj]
                    if verdict is True or not verdict.holds(x, y):
                        return False
            return True

        return shows


def page_visibility(page) -> Visibility:
    ml, mb, mr, mt = page.get_mediabox()
    cl, cb, cr, ct = page.get_cropbox()
    view = (max(ml, cl), max(mb, cb), min(mr, cr), min(mt, ct))
    walk = _Walk(view)
    raw = handle(page.raw)
    walk.run(raw, _count_objects(raw), _get_object, IDENTITY, _EVERYWHERE, 0)
    if walk.deferred:
        view = walk.settle(view)
    if walk.pending:
        fills = _fills(page) if any(white for *_, white in walk.pending) else []
        for obj, box, z, clip, white in walk.pending:
            if _over(box, z, walk.images + fills if white else walk.images):
                # no ink over an image: an OCR layer, saying what the scan shows;
                # white ink on a dark fill or a picture: printed in reverse
                verdict = clip.verdict(box)
                if verdict is not None:
                    walk.hidden[obj], walk.boxes[obj] = verdict, box
            else:
                walk.hidden[obj], walk.boxes[obj] = True, box
    return Visibility(view, walk.hidden, walk.boxes)


class _Walk:
    """One pass over the page objects, into form XObjects, in painting order."""

    __slots__ = (
        "view", "hidden", "boxes", "pending", "images", "z", "areas", "inks", "_box", "_box_at", "_rgba", "_rgba_at",
        "deferred", "clip_of_all",
    )

    def __init__(self, view: UserBox) -> None:
        self.view = view
        self.hidden: dict[int, Hidden] = {}
        self.boxes: dict[int, UserBox] = {}
        self.pending: list = []  # (obj, box, z, clip, white): no ink or white ink, seen only on something
        self.images: list[tuple[UserBox, int]] = []
        # seen text under a rectangular clip that may cut it, by its clip: boxed only if need be (settle)
        self.deferred: dict[Clip, list[tuple[int, Matrix]]] = {}
        self.clip_of_all: Clip | None = None  # the clip of every text object so far; _MIXED once two differ
        self.z = 0  # painting order
        # A segment handle stays valid (so its address unique) until the page is closed, and
        # objects sharing a clip path share its segments: each clip path is read once a page.
        self.areas: dict[tuple[int, Matrix], UserBox | Shape] = {}
        self.inks: dict[bytes, str] = {}  # by the bytes of (r, g, b, a)
        self._box = (ctypes.c_float * 4)()
        a = ctypes.addressof(self._box)
        self._box_at = (a, a + 4, a + 8, a + 12)
        self._rgba = (ctypes.c_uint * 4)()
        a = ctypes.addressof(self._rgba)
        self._rgba_at = (a, a + 4, a + 8, a + 12)

    def run(self, holder: int, n: int, get, matrix: Matrix, outer: Clip, depth: int) -> None:
        # The hot loop of the page layer on pages drawn one glyph per text object: kept flat.
        clips: dict[tuple[int, ...], Clip] = {(): outer}  # by the first segments of the object's clip paths
        box, box_at, rgba, rgba_at = self._box, self._box_at, self._rgba, self._rgba_at
        hidden, boxes, pending, identity = self.hidden, self.boxes, self.pending, matrix is IDENTITY
        inks = self.inks
        get_type, render_mode, fill_color, get_clip, clip_paths, clip_segment, bounds, everywhere, seen = (
            _get_type, _render_mode, _fill_color, _get_clip, _clip_paths, _clip_segment, _bounds, _EVERYWHERE, _SEEN
        )
        z = self.z
        deferred, all_clip, mixed = self.deferred, self.clip_of_all, _MIXED
        for k in range(n):
            obj = get(holder, k)
            if not obj:
                continue
            z += 1
            mode = render_mode(obj)  # -1 for an object that is not text: the type is asked only then
            if mode >= 0:
                if mode in _NO_INK:
                    ink = _NONE
                elif not (fill_color if mode not in _STROKE_ONLY else _stroke_color)(obj, *rgba_at):
                    ink = seen
                else:
                    ink = inks.get(bytes(rgba)) or self._ink()
                    if ink is not seen and mode in _FILL_STROKE and _stroke_color(obj, *rgba_at):
                        stroke = inks.get(bytes(rgba)) or self._ink()  # an outline round a white glyph
                        ink = seen if stroke is seen else _WHITE_INK if _WHITE_INK in (ink, stroke) else ink
                cp = get_clip(obj)
                paths = clip_paths(cp) if cp else 0
                if paths <= 0:
                    clip = outer
                else:  # one or two paths (a text box within the page's clip) are the common cases
                    firsts = (
                        (clip_segment(cp, 0, 0),) if paths == 1
                        else (clip_segment(cp, 0, 0), clip_segment(cp, 1, 0)) if paths == 2
                        else tuple(clip_segment(cp, i, 0) for i in range(paths))
                    )
                    clip = clips.get(firsts) or self._clip(obj, matrix, clips)
                if clip is not all_clip:
                    all_clip = clip if all_clip is None else mixed
                if ink is seen:
                    if clip is not everywhere:
                        if clip.shapes:
                            self._verdict(obj, clip, matrix)
                        else:  # a rectangle: one test for all its objects if it is the clip of the whole page
                            deferred.setdefault(clip, []).append((obj, matrix))
                    continue
                if not bounds(obj, *box_at):
                    continue
                l, b, r, t = box if identity else apply_box(matrix, *box)
                if ink is _CLEAR:
                    hidden[obj], boxes[obj] = True, (l, b, r, t)
                else:
                    pending.append((obj, (l, b, r, t), z, clip, ink is _WHITE_INK))
                continue
            kind = get_type(obj)
            if kind == _FORM and depth < FORM_DEPTH:
                inner = compose(object_matrix(obj), matrix)
                self.z, self.clip_of_all = z, all_clip
                self.run(obj, _form_count(obj), _form_get, inner, self._clip(obj, matrix, clips), depth + 1)
                z, all_clip = self.z, self.clip_of_all
            elif kind == _IMAGE and _bounds(obj, *box_at):
                self.images.append((tuple(box) if identity else apply_box(matrix, *box), z))
        self.z, self.clip_of_all = z, all_clip

    def _verdict(self, obj: int, clip: Clip, matrix: Matrix) -> None:
        """Seen text under `clip`: hidden where the clip cuts it."""
        if not _bounds(obj, *self._box_at):
            return
        box = tuple(self._box) if matrix is IDENTITY else apply_box(matrix, *self._box)
        if not clip.covers(box):
            verdict = clip.verdict(box)
            if verdict is not None:
                self.hidden[obj], self.boxes[obj] = verdict, box

    def settle(self, view: UserBox) -> UserBox:
        """The page's visible area once the seen text under rectangular clips is dealt with: narrowed to
        the clip when it is the clip of every text object, else each such object tested by its box."""
        if len(self.deferred) == 1 and isinstance(self.clip_of_all, Clip):
            (l, b, r, t), (L, B, R, T) = view, self.clip_of_all.rect
            return (max(l, L), max(b, B), min(r, R), min(t, T))
        for clip, objects in self.deferred.items():
            for obj, matrix in objects:
                self._verdict(obj, clip, matrix)
        return view

    def _ink(self) -> str:
        """The ink of the colour just read, remembered by its bytes."""
        r, g, b, a = self._rgba
        ink = _CLEAR if a == 0 else _WHITE_INK if 0.299 * r + 0.587 * g + 0.114 * b >= _WHITE else _SEEN
        self.inks[bytes(self._rgba)] = ink
        return ink

    def _clip(self, obj: int, matrix: Matrix, clips: dict[tuple[int, ...], Clip]) -> Clip:
        """The clip of everything around the object and of the object itself."""
        cp = _get_clip(obj)
        n = _clip_paths(cp) if cp else 0
        firsts = tuple(_clip_segment(cp, i, 0) for i in range(n))
        clip = clips.get(firsts)
        if clip is None:
            clip = clips[()]
            for i, first in enumerate(firsts):
                area = self.areas.get((first, matrix)) if first else None
                if area is None:
                    area = self.areas[(first, matrix)] = _read_area(cp, i, matrix)
                clip = clip.add(area)
            if clip.covers(self.view):
                clip = _EVERYWHERE  # what it cuts away is off the page anyway
            clips[firsts] = clip
        return clip


def _read_area(cp: int, i: int, matrix: Matrix) -> UserBox | Shape:
    """Clip path `i` in page user space: a box if it is one upright rectangle."""
    polygons: list[list[tuple[float, float]]] = []
    xy = (ctypes.c_float * 2)()
    x_at, y_at = ctypes.addressof(xy), ctypes.addressof(xy) + 4
    identity = matrix is IDENTITY
    for j in range(_clip_segments(cp, i)):
        seg = _clip_segment(cp, i, j)
        _segment_point(seg, x_at, y_at)
        point = (xy[0], xy[1]) if identity else apply_point(matrix, xy[0], xy[1])
        if _segment_type(seg) == _MOVETO or not polygons:
            polygons.append([point])
        else:
            polygons[-1].append(point)  # curves: their control points outline them well enough
    polys = tuple(tuple(p) for p in polygons if len(p) >= 3)
    if not polys:
        return _NOWHERE  # a clip path without area hides everything
    xs = [p[0] for poly in polys for p in poly]
    ys = [p[1] for poly in polys for p in poly]
    box = (min(xs), min(ys), max(xs), max(ys))
    if len(polys) == 1 and _is_rect(polys[0]):
        return box
    return Shape(polys, box)


def _is_rect(poly: Polygon) -> bool:
    pts = list(poly)
    if len(pts) == 5 and pts[0] == pts[4]:
        pts = pts[:4]
    if len(pts) != 4:
        return False
    upright = all(a[0] == b[0] or a[1] == b[1] for a, b in zip(pts, pts[1:] + pts[:1]))
    return upright and len({p[0] for p in pts}) == 2 and len({p[1] for p in pts}) == 2


def _winding(poly: Polygon, x: float, y: float) -> int:
    """Winding number of a closed polygon around (x, y)."""
    w = 0
    n = len(poly)
    for k in range(n):
        x0, y0 = poly[k]
        x1, y1 = poly[(k + 1) % n]
        if y0 <= y:
            if y1 > y and (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0) > 0:
                w += 1
        elif y1 <= y and (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0) < 0:
            w -= 1
    return w


def _over(box: UserBox, z: int, backdrops: list[tuple[UserBox, int]]) -> bool:
    """Whether the centre of `box` lies on something painted before it."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(bz < z and b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b, bz in backdrops)


def _fills(page) -> list[tuple[UserBox, int]]:
    """Boxes of non-white filled paths, images and shadings, with their painting order (the same
    count as _Walk's); looked for only on pages with white text."""
    out: list[tuple[UserBox, int]] = []
    z = 0
    f = [ctypes.c_float() for _ in range(4)]
    ltrb = [ctypes.byref(v) for v in f]
    rgba = [ctypes.c_uint() for _ in range(4)]
    rgba_refs = [ctypes.byref(v) for v in rgba]
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()

    def run(holder, count, get, matrix: Matrix, depth: int) -> None:
        nonlocal z
        for k in range(count(holder)):
            obj = get(holder, k)
            if not obj:
                continue
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            z += 1
            if kind == _FORM and depth < FORM_DEPTH:
                inner = compose(object_matrix(obj), matrix)
                run(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, inner, depth + 1)
                continue
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)):
                    continue
                if fill_mode.value == 0 or not pdfium_c.FPDFPageObj_GetFillColor(obj, *rgba_refs):
                    continue
                r, g, b, a = (v.value for v in rgba)
                if a == 0 or 0.299 * r + 0.587 * g + 0.114 * b >= _WHITE:
                    continue
            elif kind not in (_IMAGE, pdfium_c.FPDF_PAGEOBJ_SHADING):
                continue
            if pdfium_c.FPDFPageObj_GetBounds(obj, *ltrb):
                out.append((apply_box(matrix, *(v.value for v in f)), z))

    run(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, IDENTITY, 0)
    return out
