"""`yusuan synth`: a synthetic corpus for testing and benchmarking at scale, with its ground truth."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from yusuan.cli.main import main


def _names(value: str, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [n for n in names if n not in allowed]
    if unknown or not names:
        raise click.UsageError(f"未知的{what}：{'、'.join(unknown) or '（空）'}（可选 {'、'.join(allowed)}）")
    return names


@main.command()
@click.option("--count", type=click.IntRange(1, 1_000_000), required=True, help="生成的文件份数")
@click.option("--seed", default="0", show_default=True, help="随机种子：种子相同，生成的文件相同")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path, file_okay=False), help="输出目录")
@click.option("--formats", default="pdf", show_default=True,
              help="输出格式，逗号分隔：pdf、docx、xlsx、html（yusuan 生成），lo-docx、lo-xlsx（LibreOffice 由 DOCX、XLSX 打印的 PDF）")
@click.option("--defects", "rate", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="带缺陷文件的比例（0 到 1）：每份至多一个已知类型、已知位置的缺陷，记入 manifest")
@click.option("--families", default="shenzhen,jiangsu,shanghai", show_default=True, help="版式，逗号分隔")
@click.option("--kinds", default="budget,final_accounts", show_default=True, help="预算（budget）、决算（final_accounts）")
@click.option("--levels", default="department,unit", show_default=True, help="部门（department）、单位（unit）")
@click.option("--mix", is_flag=True, help="每份文件只生成一种格式，各格式轮流（默认每份文件生成所有格式）")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="并行的进程数")
def synth(count: int, seed: str, out: Path, formats: str, rate: float, families: str, kinds: str, levels: str,
          mix: bool, workers: int) -> None:
    """生成合成的部门预算（决算）公开文件，供大规模测试和性能测试：随机而合理的收支（科目取自科目表，各表
    勾稽关系成立），文字部分按数字草拟，覆盖各版式、预算和决算、部门和单位；可按比例注入已知类型的缺陷
    （改动的金额、错误的百分比、缺少的表、错误的年度、模板残留、科目名称错误）。

    输出目录中，manifest.json 和 manifest.csv 列出每份文件、其身份和缺陷（真值）；cells/ 中是每份文件所印
    的全部数字（与 yusuan extract 的 CSV 相同）；各格式的文件在以格式命名的子目录中。用 bench/accuracy.py 检查并与真值比较。
    """
    from yusuan.model.families import STYLES
    from yusuan.synth.corpus import FORMATS, OFFICE, clear, plan, write_corpus
    from yusuan.synth.document import KINDS, LEVEL_KEYS
    from yusuan.synth.office import soffice

    fmts = _names(formats, FORMATS, "格式")
    if any(f in OFFICE for f in fmts) and soffice() is None:
        raise click.UsageError("lo-docx、lo-xlsx 需要 LibreOffice（soffice），本机没有安装")
    planned = plan(count, seed, fmts, rate, _names(families, STYLES, "版式"), _names(kinds, KINDS, "类型"),
                   _names(levels, LEVEL_KEYS, "级次"), mix=mix)
    clear(out)
    started = time.perf_counter()
    with click.progressbar(length=count, label="生成", show_pos=True, show_eta=True, file=sys.stderr,
                           item_show_func=lambda _: _rate(bar.pos, started)) as bar:
        manifest = write_corpus(out, planned, workers=workers, progress=lambda n: bar.update(n, 1), seed=seed,
                                defect_rate=rate)
    elapsed = time.perf_counter() - started
    damaged = sum(1 for d in manifest["documents"] if d["defect"])
    click.echo(f"已生成 {count} 份文件（{damaged} 份带缺陷），格式 {'、'.join(fmts)}，用时 {elapsed:.1f} 秒"
               f"（每秒 {count / elapsed:.1f} 份）；真值见 {out / 'manifest.json'}", err=True)


def _rate(done: int, started: float) -> str:
    seconds = time.perf_counter() - started
    return f"每秒 {done / seconds:.1f} 份" if seconds > 0 and done else ""
