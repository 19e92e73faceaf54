"""Filling a preparation workbook from a test, as an officer would in Excel: cells found by the keys the
template writes (hidden column A and the hidden row of column keys), values typed with openpyxl."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from yusuan.prepare import sheets as S


class Book:
    def __init__(self, path: Path):
        self.path = path
        self.wb = load_workbook(path)

    def save(self) -> Path:
        self.wb.save(self.path)
        return self.path

    def sheet(self, key: str):
        return next(ws for ws in self.wb.worksheets if ws["A1"].value == S.KEY + key)

    def keyed_row(self, key: str, row_key: str) -> int:
        ws = self.sheet(key)
        return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == row_key)

    def column(self, key: str, column_key: str, block: str = "main") -> int:
        ws = self.sheet(key)
        current = "main"
        for r in range(1, ws.max_row + 1):
            a = str(ws.cell(r, 1).value or "")
            if a.startswith(S.KEY + "block:"):
                current = a.split(":", 2)[2]
            if a == S.COLUMNS and current == block:
                for c in range(2, ws.max_column + 1):
                    if ws.cell(r, c).value == column_key:
                        return c
        raise KeyError(column_key)

    def set(self, key: str, row_key: str, value, column_key: str | None = None) -> str:
        """Type `value` in the keyed row `row_key` (column C, or the column of `column_key`); the cell's reference."""
        ws = self.sheet(key)
        c = self.column(key, column_key) if column_key else 3
        cell = ws.cell(self.keyed_row(key, row_key), c)
        cell.value = value
        return cell.coordinate

    def find(self, key: str, column_key: str, text: str) -> int:
        """The row whose cell under `column_key` reads `text`."""
        ws = self.sheet(key)
        c = self.column(key, column_key)
        return next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, c).value or "").strip() == text)

    def put(self, key: str, row: int, column_key: str, value) -> str:
        cell = self.sheet(key).cell(row, self.column(key, column_key))
        cell.value = value
        return cell.coordinate

    def first_blank(self, key: str, column_key: str, block: str = "main") -> int:
        """The first data row of a block whose cell under `column_key` is empty."""
        ws = self.sheet(key)
        c = self.column(key, column_key, block)
        current, seen_columns = "main", False
        for r in range(1, ws.max_row + 1):
            a = str(ws.cell(r, 1).value or "")
            if a.startswith(S.KEY + "block:"):
                current, seen_columns = a.split(":", 2)[2], False
                continue
            if current != block:
                continue
            if a == S.COLUMNS:
                seen_columns = True
                continue
            if a.startswith(S.KEY) or not seen_columns:
                continue
            if ws.cell(r, c).value in (None, "") and not a:
                return r
        raise LookupError(block)
