"""`yusuan check` and `yusuan rules`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from yusuan.cli.main import YusuanCommand, main
from yusuan.model.errors import IngestError


class CheckCommand(YusuanCommand):
    """`--units` takes every file that follows it, up to the next option: --units 单位1.pdf 单位2.pdf."""

    def parse_args(self, ctx, args):
        return super().parse_args(ctx, spread(args, "--units"))


def spread(args: list[str], option: str) -> list[str]:
    """`--units a b` as `--units a --units b` (click's options take one value each)."""
    out, taking = [], False
    for a in args:
        if a == "--":
            taking = False
        elif a == option:
            taking = True
            continue
        elif a.startswith("-") and a != "-":
            taking = False
        elif taking:
            out.append(option)
        out.append(a)
    return out


@main.command(cls=CheckCommand)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="文件...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "checklist"]), default="text",
              show_default=True,
              help="text：给人看的问题清单；json：机器可读的检查结果；checklist：公开情况检查表（XLSX，需 --out）")
@click.option("--out", "-o", type=click.Path(path_type=Path), help="输出文件（默认标准输出）")
@click.option("--rule", "only", multiple=True, help="只运行这些规则（可重复）")
@click.option("--units", multiple=True, type=click.Path(path_type=Path), metavar="文件...",
              help="部门所属的全部单位预算（含本级），用于核对部门预算是否等于各单位之和：--units 单位1.pdf 单位2.pdf")
@click.option("--some-units", is_flag=True, help="--units 给出的不是该部门的全部单位（部门数大于其和时只作提示）")
@click.option("--prior", type=click.Path(path_type=Path), multiple=True, metavar="文件",
              help="同一单位上一年度的同类公开文件，用于核对所列上年数（文字和表格分开发布的可重复给出）")
def check(files: tuple[Path, ...], fmt: str, out: Path | None, only: tuple[str, ...], units: tuple[Path, ...],
          some_units: bool, prior: tuple[Path, ...]) -> None:
    """检查公开文件：表内运算、表间勾稽、文字与表格、科目、主体与年度、绩效目标、完整性、文字规范。

    给出 --units 时还核对部门预算与所属单位预算，给出 --prior 时核对所列上年数与上年公开的文件。

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
    related = _related(docs, units, some_units, prior)
    results = [(doc, run(doc, list(only) or None, related)) for doc in docs]
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


def _related(docs, units: tuple[Path, ...], some_units: bool, prior: tuple[Path, ...]):
    """The units' and the year before's publications, each checked to be of the right year and kind."""
    from yusuan.ingest.read import read_publications
    from yusuan.rules.context import NO_RELATED, Related, related_problem

    if not units and not prior:
        return NO_RELATED
    if len(docs) != 1:
        raise click.UsageError("--units 和 --prior 只能用于检查一份公开文件")
    related = Related(units=tuple(read_publications(list(units))) if units else (), complete=not some_units,
                      prior=_one(read_publications(list(prior)), prior) if prior else None)
    if problem := related_problem(docs[0], related):
        raise IngestError(*problem)
    return related


def _one(docs, paths):
    if len(docs) != 1:
        raise IngestError("、".join(str(p) for p in paths), f"--prior 的文件构成了 {len(docs)} 份公开文件，应当只有一份")
    return docs[0]


def _exit(results) -> None:
    if any(f.severity == "error" for _, found in results for f in found):
        sys.exit(1)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def rules(fmt: str) -> None:
    """列出检查规则目录：编号、名称、类别、严重程度、检查内容。"""
    from yusuan.rules.docs import rules_markdown, rules_text

    click.echo(rules_markdown(), nl=False) if fmt == "markdown" else click.echo(rules_text())
