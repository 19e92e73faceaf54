"""The `yusuan` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from yusuan.ingest.errors import IngestError


class YusuanGroup(click.Group):
    """Every unreadable input ends in one Chinese line on stderr and exit status 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except IngestError as e:
            click.echo(f"错误：{e}", err=True)
            ctx.exit(2)


@click.group(cls=YusuanGroup)
@click.version_option(package_name="yusuan")
def main() -> None:
    """yusuan：部门预算与决算公开文件的读取、检查、生成与公开。"""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="csv：每个数字单元格一行；json：完整的公开文件模型")
@click.option("--out", "-o", type=click.Path(path_type=Path), help="输出文件（默认标准输出）")
def extract(files: tuple[Path, ...], fmt: str, out: Path | None) -> None:
    """读取公开文件，导出全部表格数字（CSV）或完整模型（JSON）。

    同一单位的文字部分和表格部分分开发布时，把两个文件一起给出，得到一个公开文件。
    """
    from yusuan.export.cells import write_cells_csv
    from yusuan.export.json import disclosure_dict
    from yusuan.ingest.read import read_disclosure

    doc = read_disclosure(*files)
    stream = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if fmt == "csv":
            write_cells_csv([doc], stream)
        else:
            json.dump(disclosure_dict(doc), stream, ensure_ascii=False, indent=1)
            stream.write("\n")
    finally:
        if out:
            stream.close()
