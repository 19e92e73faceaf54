"""`yusuan catalog`: import and show the classification lists."""

from __future__ import annotations

from pathlib import Path

import click

from yusuan.cli.main import YusuanGroup, main
from yusuan.model.errors import IngestError


@main.group(cls=YusuanGroup)
def catalog() -> None:
    """政府收支分类科目表：导入官方科目表，查看可用的科目。"""


SCHEME_OPTION = click.option(
    "--scheme", required=True, type=click.Choice(["function", "economic_dept", "economic_gov"]),
    help="function：支出功能分类；economic_dept：部门预算支出经济分类；economic_gov：政府预算支出经济分类",
)
YEAR_OPTION = click.option("--year", required=True, type=int, help="科目表适用的预算年度，如 2024")


@catalog.command("import")
@click.argument("file", type=click.Path(path_type=Path), metavar="文件")
@SCHEME_OPTION
@YEAR_OPTION
@click.option("--partial", is_flag=True, help="表中只有部分科目（默认视为完整的官方科目表）")
def catalog_import(file: Path, scheme: str, year: int, partial: bool) -> None:
    """从 CSV 或 XLSX 文件导入科目表，替换此前导入的同年同类科目表。"""
    from yusuan.catalog.importer import SCHEME_NAMES, import_catalog
    from yusuan.catalog.store import imported_path

    if not file.exists():
        raise IngestError(str(file), "文件不存在")
    if file.is_dir():
        raise IngestError(str(file), "这是一个目录，不是文件")
    imported = import_catalog(file, scheme, year, partial=partial)
    from_file = sum(1 for e in imported.entries.values() if e.source.startswith("导入："))
    added = len(imported.entries) - from_file
    note = f"，另从随软件附带的科目表补入上级科目 {added} 个" if added else ""
    kind = "部分科目" if partial else "完整科目表"
    click.echo(f"已导入 {year} 年{SCHEME_NAMES[scheme]}科目 {from_file} 个（{kind}）{note}。")
    click.echo(f"按级次：{_level_counts(scheme, imported.entries)}")
    click.echo(f"保存在：{imported_path(scheme, year)}")


@catalog.command("show")
@SCHEME_OPTION
@YEAR_OPTION
@click.option("--code", help="查看一个科目编码的名称、级次和上级科目")
def catalog_show(scheme: str, year: int, code: str | None) -> None:
    """查看某年某类科目表的来源、完整性和各级科目数；给出 --code 时查看该科目。"""
    from yusuan.catalog.importer import SCHEME_NAMES
    from yusuan.catalog.store import load

    cat = load(scheme, year)
    if code is not None:
        _show_code(cat, code)
        return
    click.echo(f"{year} 年{SCHEME_NAMES[scheme]}科目表（{scheme}）")
    click.echo(f"随软件附带：{_source_year(cat.shipped_year, year)}")
    click.echo(f"用户导入：{_source_year(cat.imported_year, year)}")
    click.echo(f"完整性：{'部分科目，不是完整的官方科目表' if cat.is_partial else '完整的官方科目表'}")
    click.echo(f"按级次：{_level_counts(scheme, cat.entries)}")


def _source_year(used: int | None, year: int) -> str:
    if used is None:
        return "无"
    if used != year:
        return f"{used} 年（没有 {year} 年的，用 {used} 年的代替）"
    return f"{used} 年"


def _show_code(cat, code: str) -> None:
    from yusuan.catalog.store import normalize_code

    key = normalize_code(code)
    if not cat.contains(key):
        click.echo(f"错误：{cat.year} 年科目表中没有科目编码“{code}”", err=True)
        click.get_current_context().exit(1)
    level = cat.level(key)
    names = _level_names(cat.scheme)
    click.echo(f"{key} {cat.name(key)}")
    click.echo(f"级次：{names[level - 1]}（第 {level} 级）")
    parent = cat.parent(key)
    if parent:
        click.echo(f"上级科目：{parent} {cat.name(parent) or '（不在科目表中）'}")
    else:
        click.echo("上级科目：无（这是一个类级科目）")


def _level_names(scheme: str) -> tuple[str, ...]:
    return ("类", "款", "项") if scheme == "function" else ("类", "款")


def _level_counts(scheme: str, entries) -> str:
    names = _level_names(scheme)
    counts = [sum(1 for e in entries.values() if e.level == n) for n in range(1, len(names) + 1)]
    return "、".join(f"{name} {count} 个" for name, count in zip(names, counts))


@catalog.group("map", cls=YusuanGroup)
def catalog_map() -> None:
    """科目在年度之间的调整（更名、改编码、合并、拆分）：对比和同比时旧编码据此对应到新编码。"""


@catalog_map.command("add")
@click.argument("old_code", metavar="旧编码")
@click.argument("new_code", metavar="新编码")
@click.option("--year", required=True, type=int, help="新编码开始使用的年度（旧编码是上一年度的），如 2024")
@click.option("--old-name", default="", help="旧科目名称")
@click.option("--new-name", default="", help="新科目名称（只改名称、编码不变时必填）")
@click.option("--source", default="", help="依据，如财政部文件或印有新旧编码的公开文件")
def map_add(old_code: str, new_code: str, year: int, old_name: str, new_name: str, source: str) -> None:
    """添加一项科目调整：上一年度的旧编码在 --year 年度对应新编码。同一旧编码对应多个新编码（拆分）或多个旧编码
    对应同一新编码（合并）的，逐项添加。"""
    from yusuan.catalog.codemap import CodeMapError, add, make, user_path

    try:
        change = add(make(year, old_code, new_code, old_name=old_name, new_name=new_name, source=source))
    except CodeMapError as e:
        raise click.BadParameter(str(e)) from None
    click.echo(f"已添加：{year} 年起 {_change_text(change)}。")
    click.echo(f"保存在：{user_path()}")


@catalog_map.command("show")
@click.option("--year", type=int, help="只看这一年度开始的调整")
@click.option("--code", help="只看涉及这个编码的调整")
def map_show(year: int | None, code: str | None) -> None:
    """列出科目调整表：随软件附带的（附依据）和用户添加的。"""
    from yusuan.catalog.codemap import changes
    from yusuan.catalog.store import normalize_code

    key = normalize_code(code) if code else None
    shown = [c for c in sorted(changes(), key=lambda c: (c.year, c.new_code, c.old_code))
             if (year is None or c.year == year) and (key is None or key in (c.old_code, c.new_code))]
    if not shown:
        click.echo("没有符合条件的科目调整。")
        return
    for c in shown:
        who = "用户添加" if c.user else "随软件附带"
        click.echo(f"{c.year} 年起  {_change_text(c)}  [{who}] {c.source}")


def _change_text(c) -> str:
    old = f"{c.old_code} {c.old_name}".strip()
    new = f"{c.new_code} {c.new_name}".strip()
    return f"{old} → {new}" + ("（更名）" if c.renamed_only else "")
