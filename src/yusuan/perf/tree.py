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


def _named(text: str) -> str:
    t = match_key(text)
    return t if not t or t.endswith(SUFFIX) else t + SUFFIX


def level1_of(text: str) -> str:
    """产出 → 产出指标; a name outside the framework keeps its printed form (with 指标 added)."""
    return _named(text)


def level2_of(text: str) -> str:
    """数量 → 数量指标, 可持续影响 → 可持续影响指标, 其他满意度 → 其他满意度指标."""
    return _named(text)


def in_framework(level1: str, level2: str = "") -> bool:
    tree = indicator_framework().tree
    return level1 in tree and (not level2 or level2 in tree[level1])


def order(level1: str, level2: str) -> tuple[int, int]:
    """Where a category stands in the framework (unknown ones after the known ones)."""
    tree = indicator_framework().tree
    names = list(tree)
    i = names.index(level1) if level1 in tree else len(names)
    subs = list(tree.get(level1, ()))
    return i, subs.index(level2) if level2 in subs else len(subs)
