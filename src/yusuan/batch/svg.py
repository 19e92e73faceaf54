"""Charts of the batch report as inline SVG: the report is one file that opens anywhere, without script."""

from __future__ import annotations

from decimal import Decimal
from html import escape

PALETTE = ("#3b6ea5", "#e08a3c", "#4f9d69", "#c4504e", "#8a6bb1", "#8c6d46", "#d17bb0", "#7f7f7f", "#b5b83a",
           "#3fa6b8")
SEVERITY_COLOURS = {"error": "#c4504e", "warning": "#e08a3c", "info": "#7f9fbf"}
_FONT = 'font-family="Noto Sans CJK SC, Microsoft YaHei, sans-serif" font-size="12"'


def _num(v: Decimal | int | float) -> str:
    v = Decimal(str(v))
    return f"{v:,.0f}" if v == v.to_integral_value() or abs(v) >= 100 else f"{v:,.2f}"


def bars(items: list[tuple[str, list[tuple[str, float]]]], *, label_width: int = 260, width: int = 720,
         title: str = "") -> str:
    """Horizontal bars, one a line: (label, [(colour, value), …] stacked), the total written after it."""
    if not items:
        return ""
    row, top = 22, 8
    biggest = max(sum(v for _, v in parts) for _, parts in items) or 1
    room = width - label_width - 80
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{top + row * len(items) + 4}" '
           f'role="img" {_FONT}><title>{escape(title)}</title>']
    for i, (label, parts) in enumerate(items):
        y = top + i * row
        out.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">{escape(_cut(label, 24))}</text>')
        x = float(label_width)
        for colour, value in parts:
            w = room * value / biggest
            if w > 0:
                out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row - 7}" fill="{colour}"/>')
            x += w
        out.append(f'<text x="{x + 5:.1f}" y="{y + 14}">{_num(sum(v for _, v in parts))}</text>')
    out.append("</svg>")
    return "".join(out)


def columns(categories: list[str], series: list[tuple[str, list[float]]], *, unit: str, title: str = "",
            width: int = 720, height: int = 300) -> str:
    """Stacked columns, one per category (a year), a series a colour, with its legend."""
    if not categories or not series:
        return ""
    left, bottom, top = 70, 40, 12
    legend = 18 * ((len(series) + 2) // 3)
    plot_h = height - bottom - top
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    biggest = max(totals) or 1
    step = (width - left - 10) / len(categories)
    bar = min(60.0, step * 0.6)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + legend}" role="img" {_FONT}>'
           f'<title>{escape(title)}</title>',
           f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#999"/>',
           f'<text x="{left - 6}" y="{top + 4}" text-anchor="end">{_num(biggest)}</text>',
           f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end">0</text>',
           f'<text x="4" y="{top + plot_h / 2:.0f}">{escape(unit)}</text>']
    for i, category in enumerate(categories):
        x = left + step * i + (step - bar) / 2
        y = top + plot_h
        for k, (_, values) in enumerate(series):
            h = plot_h * values[i] / biggest
            if h > 0:
                y -= h
                out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                           f'fill="{PALETTE[k % len(PALETTE)]}"/>')
        out.append(f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{escape(category)}</text>')
        out.append(f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">{_num(totals[i])}</text>')
    for k, (name, _) in enumerate(series):
        lx, ly = left + (k % 3) * ((width - left) / 3), height + 18 * (k // 3) - 6
        out.append(f'<rect x="{lx:.0f}" y="{ly - 10}" width="12" height="12" fill="{PALETTE[k % len(PALETTE)]}"/>'
                   f'<text x="{lx + 16:.0f}" y="{ly}">{escape(_cut(name, 16))}</text>')
    out.append("</svg>")
    return "".join(out)


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
