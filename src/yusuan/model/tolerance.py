"""The rounding tolerance (docs/architecture.md): a total of n printed parts may differ from their sum by (n + 1) · u / 2."""

from __future__ import annotations

from decimal import Decimal

from yusuan.model.disclosure import Value


def rounding_unit(values: list[Value]) -> Decimal:
    """The printing unit u: 1 for whole numbers, 0.01 for two decimals (the finest printed)."""
    places = 0
    for v in values:
        exp = v.amount.as_tuple().exponent
        if isinstance(exp, int):
            places = max(places, -exp)
    return Decimal(1).scaleb(-places)


def tolerance(parts: int, unit: Decimal) -> Decimal:
    return (parts + 1) * unit / 2
