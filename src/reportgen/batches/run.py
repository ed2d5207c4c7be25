"""reportgen batch: one document per unit of a campaign, in parallel, skipping what is up to date."""

from __future__ import annotations

import difflib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..chinese.title_lines import load_segmenter
from ..errors import Problem, ReportgenError
from ..files.atomic_write import check_writable, remove_stale
from ..files.inputs import refuse_inputs
from ..load.located_data import Source
from ..load.yaml_file import load_yaml
from ..model.documents import document_model
from ..model.keys import written
from ..word.fill import word_template
from ..word.template_check import check_own_template
from ..word.template_files import TEMPLATE_KEYS, template_for
from .campaign import Campaign
from .ctrl_c import CtrlC
from .file_names import file_names
from .manifest import BUILT, FAILED, PENDING, UNCHANGED, Entry, read_manifest, write_manifest
from .outputs import check_outputs, claim, files_read
from .rollup import UnitFigures, build_rollup, check_rollup, template_ready
from .unit_builder import Builder, Result, Task
from .units import UnitInput, read_units
from .workers import Workers

ROLLUP_FILE = "汇总"
RESERVED = (ROLLUP_FILE, "manifest")


@dataclass
class Outcome:
    """What a batch did: every unit's entry (in list order), the manifest, and the roll-up if built."""

    entries: list[Entry]
    manifest: Path | None
    rollup: Path | None = None
    sheet: str = ""  # the worksheet the units were read from, when the list is a workbook

    @property
    def failed(self) -> list[Entry]:
        return [e for e in self.entries if e.status == FAILED]


Progress = Callable[[Entry, int, int], None]


def run_batch(campaign: Path, units: Path, out: Path, *, jobs: int = 1, only: tuple[str, ...] = (),
              shard: tuple[int, int] | None = None, force: bool = False, sheet: str | None = None,
              progress: Progress | None = None, project: Path | None = None) -> Outcome:
    """Build every selected unit of ``units`` from ``campaign`` into ``out``; see docs/batches.md."""
    plan = Campaign.of(load_yaml(campaign, project))
    manifest = Path(out) / (f"manifest-{shard[0]}-{shard[1]}.csv" if shard else "manifest.csv")
    with_rollup = plan.rollup is not None and not only and not shard
    built = _build_units(plan, Path(units), Path(out), manifest, with_rollup, jobs=jobs, only=only,
                         shard=shard, force=force, sheet=sheet, progress=progress, project=project)
    if built.ready is not None:
        built.ready.join()
    rollup = _rollup(plan, built.metrics, built.figures, Path(out), manifest) if with_rollup else None
    return Outcome(built.entries, manifest, rollup, built.sheet)


@dataclass
class _Built:
    """What building the units leaves for the roll-up and the outcome; the unit list, the last
    run's manifest and the results are gone by then (a 汇总 of many units needs the memory)."""

    entries: list[Entry]
    figures: list[UnitFigures]
    metrics: list[str]  # the roll-up's
    sheet: str
    ready: threading.Thread | None  # the roll-up's template, checked and compiled meanwhile


