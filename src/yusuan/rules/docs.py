"""The rule catalogue for people: `yusuan rules` and docs/rules.md are written from it."""

from __future__ import annotations

from yusuan.rules.catalog import FAMILIES, PREFIXES
from yusuan.rules.finding import SEVERITY_NAMES
from yusuan.rules.registry import iter_rules


def _by_family():
    rules = [info for info, _ in iter_rules()]
    for family, name in FAMILIES.items():
        mine = [r for r in rules if r.family == family]
        if mine:
            yield family, name, mine


def rules_text() -> str:
    lines = []
    for _, name, rules in _by_family():
        lines.append(f"{name}")
        for r in rules:
            lines.append(f"  {r.id:<32} [{SEVERITY_NAMES[r.severity]}] {r.title}：{r.checks}")
    return "\n".join(lines)


def rules_markdown() -> str:
    out = [
        "# 检查规则目录",
        "",
        "Written by `yusuan rules --format markdown` from `src/yusuan/rules/catalog.csv`; a test keeps it current.",
        "Amounts are compared under the rounding tolerance (docs/architecture.md): every printed value may be",
        "off by half its own printing unit (a cell printed in whole 元 by 0.5 元, one with cents by 0.005 元), so",
        "a total of n printed parts may differ from their printed sum by the sum of those half-units,",
        "(n + 1) · u / 2 when all share u (a printed 0 counts at the finest unit beside it:",
        "`src/yusuan/model/tolerance.py`); each finding states the tolerance it applied.",
        "",
        "A rule about figures reports no error or warning from a table whose reading is doubtful (most of its",
        "own sums fail, its kind was not recognised, a figure could not be parsed, or — for rules comparing",
        "columns — a column's meaning was not read; `src/yusuan/model/reading.py`): it says once per table, as",
        "info, that the table could not be verified and why.",
        "",
        "A rule's id is its family's prefix and its module's name: `text-change-percent` is defined in",
        "`src/yusuan/rules/narrative/change_percent.py`, tested in `tests/rules/test_text_change_percent.py`.",
    ]
    for family, name, rules in _by_family():
        out += ["", f"## {name} (`{family}`: ids `{PREFIXES[family]}-…`, `rules/{family}/`)", "",
                "| 规则 | 名称 | 严重程度 | 检查内容 |", "|---|---|---|---|"]
        out += [f"| `{r.id}` | {r.title} | {SEVERITY_NAMES[r.severity]} | {r.checks} |" for r in rules]
    return "\n".join(out) + "\n"
