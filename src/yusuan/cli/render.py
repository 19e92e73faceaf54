"""`yusuan render`: the complete standard disclosure as PDF, DOCX, XLSX or HTML."""

from __future__ import annotations

from pathlib import Path

import click

from yusuan.cli.main import main


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="输入文件...")
@click.option("--to", "out", required=True, type=click.Path(path_type=Path),
              help="输出文件：.pdf、.docx、.xlsx 或 .html（由扩展名决定格式）")
@click.option("--style", type=click.Choice(["shenzhen", "jiangsu", "shanghai", "auto"]), default="shenzhen",
              show_default=True, help="版式：深圳（12 张表）、江苏、上海；auto 沿用原文件的版式（准备工作簿默认沿用生成时的版式）")
def render(inputs: tuple[Path, ...], out: Path, style: str) -> None:
    """生成完整的部门预算（决算）公开文件：封面、目录、文字部分、全套表格（本年无数据的表也列出并注明）、名词解释。

    输入文件可以是 yusuan 能读取的任何公开文件（PDF、文本、DOCX、XLSX、HTML；文字部分和表格部分分开发布时
    依次给出），也可以是 `yusuan extract --format json` 导出的模型。
    """
    from yusuan.model.formats import writer_for, writers
    from yusuan.model.load import is_model_json, load_disclosures
    from yusuan.render import family_of, render_file

    if writer_for(out.suffix) is None:
        suffixes = "、".join(w.suffixes[0] for w in writers().values())
        raise click.UsageError(f"无法从扩展名判断输出格式：{out.name}（可选 {suffixes}）")
    if len(inputs) == 1 and inputs[0].suffix.lower() == ".json" and is_model_json(inputs[0]):
        docs = load_disclosures(inputs[0])
        if len(docs) != 1:
            raise click.UsageError(f"{inputs[0].name} 含有 {len(docs)} 份公开文件，一次只能生成一份")
        doc = docs[0]
    else:
        from yusuan.ingest.read import read_disclosure

        doc = read_disclosure(*inputs)
    if click.get_current_context().get_parameter_source("style") == click.core.ParameterSource.DEFAULT:
        from yusuan.prepare.ledger.xlsx import is_ledger
        from yusuan.prepare.workbook import is_workbook

        # a preparation workbook keeps the style it was made in, a workbook of lines the style it names
        if len(inputs) == 1 and inputs[0].suffix.lower() == ".xlsx" and (is_workbook(inputs[0]) or is_ledger(inputs[0])):
            style = "auto"
    chosen = family_of(doc) if style == "auto" else style
    render_file(doc, out, chosen)
    click.echo(f"已生成 {out}（{chosen} 版式，{len(doc.tables)} 张表）", err=True)
