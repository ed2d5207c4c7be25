"""Every message the command line itself prints is Chinese: help, usage errors, bad values."""

from __future__ import annotations

import re

import click
import pytest
from helpers import run

from reportgen.authoring.starter_files import KINDS
from reportgen.cli.commands import STARTERS, cli
from reportgen.cli.commands import _show_warning as show_warning
from reportgen.cli.help_format import columns

# Words a Chinese message may hold: names the user types or reads as they are.
NAMES = {"reportgen", "docx", "yaml", "xlsx", "csv", "pdf", "png", "json", "YAML", "JSON", "Schema",
         "GB", "LibreOffice", "Word", "WPS", "Excel", "VS", "Code", "PDF", "PNG", "CI", "CPU",
         "manifest", "DOCX"}


def commands(group: click.Group, path: tuple[str, ...] = ()):
    """Every command under ``group`` as (its words on the command line, the command)."""
    for name, command in group.commands.items():
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


COMMANDS = [(" ".join(words), command) for words, command in commands(cli)]
ALLOWED = NAMES | {w for words, _ in commands(cli) for w in words[-1].split("-")} | set(KINDS) | {
    w for command in [cli, *dict(COMMANDS).values()] for p in command.params for o in p.opts
    for w in o.split("-") if w} | {"help"}


def assert_chinese(text: str, *typed: str) -> None:
    """``text`` is Chinese: no English word but names, and what the user typed (``typed``)."""
    assert re.search(r"[\u4e00-\u9fff]", text), text
    english = set(re.findall(r"[A-Za-z]{2,}", text)) - ALLOWED - set(typed)
    assert english == set(), text


def test_the_list_of_commands_and_the_version(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and out.startswith("用法：reportgen [选项] 命令 [参数]...\n")
    assert_chinese(out)
    assert "\n命令：\n" in out and "\n  -h, --help  显示本帮助并退出。\n" in out
    assert run(capsys, "--version") == (0, "reportgen 0.1.0\n", "")


def test_no_command_shows_the_help_with_click_s_status(capsys):
    code, out, err = run(capsys)
    assert (code, out) == (2, "")
    assert err.startswith("用法：reportgen [选项] 命令 [参数]...\n")
    assert_chinese(err)


def test_a_misspelt_command_suggests_the_right_one(capsys):
    assert run(capsys, "biuld", "plan.yaml") == (2, "", (
        "错误：没有“biuld”这个命令。是不是想写“build”？\n"
        "用法：reportgen [选项] 命令 [参数]...\n"
        "运行“reportgen --help”查看帮助。\n"))


@pytest.mark.parametrize(("words", "command"), COMMANDS, ids=[w for w, _ in COMMANDS])
def test_help_of_every_command_is_chinese(capsys, words, command):
    code, out, err = run(capsys, *words.split(), "--help")
    assert (code, err) == (0, "")
    assert out.startswith(f"用法：reportgen {words} [选项]")
    assert_chinese(out)
    assert max(columns(line) for line in out.splitlines()) <= 80  # a 字 takes two columns


@pytest.mark.parametrize(("words", "command"), COMMANDS, ids=[w for w, _ in COMMANDS])
def test_an_unknown_option_is_reported_in_chinese(capsys, words, command):
    code, out, err = run(capsys, *words.split(), "--bogus")
    assert (code, out) == (2, "")
    assert err.startswith("错误：没有“--bogus”这个选项。")
    assert_chinese(err, "bogus")


@pytest.mark.parametrize(("words", "command"), COMMANDS, ids=[w for w, _ in COMMANDS])
def test_a_missing_argument_is_reported_in_chinese(capsys, words, command):
    required = [p for p in command.params if isinstance(p, click.Argument) and p.required]
    if not required:
        assert words in ("schema", "templates")  # the commands that need no argument
        return
    code, out, err = run(capsys, *words.split())
    assert (code, out) == (2, "")
    assert err.startswith(f"错误：缺少参数“{required[0].make_metavar(click.Context(command))}”")
    assert_chinese(err)


def options_with_values():
    for words, command in COMMANDS:
        for param in command.params:
            if isinstance(param, click.Option) and not param.is_flag:
                yield words, command, param


@pytest.mark.parametrize(("words", "command", "option"), list(options_with_values()),
                         ids=[f"{w} {o.opts[-1]}" for w, _, o in options_with_values()])
def test_an_option_without_its_value_or_with_a_wrong_one(capsys, words, command, option, tmp_path,
                                                        monkeypatch):
    monkeypatch.chdir(tmp_path)  # a value the option accepts may write a file
    arguments = [_acceptable(p) for p in command.params if p.required and p is not option]
    arguments = [w for words in arguments for w in words]
    code, out, err = run(capsys, *words.split(), *arguments, option.opts[-1])
    assert (code, out) == (2, "")
    assert err == f"错误：选项“{option.opts[-1]}”后面要写一个值。\n"
    code, _, err = run(capsys, *words.split(), *arguments, option.opts[-1], "不存在/0")
    if code == 2:  # a value the option's type refuses
        assert err.startswith(f"错误：{'/'.join(f'“{o}”' for o in option.opts)}的值不对：")
        assert_chinese(err)


def _acceptable(param: click.Parameter) -> list[str]:
    """Words that give ``param`` a value its type accepts."""
    value = param.type.choices[0] if isinstance(param.type, click.Choice) else "x"
    return [value] if isinstance(param, click.Argument) else [param.opts[-1], value]


def test_values_refused_by_their_type(capsys):
    assert run(capsys, "preview", "a.docx", "--dpi", "5")[2].startswith(
        "错误：“--dpi”的值不对：5 超出了允许的范围（30<=x<=600）。\n")
    assert run(capsys, "batch", "c.yaml", "--units", "u.csv", "-j", "两")[2].startswith(
        "错误：“-j”/“--jobs”的值不对：“两”不是数字。\n")
    assert run(capsys, "init", "方案")[2].startswith(
        "错误：“种类”的值不对：不能写“方案”，可写：“plan”、“summary”、“campaign”。\n")
    assert run(capsys, "init")[2].startswith("错误：缺少参数“种类”，可写：plan、summary、campaign\n")


def test_the_starter_kinds_the_command_line_offers_are_those_there_are():
    assert STARTERS == KINDS


def test_a_library_s_english_warning_is_shown_only_when_debugging(capsys, monkeypatch):
    """openpyxl, for one, warns in English about parts of a workbook it leaves out."""
    message = "Data Validation extension is not supported and will be removed"
    show_warning(UserWarning(message), UserWarning, "openpyxl/reader/excel.py", 1)
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("REPORTGEN_DEBUG", "1")
    show_warning(UserWarning(message), UserWarning, "openpyxl/reader/excel.py", 1)
    assert capsys.readouterr().err == f"警告：{message}\n"
