"""The `yusuan` command."""

from __future__ import annotations

import click

from yusuan.cli import zh
from yusuan.model.errors import IngestError

zh.install()  # before any command is declared: click's words in Chinese


class YusuanCommand(click.Command):
    """A command whose help is Chinese throughout, laid out by terminal columns."""

    context_class = zh.Context

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", zh.OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)


class YusuanGroup(click.Group):
    """Every unreadable input ends in one Chinese line on stderr and exit status 2. Its commands and
    groups are YusuanCommand and YusuanGroup."""

    command_class = YusuanCommand
    group_class = type
    context_class = zh.Context

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", zh.OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", zh.SUBCOMMAND_METAVAR)
        super().__init__(*args, **kwargs)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except IngestError as e:
            click.echo(f"错误：{e}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as e:  # a reader bug must still end in one line, not a traceback
            click.echo(f"错误：处理 {' '.join(ctx.args) or ctx.invoked_subcommand} 时出现内部错误"
                       f"（{type(e).__name__}: {e}），请把该文件报告给 yusuan 开发者。", err=True)
            ctx.exit(2)


@click.group(cls=YusuanGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="yusuan")
def main() -> None:
    """yusuan：部门预算与决算公开文件的读取、检查、生成与公开。"""


from yusuan.cli import (  # noqa: E402,F401  (the commands register themselves)
    batch,
    catalog,
    check,
    export,
    extract,
    ledger,
    peers,
    render,
    serve,  # noqa: E402,F401  (yusuan serve, yusuan db)
    synth,
    template,
)
