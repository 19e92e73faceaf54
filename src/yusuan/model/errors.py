"""Errors a reader raises on input it cannot read: one Chinese line naming the file and place."""

from __future__ import annotations

from yusuan.model.provenance import Source


class IngestError(Exception):
    """The input could not be read. str(e) is the one-line message for the user."""

    def __init__(self, file: str, reason: str, place: str = ""):
        self.file, self.reason, self.place = file, reason, place
        where = f"（{place}）" if place else ""
        super().__init__(f"无法读取 {file}{where}：{reason}")


def place_of(source: Source) -> str:
    """Where a source is, as an error names it: the sheet (and cell) of a workbook, the line of a text
    file, else the page."""
    suffix = source.file.lower().rsplit(".", 1)[-1]
    if source.cell or suffix == "xlsx":
        return f"第 {source.page} 张工作表" + (f" {source.cell} 格" if source.cell else "")
    return f"第 {source.page} 行" if suffix == "txt" else f"第 {source.page} 页"
