"""Body names as printed: the same body is printed in full (中共江苏省委办公厅), shortened
(江苏省委办公厅, 省检察院) or with a marker (…（本级）, …（部门）); a different body is another name."""

from __future__ import annotations

import re

from yusuan.model.text import match_key

_MARKERS = re.compile(r"[(（](?:本级|本部|部门|单位|机关)[)）]")
# How the names of bodies end: 局, 厅, 院, 委员会, 中心, 办事处 …
BODY_END = r"(?:局|厅|院|委员会|委|办公室|中心|部|处|所|办事处|政府|会|站|队|馆|校|社)"


def clean(name: str) -> str:
    return _MARKERS.sub("", match_key(name)).removeprefix("中共")


def _within(short: str, long: str) -> bool:
    """Every character of `short`, in order, in `long` (省检察院 within 江苏省人民检察院)."""
    it = iter(long)
    return all(c in it for c in short)


def same_body(a: str, b: str) -> bool:
    """True when `a` and `b` can name the same body: one is the other, shortened."""
    a, b = clean(a), clean(b)
    if not a or not b:
        return True
    return _within(a, b) or _within(b, a)
