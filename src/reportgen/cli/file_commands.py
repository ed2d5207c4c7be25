"""The commands over finished documents: check, import, pdf and preview (part of the CLI)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("docx_files", metavar="DOCX文件...", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("--json", "as_json_list", is_flag=True, help="以 JSON 列表输出，供 CI 使用。")
@click.option("--render", is_flag=True, help="用 LibreOffice 排版，再检查分页（首页正文、版记位置等）。")
@click.option("--all", "everything", is_flag=True, help="不是公文格式的文档也列出全部问题。")
def check(docx_files: tuple[Path, ...], as_json_list: bool, render: bool, everything: bool) -> int:
    """按 GB/T 9704-2012 检查 .docx（任何来源的）：有错误时退出状态为 1，有文件无法读取时为 2。"""
    from ..check.report import as_json, as_text, has_errors
    from ..check.run import check_files
    results, unreadable = check_files(list(docx_files), render=render, everything=everything)
    if results or as_json_list:
        click.echo(as_json(results) if as_json_list else as_text(results))
    if unreadable:
        click.echo("\n".join(str(problem) for problem in unreadable), err=True)
        click.echo(_unchecked(len(unreadable), len(results)), err=True)
        return 2
    return 1 if has_errors(results) else 0


def _unchecked(unreadable: int, checked: int) -> str:
    """The closing line when some files could not be read (the others were checked all the same)."""
    if not checked:
        return "未检查。" if unreadable == 1 else f"共 {unreadable} 个文件无法读取，未检查。"
    return f"以上 {unreadable} 个文件无法读取，未检查；其余 {checked} 个文件已检查。"


@click.command()
@click.argument("docx_files", metavar="DOCX文件...", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="放置 PDF 的文件夹。")
def pdf(docx_files: tuple[Path, ...], output: Path | None) -> None:
    """用 LibreOffice 把 .docx 转为 PDF（多个文件只启动一次）。"""
    write_pdfs(list(docx_files), output)


def write_pdfs(documents: list[Path], output: Path | None) -> None:
    """Convert ``documents`` to PDF (into ``output`` or beside them), naming each PDF written."""
    from .. import export
    for written in export.pdf_files(documents, output, _converting):
        click.echo(f"已生成 {written}")


def _converting(count: int) -> None:
    """Said on stderr before LibreOffice starts, which takes a few seconds before the first page."""
    click.echo(f"正在用 LibreOffice 转换 {count} 个文件……", err=True)


@click.command()
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


@click.command("import")
@click.argument("docx_file", metavar="DOCX文件", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="写入的 YAML 文件，或放置 <文档名>.yaml 的文件夹（默认与 .docx 同名、同文件夹）。")
@click.option("--force", is_flag=True, help="YAML 文件已存在时覆盖它（原 .docx 永远不会被覆盖）。")
@click.option("--metrics", is_flag=True, help="把正文中带计量单位的数字（如“3,260份”）改为“指标”占位符。")
def import_command(docx_file: Path, output: Path | None, force: bool, metrics: bool) -> None:
    """把已有的 Word 文档（.docx，Word、WPS 或 reportgen 生成的）转为 reportgen 的 YAML 文件。"""
    from .. import api
    imported = api.import_docx(docx_file, output, force=force, metrics=metrics)
    click.echo(f"已生成 {imported.path}")
    if imported.checks:
        click.echo(f"其中 {imported.checks} 处标有“# 请核对”，请打开文件核对。")
    click.echo(f"生成公文：reportgen build {imported.path}；"
               f"改为下一年的文件：reportgen next-year {imported.path}")
