"""The batch and rollup commands, and how a batch shows its progress (part of the CLI)."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import click

from ..batches.manifest import BUILT, FAILED, UNCHANGED, Entry

MAX_SHOWN_FAILURES = 20
PROJECT = click.option(
    "--project", type=click.Path(path_type=Path, exists=True, file_okay=False),
    help="项目文件夹：文件中写的路径（继承、模板）不能超出它（默认：YAML 文件所在的文件夹）。")


class BatchDisplay:
    """Receives each unit's entry as it finishes; used as ``with BatchDisplay(...) as show``."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.terminal = not quiet and sys.stderr.isatty()
        self.failed = 0
        self.started = time.monotonic()
        self.bar = None

    def __enter__(self) -> BatchDisplay:
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def __call__(self, entry: Entry, done: int, total: int) -> None:
        self.failed += entry.status == FAILED
        if self.terminal and self.bar is None:
            self.bar = click.progressbar(length=total, label="生成中", show_eta=True,
                                         file=sys.stderr,
                                         item_show_func=self._status).__enter__()
        if self.bar is not None:
            self.bar.update(1, entry)
        elif not self.quiet:
            where = entry.file or entry.error.split("\n", 1)[0]
            click.echo(f"[{done}/{total}] {entry.status} {entry.unit}：{where}")

    def _status(self, entry: Entry | None) -> str:
        rate = (self.bar.pos if self.bar else 0) / max(time.monotonic() - self.started, 1e-6)
        return f"失败 {self.failed} · {rate:.1f} 份/秒" + (f" · {entry.unit}" if entry else "")


def show_failures(entries: list[Entry]) -> None:
    """The problems of the first failed units on stderr, and how many more there are."""
    failed = [e for e in entries if e.status == FAILED]
    for entry in failed[:MAX_SHOWN_FAILURES]:
        click.echo(entry.error, err=True)
    if len(failed) > MAX_SHOWN_FAILURES:
        click.echo(f"另有 {len(failed) - MAX_SHOWN_FAILURES} 个单位失败，详见 manifest.csv。", err=True)


def _shard(ctx, param, value: str | None) -> tuple[int, int] | None:
    found = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", value) if value else None
    if value is None:
        return None
    if not found or not 1 <= int(found.group(1)) <= int(found.group(2)):
        raise click.BadParameter("应写作 K/N，1 ≤ K ≤ N，例如 3/8")
    return int(found.group(1)), int(found.group(2))


def _inputs(command):
    """The campaign file, --units and --sheet, which batch and rollup share."""
    command = PROJECT(click.option("--sheet", metavar="工作表名", help="Excel 工作表名（默认第一个）。")(command))
    command = click.option("--units", "units", required=True, type=click.Path(path_type=Path),
                           help="单位名单：.xlsx、.csv、制表符分隔的文本文件、YAML 列表，或放各单位 YAML 文件的文件夹。")(command)
    return click.argument("campaign_file", metavar="活动文件",
                          type=click.Path(path_type=Path))(command)


@click.command()
@_inputs
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="输出文件夹（默认：与活动文件同名的文件夹）。")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=lambda: min(os.cpu_count() or 1, 8),
              show_default="CPU 核数", help="同时生成的进程数。")
@click.option("--only", metavar="单位名称", multiple=True, help="只生成这个单位（可重复）。")
@click.option("--shard", metavar="K/N", callback=_shard, help="只生成第 K 份（共 N 份），供多台机器分工，如 3/8。")
@click.option("--force", is_flag=True, help="全部重新生成（默认跳过输入未变的单位）。")
@click.option("-q", "--quiet", is_flag=True, help="不显示进度。")
def batch(campaign_file: Path, units: Path, output: Path | None, jobs: int, only: tuple[str, ...],
          shard: tuple[int, int] | None, force: bool, sheet: str | None, quiet: bool,
          project: Path | None) -> int:
    """按活动文件为名单中每个单位生成一份文档，并生成汇总和 manifest.csv。"""
    from .. import api
    out = output or campaign_file.with_suffix("")
    display = BatchDisplay(quiet)
    with display:
        outcome = api.batch(campaign_file, units, out, jobs=jobs, only=only, shard=shard,
                            force=force, sheet=sheet, progress=display, project=project)
    show_failures(outcome.entries)
    if not quiet:
        click.echo(_summary(outcome))
    return 1 if outcome.failed else 0


def _summary(outcome) -> str:
    counts = {s: sum(e.status == s for e in outcome.entries) for s in (BUILT, UNCHANGED, FAILED)}
    text = "，".join(f"{s} {n} 个" for s, n in counts.items())
    rollup = f"；汇总：{outcome.rollup}" if outcome.rollup else ""
    return f"共 {len(outcome.entries)} 个单位{_read_from(outcome)}：{text}{rollup}；清单：{outcome.manifest}"


def _read_from(outcome) -> str:
    """Which worksheet of the workbook was read, when the unit list is one."""
    return f"（读取工作表“{outcome.sheet}”）" if outcome.sheet else ""


@click.command()
@_inputs
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="汇总 .docx 文件，或放置 汇总.docx 的文件夹（默认：与活动文件同名的文件夹）。")
def rollup(campaign_file: Path, units: Path, output: Path | None, sheet: str | None,
           project: Path | None) -> int:
    """只由数据生成汇总文档（不生成各单位的文档），用于分片批量生成之后。"""
    from .. import api
    outcome = api.rollup(campaign_file, units, output or campaign_file.with_suffix(""), sheet=sheet,
                         project=project)
    show_failures(outcome.entries)
    click.echo(f"已生成 {outcome.rollup}{_read_from(outcome)}")
    return 1 if outcome.failed else 0
