"""The indicator tree: 一级 产出 / 效益 / 满意度 and their 二级 categories (catalog.performance), and the
canonical name of a category however it is printed (产出 → 产出指标, 数量 → 数量指标)."""

from __future__ import annotations

from yusuan.catalog.performance import indicator_framework
from yusuan.model.text import match_key

SUFFIX = "指标"


def level1_names() -> tuple[str, ...]:
    return tuple(indicator_framework().tree)


def level2_names(level1: str) -> tuple[str, ...]:
    return indicator_framework().tree.get(level1, ())


def canonical(text: str) -> str:
    """A category's name as the framework writes it: 产出 → 产出指标, 数量 → 数量指标, 可持续影响 →
    可持续影响指标; a name outside the framework keeps its printed form (其他满意度 → 其他满意度指标)."""
    t = match_key(text)
    return t if not t or t.endswith(SUFFIX) else t + SUFFIX


def in_framework(level1: str, level2: str = "") -> bool:
    tree = indicator_framework().tree
    return level1 in tree and (not level2 or level2 in tree[level1])