def _build_units(plan: Campaign, units: Path, out: Path, manifest: Path, with_rollup: bool, *,
                 jobs: int, only: tuple[str, ...], shard: tuple[int, int] | None, force: bool,
                 sheet: str | None, progress: Progress | None, project: Path | None) -> _Built:
    """Check the outputs, build the selected units, record them in ``manifest``."""
    template = _campaign_template(plan.document)
    check_own_template(template)
    word_template(template)  # compiled here once: worker processes start with it
    if jobs > 1:
        load_segmenter()  # likewise the dictionary that breaks long titles between words
    previous = read_manifest(manifest)
    with Workers((plan, out, str(units), {} if force else previous), jobs) as workers:
        every = _tasks(read_units(units, sheet, list(plan.metrics), project))
        metrics = _check_rollup(plan, every) if with_rollup else []
        tasks = select(every, (), shard)
        chosen = select(tasks, only, None)
        written = [manifest, *([out / f"{ROLLUP_FILE}.docx"] if with_rollup else [])]
        check_outputs(out, chosen, written, files_read(_parts(plan), [template], units, every),
                      str(units))
        check_writable(out)
        remove_stale(out, {t.file for t in chosen} | {"reportgen"})
        claim(manifest, chosen, previous)
        results: list[Result] = []
        ready = template_ready(plan, metrics) if with_rollup and jobs > 1 else None
        with CtrlC(workers.stop) as ctrl_c:
            try:
                _collect(workers, chosen, results, progress, keep_metrics=with_rollup)
            finally:  # also on Ctrl-C: what was finished is recorded, so a re-run does the rest
                try:
                    workers.end(results)
                finally:  # stopped at once, as by a crash: any unit may have been written
                    unknown = [] if workers.complete else chosen
                    _record(manifest, _entries(tasks, results, previous, unknown))
    _stop_if(results, ctrl_c.pressed, manifest)
    figures = [_figures(r) for r in results] if with_rollup else []
    return _Built([r.entry for r in results], figures, metrics, _sheet(every), ready)


def _collect(workers: Workers, tasks: list[Task], results: list[Result],
             progress: Progress | None, keep_metrics: bool) -> None:
    """Add each task's result to ``results`` (without its metrics unless ``keep_metrics``: only
    the 汇总 reads them); a full disk stops the batch. Whatever stops it (that, Ctrl-C, an
    exception in ``progress``), the units in progress are finished and added."""
    pending = workers.results(tasks)
    try:
        for result in pending:
            results.append(result if keep_metrics else replace(result, metrics=None))
            if result.disk_full:
                workers.stop.set()
            if progress:
                progress(result.entry, len(results), len(tasks))
    except BaseException:
        workers.stop.set()
        results.extend(pending)
        raise


def _rollup(plan, metrics: list[str], figures: list[UnitFigures], out: Path, manifest: Path) -> Path:
    """Build 汇总.docx; if it cannot be, the units' documents are still there: say so."""
    try:
        return build_rollup(plan, metrics, figures, out / f"{ROLLUP_FILE}.docx")
    except ReportgenError as exc:
        exc.outcome = f"各单位的文件已写好，都记在 {manifest.name} 中；未生成{ROLLUP_FILE}.docx。"
        raise


def _record(manifest: Path, entries: Iterator[Entry]) -> None:
    """Write the manifest; if it cannot be, the documents are still written: say so."""
    try:
        write_manifest(manifest, entries)
    except ReportgenError as exc:
        exc.outcome = ("清单未能更新（上次的清单保持原样），其中没有本次写好的文件；"
                       "解决后重新运行，会重新生成这些文件。")
        raise


def _stop_if(results: list[Result], pressed: bool, manifest: Path) -> None:
    """Stop before the roll-up if the disk is full (that unit's problem) or Ctrl-C was pressed."""
    full = next((r.disk_full for r in results if r.disk_full), ())
    if full:
        stopped = ReportgenError(list(full))
        written = sum(r.entry.status == BUILT for r in results)
        stopped.outcome = (f"批量生成已停止：本次已写好 {written} 个文件，都记在 {manifest.name} 中；"
                           "腾出空间后重新运行，只生成其余的单位。")
        raise stopped
    if pressed:
        raise KeyboardInterrupt


def _campaign_template(document: Source) -> Path:
    """The template the campaign asks for (or its kind's built-in), found before any unit."""
    name = written(document.data, TEMPLATE_KEYS)
    return template_for(name if isinstance(name, str) else document_model(document.data).TEMPLATE,
                        document)


