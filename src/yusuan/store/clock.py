"""China time: how the store's times (kept in UTC) are shown to people, and which span of UTC a calendar
day given by a person covers. China Standard Time is UTC+8 all year (no daylight saving since 1991),
so a fixed offset gives Asia/Shanghai's time for every time the store holds, without a zone database."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

ZONE = timezone(timedelta(hours=8), "Asia/Shanghai")
ZONE_NAME = "北京时间"  # what pages and exports call it


def shown(t: datetime | None, seconds: bool = True) -> str | None:
    """`t` as people in China read it: “2026-12-05 22:03:21” (UTC+8)."""
    if t is None:
        return None
    return t.astimezone(ZONE).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def day_start(d: date) -> datetime:
    """The moment day `d` begins in China."""
    return datetime.combine(d, time(), ZONE)


def day_end(d: date) -> datetime:
    """The moment day `d` ends in China (the next one begins)."""
    return day_start(d + timedelta(days=1))
