"""Model dataclasses to JSON and back, driven by their type hints.

The store maps the model's main fields to columns; whatever else a model class carries (fields added
as the model grows: where notes are printed, a table's caption body …) goes to an `extra` JSON column
through `encode` and comes back through `decode`, so nothing the model holds is lost on the way."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from decimal import Decimal
from typing import Any

from yusuan.model.provenance import Source


def encode(obj: Any) -> Any:
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, Source):
        d: dict[str, Any] = {"file": obj.file, "page": obj.page}
        if obj.bbox is not None:
            d["bbox"] = list(obj.bbox)
        if obj.cell:
            d["cell"] = obj.cell
        if obj.ocr is not None:
            d["ocr"] = obj.ocr
        return d
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): encode(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [encode(v) for v in obj]
    raise TypeError(f"cannot store {type(obj).__name__}")


@functools.cache
def hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return decode(options[0], data) if len(options) == 1 else data
    if tp is Decimal:
        return Decimal(str(data))
    if tp is Source:
        bbox = data.get("bbox")
        return Source(data.get("file", ""), data.get("page", 0), tuple(bbox) if bbox else None, data.get("cell", ""),
                      data.get("ocr"))
    if dataclasses.is_dataclass(tp):
        h = hints(tp)
        return tp(**{f.name: decode(h[f.name], data[f.name]) for f in dataclasses.fields(tp) if f.name in data})
    if origin is list:
        return [decode(args[0], v) for v in data]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], v) for v in data)
        return tuple(decode(a, v) for a, v in zip(args, data))
    if origin is dict:
        return {k: decode(args[1], v) for k, v in data.items()}
    return data


def extras(obj: Any, mapped: frozenset[str]) -> dict:
    """The fields of a model object that have no column of their own, when not at their default."""
    out = {}
    for f in dataclasses.fields(obj):
        if f.name in mapped:
            continue
        value = getattr(obj, f.name)
        default = f.default if f.default is not dataclasses.MISSING else (
            f.default_factory() if f.default_factory is not dataclasses.MISSING else dataclasses.MISSING)
        if value != default:
            out[f.name] = encode(value)
    return out


def restore(obj: Any, extra: dict | None) -> Any:
    """Set the extra fields back on a model object (fields the model no longer has are ignored)."""
    if extra:
        h = hints(type(obj))
        for name, value in extra.items():
            if name in h:
                setattr(obj, name, decode(h[name], value))
    return obj
