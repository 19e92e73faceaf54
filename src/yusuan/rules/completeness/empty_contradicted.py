"""空表与其他地方所列数字相符：表格印作空表（没有金额、全部为 0 或注明“本表无数据”），而收支总表等其他表格或
正文写明了该表的数字不为 0（如政府性基金预算支出表为空，收支总表却列有政府性基金收入 50 万元；“三公”经费表为
空，正文却写“三公”经费 37.91 万元），空表就是漏印或错印了。"""

from yusuan.model.vocabulary import TABLE_KINDS
from yusuan.rules.completeness.empty_table import _no_amounts
from yusuan.rules.printed import table_source
from yusuan.rules.registry import rule
from yusuan.rules.stated_cells import LOOKUPS

# the figures that belong in each table, as statements and table lookups name them
_KEYS = {
    "gov_fund_expense": ("gov_fund",),
    "soe_capital_expense": ("soe_capital",),
    "three_public_costs": ("three_public.total", "three_public.abroad", "three_public.reception",
                           "three_public.vehicle_total", "three_public.vehicle_purchase", "three_public.vehicle_operation"),
    "procurement": ("procurement.total",),
    "office_operating_costs": ("office_operating",),
}


def _elsewhere(ctx, table, keys):
    """(what, amount text, source) of the first figure printed elsewhere that belongs in `table` and is not 0."""
    final = ctx.identity.kind == "final_accounts"
    for st in ctx.statements:
        if (st.key in keys and st.is_figure and st.amount.wan > 0
                and (not final or "final" in st.qualifiers)):
            return f"正文“{st.quote(60)}”", st.amount.text, st.source
    for key in keys:
        lookup = LOOKUPS.get(key)
        for cell in lookup(ctx, "final" if final else "") if lookup else ():
            if cell.table is not table and cell.wan > 0 and cell.value is not None:
                return f"《{cell.table.title}》“{cell.row.item}”", cell.value.text + cell.table.unit, cell.source
    return None


@rule("complete-empty-contradicted")
def check(ctx, emit):
    for table in ctx.tables:
        keys = _KEYS.get(table.kind)
        if keys is None or not _no_amounts(table):
            continue
        found = _elsewhere(ctx, table, keys)
        if found is None:
            continue
        what, amount, source = found
        yield emit(table=table, kind_name=TABLE_KINDS[table.kind], other=what, amount=amount,
                   where=[table_source(table), source])
