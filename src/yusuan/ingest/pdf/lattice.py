"""Ruled tables: connected ruling lines into a lattice of column and row boundaries."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from yusuan.ingest.pdf.rules import Rule, Rules

TOUCH = 2.5  # points: rules this close are taken to meet
_SNAP = 2.0  # boundaries this close are one boundary
_MIN_SIDE = 6.0  # a cell narrower or lower than this is a drawing artefact


@dataclass(slots=True)
class Lattice:
    """Boundaries of one table and which of them are drawn.

    xs and ys ascend. vdrawn[r][c] is True when the boundary at xs[c] is drawn beside row r;
    hdrawn[r][c] when the boundary at ys[r] is drawn above/below column c.
    """

    xs: list[float]
    ys: list[float]
    vdrawn: list[list[bool]]
    hdrawn: list[list[bool]]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])


def find_lattices(rules: Rules) -> list[Lattice]:
    """One lattice per group of touching rules that encloses at least one box."""
    hs, vs = rules.horizontal, rules.vertical
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if h.a - TOUCH <= v.pos <= h.b + TOUCH and v.a - TOUCH <= h.pos <= v.b + TOUCH:
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    out = []
    for ghs, gvs in groups.values():
        lat = _lattice(ghs, gvs)
        if lat is not None:
            out.append(lat)
    out.sort(key=lambda lat: (lat.ys[0], lat.xs[0]))
    return out


def _lattice(hs: list[Rule], vs: list[Rule]) -> Lattice | None:
    if not hs or not vs:
        return None
    xs = _snap([v.pos for v in vs] + [min(h.a for h in hs), max(h.b for h in hs)])
    ys = _snap([h.pos for h in hs] + [min(v.a for v in vs), max(v.b for v in vs)])
    if len(xs) < 2 or len(ys) < 2:
        return None
    lat = _drawn(xs, ys, hs, vs)
    # a boundary drawn nowhere (the end of a stub, a rule's overhang) is no boundary
    keep_x = [c for c in range(len(xs)) if c in (0, len(xs) - 1) or any(row[c] for row in lat.vdrawn)]
    keep_y = [r for r in range(len(ys)) if r in (0, len(ys) - 1) or any(lat.hdrawn[r])]
    if len(keep_x) < len(xs) or len(keep_y) < len(ys):
        lat = _drawn([xs[c] for c in keep_x], [ys[r] for r in keep_y], hs, vs)
    return lat


def _drawn(xs: list[float], ys: list[float], hs: list[Rule], vs: list[Rule]) -> Lattice:
    vdrawn = [[False] * len(xs) for _ in range(len(ys) - 1)]
    hdrawn = [[False] * (len(xs) - 1) for _ in range(len(ys))]
    for v in vs:
        c = _nearest(xs, v.pos)
        if abs(xs[c] - v.pos) > _SNAP * 2:
            continue
        for r in range(len(ys) - 1):
            mid, reach = (ys[r] + ys[r + 1]) / 2, min(TOUCH, (ys[r + 1] - ys[r]) / 4)  # small prints: less
            if v.a - reach <= mid <= v.b + reach:
                vdrawn[r][c] = True
    for h in hs:
        r = _nearest(ys, h.pos)
        if abs(ys[r] - h.pos) > _SNAP * 2:
            continue
        for c in range(len(xs) - 1):
            mid, reach = (xs[c] + xs[c + 1]) / 2, min(TOUCH, (xs[c + 1] - xs[c]) / 4)
            if h.a - reach <= mid <= h.b + reach:
                hdrawn[r][c] = True
    for row in vdrawn:  # the outline closes the table even where a border is missing
        row[0] = row[-1] = True
    hdrawn[0] = [True] * (len(xs) - 1)
    hdrawn[-1] = [True] * (len(xs) - 1)
    return Lattice(xs, ys, vdrawn, hdrawn)


def _snap(values: list[float]) -> list[float]:
    """Cluster nearby coordinates; a double line or a sliver counts once."""
    values = sorted(values)
    groups: list[list[float]] = [[values[0]]]
    for v in values[1:]:
        if v - groups[-1][-1] <= _SNAP:
            groups[-1].append(v)
        else:
            groups.append([v])
    out = [sum(g) / len(g) for g in groups]
    kept = [out[0]]
    least = _min_side(out)
    for v in out[1:]:
        if v - kept[-1] < least:
            kept[-1] = (kept[-1] + v) / 2
        else:
            kept.append(v)
    return kept


def _min_side(bounds: list[float]) -> float:
    """_MIN_SIDE, or less for a table printed small (an office fitting a wide sheet to the page's
    width): half its typical cell, never under _SNAP."""
    gaps = sorted(b - a for a, b in zip(bounds, bounds[1:]))
    if not gaps:
        return _MIN_SIDE
    return max(_SNAP, min(_MIN_SIDE, gaps[len(gaps) // 2] / 2))


def _nearest(values: list[float], x: float) -> int:
    best, best_d = 0, abs(values[0] - x)
    for i, v in enumerate(values):
        d = abs(v - x)
        if d < best_d:
            best, best_d = i, d
    return best


def spans(lat: Lattice) -> list[tuple[int, int, int, int]]:
    """(row, col, rowspan, colspan) of every cell, merged where inner rules are missing."""
    nr, nc = len(lat.ys) - 1, len(lat.xs) - 1
    covered = [[False] * nc for _ in range(nr)]
    out = []
    for r in range(nr):
        for c in range(nc):
            if covered[r][c]:
                continue
            cs = 1
            while c + cs < nc and not lat.vdrawn[r][c + cs] and not covered[r][c + cs]:
                cs += 1
            rs = 1
            while r + rs < nr and not any(lat.hdrawn[r + rs][c + k] for k in range(cs)):
                if any(covered[r + rs][c + k] for k in range(cs)):
                    break
                if any(lat.vdrawn[r + rs][c + k] for k in range(1, cs)):
                    break
                rs += 1
            for i in range(rs):
                for k in range(cs):
                    covered[r + i][c + k] = True
            out.append((r, c, rs, cs))
    return out


def drawn_lattice(xs: list[float], ys: list[float], ruled: Lattice) -> Lattice:
    """A finer lattice over the same table: old boundaries keep their drawn state, new ones start
    undrawn (the caller decides them from the text)."""
    old_x = {x: i for i, x in enumerate(ruled.xs)}
    old_y = {y: i for i, y in enumerate(ruled.ys)}

    def old_band(values: list[float], mid: float) -> int:
        return min(max(bisect_right(values, mid) - 1, 0), len(values) - 2)

    vdrawn = [[False] * len(xs) for _ in range(len(ys) - 1)]
    for r in range(len(ys) - 1):
        ro = old_band(ruled.ys, (ys[r] + ys[r + 1]) / 2)
        for c, x in enumerate(xs):
            if x in old_x:
                vdrawn[r][c] = ruled.vdrawn[ro][old_x[x]]
    hdrawn = [[False] * (len(xs) - 1) for _ in range(len(ys))]
    for r, y in enumerate(ys):
        if y in old_y:
            for c in range(len(xs) - 1):
                hdrawn[r][c] = ruled.hdrawn[old_y[y]][old_band(ruled.xs, (xs[c] + xs[c + 1]) / 2)]
    return Lattice(xs, ys, vdrawn, hdrawn)
