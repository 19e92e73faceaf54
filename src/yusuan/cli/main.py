"""The `yusuan` command."""

from __future__ import annotations

import importlib
import os
import sys

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
    groups are YusuanCommand and YusuanGroup. `lazy`: command name → the module that declares it, imported
    when the command is asked for (a command does not pay for importing the others)."""

    command_class = YusuanCommand
    group_class = type
    context_class = zh.Context

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs):
        kwargs.setdefault("options_metavar", zh.OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", zh.SUBCOMMAND_METAVAR)
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in self.lazy:
            importlib.import_module(self.lazy[name])  # its decorators register its commands on `main`
        return self.commands.get(name)

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # what is still buffered meets a closed pipe here, not at the interpreter's exit
            return result
        except BrokenPipeError:
            _closed_pipe(ctx)
        except IngestError as e:
            click.echo(f"错误：{e}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as e:  # a reader bug must still end in one line, not a traceback
            click.echo(f"错误：处理 {' '.join(ctx.args) or ctx.invoked_subcommand} 时出现内部错误"
                       f"（{type(e).__name__}: {e}），请把该文件报告给 yusuan 开发者。", err=True)
            ctx.exit(2)


SIGPIPE_STATUS = 141  # 128 + SIGPIPE: what a shell reports for a Unix tool whose reader went away


def _closed_pipe(ctx: click.Context) -> None:
    """The reader of standard output went away (`yusuan extract … | head -1`): end quietly, with the status
    a Unix tool killed by SIGPIPE has; what is still buffered goes nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    ctx.exit(SIGPIPE_STATUS)


_COMMANDS = {  # each command's module; importing it registers the command
    "extract": "yusuan.cli.extract",
    "check": "yusuan.cli.check",
    "rules": "yusuan.cli.check",
    "render": "yusuan.cli.render",
    "template": "yusuan.cli.template",
    "catalog": "yusuan.cli.catalog",
    "ledger": "yusuan.cli.ledger",
    "batch": "yusuan.cli.batch",
    "export": "yusuan.cli.export",
    "peers": "yusuan.cli.peers",
    "synth": "yusuan.cli.synth",
    "serve": "yusuan.cli.serve",
    "db": "yusuan.cli.serve",
}


@click.group(cls=YusuanGroup, lazy=_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="yusuan")
def main() -> None:
    """yusuan：部门预算与决算公开文件的读取、检查、生成与公开。"""
