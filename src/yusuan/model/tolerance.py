"""The rounding tolerance (docs/architecture.md): printed values may differ from the exact ones by half
their printing unit each.

The unit is that of each printed value: a cell printed in whole 元 (5,682) may be 0.5 元 off, one printed
with cents (8.47) 0.005 元, even in the same table. A total of n printed parts may therefore differ from
their printed sum by the half-units of all n + 1 values: (n + 1) · u / 2 when they all share u.

A printed 0 is nothing rather than an amount rounded away: tables with cents print it 0 as often as
0.00, so it counts at the finest unit printed beside it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from decimal import Decimal

from yusuan.model.disclosure import Value

ZERO = Decimal(0)


def unit_of(value: Value | Decimal) -> Decimal:
    """The printing unit of one printed number: 1 for 14 or 5,682, 0.01 for 0.47 or 110.00."""
    amount = value.amount if isinstance(value, Value) else value
    exp = amount.as_tuple().exponent
    return _unit(exp if isinstance(exp, int) else 0)


@functools.cache
def _unit(exp: int) -> Decimal:
    """1, 0.01…: one Decimal per exponent (a check asks for the unit of every value it compares)."""
    return Decimal(1).scaleb(exp)


def bound(values: Iterable[Value | Decimal | None], finest: Decimal | None = None) -> Decimal:
    """How far printed values can take their sums off through rounding alone: the sum of each printed
    value's half-unit (blank ones, None, add nothing); a 0 counts at `finest`, the finest unit beside it."""
    total = ZERO
    for v in values:
        if v is not None:
            unit = unit_of(v)
            total += min(unit, finest) if finest is not None and _amount(v) == 0 else unit
    return total / 2


def _amount(v: Value | Decimal) -> Decimal:
    return v.amount if isinstance(v, Value) else v


def rounding_unit(values: Iterable[Value]) -> Decimal:
    """The finest printing unit among values (1 for whole numbers, 0.01 for two decimals)."""
    return min((unit_of(v) for v in values), default=Decimal(1))
