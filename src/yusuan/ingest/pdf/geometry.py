"""From PDF user space (origin bottom-left, unrotated) to the page as displayed (origin top-left)."""

from __future__ import annotations

from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x0, top, x1, bottom on the displayed page


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
