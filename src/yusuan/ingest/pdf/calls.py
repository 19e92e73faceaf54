"""pypdfium2.raw functions bound to take handles and out-pointers as plain integers, for the loops that
call PDFium once per page object or per character: ctypes converts typed pointer arguments several times
slower."""

from __future__ import annotations

import ctypes

H = ctypes.c_void_p  # a handle, or an out-pointer given as an address
I = ctypes.c_int


def fast(fn, restype, *argtypes):
    """`fn` (a pypdfium2.raw function) with plain-integer handles and addresses."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


def handle(ptr) -> int:
    """The address a typed pypdfium2 pointer holds."""
    return ctypes.addressof(ptr.contents)
