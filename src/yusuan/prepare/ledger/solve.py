"""Amounts that reproduce printed figures: a linear programme (scipy's HiGHS) in two passes.

Each printed figure is a constraint on a sum of unknown amounts: it lies within half its printing unit of
the figure (a table rounded to 万元 says 5,682 for anything from 5,681.5 to 5,682.5). Where no amounts can
meet every figure (the publication contradicts itself), each figure may be missed by a slack: the first
pass finds the least total slack (weighted: a table's figure weighs more than the text's), the second,
keeping that, the amounts nearest (in the sum of absolute differences) to a first guess. Hard
constraints (weight 0) take no slack.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix


@dataclass(slots=True)
class Constraint:
    terms: dict[int, float]  # variable -> coefficient
    lo: float | None = None
    hi: float | None = None
    weight: float = 1.0  # 0: hard (no slack)


@dataclass(slots=True)
class Solution:
    values: list[float]
    missed: list[float]  # by constraint: how far its sum lies outside [lo, hi] (0 when within)


class SolveError(RuntimeError):
    pass


def solve(n: int, constraints: list[Constraint], guess: list[float], cost: list[float] | None = None,
          upper: list[float | None] | None = None, time_limit: float = 120, scale: float = 1.0) -> Solution:
    """n non-negative amounts meeting the constraints (with the least weighted slack), nearest to `guess`
    (each absolute difference weighed by `cost`, 1 by default). The solver works in units of 1/`scale`
    (its tolerances are absolute: amounts to the 分 are solved in 分)."""
    if scale != 1.0:
        scaled = [Constraint(c.terms, None if c.lo is None else c.lo * scale, None if c.hi is None else c.hi * scale,
                             c.weight) for c in constraints]
        found = solve(n, scaled, [g * scale for g in guess], cost,
                      None if upper is None else [None if u is None else u * scale for u in upper], time_limit)
        return Solution([v / scale for v in found.values], [m / scale for m in found.missed])
    soft = [k for k, c in enumerate(constraints) if c.weight > 0]
    # variables: the n amounts, then a low and a high slack per soft constraint, then n distances
    n_slack = 2 * len(soft)
    slack_of = {k: n + 2 * i for i, k in enumerate(soft)}
    rows, cols, data, b = [], [], [], []
    r = 0

    def add(terms: dict[int, float], bound: float) -> None:
        nonlocal r
        for j, a in terms.items():
            rows.append(r)
            cols.append(j)
            data.append(a)
        b.append(bound)
        r += 1

    for k, c in enumerate(constraints):
        s = slack_of.get(k)
        if c.lo is not None:  # sum + low slack >= lo  ->  -sum - slack <= -lo
            add({**{j: -a for j, a in c.terms.items()}, **({s: -1.0} if s is not None else {})}, -c.lo)
        if c.hi is not None:  # sum - high slack <= hi
            add({**c.terms, **({s + 1: -1.0} if s is not None else {})}, c.hi)
    base_rows = r
    width = n + n_slack
    bounds = [(0, None if upper is None or upper[j] is None else upper[j]) for j in range(n)] + [(0, None)] * n_slack
    weights = np.zeros(width)
    for k in soft:
        weights[slack_of[k]] = weights[slack_of[k] + 1] = constraints[k].weight
    first = _run(weights, rows, cols, data, b, base_rows, width, bounds, time_limit)
    least = float(weights @ first.x)

    # second pass: the same slack (a hair more for the solver's tolerance), amounts nearest to the guess
    width2 = width + n
    rows2, cols2, data2, b2 = list(rows), list(cols), list(data), list(b)
    r2 = base_rows
    if n_slack:
        for j in range(n, width):
            if weights[j]:
                rows2.append(r2)
                cols2.append(j)
                data2.append(weights[j])
        b2.append(least + 1e-7 * max(1.0, least))
        r2 += 1
    for j in range(n):  # x_j - d_j <= g_j ; -x_j - d_j <= -g_j
        rows2 += [r2, r2, r2 + 1, r2 + 1]
        cols2 += [j, width + j, j, width + j]
        data2 += [1.0, -1.0, -1.0, -1.0]
        b2 += [guess[j], -guess[j]]
        r2 += 2
    objective = np.zeros(width2)
    objective[width:] = cost if cost is not None else 1.0
    second = _run(objective, rows2, cols2, data2, b2, r2, width2, bounds + [(0, None)] * n, time_limit)
    x = second.x
    missed = []
    for k, c in enumerate(constraints):
        s = slack_of.get(k)
        missed.append(float(x[s] + x[s + 1]) if s is not None else 0.0)
    return Solution([float(v) for v in x[:n]], missed)


def _run(objective, rows, cols, data, b, n_rows, width, bounds, time_limit):
    a = coo_matrix((data, (rows, cols)), shape=(n_rows, width)).tocsr() if n_rows else None
    result = linprog(objective, A_ub=a, b_ub=np.array(b) if n_rows else None, bounds=bounds, method="highs",
                     options={"time_limit": time_limit, "presolve": True})
    if result.status != 0 or result.x is None:
        raise SolveError(f"求解未成功（{result.message}）")
    return result


def on_grid(values: list[float], constraints: list[Constraint], step: float, time_limit: float = 60) -> list[float]:
    """The amounts rounded to multiples of `step` (1 元, 1 分) so that the constraints still hold: each
    amount goes down or up to the next multiple (a small integer programme choosing which, counting in
    steps), the total slack no larger than needed, the amounts as near the unrounded ones as they can be."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    constraints = [Constraint(c.terms, None if c.lo is None else c.lo / step, None if c.hi is None else c.hi / step,
                              c.weight) for c in constraints]
    values, unit, step = [v / step for v in values], step, 1.0

    n = len(values)
    scaled = [max(v, 0.0) / step for v in values]
    base = [float(np.floor(s + 1e-9)) for s in scaled]
    frac = [s - b for s, b in zip(scaled, base)]
    soft = [k for k, c in enumerate(constraints) if c.weight > 0]
    slack_of = {k: n + 2 * i for i, k in enumerate(soft)}
    width = n + 2 * len(soft)
    rows, cols, data, lo, hi = [], [], [], [], []
    for r, (k, c) in enumerate(enumerate(constraints)):
        fixed = sum(a * base[j] * step for j, a in c.terms.items())
        for j, a in c.terms.items():
            rows.append(r)
            cols.append(j)
            data.append(a * step)
        s = slack_of.get(k)
        if s is not None:  # sum + low slack - high slack within [lo, hi]
            rows += [r, r]
            cols += [s, s + 1]
            data += [1.0, -1.0]
        lo.append(-np.inf if c.lo is None else c.lo - fixed)
        hi.append(np.inf if c.hi is None else c.hi - fixed)
    cost = np.zeros(width)
    cost[:n] = [1 - 2 * f for f in frac]  # going up costs (1 - f) instead of f
    big = 1e4 * (n + 1)
    for k in soft:
        cost[slack_of[k]] = cost[slack_of[k] + 1] = big * constraints[k].weight
    upper = np.full(width, np.inf)
    upper[:n] = [0.0 if f < 1e-9 else 1.0 for f in frac]
    integrality = np.zeros(width)
    integrality[:n] = 1
    a = coo_matrix((data, (rows, cols)), shape=(len(constraints), width)).tocsr()
    result = milp(cost, constraints=LinearConstraint(a, lo, hi) if constraints else None,
                  integrality=integrality, bounds=Bounds(np.zeros(width), upper),
                  options={"time_limit": time_limit})
    if result.x is None:
        raise SolveError(f"取整未成功（{result.message}）")
    return [(b + round(float(d))) * unit for b, d in zip(base, result.x[:n])]
