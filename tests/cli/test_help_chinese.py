"""The command's help and click's own messages are Chinese: every command and subcommand's --help, and the
errors a mistyped command line gets (unknown option or command, missing argument, bad value)."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from yusuan.cli.main import main
from yusuan.cli.zh import width_of

ENGLISH = ["Usage:", "Options:", "Commands:", "Arguments:", "Positional arguments", "Show this message and exit",
           "Show the version and exit", "[OPTIONS]", "COMMAND", "[ARGS]", "default:", "required]", "Error:",
           "Missing argument", "Missing option", "Missing command", "No such option", "No such command", "Try '",
           "for help", "Invalid value", "is not one of", "is not a valid", "Did you mean", ", version"]
UPPER_WORD = re.compile(r"\b[A-Z]{3,}\b")  # TEXT, INTEGER, PATH, FILES… as metavars


def commands(cmd: click.Command = main, path: tuple[str, ...] = ()):
    yield path, cmd
    if isinstance(cmd, click.Group):
        ctx = click.Context(cmd)
        for name in cmd.list_commands(ctx):  # the lazy ones too, imported here
            yield from commands(cmd.get_command(ctx, name), (*path, name))


ALL = list(commands())
LEAVES = [(p, c) for p, c in ALL if not isinstance(c, click.Group)]


def declared_commands() -> dict[str, str]:
    """Every command a module of yusuan.cli declares on `main` (@main.command / @main.group), and its module."""
    import ast
    from pathlib import Path

    import yusuan.cli

    found = {}
    for path in sorted(Path(yusuan.cli.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for d in node.decorator_list:
                if (isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and isinstance(d.func.value, ast.Name)
                        and d.func.value.id == "main" and d.func.attr in ("command", "group")):
                    name = d.args[0].value if d.args and isinstance(d.args[0], ast.Constant) else node.name
                    found[name.replace("_", "-")] = f"yusuan.cli.{path.stem}"
    return found


def test_every_command_is_declared_where_the_group_looks_for_it():
    from yusuan.cli.main import _COMMANDS

    assert _COMMANDS == declared_commands()
    assert {p[0] for p, _ in ALL if len(p) == 1} == set(_COMMANDS)


def test_a_command_imports_its_own_module_only():
    """`yusuan extract` does not import the modules of serve, catalog, render… (nor their dependencies)."""
    import subprocess
    import sys

    code = ("import sys; from yusuan.cli.main import main\n"
            "try: main(['extract', '--help'])\nexcept SystemExit: pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('yusuan.cli.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "['yusuan.cli.extract', 'yusuan.cli.main', 'yusuan.cli.zh']"


def run(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="yusuan", terminal_width=80)


def english_in(text: str) -> list[str]:
    return [w for w in ENGLISH if w in text]


@pytest.mark.parametrize("path", [p for p, _ in ALL], ids=lambda p: " ".join(p) or "yusuan")
def test_help_is_chinese_throughout(path):
    r = run(*path, "--help")
    assert r.exit_code == 0, r.output
    assert english_in(r.output) == []
    assert r.output.startswith(f"用法：{' '.join(('yusuan', *path))} [选项]")
    # the placeholders of the usage line and of every option are Chinese
    placeholders = [r.output.splitlines()[0]] + [line.split("  ")[0] for line in r.output.splitlines()
                                                 if line.startswith("  -")]
    assert [w for line in placeholders for w in UPPER_WORD.findall(line)] == []
    assert "选项：" in r.output and "显示本帮助并退出。" in r.output
    # laid out in the terminal's 80 columns, Chinese characters counted as two
    assert max(width_of(line) for line in r.output.splitlines()) <= 80


@pytest.mark.parametrize("path", [p for p, _ in LEAVES], ids=" ".join)
def test_an_unknown_option_is_answered_in_chinese(path):
    r = run(*path, "--no-such-option")
    assert r.exit_code == 2
    assert english_in(r.output) == []
    assert "错误：没有选项 '--no-such-option'" in r.output
    assert f"运行 '{' '.join(('yusuan', *path))} --help' 查看帮助。" in r.output


@pytest.mark.parametrize("path", [p for p, c in LEAVES if any(x.required for x in c.params)], ids=" ".join)
def test_a_missing_argument_or_option_is_answered_in_chinese(path):
    r = run(*path)
    assert r.exit_code == 2
    assert english_in(r.output) == []
    assert re.search(r"错误：缺少(参数|选项) '[^']+'。", r.output), r.output


def test_other_mistakes_are_answered_in_chinese():
    for args, said in [
        (["chek"], "错误：没有命令 'chek'。"),
        (["check", "--formt", "json", "x.pdf"], "是不是要用 '--format'"),
        (["check", "--format", "xml", "x.pdf"], "错误：'--format' 的值无效：'xml' 不是可选的值"),
        (["template", "--year", "1990", "--out", "x.xlsx"], "1990 不在范围"),
        (["serve", "--port", "八千"], "'八千' 不是有效的整数"),
        (["db"], "用法：yusuan db [选项] 命令 [参数]..."),
    ]:
        r = run(*args)
        assert said in r.output, (args, r.output)
        assert english_in(r.output) == [], (args, r.output)
    r = run("--version")
    assert r.exit_code == 0 and r.output.startswith("yusuan，版本 ")
    assert run("-h").output == run("--help").output
