"""`yusuan ledger`: the budget as lines — import, export, derive, roll up, carry into next year."""

from __future__ import annotations

import json
from pathlib import Path

import click

from yusuan.cli.main import YusuanGroup, main
from yusuan.model.errors import IngestError

STYLES = ("shenzhen", "jiangsu", "shanghai")


@main.group(cls=YusuanGroup)
def ledger() -> None:
    """预算行：把预算编成一行一行（单位 × 功能分类 × 经济分类 × 基本/项目 × 资金来源 × 项目），由预算行生成
    全套公开表格，汇总部门预算，结转到下一年。预算行工作簿的列见 docs/ledger.md。

    预算行工作簿也可直接交给 yusuan render、check、extract：按其版式生成全套表格和草拟的文字部分。
    """


def _existing(path: Path) -> Path:
    if not path.exists():
        raise IngestError(str(path), "文件不存在")
    if path.is_dir():
        raise IngestError(str(path), "这是一个目录，不是文件")
    return path


def _xlsx_out(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise click.UsageError(f"预算行应保存为 .xlsx 文件：{path.name}")
    return path


def _read(path: Path):
    from yusuan.prepare.ledger.xlsx import is_ledger, read_ledger

    _existing(path)
    if path.suffix.lower() != ".xlsx" or not is_ledger(path):
        raise IngestError(path.name, f"不是预算行工作簿：应有“预算行”工作表，或第一行为预算行的列名（见 docs/ledger.md）")
    return read_ledger(path)


def _warn(ledger_) -> None:
    from yusuan.prepare.ledger.xlsx import ledger_warnings

    for line in ledger_warnings(ledger_):
        click.echo(f"提示：{line}", err=True)


@ledger.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="输入文件...")
@click.option("--to", "out", required=True, type=click.Path(path_type=Path), help="输出的预算行工作簿（.xlsx）")
@click.option("--unit", type=click.Choice(["元", "万元"]), default="元", show_default=True,
              help="由公开文件或准备工作簿拆出的预算行的金额单位")
def ledger_import(sources: tuple[Path, ...], out: Path, unit: str) -> None:
    """导入预算行：预算行工作簿（检查后原样保存）、准备工作簿（yusuan template），或已公开的预算文件
    （PDF、文本、DOCX、XLSX、HTML；文字部分和表格部分分开发布时依次给出）。

    由准备工作簿或公开文件导入时，按各表拆出预算行：各表没有公开的交叉（功能分类 × 经济分类、任务 ×
    科目等）按固定规则分摊，并列出所作的选择和由预算行重新生成的表格与原表不一致之处。
    """
    from yusuan.prepare.ledger.xlsx import is_ledger, write_ledger

    _xlsx_out(out)
    for source in sources:
        _existing(source)
    first = sources[0]
    if len(sources) == 1 and first.suffix.lower() == ".xlsx" and is_ledger(first):
        led = _read(first)
        _warn(led)
        write_ledger(led, out)
        click.echo(f"已保存 {out}（{len(led.lines)} 行，{len(led.units)} 个单位）", err=True)
        return
    from yusuan.ingest.read import read_disclosure
    from yusuan.prepare.ledger.build import build_from_disclosure

    doc = read_disclosure(*sources)
    try:
        built = build_from_disclosure(doc, unit=unit, file=out.name)
    except ValueError as e:
        raise IngestError(first.name, str(e)) from None
    write_ledger(built.ledger, out)
    click.echo(f"已由 {'、'.join(s.name for s in sources)} 拆出 {len(built.ledger.lines)} 行预算行，保存为 {out}")
    click.echo("所作的选择：")
    for note in built.notes:
        click.echo(f"  - {note}")
    if built.differences:
        click.echo(f"由预算行重新生成的表格与原表不一致的 {len(built.differences)} 处：")
        for d in built.differences:
            click.echo(f"  - {d.describe()}")
    else:
        click.echo("由预算行重新生成的表格与原表逐格一致。")


@ledger.command("export")
@click.argument("source", type=click.Path(path_type=Path), metavar="预算行工作簿")
@click.option("--to", "out", required=True, type=click.Path(path_type=Path),
              help="输出文件：.xlsx（预算行工作簿）、.csv（一行一条预算行）或 .json")
