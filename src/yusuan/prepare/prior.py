"""Prior-year columns from the year before's disclosure: each line of this year's tables gets the previous
year's figure of the same line (`rules.prior`: tables by kind, lines by key, codes through the code map) as
its 上年预算数 (上年决算数 for final accounts) where the table does not print one, so the draft's sentences say
“比上年增加 X 万元，增长 Y%” from what was published. Each value keeps where it was printed last year; a
line whose figure the map cannot carry (a split class, a class whose subtree changed) gets none."""

from __future__ import annotations

import copy

from yusuan.model.disclosure import Disclosure, Value
from yusuan.model.vocabulary import split_measure
from yusuan.rules.context import Context, Related
from yusuan.rules.prior import prior_of

PRIOR_PHASE = {"budget": "prior_budget", "final_accounts": "prior_final"}
OWN_PHASE = {"budget": "", "final_accounts": "final"}


def with_prior(doc: Disclosure, prior: Disclosure) -> Disclosure:
    """A copy of `doc` whose lines carry the year before's figures as prior-year values (those it prints
    itself are kept)."""
    kind = doc.identity.kind
    if kind not in PRIOR_PHASE or prior.identity.kind != kind:
        return doc
    out = copy.deepcopy(doc)
    ctx = Context(out, Related(prior=prior))
    for table in out.tables:
        for row in table.rows:
            for measure in list(row.values):
                base, phase = split_measure(measure)
                if phase != OWN_PHASE[kind]:
                    continue
                wanted = f"{base}@{PRIOR_PHASE[kind]}"
                if wanted in row.values:
                    continue
                pf = prior_of(ctx, table, row, measure)
                if pf is None or pf.unsure or not pf.where:
                    continue
                amount = pf.in_unit_of(table)
                amount = amount.quantize(row.values[measure].amount) if amount == amount.quantize(
                    row.values[measure].amount) else amount
                row.values[wanted] = Value(amount, f"{amount:,f}", pf.where[0])
    return out
