"""Where a printed thing came from: file, page (or line) and box; in a workbook, the cell."""

from __future__ import annotations

from dataclasses import dataclass

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin top-left


@dataclass(frozen=True, slots=True)
class Source:
    file: str
    page: int  # 1-based PDF page, or 1-based line number in a text file
    bbox: BBox | None = None
    cell: str = ""  # in a workbook: the cell reference ("D7") on sheet `page` (1-based sheet position)
    ocr: float | None = None  # read by OCR from a page without text: the recogniser's lowest confidence (0–1)

    def to_dict(self) -> dict:
        d = {"file": self.file, "page": self.page}
        if self.bbox is not None:
            d["bbox"] = [round(v, 2) for v in self.bbox]
        if self.cell:
            d["cell"] = self.cell
        if self.ocr is not None:
            d["ocr"] = round(self.ocr, 3)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Source:
        """The source `to_dict` (or the JSON model) wrote, back."""
        bbox = d.get("bbox")
        ocr = d.get("ocr")
        return cls(str(d.get("file", "")), int(d.get("page", 0) or 0), tuple(bbox) if bbox else None,
                   str(d.get("cell", "")), None if ocr is None else float(ocr))