def ledger_export(source: Path, out: Path) -> None:
    """导出预算行：另存为预算行工作簿，或导出为 CSV、JSON（列与工作簿相同）。"""
    from yusuan.prepare.ledger.xlsx import write_ledger

    led = _read(source)
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        write_ledger(led, out)
    elif suffix == ".csv":
        from yusuan.export.ledger import write_lines_csv

        with out.open("w", encoding="utf-8", newline="") as f:
            write_lines_csv(led, f)
    elif suffix == ".json":
        from yusuan.export.ledger import ledger_dict

        out.write_text(json.dumps(ledger_dict(led), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        raise click.UsageError(f"无法从扩展名判断输出格式：{out.name}（可选 .xlsx、.csv、.json）")
    click.echo(f"已导出 {out}（{len(led.lines)} 行）", err=True)


@ledger.command("derive")
@click.argument("source", type=click.Path(path_type=Path), metavar="预算行工作簿")
@click.option("--to", "out", required=True, type=click.Path(path_type=Path),
              help="输出文件：.json（公开文件模型，可交给 yusuan render）或 .xlsx（填好表格的准备工作簿，"
                   "可在其中撰写文字部分）")
@click.option("--style", type=click.Choice([*STYLES, "auto"]), default="auto", show_default=True,
              help="版式：深圳（12 张表）、江苏（12 张）、上海（9 张）；auto 按预算行工作簿“基本信息”中的版式")
@click.option("--final", is_flag=True, help="生成决算表（各行须填写本年执行数）")
def ledger_derive(source: Path, out: Path, style: str, final: bool) -> None:
    """由预算行生成全套公开表格（按版式的整套表），文字部分按表格数据草拟。"""
    from yusuan.prepare.ledger.derive import derive
    from yusuan.prepare.ledger.rollup import consolidate

    led = _read(source)
    chosen = led.style if style == "auto" else style
    try:
        consolidate(led)
        doc = derive(led, chosen, final=final)
    except ValueError as e:
        raise IngestError(source.name, str(e)) from None
    suffix = out.suffix.lower()
    if suffix == ".json":
        from yusuan.export.json import disclosure_dict

        out.write_text(json.dumps(disclosure_dict(doc), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    elif suffix == ".xlsx":
        from yusuan.prepare.fill import lines_from
        from yusuan.prepare.template import write_template

        write_template(out, led.year, chosen, doc.identity.kind, lines_from(doc, chosen))
    else:
        raise click.UsageError(f"无法从扩展名判断输出格式：{out.name}（可选 .json、.xlsx）")
    click.echo(f"已生成 {out}（{chosen} 版式，{len(doc.tables)} 张表）", err=True)


@ledger.command("rollup")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="单位预算行...")
@click.option("--department", required=True, help="部门名称（汇总后的部门预算主体）")
@click.option("--parent", default="", help="主管部门（可不填）")
@click.option("--to", "out", required=True, type=click.Path(path_type=Path), help="输出的部门预算行工作簿（.xlsx）")
def ledger_rollup(sources: tuple[Path, ...], department: str, parent: str, out: Path) -> None:
    """汇总部门预算：把本级和各所属单位的预算行合为部门的预算行。

    单位之间的上缴上级支出、对附属单位补助支出与对方的附属单位上缴收入、上级补助收入两边相符的，标记为
    内部往来，生成部门表格时抵消，不重复计算；两边不符的列出，不作抵消。
    """
    from yusuan.prepare.ledger.rollup import rollup
    from yusuan.prepare.ledger.xlsx import write_ledger

    _xlsx_out(out)
    units = [_read(s) for s in sources]
    try:
        dept, transfers = rollup(department, units, parent=parent, file=out.name)
    except ValueError as e:
        raise IngestError(sources[0].name, str(e)) from None
    write_ledger(dept, out)
    click.echo(f"已汇总 {len(units)} 个单位的 {len(dept.lines)} 行预算行，保存为 {out}")
    for t in transfers:
        click.echo(f"  - {t.describe(dept.unit)}")


@ledger.command("next")
@click.argument("source", type=click.Path(path_type=Path), metavar="预算行工作簿")
@click.option("--to", "out", required=True, type=click.Path(path_type=Path), help="输出的下一年预算行工作簿（.xlsx）")
@click.option("--zero", is_flag=True, help="下一年预算数从 0 开始（默认与本年相同，供修改）")
def ledger_next(source: Path, out: Path, zero: bool) -> None:
    """结转到下一年：本年的各行成为下一年预算行的起点，本年预算数（执行数）填入上年各列。"""
    from yusuan.prepare.ledger.carry import next_year
    from yusuan.prepare.ledger.xlsx import write_ledger

    _xlsx_out(out)
    led = _read(source)
    nxt = next_year(led, start_from_zero=zero)
    write_ledger(nxt, out)
    click.echo(f"已生成 {nxt.year} 年预算行 {out}（{len(nxt.lines)} 行）", err=True)
