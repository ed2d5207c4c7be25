"""The command line: thin click commands over the library API, and the one place errors are shown.

Each command imports the part of reportgen it uses when it runs, so ``reportgen --help`` loads
no pipeline and a plain ``build`` neither the batch side nor the checker (bench/startup_bench.py).
click speaks Chinese through click_chinese.py, which ``main`` sets up.
"""

from __future__ import annotations

import os
import signal
import sys
import warnings
from pathlib import Path

import click

from ..errors import ReportgenError, ReportgenWarning
from . import batch_commands, file_commands
from .click_chinese import show_usage_error, speak_chinese

PROJECT = batch_commands.PROJECT
STARTERS = ("plan", "summary", "campaign")  # authoring/starter_files.py KINDS, kept in step by a test
STRICT = click.option("--strict", is_flag=True,
                      help="把警告（半角标点、发文字号括号、残留占位符、缺成文日期等）当作错误：有警告时不生成文件。")


@click.group()
@click.version_option(package_name="reportgen", message="%(prog)s %(version)s",
                      help="显示版本号并退出。")
def cli() -> None:
    """reportgen：把 YAML 写成符合 GB/T 9704-2012 的公文（.docx）。"""


@cli.command()
@click.argument("yaml_file", metavar="YAML文件", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="输出的 .docx 文件，或放置 <YAML 文件名>.docx 的文件夹。")
@click.option("--pdf", "with_pdf", is_flag=True, help="同时用 LibreOffice 生成 PDF。")
@PROJECT
@STRICT
def build(yaml_file: Path, output: Path | None, with_pdf: bool, project: Path | None,
          strict: bool) -> None:
    """由 YAML 文件生成 .docx。"""
    from .. import api
    written = api.build(yaml_file, output, project=project, strict=strict)
    click.echo(f"已生成 {written}")
    if with_pdf:
        file_commands.write_pdfs([written], None)


@cli.command()
@click.argument("yaml_file", metavar="YAML文件", type=click.Path(path_type=Path))
@PROJECT
@STRICT
def validate(yaml_file: Path, project: Path | None, strict: bool) -> None:
    """只检查 YAML 文件，不生成文件。"""
    from .. import api
    api.validate(yaml_file, project=project, strict=strict)
    click.echo(f"{yaml_file}: 检查通过")


@cli.command()
@click.argument("kind", metavar="种类", type=click.Choice(STARTERS))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="写入的 YAML 文件（默认为当前文件夹的 plan.yaml、summary.yaml 或 campaign.yaml）。")
def init(kind: str, output: Path | None) -> None:
    """写一个带中文说明的起步 YAML：plan 方案、summary 总结、campaign 批量活动总结。"""
    from datetime import date

    from ..authoring import starter_files
    out = output or Path(f"{kind}.yaml")
    for written in starter_files.write_starter(kind, out, date.today().year):
        click.echo(f"已生成 {written}")


@cli.command("next-year")
@click.argument("yaml_file", metavar="YAML文件", type=click.Path(path_type=Path))
@click.option("--year", type=int, help="新的年度（默认为原文件的年度加一）。")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="新文件（默认把原文件名中的年份换成新年份，如 2024.yaml → 2025.yaml）。")
@PROJECT
def next_year_command(yaml_file: Path, year: int | None, output: Path | None,
                      project: Path | None) -> None:
    """由 YAML 文件生成下一年的文件：继承原文件，只写年度和顺延的日期。"""
    from ..authoring import next_year
    made = next_year.write_next_year(yaml_file, output, year, project)
    click.echo(f"已生成 {made.path}（{made.year}年，继承 {yaml_file}）")
    if made.project is not None:
        click.echo(f"注意：{yaml_file} 在新文件的文件夹之外，生成时请加 --project {made.project}，"
                   f"如 reportgen build {made.path} --project {made.project}")
    if made.mentions:
        click.echo(f"以下继承来的内容写着“{made.old_year}”，请核对：")
        click.echo("\n".join(made.mentions))


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), help="写入文件，而不是输出到屏幕。")
def schema(output: Path | None) -> None:
    """输出 YAML 格式的 JSON Schema，供 VS Code 等编辑器补全和检查。"""
    from ..authoring.json_schema import schema_text
    from ..files.atomic_write import write_atomic
    if output is None:
        click.echo(schema_text(), nl=False)
    else:
        click.echo(f"已生成 {write_atomic(output, schema_text().encode('utf-8'))}")


cli.add_command(batch_commands.batch)
cli.add_command(batch_commands.rollup)
cli.add_command(file_commands.check)
cli.add_command(file_commands.import_command)
cli.add_command(file_commands.pdf)
cli.add_command(file_commands.preview)


