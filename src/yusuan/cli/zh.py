"""click in Chinese: its own words (usage, section titles, the help option, error prefixes and messages)
and a help layout that measures Chinese characters as two columns and wraps between them.

click marks its messages for gettext (`from gettext import gettext as _` in each module) but ships no
catalogue; `install()` gives those modules a Chinese one, for this process (the `yusuan` command).
Placeholders ({name}, {message} …) are click's and stay as they are. `HelpFormatter` lays the help out.
The usage line's own words are here too: OPTIONS_METAVAR and SUBCOMMAND_METAVAR for the command classes
(cli/main.py), and the type names click prints (TEXT, INTEGER …) in TYPE_NAMES.
"""

from __future__ import annotations

import re
import unicodedata

import click

OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数]..."

MESSAGES: dict[str, str] = {
    # help
    "Usage:": "用法：",  # no space after it: HelpFormatter.write_usage
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（动态）",
    "deprecated": "已弃用",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    # errors
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Aborted!": "已中止。",
    "Missing command.": "缺少子命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "unknown error": "未知错误",
    "Value must be an iterable.": "值必须是一组值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Invalid start character for option ({option})": "选项的开头字符无效（{option}）",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的是非值，可用：{states}",
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是一个文件。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是一个目录。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不可执行。",
    "Do you want to continue?": "要继续吗？",
    "Confirm the action without prompting.": "不询问，直接确认。",
    "Repeat for confirmation": "再输入一次以确认",
    "Error: The two entered values do not match.": "错误：两次输入的值不一致。",
    "Error: invalid input": "错误：输入无效",
    "Press any key to continue...": "按任意键继续……",
}

# Chinese has one form for one and for many: one string by the singular msgid, for either count (click
# passes the placeholders of both forms)
PLURALS: dict[str, str] = {
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Did you mean {possibility}?": "（是不是要用 {possibilities}？）",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要 {nargs} 个值。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，给了 {len} 个。",
    "{value!r} is not {choice}.": "{value!r} 不是可选的值（{choices}）。",
    "{value!r} does not match the format {format}.": "{value!r} 不符合格式 {formats}。",
    "{len_type} values are required, but {len_value} was given.": "需要 {len_type} 个值，给了 {len_value} 个。",
}

# the names click prints for parameter types in a usage or option line (TEXT, INTEGER …)
TYPE_NAMES: dict[str, str] = {"text": "文本", "integer": "整数", "float": "数", "boolean": "是非",
                              "integer range": "整数", "float range": "数"}


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if singular in PLURALS:
        return PLURALS[singular]
    return singular if n == 1 else plural


def install() -> None:
    """Give click's modules the Chinese catalogue (click looks `_` and `ngettext` up when it speaks)."""
    from click import core, decorators, exceptions, formatting, parser, termui, types

    for module in (core, decorators, exceptions, formatting, parser, termui, types):
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
    if not getattr(exceptions.MissingParameter.format_message, "zh", False):
        english = exceptions.MissingParameter.format_message

        def format_message(self) -> str:  # click ends the 缺少参数 '…' part with a "." of its own
            return re.sub(r"'\.(?= |$)", "'。", english(self), count=1)

        format_message.zh = True
        exceptions.MissingParameter.format_message = format_message
    for t in (types.StringParamType, types.IntParamType, types.FloatParamType, types.BoolParamType,
              types.IntRange, types.FloatRange):
        t.name = TYPE_NAMES.get(t.name, t.name)


# ---------------------------------------------------------------- layout by display width

NO_LINE_START = set("，。、；：？！）》」』】”’…%]")  # closing punctuation stays on the line before
NO_LINE_END = set("（《「『【“‘[")  # opening punctuation goes with what follows it


def is_wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


def width_of(text: str) -> int:
    """Terminal columns: a Chinese character or full-width sign takes two."""
    return sum(2 if is_wide(c) else 0 if unicodedata.combining(c) else 1 for c in text)


def tokens(text: str) -> list[str]:
    """Break opportunities: a run of spaces, one wide character, or a run of other characters (a word)."""
    out: list[str] = []
    for c in text:
        if c.isspace():
            if out and out[-1].isspace():
                out[-1] += c
            else:
                out.append(c)
        elif is_wide(c) or not out or out[-1].isspace() or is_wide(out[-1][-1]):
            out.append(c)
        else:
            out[-1] += c
    return out


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """Lines of at most `width` columns (a word longer than a line gets a line of its own), breaking
    between Chinese characters and at spaces, never before closing or after opening punctuation."""
    lines: list[list[str]] = []
    line: list[str] = []  # the tokens on the line being filled, spaces included
    indent = initial_indent
    for tok in tokens(text):
        if tok.isspace():
            if line:
                line.append(" ")
            continue
        used = width_of(indent) + sum(map(width_of, line))
        if used + width_of(tok) > width and line:
            carried = []
            if tok[0] in NO_LINE_START and len(line) > 1:  # the character before goes down with it
                carried.insert(0, line.pop())
            while len(line) > 1 and line[-1][-1] in NO_LINE_END:
                carried.insert(0, line.pop())
            lines.append([indent, *line])
            line, indent = carried, subsequent_indent
        line.append(tok)
    lines.append([indent, *line])
    return ["".join(x).rstrip() for x in lines]


def paragraphs(text: str) -> list[str]:
    """A help text's paragraphs (split at blank lines), each joined into one line: without a space
    between two Chinese characters, with one elsewhere."""
    out: list[str] = []
    for block in text.split("\n\n"):
        joined = ""
        for part in (p.strip() for p in block.splitlines()):
            if not part:
                continue
            glue = "" if not joined or (is_wide(joined[-1]) and is_wide(part[0])) else " "
            joined += glue + part
        if joined:
            out.append(joined)
    return out


class HelpFormatter(click.HelpFormatter):
    """click's help layout with Chinese headings and widths measured in terminal columns."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        first = f"{prefix if prefix is not None else gettext('Usage:')}{prog} "
        first = " " * self.current_indent + first
        self.write("\n".join(wrap(args, self.width, first, " " * width_of(first))) + "\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write("\n\n".join("\n".join(wrap(p, self.width, indent, indent)) for p in paragraphs(text)) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((width_of(a) for a, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if width_of(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width_of(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = [x for p in paragraphs(second) for x in wrap(p, max(self.width - first_col - 2, 10))]
            self.write(lines[0] + "\n" if lines else "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class Context(click.Context):
    formatter_class = HelpFormatter