def run_rollup(campaign: Path, units: Path, out: Path, sheet: str | None = None, *,
               project: Path | None = None) -> Outcome:
    """Build only the roll-up of ``campaign`` over ``units``, from their data (no unit documents)."""
    plan = Campaign.of(load_yaml(campaign, project))
    if plan.rollup is None:
        raise ReportgenError(Problem(str(campaign), "没有“汇总”部分，无法生成汇总文档"
                                     "（写法见文档 docs/batches.md 的“汇总”一节）"))
    tasks = _tasks(read_units(Path(units), sheet, list(plan.metrics), project))
    metrics = _check_rollup(plan, tasks)
    builder = Builder(plan, Path(out), str(units), {})
    results = [builder.figures(t) for t in tasks]
    target = Path(out) if str(out).lower().endswith(".docx") else Path(out) / f"{ROLLUP_FILE}.docx"
    refuse_inputs(target, files_read(_parts(plan), [], Path(units), tasks))
    rollup = build_rollup(plan, metrics, [_figures(r) for r in results], target)
    return Outcome([r.entry for r in results], None, rollup, _sheet(tasks))


def _parts(plan: Campaign) -> list[Source]:
    return [plan.document, *filter(None, [plan.rollup])]


def _sheet(tasks: list[Task]) -> str:
    return tasks[0].unit.sheet if tasks else ""


def _check_rollup(plan: Campaign, tasks: list[Task]) -> list[str]:
    return check_rollup(plan, list(dict.fromkeys(k for t in tasks for k in t.unit.metric_names)))


def _figures(result: Result) -> UnitFigures:
    return UnitFigures(result.entry.unit, result.entry.ok, result.metrics or {})


def _tasks(units: list[UnitInput]) -> list[Task]:
    return [Task(u, f) for u, f in zip(units, file_names([u.name for u in units], RESERVED),
                                       strict=True)]


def select(tasks: list[Task], only: tuple[str, ...], shard: tuple[int, int] | None) -> list[Task]:
    """The tasks of shard K of N (every Nth unit, from the Kth), then those named in ``only``."""
    if shard:
        tasks = [t for i, t in enumerate(tasks) if i % shard[1] == shard[0] - 1]
    if not only:
        return tasks
    names = {t.unit.name for t in tasks}
    unknown = [_unknown(n, names) for n in only if n not in names]
    if unknown:
        raise ReportgenError(unknown)
    return [t for t in tasks if t.unit.name in only]


def _unknown(name: str, names: set[str]) -> Problem:
    close = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.5)
    hint = f"；是否想写“{close[0]}”？" if close else ""
    return Problem("--only", f"名单中没有单位“{name}”{hint}")


def _entries(tasks: list[Task], results: list[Result], previous: dict[str, Entry],
             unknown: list[Task]) -> Iterator[Entry]:
    """The manifest: each unit's entry from this run or, if this run did not reach it (or could not
    write its file for a full disk, which left the earlier file as it was), from the last. A unit
    ``unknown`` (the batch was stopped at once, maybe as it was written) stays listed as 未完成,
    as claim() listed it, so that a re-run takes its file for its own.

    It says what the folder holds: a unit skipped as unchanged is 已生成, as when it was built,
    so an unchanged re-run makes the same manifest, and the file is left untouched.
    """
    new = {r.entry.unit: r.entry for r in results if not r.disk_full}
    new.update((t.unit.name, Entry(t.unit.name, t.unit.line, PENDING, t.file, sheet=t.unit.sheet))
               for t in unknown if t.unit.name not in new and t.unit.name not in previous)
    for task in tasks:
        if task.unit.name in new:
            yield _listed(new[task.unit.name], task.unit.sheet)
        elif task.unit.name in previous:
            yield previous[task.unit.name]


def _listed(entry: Entry, sheet: str) -> Entry:
    """``entry`` with the worksheet of its unit, 已生成 if it was skipped as unchanged."""
    if entry.sheet == sheet and entry.status != UNCHANGED:
        return entry
    return replace(entry, sheet=sheet, status=BUILT if entry.status == UNCHANGED else entry.status)
