"""`yusuan check` and `yusuan rules`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from yusuan.cli.main import main


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="文件...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "checklist"]), default="text",
              show_default=True,
              help="text：给人看的问题清单；json：机器可读的检查结果；checklist：公开情况检查表（XLSX，需 --out）")
@click.option("--out", "-o", type=click.Path(path_type=Path), help="输出文件（默认标准输出）")
@click.option("--rule", "only", multiple=True, help="只运行这些规则（可重复）")
def check(files: tuple[Path, ...], fmt: str, out: Path | None, only: tuple[str, ...]) -> None:
    """检查公开文件：表内运算、表间勾稽、文字与表格、科目、主体与年度、绩效目标、完整性、文字规范。

    退出状态：0 没有错误级问题；1 至少一个错误级问题；2 文件无法读取。
    """
    from yusuan.ingest.read import read_publications
    from yusuan.rules.registry import load_rules, run
    from yusuan.rules.report import report_dict, text_report

    if fmt == "checklist" and out is None:
        raise click.UsageError("--format checklist 需要用 --out 指定输出的 .xlsx 文件")
    if unknown := [r for r in only if r not in load_rules()]:
        raise click.BadParameter(f"没有这些规则：{'、'.join(unknown)}（用 yusuan rules 查看全部规则）", param_hint="--rule")
    docs = read_publications(list(files))
    results = [(doc, run(doc, list(only) or None)) for doc in docs]
    if fmt == "checklist":
        from yusuan.export.checklist_xlsx import write_checklist
        from yusuan.rules.checklist import build

        write_checklist([(d, build(d, f)) for d, f in results], out)
        click.echo(f"检查表已写入 {out}", err=True)
        _exit(results)
        return
    stream = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        if fmt == "json":
            data = [report_dict(d, f) for d, f in results]
            json.dump(data[0] if len(data) == 1 else data, stream, ensure_ascii=False, indent=1)
            stream.write("\n")
        else:
            stream.write("\n\n".join(text_report(d, f) for d, f in results) + "\n")
    finally:
        if out:
            stream.close()
    _exit(results)


def _exit(results) -> None:
    if any(f.severity == "error" for _, found in results for f in found):
        sys.exit(1)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def rules(fmt: str) -> None:
    """列出检查规则目录：编号、名称、类别、严重程度、检查内容。"""
    from yusuan.rules.docs import rules_markdown, rules_text

    click.echo(rules_markdown(), nl=False) if fmt == "markdown" else click.echo(rules_text())
