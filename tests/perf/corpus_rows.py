"""Grid rows of the 表12 section of a Shenzhen text file, as the text reader hands them over."""

from __future__ import annotations

from pathlib import Path

from yusuan.ingest.blocks import Cell
from yusuan.model.provenance import Source

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
TITLE = "整体支出绩效目标表"


def performance_rows(name: str) -> list[list[Cell]]:
    """Tab-separated lines after the last 整体支出绩效目标表 title, blank lines dropped, cells raw."""
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    start = max(i for i, line in enumerate(lines) if TITLE in line and "\t" not in line)
    return [
        [Cell(text, Source(name, number)) for text in line.split("\t")]
        for number, line in enumerate(lines[start:], start=start + 1)
        if "\t" in line
    ]


SHENZHEN = ("shenzhen-2023-pingshan-guanliju-budget.txt", "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")
