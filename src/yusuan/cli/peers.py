"""`yusuan peers`: bodies compared with their peers on their shares of spending."""

from __future__ import annotations

from pathlib import Path

import click

from yusuan.cli.main import main


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="文件...")
@click.option("--by-year/--all-years", default=True, show_default=True, help="与同一年度的单位比，或全部放在一起比")
def peers(files: tuple[Path, ...], by_year: bool) -> None:
    """读取多份公开文件，比较各单位项目支出、“三公”经费、机关运行经费、委托业务费占支出总计的比例。

    某项比例与同组中位数相差较远（稳健 z 分数绝对值大于 3.5，同组至少 5 个单位印有该项）的标出 ⚑：
    只说明与同类不同，不说明有错。同一单位的文字部分和表格部分分开发布时，把两者相邻给出，
    文件名（去掉“文字”“表格”等字样后）相同的合为一份。
    """
    from yusuan.export import peers as pe
    from yusuan.ingest.read import read_publications

    docs = read_publications(list(files))
    profiles = pe.compare([pe.profile(d, ref="+".join(d.files)) for d in docs],
                          key=(lambda p: p.year) if by_year else None)
    head = ["单位", "年度", "支出总计（万元）", *(f"{pe.INDICATORS[s]}占比" for s in pe.SHARES)]
    click.echo("\t".join(head))
    for p in profiles:
        spending = p.figures["spending"]
        cells = [p.label, str(p.year or "—"), f"{spending / 10000:,.2f}" if spending is not None else "—"]
        for s in pe.SHARES:
            text = pe.percent(p.shares[s]) or "—"
            z = p.scores.get(s)
            cells.append(text + (f" ⚑ z={z:.1f}" if s in p.flags else ""))
        click.echo("\t".join(cells))
    flagged = [p for p in profiles if p.flags]
    click.echo(f"{len(profiles)} 份公开文件，{len(flagged)} 份有偏离同类较远的项目。", err=True)
