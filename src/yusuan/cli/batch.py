"""`yusuan batch`: many publications read and checked, results as Parquet with a manifest and a report."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from yusuan.cli.main import main


@main.command()
@click.argument("inputs", nargs=-1, metavar="输入...")
@click.option("--out", required=True, type=click.Path(path_type=Path), help="输出文件夹（再次运行时从中断处继续）")
@click.option("--list", "lists", multiple=True, type=click.Path(path_type=Path), metavar="清单文件",
              help="文件清单：每行一个文件、文件夹或通配符（相对于清单所在的文件夹；# 开头的行是注释），可重复")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="本机同时运行的进程数")
@click.option("--scheduler", metavar="tcp://主机:端口",
              help="在已有的 Dask 集群上运行（需安装 yusuan[cluster]；各节点须以同一路径读到输入文件）")
@click.option("--chunk", type=click.IntRange(min=1), default=16, show_default=True,
              help="每个工作进程（或 Dask 任务）一次处理的文件数")
@click.option("--job-seconds", type=click.FloatRange(min=0, min_open=True), default=120, show_default=True,
              help="每份文件读取和检查的时间上限（秒），超过即记为失败并继续")
@click.option("--job-memory-mb", type=click.IntRange(min=256), default=2048, show_default=True,
              help="每个工作进程的内存上限（MB），超过即记为失败并继续")
@click.option("--retry-failed", is_flag=True, help="重新处理上次失败（超时、内存不足、内部错误）的文件")
def batch(inputs: tuple[str, ...], out: Path, lists: tuple[Path, ...], workers: int, scheduler: str | None,
          chunk: int, job_seconds: float, job_memory_mb: int, retry_failed: bool) -> None:
    """批量读取和检查公开文件，结果写成 Parquet 表（documents、tables、cells、findings、sections、models）、
    清单 manifest.json 和汇总报告 report.html。

    输入可以是文件、文件夹（其中所有 yusuan 能读取的文件）或通配符（如 '2023/**/*.pdf'）。同一文件夹中
    名为 X-text 和 X-tables（或“文字”“表格”）的两个文件是同一份公开文件的文字部分和表格部分，合为一份读取。

    再次运行同一命令时，内容和规则版本都未变的文件不会重做；按 Ctrl+C 中断时已完成的结果都会保存。
    无法读取或处理失败的文件记入结果，不会中断运行。

    退出状态：0 全部处理完；130 被中断；2 输入、输出文件夹或集群有误。
    """
    from yusuan.batch.inputs import InputError, gather
    from yusuan.batch.output import OutputError
    from yusuan.batch.run import BatchError, Settings, run_batch
    from yusuan.store.jobs import Budget

    if not inputs and not lists:
        raise click.UsageError("请给出输入文件、文件夹、通配符或 --list 文件清单")
    if scheduler and workers != 1:
        raise click.UsageError("--workers 用于本机；在 Dask 集群上运行时，进程数由集群决定")
    if scheduler:
        try:
            import distributed  # noqa: F401
        except ImportError:
            _fail("在 Dask 集群上运行需要安装 Dask：pip install 'yusuan[cluster]'")
    try:
        pubs = gather(list(inputs), [str(p) for p in lists])
    except InputError as e:
        _fail(str(e))
    if not pubs:
        _fail("输入中没有 yusuan 能读取的文件（.pdf、.txt、.docx、.xlsx、.html）")
    settings = Settings(workers=workers, scheduler=scheduler, chunk=chunk, retry_failed=retry_failed,
                        budget=Budget(seconds=job_seconds, memory=job_memory_mb * 2**20))
    try:
        result = run_batch(pubs, out, settings, progress=Bar())
    except (OutputError, BatchError) as e:
        _fail(str(e))
    m = result.manifest
    counts = m["documents"]
    said = f"{m['publications']} 份：已检查 {counts['ok']} 份，无法读取 {counts['refused']} 份，处理失败 {counts['failed']} 份"
    if result.interrupted:
        click.echo(f"已中断：{said}，尚未处理 {counts['remaining']} 份；结果已保存在 {out}。"
                   "再次运行同一命令即可继续（已完成的不会重做）。", err=True)
        sys.exit(130)
    click.echo(f"完成：{said}（本次 {result.processed} 份，跳过已完成的 {result.skipped} 份）。"
               f"结果在 {out}，报告 {out / 'report.html'}", err=True)


def _fail(message: str):
    click.echo(f"错误：{message}", err=True)
    sys.exit(2)


class Bar:
    """The progress of a run on stderr: a bar with documents per second and the time left; without a
    terminal, a line every tenth of the way."""

    def start(self, total: int, skipped: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, \
            TimeRemainingColumn

        self.console = Console(stderr=True)
        if skipped:
            self.console.print(f"跳过已检查的 {skipped} 份（文件内容和规则版本都没有变）")
        self.total, self.done, self.failed, self.clock = total, 0, 0, time.perf_counter()
        self.progress = Progress(TextColumn("检查"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[speed]} 份/秒"), TextColumn("未能检查 {task.fields[failed]}"),
                                 TextColumn("已用"), TimeElapsedColumn(), TextColumn("剩余"), TimeRemainingColumn(),
                                 console=self.console, speed_estimate_period=60)
        self.task = self.progress.add_task("", total=total, failed=0, speed="–")
        if self.console.is_terminal:
            self.progress.start()

    def advance(self, outcome: dict) -> None:
        self.done += 1
        self.failed += outcome["status"] != "ok"
        speed = self.done / max(time.perf_counter() - self.clock, 1e-9)
        self.progress.update(self.task, advance=1, failed=self.failed, speed=f"{speed:.1f}")
        step = max(1, self.total // 10)
        if not self.console.is_terminal and (self.done % step == 0 or self.done == self.total):
            left = (self.total - self.done) / speed if speed else 0
            self.console.print(f"已处理 {self.done}/{self.total} 份，{speed:.1f} 份/秒，未能检查 {self.failed} 份，"
                               f"预计还需 {left:.0f} 秒")

    def stop(self) -> None:
        if self.console.is_terminal:
            self.progress.stop()
