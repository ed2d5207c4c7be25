"""What a batch may write: never a file the run reads, never a file reportgen did not write there.

A batch writes each unit's .docx, 汇总.docx and its manifest into the output folder. Before
anything is built, every one of them is checked: an output that would replace the campaign, a
file it extends, a template, the unit list or a unit's file is refused, and so is one that would
replace a file the folder's manifests do not list (a file the user put there). So that a batch
that crashes leaves only files its manifest lists, the names it is about to write for the first
time are added to the manifest (状态 未完成) before the first is built (see docs/batches.md).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem, ReportgenError
from ..files.inputs import FilesRead
from ..load.located_data import Source
from ..model.keys import written
from ..word.template_files import TEMPLATE_KEYS, template_for
from .manifest import HEADERS, PENDING, Entry, read_manifest, write_manifest
from .unit_builder import Task

ELSEWHERE = "用 -o 指定另一个输出文件夹"


def files_read(campaign: list[Source], templates: list[Path], units: Path,
               tasks: list[Task]) -> dict[Path, str]:
    """Every file the batch reads (the campaign and its 汇总 part, the files they extend, the
    templates, the unit list, each unit's file), by resolved path, with what it is."""
    found = {Path(units).resolve(): "单位名单"}
    sources = [("活动文件", s) for s in campaign]
    sources += [("单位文件", t.unit.source) for t in tasks if t.unit.source is not None]
    for what, source in sources:
        found.update({Path(w.file).resolve(): "继承的文件" for w in source.positions.values()
                      if w.file != source.file})
        found[Path(source.file).resolve()] = what
        templates += _own_template(source)
    found.update({t.resolve(): "模板" for t in templates})
    return found


def _own_template(source: Source) -> list[Path]:
    """The template a unit file names itself, if it can be found (else its build fails)."""
    name = written(source.data, TEMPLATE_KEYS)
    try:
        return [template_for(name, source)] if isinstance(name, str) else []
    except ReportgenError:
        return []


def check_outputs(out: Path, tasks: list[Task], written: list[Path], reads: dict[Path, str],
                  units_file: str) -> None:
    """Refuse, before anything is built, every output that would replace a file the run reads or
    a file reportgen did not write: a unit's file its manifests do not list, a 汇总.docx in a
    folder without a manifest of reportgen's, a manifest.csv that is someone else's (``written``:
    the 汇总 and the manifest)."""
    listed, known = _listed(out), FilesRead(reads)
    problems = [_refusal(out / t.file, known, listed is not None and t.file.casefold() in listed,
                         _unit_place(t, units_file)) for t in tasks]
    problems += [_refusal(p, known, _is_manifest(p) if p.suffix == ".csv" else listed is not None,
                          Problem(str(p), f"{'清单' if p.suffix == '.csv' else '汇总文档'}“{p.name}”"))
                 for p in written]
    if any(problems):
        raise ReportgenError([p for p in problems if p])


def _unit_place(task: Task, units_file: str) -> Problem:
    unit = task.unit
    file, line = (unit.origin, 1) if unit.origin else (units_file, unit.line)
    return Problem(file, f"单位“{unit.name}”的文件“{task.file}”", line, 1)


def _refusal(target: Path, reads: FilesRead, ours: bool, place: Problem) -> Problem | None:
    """Why ``target`` may not be written, located at ``place`` (a unit's row), if it may not."""
    if not (target.is_file() or target.is_symlink()):
        return None
    what = reads.what_is(target)
    if what is not None:
        reason = f"会覆盖本次读取的{what}（{target}）：请{ELSEWHERE}"
    elif not ours:
        why = "不是 reportgen 写的清单" if target.suffix == ".csv" else \
            "不是 reportgen 生成的（清单 manifest.csv 中没有它）"
        reason = f"会覆盖输出文件夹中已有的同名文件，它{why}：请移走它，或{ELSEWHERE}"
    else:
        return None
    return Problem(place.file, f"{place.message}{reason}", place.line, place.col)


def _listed(out: Path) -> set[str] | None:
    """The files the folder's manifests list (case folded), or None if it has no manifest of
    reportgen's; a manifest.csv that is someone else's is not one."""
    manifests = [p for p in (out.glob("manifest*.csv") if out.is_dir() else [])
                 if _is_manifest(p)]
    if not manifests:
        return None
    return {e.file.casefold() for m in manifests for e in read_manifest(m).values() if e.file}


def _is_manifest(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8-sig") as handle:
            header = handle.readline().strip().split(",")
    except (OSError, UnicodeDecodeError):
        return False
    return tuple(header) in (HEADERS, HEADERS[:-1])


def claim(manifest: Path, tasks: list[Task], previous: dict[str, Entry]) -> None:
    """List in the manifest, before any is built, the files of ``tasks`` it does not list yet, so
    that a batch that crashes leaves none that a re-run would take for someone else's."""
    known = {e.file.casefold() for e in previous.values() if e.file}
    new = [Entry(t.unit.name, t.unit.line, PENDING, t.file, sheet=t.unit.sheet)
           for t in tasks if t.file.casefold() not in known]
    if new:
        write_manifest(manifest, [*previous.values(), *new])
