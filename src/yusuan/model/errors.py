"""Errors a reader raises on input it cannot read: one Chinese line naming the file and place."""

from __future__ import annotations


class IngestError(Exception):
    """The input could not be read. str(e) is the one-line message for the user."""

    def __init__(self, file: str, reason: str, place: str = ""):
        self.file, self.reason, self.place = file, reason, place
        where = f"（{place}）" if place else ""
        super().__init__(f"无法读取 {file}{where}：{reason}")
