"""The command line: thin click commands over the library API, and the one place errors are shown."""

from __future__ import annotations

import os
import sys
import warnings
from datetime import date
from pathlib import Path

import click

from .. import api, export
from ..authoring import next_year, starter_files
from ..authoring.json_schema import schema_text
from ..check.report import as_json, as_text, has_errors
from ..check.run import check_files
from ..errors import ReportgenError, ReportgenWarning
from ..files.atomic_write import write_atomic
from ..word import template_files
from ..word.template_check import template_problems
from . import batch_commands

PROJECT = batch_commands.PROJECT
STRICT = click.option("--strict", is_flag=True,
                      help="把警告（半角标点、发文字号括号、残留占位符、缺成文日期等）当作错误：有警告时不生成文件。")


@click.group()
@click.version_option(package_name="reportgen")
def cli() -> None:
    """reportgen：把 YAML 写成符合 GB/T 9704-2012 的公文（.docx）。"""


@cli.command()
@click.argument("yaml_file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="输出的 .docx 文件，或放置 <YAML 文件名>.docx 的文件夹。")
@click.option("--pdf", "with_pdf", is_flag=True, help="同时用 LibreOffice 生成 PDF。")
@PROJECT
@STRICT
def build(yaml_file: Path, output: Path | None, with_pdf: bool, project: Path | None,
          strict: bool) -> None:
    """由 YAML_FILE 生成 .docx。"""
    written = api.build(yaml_file, output, project=project, strict=strict)
    click.echo(f"已生成 {written}")
    for pdf in export.pdf_files([written]) if with_pdf else []:
        click.echo(f"已生成 {pdf}")


@cli.command()
@click.argument("yaml_file", type=click.Path(path_type=Path))
@PROJECT
@STRICT
def validate(yaml_file: Path, project: Path | None, strict: bool) -> None:
    """只检查 YAML_FILE，不生成文件。"""
    api.validate(yaml_file, project=project, strict=strict)
    click.echo(f"{yaml_file}: 检查通过")


@cli.command()
@click.argument("docx_files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json_list", is_flag=True, help="以 JSON 列表输出，供 CI 使用。")
@click.option("--render", is_flag=True, help="用 LibreOffice 排版，再检查分页（首页正文、版记位置等）。")
def check(docx_files: tuple[Path, ...], as_json_list: bool, render: bool) -> int:
    """按 GB/T 9704-2012 检查 .docx（任何来源的）：有错误时退出状态为 1。"""
    results = check_files(list(docx_files), render=render)
    click.echo(as_json(results) if as_json_list else as_text(results))
    return 1 if has_errors(results) else 0


@cli.command()
@click.argument("docx_files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="放置 PDF 的文件夹。")
def pdf(docx_files: tuple[Path, ...], output: Path | None) -> None:
    """用 LibreOffice 把 .docx 转为 PDF（多个文件只启动一次）。"""
    for written in export.pdf_files(list(docx_files), output):
        click.echo(f"已生成 {written}")


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="放置图片的文件夹。")
@click.option("--dpi", default=100, show_default=True, type=click.IntRange(30, 600),
              help="图片分辨率（每英寸点数）。")
def preview(source: Path, output: Path | None, dpi: int) -> None:
    """把 .docx（或由 YAML 生成的文档）每页存为 PNG 图片。"""
    for written in export.png_files(source, output, dpi):
        click.echo(f"已生成 {written}")


@cli.command()
@click.argument("kind", type=click.Choice(starter_files.KINDS))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="写入的 YAML 文件（默认为当前文件夹的 <KIND>.yaml）。")
def init(kind: str, output: Path | None) -> None:
    """写一个带中文说明的起步 YAML：plan 方案、summary 总结、campaign 批量活动总结。"""
    out = output or Path(f"{kind}.yaml")
    for written in starter_files.write_starter(kind, out, date.today().year):
        click.echo(f"已生成 {written}")


@cli.command("next-year")
@click.argument("yaml_file", type=click.Path(path_type=Path))
@click.option("--year", type=int, help="新的年度（默认为原文件的年度加一）。")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="新文件（默认把原文件名中的年份换成新年份，如 2024.yaml → 2025.yaml）。")
@PROJECT
def next_year_command(yaml_file: Path, year: int | None, output: Path | None,
                      project: Path | None) -> None:
    """由 YAML_FILE 生成下一年的文件：继承原文件，只写年度和顺延的日期。"""
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
    if output is None:
        click.echo(schema_text(), nl=False)
    else:
        click.echo(f"已生成 {write_atomic(output, schema_text().encode('utf-8'))}")


cli.add_command(batch_commands.batch)
cli.add_command(batch_commands.rollup)


@cli.group(invoke_without_command=True)
@click.pass_context
def templates(ctx: click.Context) -> None:
    """列出内置模板；export 导出一份供在 Word 中修改，check 检查改好的模板。"""
    if ctx.invoked_subcommand is None:
        for name in template_files.builtin_names():
            click.echo(f"{name:<10}{template_files.PURPOSES.get(name, '')}")
        click.echo("导出后在 Word 或 WPS 中修改：reportgen templates export plan 我的方案模板.docx")


@templates.command("export")
@click.argument("name")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="FILE 已存在时覆盖它。")
def templates_export(name: str, file: Path, force: bool) -> None:
    """把内置模板 NAME 复制为 FILE，供在 Word 或 WPS 中修改。"""
    click.echo(f"已导出 {template_files.export_template(name, file, force=force)}")


@templates.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def templates_check(files: tuple[Path, ...]) -> int:
    """检查模板 FILES：标签、变量名、样式和文件格式；有问题时退出状态为 1。"""
    failed = False
    for file in files:
        problems = template_problems(file)
        for problem in problems:
            click.echo(str(problem))
        click.echo(f"{file}: 共 {len(problems)} 个问题" if problems else f"{file}: 检查通过")
        failed = failed or bool(problems)
    return 1 if failed else 0


def _show_warning(message, category, *args, **kwargs) -> None:
    if issubclass(category, ReportgenWarning):
        click.echo(f"{message}", err=True)
    else:
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
    try:
        status = cli.main(args=argv, prog_name="reportgen", standalone_mode=False)
    except ReportgenError as exc:
        _show_error(exc)
        sys.exit(exc.exit_status)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("已取消。", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Exception as exc:  # a defect in reportgen: say so in one line, not with a traceback
        if os.environ.get("REPORTGEN_DEBUG") == "1":
            raise
        _show_defect(exc)
        sys.exit(3)
    if isinstance(status, int) and status:
        sys.exit(status)
