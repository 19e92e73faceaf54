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
        "Amounts are compared under the rounding tolerance (docs/architecture.md): a total of n printed parts",
        "may differ from their printed sum by (n + 1) · u / 2, u being the unit the table prints in; each",
        "finding states the tolerance it applied.",
        "",
        "A rule's id is its family's prefix and its module's name: `text-change-percent` is defined in",
        "`src/yusuan/rules/narrative/change_percent.py`, tested in `tests/rules/test_text_change_percent.py`.",
    ]
    for family, name, rules in _by_family():
        out += ["", f"## {name} (`{family}`: ids `{PREFIXES[family]}-…`, `rules/{family}/`)", "",
                "| 规则 | 名称 | 严重程度 | 检查内容 |", "|---|---|---|---|"]
        out += [f"| `{r.id}` | {r.title} | {SEVERITY_NAMES[r.severity]} | {r.checks} |" for r in rules]
    return "\n".join(out) + "\n"
