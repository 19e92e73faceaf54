"""Column types: exact amounts (NUMERIC on PostgreSQL, scaled integers on SQLite), UTC timestamps.

Exact amounts in the database: NUMERIC on PostgreSQL, scaled integers on SQLite.

SQLite has no decimal type: a NUMERIC column there keeps 13297.11 as a binary float. So on SQLite an
amount is stored as an integer count of ten-thousandths (exact, and SUM over integers stays exact up to
9.2 × 10^14 units); on PostgreSQL it is a plain NUMERIC. Either way Python sees `decimal.Decimal`.
"""

from __future__ import annotations

from datetime import timezone
from decimal import Decimal

from sqlalchemy import BigInteger, DateTime, Numeric, String
from sqlalchemy.types import TypeDecorator

SCALE = 4  # decimal places kept; printed amounts have at most two
_FACTOR = Decimal(10) ** SCALE


def canonical(d: Decimal) -> Decimal:
    """The same number without trailing zeros and never in exponent form: 5682.00 → 5682, 1.50 → 1.5,
    so both databases return identical values."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


class Amount(TypeDecorator):
    impl = Numeric
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(asdecimal=True))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        value = canonical(Decimal(value))
        if dialect.name != "sqlite":
            return value
        scaled = value * _FACTOR
        if scaled != scaled.to_integral_value():
            raise ValueError(f"amount {value} has more than {SCALE} decimal places")
        return int(scaled)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if dialect.name == "sqlite":
            return canonical(Decimal(int(value)).scaleb(-SCALE))
        return canonical(Decimal(value))

    def coerce_compared_value(self, op, value):
        return self


class DecimalText(TypeDecorator):
    """A Decimal kept exactly as its string (findings' evidence: compared and shown, never summed)."""

    impl = String(60)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else str(value)

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


class UTCDateTime(TypeDecorator):
    """Timestamps stored in UTC and always returned timezone-aware (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(timezone.utc)  # SQLite writes the clock time without its offset

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value
