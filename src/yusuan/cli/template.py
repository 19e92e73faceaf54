"""`yusuan template`: the preparation workbook an officer fills in, read back by render, check and extract."""

from __future__ import annotations

from pathlib import Path

import click

from yusuan.cli.main import main


@main.command()
@click.option("--year", type=click.IntRange(2000, 2100), required=True, help="预算（决算）年度")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), help="输出的 .xlsx 文件")
@click.option("--style", type=click.Choice(["shenzhen", "jiangsu", "shanghai"]), default="shenzhen",
              show_default=True, help="版式：决定工作簿列出哪些表、表名和编号")
@click.option("--kind", type=click.Choice(["budget", "final_accounts"]), default="budget", show_default=True,
              help="budget：预算；final_accounts：决算")
@click.option("--from", "source", type=click.Path(path_type=Path),
              help="用已公开的文件填写：本年的文件填入各表；上年的文件填入“上年”各栏，各表保留其科目、任务和指标")
def template(year: int, out: Path, style: str, kind: str, source: Path | None) -> None:
    """生成部门预算（决算）公开准备工作簿（XLSX）：基本信息、文字部分、全套表格、“三公”经费、机关运行经费、
    政府采购、国有资产和绩效目标，带填写说明和数据校验。

    填好后用 yusuan render 工作簿.xlsx --to 公开.pdf 生成公开文件（留空的文字部分按表格数据草拟），
    或用 yusuan check 工作簿.xlsx 检查。
    """
    from yusuan.prepare.fill import SourceMismatch, lines_for
    from yusuan.prepare.template import write_template

    if out.suffix.lower() != ".xlsx":
        raise click.UsageError(f"工作簿应保存为 .xlsx 文件：{out.name}")
    lines = None
    if source is not None:
        from yusuan.ingest.read import read_disclosure

        try:
            lines = lines_for(read_disclosure(source), style, year, kind, source.name)
        except SourceMismatch as e:
            raise click.UsageError(str(e)) from None
    write_template(out, year, style, kind, lines)
    click.echo(f"已生成 {out}（{year} 年{'决算' if kind == 'final_accounts' else '预算'}，{style} 版式）", err=True)
