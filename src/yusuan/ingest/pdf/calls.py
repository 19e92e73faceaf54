"""pypdfium2.raw functions bound to take handles and out-pointers as plain integers, for the loops that
call PDFium once per page object or per character: ctypes converts typed pointer arguments several times
slower."""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

H = ctypes.c_void_p  # a handle, or an out-pointer given as an address
I = ctypes.c_int


def fast(fn, restype, *argtypes):
    """`fn` (a pypdfium2.raw function) with plain-integer handles and addresses."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


def handle(ptr) -> int:
    """The address a typed pypdfium2 pointer holds."""
    return ctypes.addressof(ptr.contents)


# Walking a page's objects (typed pointers are accepted too)
count_objects = fast(pdfium_c.FPDFPage_CountObjects, I, H)
get_object = fast(pdfium_c.FPDFPage_GetObject, H, H, I)
form_count = fast(pdfium_c.FPDFFormObj_CountObjects, I, H)
form_get = fast(pdfium_c.FPDFFormObj_GetObject, H, H, ctypes.c_ulong)
get_type = fast(pdfium_c.FPDFPageObj_GetType, I, H)
bounds = fast(pdfium_c.FPDFPageObj_GetBounds, I, H, H, H, H, H)  # obj, &left, &bottom, &right, &top (floats)
fill_color = fast(pdfium_c.FPDFPageObj_GetFillColor, I, H, H, H, H, H)  # obj, &r, &g, &b, &a (unsigned ints)
stroke_color = fast(pdfium_c.FPDFPageObj_GetStrokeColor, I, H, H, H, H, H)
get_matrix = fast(pdfium_c.FPDFPageObj_GetMatrix, I, H, H)  # obj, &FS_MATRIX
# paths
path_segments = fast(pdfium_c.FPDFPath_CountSegments, I, H)
path_segment = fast(pdfium_c.FPDFPath_GetPathSegment, H, H, I)
draw_mode = fast(pdfium_c.FPDFPath_GetDrawMode, I, H, H, H)  # path, &fill mode, &stroke (ints)
segment_point = fast(pdfium_c.FPDFPathSegment_GetPoint, I, H, H, H)  # segment, &x, &y (floats)
segment_type = fast(pdfium_c.FPDFPathSegment_GetType, I, H)
segment_close = fast(pdfium_c.FPDFPathSegment_GetClose, I, H)
