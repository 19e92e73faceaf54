"""The 绩效指标 framework (catalog/data/performance_indicator_framework.csv): the 一级 and 二级 indicator
categories, and the points a 绩效自评 gives each 一级 category and the 预算执行率 by default."""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

EXECUTION = "预算执行率"  # the framework's row that is no indicator category: scored from the spending


@dataclass(frozen=True, slots=True)
class Framework:
    tree: dict[str, tuple[str, ...]]  # 一级 → its 二级 names, in the framework's order (产出指标 → 数量指标, …)
    points: dict[str, Decimal]  # 一级 → default points of a self-evaluation (产出指标 50, …)
    execution_points: Decimal  # the 预算执行率's default points


@functools.cache
def indicator_framework() -> Framework:
    text = resources.files("yusuan.catalog").joinpath("data", "performance_indicator_framework.csv").read_text("utf-8-sig")
    tree: dict[str, list[str]] = {}
    points: dict[str, Decimal] = {}
    execution = Decimal(0)
    for row in csv.DictReader(io.StringIO(text)):
        level1, level2 = row["level1"].strip(), row["level2"].strip()
        weight = Decimal(row["self_eval_default_weight_level1_pct"])
        if level1 == EXECUTION:
            execution = weight
            continue
        tree.setdefault(level1, []).append(level2)
        points[level1] = weight
    return Framework({k: tuple(v) for k, v in tree.items()}, points, execution)
