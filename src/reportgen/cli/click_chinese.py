"""click in Chinese: its messages translated through its gettext calls, metavars, usage errors.

click marks every message it prints with ``_()`` or ``ngettext()`` (gettext's functions, bound
by name in each of its modules). ``speak_chinese`` rebinds those names to a lookup in CATALOG,
keyed by click's own English text, so usage errors and help read in Chinese with click's exit
codes unchanged; text not in the catalog passes through unchanged, and tests/cli walks every
command to catch one that does. It is called by ``main`` only, so importing reportgen.cli
changes nothing in click for other programs.
"""

from __future__ import annotations

import importlib
import re

import click
from click import exceptions, types

from .help_format import Context

OPTIONS = "[选项]"
SUBCOMMAND = "命令 [参数]..."
HELP_NAMES = ["-h", "--help"]
CATALOG = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "%(prog)s, version %(version)s": "%(prog)s 版本 %(version)s",
    "Aborted!": "已取消。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有“{name}”这个命令。",
    "No such option {name!r}.": "没有“{name}”这个选项。",
    "Invalid value for {param_hint}: {message}": "{param_hint}的值不对：{message}",
    "Invalid value: {message}": "值不对：{message}",
    "Option {name!r} does not take a value.": "选项“{name}”后面不能写值。",
    "Argument {name!r} takes {nargs} values.": "参数“{name}”要写 {nargs} 个值。",
    "{value!r} is not a valid {number_type}.": "“{value}”不是数字。",
    "{value} is not in the range {range}.": "{value} 超出了允许的范围（{range}）。",
    "{name} {filename!r} does not exist.": "“{filename}”不存在。",
    "{name} {filename!r} is a file.": "“{filename}”是文件，这里要写文件夹。",
    "{name} {filename!r} is a directory.": "“{filename}”是文件夹，这里要写文件。",
    "{name} {filename!r} is not readable.": "“{filename}”无法读取（没有权限）。",
    "{name} {filename!r} is not writable.": "“{filename}”无法写入（没有权限）。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "(dynamic)": "（自动）",
    "Choose from:\n\t{choices}": "可选：{choices}",
}
PLURALS = {
    "Got unexpected extra argument ({args})": "多余的参数：{args}",
    "Option {name!r} requires an argument.": "选项“{name}”后面要写一个值。",
    "Did you mean {possibility}?": "是不是想写{possibility}？",
    "{value!r} is not {choice}.": "不能写“{value}”，可写：{choices}。",
}
MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")
QUOTED = re.compile(r"(?<![A-Za-z0-9'])'([^'\n]+)'(?![A-Za-z0-9'])")


def translate(message: str) -> str:
    """click's ``_()``: the Chinese for one of its messages (the message itself if unknown)."""
    return CATALOG.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    """click's ``ngettext()``: one Chinese text serves both numbers."""
    return PLURALS.get(singular, singular if count == 1 else plural)


def speak_chinese(group: click.Group) -> None:
    """Translate click's messages, and give every command of ``group`` Chinese metavars."""
    for name in MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = translate
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural
    _localize(group)


def _localize(command: click.Command) -> None:
    """Chinese metavars and ``-h`` for ``command`` and, for a group, its commands."""
    command.options_metavar = OPTIONS
    command.context_class = Context
    command.context_settings.setdefault("help_option_names", HELP_NAMES)
    for param in command.params:
        if isinstance(param, click.Option) and param.metavar is None and not param.is_flag:
            param.metavar = _metavar(param.type)
    if isinstance(command, click.Group):
        command.subcommand_metavar = SUBCOMMAND
        for sub in command.commands.values():
            _localize(sub)


def _metavar(kind: click.ParamType) -> str | None:
    """What an option's value is, in a word: 文件夹, 文件, 路径, 数字, 文本 (a choice lists itself)."""
    if isinstance(kind, click.Path):
        return "文件夹" if not kind.file_okay else "文件" if not kind.dir_okay else "路径"
    if isinstance(kind, (click.types.IntParamType, click.types.FloatParamType)):
        return "数字"
    return None if isinstance(kind, click.Choice) else "文本"


def show_usage_error(error: click.ClickException) -> None:
    """The error first, compiler-style, then the usage line and where to find help (on stderr)."""
    if isinstance(error, exceptions.NoArgsIsHelpError):
        click.echo(error.format_message(), err=True)
        return
    click.echo(f"错误：{_chinese_quotes(_message(error))}", err=True)
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        click.echo(translate("Try '{command} {option}' for help.").format(
            command=ctx.command_path, option=HELP_NAMES[-1]), err=True)


def _message(error: click.ClickException) -> str:
    """click's message; a missing argument or option said in one Chinese sentence."""
    if not isinstance(error, exceptions.MissingParameter) or error.param is None:
        return error.format_message()
    param = error.param
    kind = "参数" if isinstance(param, click.Argument) else "选项"
    hint = param.make_metavar(error.ctx) if kind == "参数" else "/".join(param.opts)
    if isinstance(param.type, types.Choice):
        return f"缺少{kind}“{hint}”，可写：{'、'.join(map(str, param.type.choices))}"
    return f"缺少{kind}“{hint}”"


def _chinese_quotes(text: str) -> str:
    """click quotes names 'thus' and lists them with commas; Chinese quotes “thus”, lists with 、."""
    text = QUOTED.sub(r"“\1”", text).replace("”, “", "”、“").replace("” / “", "”/“")
    return re.sub(r"([。？]) ", r"\1", text)
