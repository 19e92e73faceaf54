"""科目名称是本年度的：功能分类中更名了的类，在更名之后年度的文件里仍写旧名（如 2019 年起“医疗卫生与计划生育支出”
已更名为“卫生健康支出”），多是沿用了旧模板或旧文本。更名及其年度见 catalog/data/code_map.csv（附来源）。"""

from yusuan.catalog.renames import renamed_by
from yusuan.rules.printed import lead, located
from yusuan.rules.registry import rule


def _stem(name: str) -> str:
    """The name without its closing 支出: texts also write 医疗卫生与计划生育（类）支出."""
    return name[:-2] if name.endswith("支出") else name


@rule("code-old-name")
def check(ctx, emit):
    year = ctx.identity.year
    if year is None:
        return
    renames = renamed_by(year)
    if not renames:
        return
    for p in ctx.pieces:
        text = p.text
        for r in renames:
            at = text.find(_stem(r.old))
            if at < 0:
                continue
            f = emit(table=p.table, row=p.row, part=p.where, old=r.old, new=r.new, since=r.since, year=year,
                     where=[p.source_at(at)])
            yield located(f, item=lead(text, at, at + len(_stem(r.old))), code=r.code)
