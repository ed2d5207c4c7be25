"""The command line: thin click commands over the library API, and the one place errors are shown."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import click

from . import api
from .errors import ReportgenError, ReportgenWarning


@click.group()
@click.version_option(package_name="reportgen")
def cli() -> None:
    """reportgen：把 YAML 写成符合 GB/T 9704-2012 的公文（.docx）。"""


@cli.command()
@click.argument("yaml_file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="输出的 .docx 文件，或放置 <YAML 文件名>.docx 的文件夹。")
def build(yaml_file: Path, output: Path | None) -> None:
    """由 YAML_FILE 生成 .docx。"""
    written = api.build(yaml_file, output)
    click.echo(f"已生成 {written}")


@cli.command()
@click.argument("yaml_file", type=click.Path(path_type=Path))
def validate(yaml_file: Path) -> None:
    """只检查 YAML_FILE，不生成文件。"""
    api.validate(yaml_file)
    click.echo(f"{yaml_file}: 检查通过")


def _show_warning(message, category, *args, **kwargs) -> None:
    if issubclass(category, ReportgenWarning):
        click.echo(f"{message}", err=True)
    else:
        click.echo(f"警告：{message}", err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run a command; print ReportgenError as located messages and exit 1."""
    warnings.showwarning = _show_warning
    try:
        cli.main(args=argv, prog_name="reportgen", standalone_mode=False)
    except ReportgenError as exc:
        click.echo(str(exc), err=True)
        count = len(exc.problems)
        click.echo(f"共 {count} 个问题，未生成文件。" if count > 1 else "未生成文件。", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("已取消。", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
