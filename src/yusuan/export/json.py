"""The whole Disclosure as plain JSON-ready data (amounts as strings, exact)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any, Callable

from yusuan.export.cells import cell_records
from yusuan.model.disclosure import Disclosure


def _plain(obj: Any) -> Any:
    try:
        convert = _CONVERTERS[type(obj)]
    except KeyError:
        convert = _CONVERTERS[type(obj)] = _converter(type(obj))
    return convert(obj)


def _converter(cls: type) -> Callable[[Any], Any]:
    """How an object of `cls` becomes plain data, worked out once per class (a model has tens of thousands
    of objects): as itself, a string (amounts, exact), a rounded float, a dict of fields, a list."""
    if cls is type(None) or issubclass(cls, (str, int)):  # bool is an int
        return _same
    if issubclass(cls, Decimal):
        return str
    if issubclass(cls, float):  # positions in PDF points
        return lambda obj: round(obj, 2)
    if dataclasses.is_dataclass(cls):
        names = tuple(f.name for f in dataclasses.fields(cls))
        return lambda obj: {name: _plain(getattr(obj, name)) for name in names}
    if issubclass(cls, dict):
        return lambda obj: {k: _plain(v) for k, v in obj.items()}
    if issubclass(cls, (list, tuple)):
        return lambda obj: [_plain(v) for v in obj]
    return _same


def _same(obj: Any) -> Any:
    return obj


_CONVERTERS: dict[type, Callable[[Any], Any]] = {}


def disclosure_dict(doc: Disclosure, *, cells: bool = True) -> dict:
    """The model as plain data; with `cells`, also the cells export (what `yusuan extract --format json`
    writes; the model read back does not need them)."""
    data = _plain(doc)
    if cells:
        data["cells"] = [dataclasses.asdict(r) for r in cell_records(doc)]
    return data
