"""The Shanghai budgets' sentences comparing a 科目's budget with last year's execution.

Shanghai district budgets explain each function item (项) of the 财政拨款 in one sentence:

    1、一般公共服务支出（类）财政事务（款）行政运行（项）：2024年当年预算执行数为 A 万元，2025年预算安排 B 万元，
    比2024年预算执行数增加 P%，主要原因是……

`executions(ctx)` reads every such sentence into an `Execution`: the item it is about (named before the sentence
in its paragraph, in a paragraph of its own just before, or in the section heading; by name and level, with the
code when the bracket prints it: 住房保障支出（221类）住房改革支出（02款）住房公积金（01项）), the year and amount of
the execution (A), the year and amount of the budget (B), and the change stated (direction, percentage and the
year compared with). Every number keeps its offset in the passage, so each part is located on its printed line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from yusuan.rules.statements import Number, Passage, coded_path, fold, numbers

if TYPE_CHECKING:
    from yusuan.rules.context import Context

_EXECUTED = re.compile(r"(?P<year>\d{4})\s*年度?\s*(?:当年)?\s*(?:预算)?执行数?\s*(?:为|是)?\s*$")
_BUDGETED = re.compile(r"^[\s,;]*(?P<year>\d{4})\s*年度?\s*(?:预算安排|安排预算|预算数?)\s*(?:为|是)?\s*$")
_COMPARED = re.compile(
    r"^[\s,;]*(?:比|较|与)\s*(?:(?P<year>\d{4})\s*年度?)?\s*(?:当年)?\s*(?:预算)?执行数?(?:相比)?\s*[,]?\s*"
    r"(?:(?P<up>增加|增长|上升|提高)|(?P<down>减少|下降|降低))了?\s*$"
)
_FLAT = re.compile(r"^[\s,;]*(?:比|较|与)\s*(?:(?P<year>\d{4})\s*年度?)?\s*(?:当年)?\s*(?:预算)?执行数?\s*"
                   r"(?:相比)?\s*[,]?\s*(?:持平|相同|一致|相等|不变|无变化)")
_LEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d{1,2}[.、])")


@dataclass(frozen=True, slots=True)
class Item:
    """The classification item a sentence is about: ((name, level, code printed or ''), …)."""

    path: tuple[tuple[str, str, str], ...]

    @property
    def label(self) -> str:
        return "".join(f"{n}（{c}{lvl}）" for n, lvl, c in self.path)

    @property
    def code(self) -> str:
        """The full code when every level prints its own (221 + 02 + 01), else ''."""
        code = ""
        for _, lvl, piece in self.path:
            want = {"类": 3, "款": 5, "项": 7}[lvl]
            if not piece:
                return ""
            if len(piece) == want:
                code = piece
            elif len(code) + len(piece) == want and piece.isdigit():
                code += piece
            else:
                return ""
        return code


@dataclass(frozen=True, slots=True)
class Execution:
    passage: Passage
    start: int  # where the sentence begins (the execution's year)
    item: Item | None
    executed_year: int
    executed: Number  # A
    year: int
    year_at: int
    budget: Number  # B
    compared_year: int | None = None
    compared_at: int | None = None
    direction: int | None = None  # +1 增加, -1 减少, 0 持平; None when no change is stated
    percent: Number | None = None

    def source_at(self, offset: int):
        return self.passage.source_at(offset)

    def quote(self, limit: int = 100) -> str:
        text = self.passage.text
        end = text.find("。", self.start)
        end = len(text) if end < 0 else end + 1
        begin = max(text.rfind("。", 0, self.start) + 1, 0)
        s = re.sub(r"\s+", "", self.passage.printed[begin:end])
        return s if len(s) <= limit else s[:limit] + "…"


def executions(ctx: Context) -> list[Execution]:
    """Every execution sentence of the narrative, read once per check."""
    return ctx.memo("executions", lambda: read_executions(ctx.passages))


def read_executions(passages_: list[Passage]) -> list[Execution]:
    out: list[Execution] = []
    previous: Passage | None = None
    for passage in passages_:
        out.extend(_read(passage, previous))
        previous = passage
    return out


def _read(passage: Passage, previous: Passage | None) -> list[Execution]:
    text = passage.text
    tokens = numbers(text)
    found = []
    for i, a in enumerate(tokens):
        m = _EXECUTED.search(text, max(0, a.start - 24), a.start)
        if not a.is_money or m is None or i + 1 >= len(tokens):
            continue
        b = tokens[i + 1]
        mb = _BUDGETED.match(text[a.end:b.start])
        if not b.is_money or mb is None:
            continue
        start = m.start("year")
        ex = dict(passage=passage, start=start, item=_item(passage, previous, start),
                  executed_year=int(m["year"]), executed=a, year=int(mb["year"]), year_at=a.end + mb.start("year"),
                  budget=b)
        stop = _sentence_end(text, b.end)
        flat = _FLAT.match(text[b.end:stop])
        if flat:
            ex.update(direction=0, **_compared(flat, b.end))
        elif i + 2 < len(tokens) and tokens[i + 2].unit == "%" and tokens[i + 2].start < stop:
            p = tokens[i + 2]
            mc = _COMPARED.match(text[b.end:p.start])
            if mc:
                ex.update(direction=1 if mc["up"] else -1, percent=p, **_compared(mc, b.end))
        found.append(Execution(**ex))
    return found


def _compared(m: re.Match, offset: int) -> dict:
    if not m["year"]:
        return {}
    return dict(compared_year=int(m["year"]), compared_at=offset + m.start("year"))


def _sentence_end(text: str, start: int) -> int:
    m = re.compile(r"[。;!?]").search(text, start)
    return m.start() if m else len(text)


def _item(passage: Passage, previous: Passage | None, start: int) -> Item | None:
    """What the sentence speaks of: named before it in the passage, in a heading paragraph just before (a
    numbered line without figures), or in the section heading."""
    before = passage.text[: start].rstrip()
    if before.endswith("。"):  # 1、公共安全支出。2025年当年预算执行数为…
        before = before[:-1]
    before = before[before.rfind("。") + 1:]
    if any(n.is_money for n in numbers(before)):
        before = ""  # a sentence of other figures, not a heading
    for text in (before,
                 previous.text if previous is not None and previous.section is passage.section
                 and _LEAD.match(previous.text) and not any(n.is_money for n in numbers(previous.text)) else "",
                 fold(passage.section.heading)):
        path = coded_path(text)
        if path:
            return Item(path)
        bare = _BARE_CLASS.match(text)
        if bare:  # 1、公共安全支出。2025年当年预算执行数为…: a 类 named on its own
            return Item(((bare["name"], "类", ""),))
    return None


_BARE_CLASS = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d{1,2}[.、])\s*"
                         r"(?P<name>[^\s\d,.;:()\"]{2,16}支出)\s*[.:,]?\s*$")
