"""How well a table was read: its own sums, and what the reader could not make out (doubts).

The assembler fills one `Reading` per table. `doubtful` is the one place that decides whether a table's
figures are sure enough for a rule to call a difference an error; `summary` says in Chinese what could
not be read. A reader with a new kind of doubt adds one entry to `DOUBT_KINDS` and appends `Doubt`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yusuan.model.provenance import Source

# What a kind of doubt puts in question: the table's figures as a whole (TABLE), only comparisons between
# its columns (COLUMNS: which column is which), or nothing a check relies on (NOTE: said, not blocking).
TABLE, COLUMNS, NOTE = "table", "columns", "note"
DOUBT_KINDS: dict[str, tuple[str, str]] = {  # kind → (scope, what it is called in a summary)
    "unknown-kind": (TABLE, "未能识别表的种类"),
    "unparsed-value": (TABLE, "金额栏中有无法识别为数字的内容"),
    "unmapped-column": (COLUMNS, "金额列未能对应到含义"),
    "unlabelled-row": (NOTE, "有金额而没有项目名称或科目编码的行"),
    # each finding resting on such a cell is told as information (rules/registry.py), the rest stand
    "ocr-unconfirmed": (NOTE, "文字识别读出、表内合计未能印证的数字"),
}

# A table whose own sums mostly fail was most likely misread (columns shifted, a total taken for a line):
# at least this many checked, and more failing than holding.
MIN_SUMS = 3


@dataclass(slots=True)
class Doubt:
    kind: str  # a key of DOUBT_KINDS (stable English id)
    message: str  # Chinese, naming what was not read
    source: Source | None = None


@dataclass(slots=True)
class Reading:
    sums_checked: int = 0  # rows (and rows' column splits) whose printed total was checked against its parts
    sums_held: int = 0
    doubts: list[Doubt] = field(default_factory=list)

    def add(self, kind: str, message: str, source: Source | None = None) -> None:
        if kind not in DOUBT_KINDS:
            raise ValueError(f"unknown doubt kind {kind!r}")
        self.doubts.append(Doubt(kind, message, source))

    def of_kind(self, kind: str) -> list[Doubt]:
        return [d for d in self.doubts if d.kind == kind]

    @property
    def sums_failed(self) -> int:
        return self.sums_checked - self.sums_held


def doubtful(table, *, columns: bool = False) -> str:
    """Why the figures of `table` cannot be relied on to prove an error (Chinese), or "" when they can.
    `columns`: the check compares the table's columns with one another (or with other tables' columns), so
    a column whose meaning was not read matters too."""
    reading: Reading = table.reading
    why: list[str] = []
    failed = reading.sums_failed
    if reading.sums_checked >= MIN_SUMS and failed > reading.sums_held:
        why.append(f"表中自身的合计关系 {reading.sums_checked} 处有 {failed} 处不成立，更可能是读错了行或列")
    for kind, (scope, name) in DOUBT_KINDS.items():
        if scope == TABLE or scope == COLUMNS and columns:
            found = reading.of_kind(kind)
            if found:
                why.append(_counted(name, found))
    if table.kind == "unknown" and not reading.of_kind("unknown-kind"):
        why.append(DOUBT_KINDS["unknown-kind"][1])
    return "；".join(why)


def summary(tables) -> list[str]:
    """One Chinese line per table that was not read with certainty: its doubts and failing own sums."""
    lines = []
    for table in tables:
        reading: Reading = table.reading
        said = [_counted(DOUBT_KINDS.get(k, ("", k))[1], [d for d in reading.doubts if d.kind == k])
                for k in dict.fromkeys(d.kind for d in reading.doubts)]
        if reading.sums_failed:
            said.append(f"自身合计关系 {reading.sums_checked} 处中 {reading.sums_failed} 处不成立")
        if said:
            name = f"{table.number_text or '未编号的表'}《{table.title}》"
            lines.append(f"{name}：{'；'.join(said)}")
    return lines


def _counted(name: str, doubts: list[Doubt]) -> str:
    places = list(dict.fromkeys(_place(d.source) for d in doubts if d.source is not None))
    where = f"（{'、'.join(places[:5])}{'等' if len(places) > 5 else ''}）" if places else ""
    examples = "、".join(d.message for d in doubts[:3]) + ("等" if len(doubts) > 3 else "")
    return f"{name} {len(doubts)} 处{where}：{examples}"


def _place(source: Source) -> str:
    """第 N 页 in a PDF, 第 N 行 in a text file, the cell of a workbook sheet."""
    if source.cell:
        return f"第 {source.page} 张工作表 {source.cell}"
    return f"第 {source.page} {'页' if source.bbox is not None else '行'}"


def reading_from_dict(d: dict | None, source) -> Reading:
    """The JSON form back (`source` turns a source dict into a Source)."""
    d = d or {}
    return Reading(
        int(d.get("sums_checked", 0)), int(d.get("sums_held", 0)),
        [Doubt(x.get("kind", ""), x.get("message", ""), source(x.get("source"))) for x in d.get("doubts", [])],
    )
