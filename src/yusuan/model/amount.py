"""Printed amounts: exact Decimals kept with the text as printed."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_NUMBER = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def parse_amount(text: str) -> Decimal | None:
    """The Decimal a cell prints, or None when the cell is not a plain number.

    Accepts thousands separators, full-width digits, a leading minus and (1,234) negatives.
    """
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if not t:
        return None
    neg = False
    if t.startswith("(") and t.endswith(")"):
        neg, t = True, t[1:-1]
    if t in {"-", "—", "－"}:
        return None
    if not _NUMBER.match(t):
        return None
    try:
        d = Decimal(t.replace(",", ""))
    except InvalidOperation:
        return None
    return -d if neg else d


def printed_value(text: str) -> str:
    """The value as the cells export writes it: no separators, sign and decimals as printed."""
    d = parse_amount(text)
    if d is None:
        raise ValueError(f"not a number: {text!r}")
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "").replace(",", "")
    if t.startswith("(") and t.endswith(")"):
        t = "-" + t[1:-1]
    return t.lstrip("+")


# Units a table states its amounts in, as multiples of 元.
TO_YUAN = {"元": Decimal(1), "万元": Decimal(10000)}
RATIO_MEASURES = frozenset({"change_pct"})  # measures that are not money: no 元 equivalent


def to_yuan(amount: Decimal, unit: str, measure: str) -> Decimal | None:
    """The amount in 元, exactly; None for a ratio or a table of unknown unit."""
    if measure.split("@")[0] in RATIO_MEASURES or unit not in TO_YUAN:
        return None
    return amount * TO_YUAN[unit]
