"""The whole Disclosure as plain JSON-ready data (amounts as strings, exact)."""

from __future__ import annotations

import dataclasses
import functools
from decimal import Decimal
from typing import Any

from yusuan.export.cells import cell_records
from yusuan.model.disclosure import Disclosure


def _plain(obj: Any) -> Any:
    if obj is None or isinstance(obj, (str, int)):  # bool is an int
        return obj
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, float):  # positions in PDF points
        return round(obj, 2)
    names = _field_names(type(obj))
    if names is not None:
        return {name: _plain(getattr(obj, name)) for name in names}
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of a dataclass, once per class (a model has tens of thousands of objects)."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def disclosure_dict(doc: Disclosure, *, cells: bool = True) -> dict:
    """The model as plain data; with `cells`, also the cells export (what `yusuan extract --format json`
    writes; the model read back does not need them)."""
    data = _plain(doc)
    if cells:
        data["cells"] = [dataclasses.asdict(r) for r in cell_records(doc)]
    return data
