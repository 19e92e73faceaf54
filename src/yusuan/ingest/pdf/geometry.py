"""From PDF user space (origin bottom-left, unrotated) to the page as displayed (origin top-left);
PDF matrices, for form XObjects and paths."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

from yusuan.ingest.pdf.calls import get_matrix

Box = tuple[float, float, float, float]  # x0, top, x1, bottom on the displayed page
Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in PDF
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class PageSpace:
    left: float
    bottom: float
    right: float
    top: float
    rotation: int  # 0, 90, 180, 270 (clockwise, as /Rotate)

    @property
    def size(self) -> tuple[float, float]:
        w, h = self.right - self.left, self.top - self.bottom
        return (h, w) if self.rotation in (90, 270) else (w, h)

    def box(self, l: float, b: float, r: float, t: float) -> Box:
        """A user-space rectangle (left, bottom, right, top) as a displayed box."""
        rot = self.rotation
        if rot == 0:
            return (l - self.left, self.top - t, r - self.left, self.top - b)
        if rot == 90:
            return (b - self.bottom, l - self.left, t - self.bottom, r - self.left)
        if rot == 180:
            return (self.right - r, b - self.bottom, self.right - l, t - self.bottom)
        return (self.top - t, self.right - r, self.top - b, self.right - l)


def object_matrix(obj) -> Matrix:
    """A page object's own matrix (a form XObject's, a path's); `obj` a handle or its address."""
    m = (ctypes.c_float * 6)()  # FS_MATRIX: a b c d e f
    if not get_matrix(obj, ctypes.addressof(m)):
        return IDENTITY
    return tuple(m)


def compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying inner first, then outer."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def apply_point(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def apply_box(m: Matrix, l: float, b: float, r: float, t: float) -> tuple[float, float, float, float]:
    if m is IDENTITY:
        return l, b, r, t
    pts = [apply_point(m, l, b), apply_point(m, r, b), apply_point(m, l, t), apply_point(m, r, t)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)
