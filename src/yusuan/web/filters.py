"""Jinja2 filters of the pages: amounts with thousands separators, measure names."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from yusuan.store.queries import measure_name
from yusuan.web.tables import label_em, table_view


def money(text: str | None, amount: str | None = None) -> str:
    """`amount` (or `text` when it is a plain number) with thousands separators and the decimals the
    printed text has; anything else as printed."""
    if text is None:
        return ""
    raw = amount if amount is not None else text.replace(",", "").strip()
    try:
        value = Decimal(raw)
    except (InvalidOperation, ValueError):
        return text
    if not value.is_finite():
        return text
    printed = text.replace(",", "")
    places = len(printed.split(".", 1)[1]) if "." in printed and printed.split(".", 1)[1].isdigit() else 0
    return f"{value:,.{places}f}"


def install(env) -> None:
    env.filters["money"] = money
    env.filters["table_view"] = table_view
    env.filters["label_em"] = label_em
    env.filters["measure_name"] = measure_name
