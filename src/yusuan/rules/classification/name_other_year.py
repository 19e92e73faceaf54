"""科目名称与其他年度科目表相符（提醒）：没有载入本年度的科目表时，表中印的科目名称与最接近年度的科目表
相比较。只比较编码对照表（catalog/data/code_map.csv 及用户补记）表明两年间含义未变的编码：对照表记有更名的，
与更名记录中本年度的名称比较；记有改编码、合并或拆分的，不比较；印的是对照表记载过的旧名或新名的，也不比较
（旧名由 code-old-name 报告）。科目名称也可能在两年间调整而对照表未记，所以只作提醒，不作错误。"""

from yusuan.catalog.codemap import YearMap, between, changes
from yusuan.rules.classification import Catalogs, coded_rows, name_key
from yusuan.rules.registry import rule


def name_by_map(code: str, year: int, listed: int, ymap: YearMap) -> str | None:
    """The name `code` (a code of `year`) had in `year` as far as the map of the years between `year` and
    `listed` tells: "" when the map records no change of it, the renamed name when it records only renames,
    None when its meaning changed (renumbered, merged, split) and no name can be compared."""
    if ymap.old(code) != (code,):
        return None  # other codes went into it, or it went into others
    news, steps = ymap.forward.get(code), ymap.changed(code, code)
    if news is None:
        return ""
    if news != (code,) or not steps or not all(s.renamed_only for s in steps):
        return None
    return (steps[0].old_name if year < listed else steps[-1].new_name) or None


def _known_names(code: str) -> set[str]:
    """Every name the code map records for `code`, in any year (an old name is code-old-name's)."""
    return {name_key(n) for c in changes() if code in (c.old_code, c.new_code) for n in (c.old_name, c.new_name) if n}


@rule("code-name-other-year")
def check(ctx, emit):
    year = ctx.identity.year
    if year is None:
        return
    catalogs = Catalogs(year)
    maps: dict[int, YearMap] = {}
    for table, row in coded_rows(ctx):
        catalog = catalogs.of(row.code)
        listed = catalog.year_of(row.code)
        official = catalog.name(row.code)
        if listed is None or listed == year or official is None or not row.label.strip():
            continue  # unlisted, or this year's own name (code-name)
        if listed not in maps:
            maps[listed] = between(min(year, listed), max(year, listed))
        ymap = maps[listed]
        renamed = name_by_map(row.code, year, listed, ymap)
        if renamed is None:
            continue
        printed = name_key(row.label)
        if printed == name_key(renamed or official) or printed in _known_names(row.code):
            continue
        if renamed:
            basis = f"据编码对照表，该编码 {year} 年的名称是“{renamed}”（{listed} 年科目表中为“{official}”）"
        else:
            basis = (f"最接近的 {listed} 年科目表中该编码的名称是“{official}”，编码对照表中没有该编码在 "
                     f"{min(year, listed)}—{max(year, listed)} 年间调整的记录")
        yield emit(table=table, row=row, basis=basis, year=year)
