"""`yusuan extract`: every number of every table, or the whole model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from yusuan.cli.main import main


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="文件...")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="csv：每个数字单元格一行；json：完整的公开文件模型")
@click.option("--out", "-o", type=click.Path(path_type=Path), help="输出文件（默认标准输出）")
def extract(files: tuple[Path, ...], fmt: str, out: Path | None) -> None:
    """读取公开文件，导出全部表格数字（CSV）或完整模型（JSON）。

    可以一次给出多个文件，每个文件是一份公开文件；同一单位的文字部分和表格部分分开发布时，
    把两者相邻给出，文件名（去掉“文字”“表格”“text”“tables”等字样后）相同的合为一份。多份公开文件的 CSV 多出最后一列 file。
    """
    from yusuan.export.cells import write_cells_csv
    from yusuan.export.json import disclosure_dict
    from yusuan.ingest.read import read_publications
    from yusuan.model.reading import summary

    docs = read_publications(list(files))
    stream = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if fmt == "csv":
            write_cells_csv(docs, stream)
            for doc in docs:
                if lines := summary(doc.tables):
                    named = f"{'、'.join(doc.files)}：" if len(docs) > 1 else ""
                    click.echo(f"{named}以下内容未能确定读取无误，依赖这些表的检查只作提示、不报错：", err=True)
                    for line in lines:
                        click.echo(f"  {line}", err=True)
        else:
            data = [{**disclosure_dict(d), "reading": summary(d.tables)} for d in docs]
            json.dump(data[0] if len(data) == 1 else data, stream, ensure_ascii=False, indent=1)
            stream.write("\n")
    finally:
        if out:
            stream.close()
