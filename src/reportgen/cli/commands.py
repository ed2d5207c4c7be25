"""The command line: thin click commands over the library API, and the one place errors are shown.

Each command imports the part of reportgen it uses when it runs, so ``reportgen --help`` loads
no pipeline and a plain ``build`` neither the batch side nor the checker (bench/startup_bench.py).
click speaks Chinese through click_chinese.py, which ``main`` sets up.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import click

from ..errors import ReportgenError, ReportgenWarning
from . import batch_commands
from .click_chinese import show_usage_error, speak_chinese

PROJECT = batch_commands.PROJECT
STARTERS = ("plan", "summary", "campaign")  # authoring/starter_files.py KINDS, kept in step by a test


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
def build(yaml_file: Path, output: Path | None, with_pdf: bool, project: Path | None) -> None:
    """由 YAML 文件生成 .docx。"""
    from .. import api
    written = api.build(yaml_file, output, project=project)
    click.echo(f"已生成 {written}")
    if with_pdf:
        _pdf_files([written], None)


@cli.command()
@click.argument("yaml_file", metavar="YAML文件", type=click.Path(path_type=Path))
@PROJECT
def validate(yaml_file: Path, project: Path | None) -> None:
    """只检查 YAML 文件，不生成文件。"""
    from .. import api
    api.validate(yaml_file, project=project)
    click.echo(f"{yaml_file}: 检查通过")


@cli.command()
@click.argument("docx_files", metavar="DOCX文件...", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("--json", "as_json_list", is_flag=True, help="以 JSON 列表输出，供 CI 使用。")
@click.option("--render", is_flag=True, help="用 LibreOffice 排版，再检查分页（首页正文、版记位置等）。")
def check(docx_files: tuple[Path, ...], as_json_list: bool, render: bool) -> int:
    """按 GB/T 9704-2012 检查 .docx（任何来源的）：有错误时退出状态为 1，有文件无法读取时为 2。"""
    from ..check.report import as_json, as_text, has_errors
    from ..check.run import check_files
    results, unreadable = check_files(list(docx_files), render=render)
    if results or as_json_list:
        click.echo(as_json(results) if as_json_list else as_text(results))
    if unreadable:
        _show_error(ReportgenError(unreadable), _unchecked(len(unreadable), len(results)))
        return 2
    return 1 if has_errors(results) else 0


def _unchecked(unreadable: int, checked: int) -> str:
    """The closing line when some files could not be read (the others were checked all the same)."""
    if not checked:
        return "未检查。" if unreadable == 1 else f"共 {unreadable} 个文件无法读取，未检查。"
    return f"以上 {unreadable} 个文件无法读取，未检查；其余 {checked} 个文件已检查。"


@cli.command()
@click.argument("docx_files", metavar="DOCX文件...", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="放置 PDF 的文件夹。")
def pdf(docx_files: tuple[Path, ...], output: Path | None) -> None:
    """用 LibreOffice 把 .docx 转为 PDF（多个文件只启动一次）。"""
    _pdf_files(list(docx_files), output)


def _pdf_files(documents: list[Path], output: Path | None) -> None:
    from .. import export
    for written in export.pdf_files(documents, output, _converting):
        click.echo(f"已生成 {written}")


def _converting(count: int) -> None:
    """Said on stderr before LibreOffice starts, which takes a few seconds before the first page."""
    click.echo(f"正在用 LibreOffice 转换 {count} 个文件……", err=True)


@cli.command()
@click.argument("sources", metavar="文件...", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="放置图片的文件夹。")
@click.option("--dpi", default=100, show_default=True, type=click.IntRange(30, 600),
              help="图片分辨率（每英寸点数）。")
def preview(sources: tuple[Path, ...], output: Path | None, dpi: int) -> None:
    """把 .docx（或由 YAML 文件生成的文档）每页存为 PNG 图片；多个文件只启动一次 LibreOffice。"""
    from .. import export
    pages = export.png_files(list(sources), output, dpi, _converting)
    for done, (source, written) in enumerate(pages, 1):
        click.echo("".join(f"已生成 {page}\n" for page in written), nl=False)
        if len(sources) > 1:
            click.echo(f"[{done}/{len(sources)}] {source}：{len(written)} 页", err=True)


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


@cli.group(invoke_without_command=True)
@click.pass_context
def templates(ctx: click.Context) -> None:
    """列出内置模板；export 导出一份供在 Word 中修改，check 检查改好的模板。"""
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


def _show_error(exc: ReportgenError, closing: str | None = None) -> None:
    """The located problems, then what did not happen (未生成文件。), with a count if several."""
    click.echo(str(exc), err=True)
    count = len(exc.problems)
    if closing is None and exc.outcome:
        closing = f"共 {count} 个问题，{exc.outcome}" if count > 1 else exc.outcome
    if closing:
        click.echo(closing, err=True)


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
