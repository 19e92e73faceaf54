"""正文数字为截尾而非四舍五入：正文所述数额与表格不符，但正是表格数字截去末位以后的数（表中 877,080 元即
87.708 万元，正文写 87.70 万元，四舍五入应为 87.71 万元）。差额不足一个末位，不作为错误，只作警告。"""

from yusuan.rules.narrative import (
    against_tables,
    economic_items,
    function_items,
    office_operating,
    procurement,
    splits,
    three_public,
    totals,
)
from yusuan.rules.registry import rule
from yusuan.rules.stated_cells import cells_for

# the subjects (and where their cells are found) of the rules comparing the text with the tables
COMPARED = [(m.KEYS, getattr(m, "LOOKUP", cells_for))
            for m in (totals, splits, three_public, office_operating, procurement, function_items, economic_items)]


@rule("text-truncated", columns=True)
def check(ctx, emit):
    seen = set()
    for keys, lookup in COMPARED:
        for f in against_tables(ctx, emit, keys, lookup, truncated=True):
            if (f.locations, f.message) not in seen:
                seen.add((f.locations, f.message))
                yield f
