"""`yusuan export`: publications as open data."""

from __future__ import annotations

from pathlib import Path

import click

from yusuan.cli.main import main


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="文件...")
@click.option("--format", "fmt", type=click.Choice(["fdp"]), default="fdp", show_default=True,
              help="fdp：财政数据包（Fiscal Data Package：datapackage.json 与 facts.csv）")
@click.option("--out", "-o", type=click.Path(path_type=Path), required=True, help="输出目录（不存在则新建）")
@click.option("--title", default="", help="数据包标题（默认由单位名称生成）")
def export(files: tuple[Path, ...], fmt: str, out: Path, title: str) -> None:
    """读取公开文件，导出为开放数据。

    fdp 格式：每个表格金额一行（facts.csv，金额以万元计），datapackage.json 说明各列，
    并给出财政数据模型（度量：币种 CNY、万元、收支方向、预算阶段；维度：单位、年度、
    功能分类、经济分类、资金来源）。同一单位的文字部分和表格部分分开发布时，把两者相邻给出，
    文件名（去掉“文字”“表格”等字样后）相同的合为一份。
    """
    from yusuan.export.fdp import write_fdp
    from yusuan.ingest.read import read_publications

    docs = read_publications(list(files))
    path = write_fdp(docs, out, title=title)
    click.echo(f"已写出 {path}（{len(docs)} 份公开文件）", err=True)
