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
