"""The whole Disclosure as plain JSON-ready data (amounts as strings, exact)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from yusuan.export.cells import cell_records
from yusuan.model.disclosure import Disclosure


def _plain(obj: Any) -> Any:
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, float):  # positions in PDF points
        return round(obj, 2)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


def disclosure_dict(doc: Disclosure, *, cells: bool = True) -> dict:
    """The model as plain data; with `cells`, also the cells export (what `yusuan extract --format json`
    writes; the model read back does not need them)."""
    data = _plain(doc)
    if cells:
        data["cells"] = [dataclasses.asdict(r) for r in cell_records(doc)]
    return data