@cli.group(invoke_without_command=True)
@click.pass_context
def templates(ctx: click.Context) -> None:
    """列出内置模板；export 导出一份供在 Word 中修改，adopt 改造本单位的模板，check 检查改好的模板。"""
    from ..word import template_files
    if ctx.invoked_subcommand is None:
        for name in template_files.builtin_names():
            click.echo(f"{name:<10}{template_files.PURPOSES.get(name, '')}")
        click.echo("导出后在 Word 或 WPS 中修改：reportgen templates export plan 我的方案模板.docx")


@templates.command("export")
@click.argument("name", metavar="模板名")
@click.argument("file", metavar="文件或文件夹", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="文件已存在时覆盖它。")
def templates_export(name: str, file: Path, force: bool) -> None:
    """把内置模板复制为 .docx 文件（或复制到文件夹中，名为 模板名.docx），供在 Word 或 WPS 中修改。"""
    from ..word import template_files
    click.echo(f"已导出 {template_files.export_template(name, file, force=force)}")


@templates.command("adopt")
@click.argument("file", metavar="模板文件", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="写入的 reportgen 模板（.docx）。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它。")
def templates_adopt(file: Path, output: Path, force: bool) -> None:
    """把本单位自己的 Word 模板改成 reportgen 模板：沿用页面设置、红头和样式，加上标签。"""
    from ..chinese.widths import text_width
    from ..word.adopt import adopt_template
    adoption = adopt_template(file, output, force=force)
    rows = [("reportgen 的样式", "来自"), *adoption.styles]
    columns = max(round(2 * text_width(name)) for name, _ in rows) + 2  # a 字 takes two columns
    for name, source in rows:
        click.echo(name + " " * (columns - round(2 * text_width(name))) + source)
    for note in adoption.notes:
        click.echo(note)
    click.echo(f"已生成 {adoption.path}（可用 reportgen templates check 检查，在 YAML 中写“模板: {adoption.path.name}”使用）")


@templates.command("check")
@click.argument("files", metavar="模板文件...", nargs=-1, required=True,
                type=click.Path(path_type=Path))
def templates_check(files: tuple[Path, ...]) -> int:
    """检查模板文件：标签、变量名、样式和文件格式；有问题时退出状态为 1。"""
    from ..word.template_check import template_problems
    failed = False
    for file in files:
        problems = template_problems(file)
        for problem in problems:
            click.echo(str(problem))
        click.echo(f"{file}: 共 {len(problems)} 个问题" if problems else f"{file}: 检查通过")
        failed = failed or bool(problems)
    return 1 if failed else 0


def _show_warning(message, category, *args, **kwargs) -> None:
    """reportgen's own warnings (Chinese, located); a library's, in English, only for debugging."""
    if issubclass(category, ReportgenWarning):
        click.echo(f"{message}", err=True)
    elif os.environ.get("REPORTGEN_DEBUG") == "1":
        click.echo(f"警告：{message}", err=True)


def _show_error(exc: ReportgenError) -> None:
    """The located problems, then what did not happen (未生成文件。), with a count if several."""
    click.echo(str(exc), err=True)
    count = len(exc.problems)
    if exc.outcome:
        click.echo(f"共 {count} 个问题，{exc.outcome}" if count > 1 else exc.outcome, err=True)


def _show_defect(exc: Exception) -> None:
    click.echo(f"reportgen 内部错误（{type(exc).__name__}: {exc}）。这不是您的文件的问题，"
               "请把这条信息和所用文件发给维护者；设置 REPORTGEN_DEBUG=1 可显示详细信息。", err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run a command; print ReportgenError as located messages and exit 1 (or 2).

    A command may return an exit status (``check`` returns 1 when it found errors).
    """
    warnings.showwarning = _show_warning
    speak_chinese(cli)
    try:
        status = cli.main(args=argv, prog_name="reportgen", standalone_mode=False)
    except ReportgenError as exc:
        _show_error(exc)
        sys.exit(exc.exit_status)
    except (click.exceptions.Abort, KeyboardInterrupt):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # another Ctrl-C while Python ends: no traceback
        click.echo("已取消。", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        show_usage_error(exc)
        sys.exit(exc.exit_code)
    except Exception as exc:  # a defect in reportgen: say so in one line, not with a traceback
        if os.environ.get("REPORTGEN_DEBUG") == "1":
            raise
        _show_defect(exc)
        sys.exit(3)
    if isinstance(status, int) and status:
        sys.exit(status)
