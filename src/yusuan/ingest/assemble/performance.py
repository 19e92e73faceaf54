"""The 整体支出绩效目标表 (Shenzhen 表12) from its grid rows into a Performance.

The grid's columns do not line up across the table, nor always with its headers (the printed
table merges cells differently in each part, and page breaks shift rows), so rows are read by
what their cells say: labels, amounts, the 指标 framework's names. Page breaks also split long
cells: a row with no label and no amount continues the cell above it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from yusuan.catalog.performance import indicator_framework
from yusuan.ingest.blocks import Cell
from yusuan.model.amount import parse_amount
from yusuan.model.disclosure import (
    Indicator,
    Paragraph,
    Performance,
    Target,
    Task,
    Value,
)
from yusuan.model.errors import IngestError
from yusuan.model.provenance import Source
from yusuan.model.targets import parse_target
from yusuan.model.text import match_key

MEASURES = ("total", "fiscal", "other")  # 总额, 其中：财政拨款, 其中：其他资金

# 一级 and 二级 names of the indicator framework (catalog.performance), printed with or without the 指标
# suffix; 其他满意度 is printed by Shenzhen.
LEVEL1 = frozenset(name.removesuffix("指标") for name in indicator_framework().tree)
LEVEL2 = frozenset({name.removesuffix("指标") for names in indicator_framework().tree.values() for name in names}
                   | {"其他满意度"})

_TAG = re.compile(r"</?\s*[a-zA-Z][a-zA-Z0-9]*[^>]*>")
_PARA_BREAK = re.compile(r"</p>\s*<p>|<br\s*/?>")
_CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
_GOAL_MARK = re.compile(r"^(?:年度)?(?:总体)?目标\s*(?:\d+|[一二三四五六七八九十]+)\s*[:：、.]")


def parse_performance(rows: Sequence[Sequence[Cell | None]], source_file: str) -> Performance:
    """The Performance printed by the 表12 grid `rows` (headers repeated at page breaks are skipped)."""
    reader = _Reader(source_file)
    for row in rows:
        cells = [c for c in row if c is not None and clean(c.text)]
        if cells:
            reader.feed(cells)
    return reader.finish()


def clean(text: str) -> str:
    """Cell text without HTML tags; a <p>…</p> boundary becomes a line break."""
    text = _TAG.sub("", _PARA_BREAK.sub("\n", text))
    return "\n".join(line.strip() for line in text.strip().splitlines())


def label(text: str) -> str:
    """A short label for matching (model.text.match_key of the cell's text without tags)."""
    return match_key(clean(text))


@functools.cache
def _cjk_gap() -> re.Pattern:  # compiled on first use (2.5 ms, the CJK ranges): most documents have no 绩效 table
    return re.compile(rf"(?<={_CJK})[ \t]+(?={_CJK})")


def name_text(text: str) -> str:
    """A name as printed, without tags or the spaces a line wrap left between CJK characters."""
    return _cjk_gap().sub("", clean(text)).replace("\n", "")


def _level(text: str, names: frozenset[str]) -> bool:
    t = label(text)
    return t.removesuffix("指标") in names


class _Reader:
    def __init__(self, file: str):
        self.file = file
        self.perf = Performance()
        self.part = "head"  # head | tasks | goals | indicators
        self.goal_lines: list[tuple[str, Source]] = []  # paragraphs, page breaks undone
        self.level1 = self.level2 = ""

    def feed(self, cells: list[Cell]) -> None:
        labels = [label(c.text) for c in cells]
        if self.perf.source is None:
            self.perf.source = Source(self.file, cells[0].source.page)
        if "单位名称" in labels or "主管部门" in labels:
            self._identity(cells, labels)
        elif "任务名称" in labels or "总额" in labels:  # the task header (two rows), maybe repeated
            self.part = "tasks"
        elif "年度总体目标" in labels:
            self.part = "goals"
            self._goal([c for c, t in zip(cells, labels) if t != "年度总体目标"])
        elif "一级指标" in labels or "三级指标" in labels:
            self.part = "indicators"
        elif self.part == "tasks":
            self._task(cells, labels)
        elif self.part == "goals" and "年度绩效指标" not in labels:
            self._goal(cells)
        elif self.part in ("goals", "indicators"):
            self.part = "indicators"
            self._indicator([c for c, t in zip(cells, labels) if t != "年度绩效指标"])
        else:
            raise IngestError(self.file, f"整体支出绩效目标表中无法识别的行：{' | '.join(labels)}",
                              f"第 {cells[0].source.page} 行")

    def _identity(self, cells: list[Cell], labels: list[str]) -> None:
        for i, t in enumerate(labels[:-1]):
            if t == "单位名称":
                self.perf.body = name_text(cells[i + 1].text)
            elif t == "主管部门":
                self.perf.parent = name_text(cells[i + 1].text)

    def _task(self, cells: list[Cell], labels: list[str]) -> None:
        amounts = [c for c in cells if parse_amount(c.text) is not None]
        texts = [c for c, t in zip(cells, labels) if parse_amount(c.text) is None and t != "年度主要任务"]
        if not amounts:  # a cell continued after a page break
            if not self.perf.tasks:
                raise IngestError(self.file, "整体支出绩效目标表：任务行没有金额", f"第 {cells[0].source.page} 行")
            task = self.perf.tasks[-1]
            task.content = _join(task.content, "\n".join(clean(c.text) for c in texts))
            return
        if len(amounts) != len(MEASURES):
            raise IngestError(self.file, f"整体支出绩效目标表：任务行应有 {len(MEASURES)} 个金额，"
                              f"印有 {len(amounts)} 个", f"第 {cells[0].source.page} 行")
        values = {m: Value(parse_amount(c.text), c.text.strip(), c.source) for m, c in zip(MEASURES, amounts)}
        if texts and label(texts[0].text) in ("金额合计", "合计", "总计"):
            self.perf.total = values
            return
        name = name_text(texts[0].text) if texts else ""
        content = "\n".join(clean(c.text) for c in texts[1:])
        source = (texts[0] if texts else amounts[0]).source
        self.perf.tasks.append(Task(name, content, values, source))

    def _goal(self, cells: list[Cell]) -> None:
        for c in cells:
            for n, line in enumerate(clean(c.text).split("\n")):
                if n == 0 and self.goal_lines and not _GOAL_MARK.match(line):  # continued over a page break
                    prev, source = self.goal_lines[-1]
                    self.goal_lines[-1] = (_join(prev, line), source)
                elif line:
                    self.goal_lines.append((line, c.source))

    def _indicator(self, cells: list[Cell]) -> None:
        heading = cells[0] if cells else None
        declared = False
        if cells and _level(cells[0].text, LEVEL1):
            self.level1, self.level2 = name_text(cells.pop(0).text), ""
        if cells and _level(cells[0].text, LEVEL2):
            self.level2, declared = name_text(cells.pop(0).text), True
        if not cells:  # a 二级 heading with no 三级 indicator beside it: an empty category, unless rows follow
            if declared and heading is not None:
                self.perf.indicators.append(Indicator(self.level1, self.level2, "", Target(""), heading.source))
            return
        name, target = cells[0], cells[1:]
        target_text = " ".join(clean(c.text) for c in target)
        self.perf.indicators.append(
            Indicator(self.level1, self.level2, name_text(name.text), parse_target(target_text), name.source)
        )

    def finish(self) -> Performance:
        """Empty categories (name "") stay only where no indicator follows under the same heading."""
        self.perf.goals = _goals(self.goal_lines)
        filled = {(i.level1, i.level2) for i in self.perf.indicators if i.name}
        self.perf.indicators = [i for i in self.perf.indicators if i.name or (i.level1, i.level2) not in filled]
        return self.perf


def _join(before: str, after: str) -> str:
    """Text of a cell split by a page break: CJK text joins with no space."""
    if not before or not after:
        return before or after
    return before + after


def _goals(lines: list[tuple[str, Source]]) -> list[Paragraph]:
    """One Paragraph per numbered goal (年度目标 1: / 目标 1：); per paragraph when goals are unnumbered."""
    if not any(_GOAL_MARK.match(text) for text, _ in lines):
        return [Paragraph(text, source) for text, source in lines]
    goals: list[Paragraph] = []
    for text, source in lines:
        if _GOAL_MARK.match(text) or not goals:
            goals.append(Paragraph(text, source))
        else:
            goals[-1].text += "\n" + text
    return goals
