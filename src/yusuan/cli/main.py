"""The `yusuan` command."""

from __future__ import annotations

import click

from yusuan.model.errors import IngestError


class YusuanGroup(click.Group):
    """Every unreadable input ends in one Chinese line on stderr and exit status 2."""

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


@click.group(cls=YusuanGroup)
@click.version_option(package_name="yusuan")
def main() -> None:
    """yusuan：部门预算与决算公开文件的读取、检查、生成与公开。"""


from yusuan.cli import (  # noqa: E402,F401  (the commands register themselves)
    catalog,
    check,
    extract,
    render,
    serve,  # noqa: E402,F401  (yusuan serve, yusuan db)
    template,
)
