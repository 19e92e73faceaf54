"""Pages without a text layer (scans) read by offline OCR: characters and ruling lines from the image.

Optional: `pip install yusuan[ocr]` brings rapidocr-onnxruntime, whose PP-OCR models ship inside the
wheel. The page is rendered with pdfium at DPI, the recogniser gives text lines with a box a character
and a confidence a line; the characters become `Char`s (marked with that confidence) in the displayed
page's points, the dark horizontal and vertical runs of the image become `Rules`. Both then go through
the same lattice, grid and line code as a page with a text layer.
"""

from __future__ import annotations

import functools
import os

from yusuan.ingest.pdf.chars import Char
from yusuan.ingest.pdf.rules import Rules, merge

DPI = 150  # 152/155 numbers exact on the corpus's tables at this resolution; 8–14 s a page
MIN_CONFIDENCE = 0.75  # a recognised line below this is noise (a blur, a stamp, a picture), not text
SWITCH = "YUSUAN_OCR"  # set to 0 / off / no to read as without the `ocr` extra
_INK = 140  # a pixel darker than this grey (0–255) is ink
_MIN_RULE = 0.06  # a rule is at least this fraction of the page's width (or height) long


@functools.cache
def engine():
    """The recogniser, or None when the `ocr` extra is not installed."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    return RapidOCR()


def switched_off() -> bool:
    return os.environ.get(SWITCH, "").strip().lower() in ("0", "off", "no")


def available() -> bool:
    return not switched_off() and engine() is not None


def has_image(page) -> bool:
    """Whether the page shows an image (a page without text and without one is blank)."""
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4))


def read_page(page) -> tuple[list[Char], Rules]:
    """The characters and ruling lines of a page read from its image."""
    import numpy as np  # with the extra (OpenCV's); the reader imports this module without it

    scale = DPI / 72
    image = page.render(scale=scale, grayscale=True).to_numpy()
    grey = image if image.ndim == 2 else image[..., 0]
    found, _ = engine()(np.ascontiguousarray(np.stack([grey] * 3, axis=-1)), return_word_box=True)
    chars: list[Char] = []
    for item in found or []:
        box, text, score = item[0], item[1], float(item[2])
        if score < MIN_CONFIDENCE:
            continue
        words = item[3] if len(item) > 3 and item[3] is not None else []
        chars.extend(_chars(box, text, words, score, 1 / scale))
    return chars, _rules(grey < _INK, 1 / scale)


def _chars(box, text: str, words, score: float, k: float) -> list[Char]:
    """A recognised line's characters: each with its own box where the recogniser gives one (spaces it
    inserts are left out: the gaps between boxes tell), else spread over the line's box by width."""
    top = min(p[1] for p in box) * k
    bottom = max(p[1] for p in box) * k
    glyphs = [c for c in text if not c.isspace()]
    if len(words) == len(text):
        boxes = [w for c, w in zip(text, words) if not c.isspace()]
    elif len(words) == len(glyphs):
        boxes = list(words)
    else:
        x0 = min(p[0] for p in box)
        x1 = max(p[0] for p in box)
        weights = [1.0 if ord(c) > 0x2E80 else 0.55 for c in glyphs]
        step = (x1 - x0) / max(sum(weights), 1e-9)
        boxes, x = [], x0
        for w in weights:
            boxes.append([[x, 0], [x + w * step, 0]])
            x += w * step
    out = []
    for c, b in zip(glyphs, boxes):
        xs = [p[0] for p in b]
        out.append(Char(min(xs) * k, top, max(xs) * k, bottom, c, score))
    return out


def _rules(ink, k: float) -> Rules:
    """Long thin runs of ink: horizontal ones row by row, vertical ones column by column."""
    h, w = ink.shape
    hs = [(y * k, a * k, b * k) for y, a, b in _runs(ink, int(w * _MIN_RULE))]
    vs = [(x * k, a * k, b * k) for x, a, b in _runs(ink.T, int(h * _MIN_RULE))]
    return Rules(merge(hs), merge(vs))  # the rows of a rule's thickness become one rule


def _runs(ink, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of ink at least min_len long (`ink`: a boolean numpy image)."""
    import numpy as np

    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    edges = np.diff(padded, axis=1)
    out = []
    for r in np.nonzero((edges != 0).any(axis=1))[0]:
        starts = np.nonzero(edges[r] == 1)[0]
        ends = np.nonzero(edges[r] == -1)[0]
        for a, b in zip(starts, ends):
            if b - a >= min_len:
                out.append((int(r), int(a), int(b)))
    return out
