"""reportgen batch: one document per unit of a campaign, in parallel, skipping what is up to date."""

from __future__ import annotations

import difflib
import functools
import hashlib
import multiprocessing
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .campaign import Campaign, digest, overlay
from .documents import document_model
from .errors import Problem, ReportgenError
from .load import load_yaml
from .manifest import BUILT, FAILED, UNCHANGED, Entry, read_manifest, write_manifest
from .outline import outline
from .package import write_atomic
from .render import word_template
from .rollup import UnitFigures, build_rollup, rollup_metrics, rollup_source, validate_rollup
from .source import Source
from .template_check import check_template
from .templates import TEMPLATE_KEYS, template_for
from .units import UnitInput, file_names, read_units
from .validate import validate

VERSION = "0.1.0"
ROLLUP_FILE = "汇总"
RESERVED = (ROLLUP_FILE, "manifest")


@dataclass(frozen=True)
class Task:
    """One unit to build into ``file`` (a name inside the output folder)."""

    unit: UnitInput
    file: str


@dataclass(frozen=True)
class Result:
    """A unit's manifest entry, and its metrics for the roll-up when its data was valid."""

    entry: Entry
    metrics: dict[str, Any] = field(default_factory=dict)


class Builder:
    """Validates and builds the units of one campaign; each worker process holds its own."""

    def __init__(self, campaign: Path, out: Path, units_file: str, previous: dict[str, Entry]):
        self.campaign = Campaign.of(load_yaml(campaign))
        self.out, self.units_file, self.previous = out, units_file, previous

    def figures(self, task: Task) -> Result:
        """Validate one unit without building it: its outcome and metrics, for the roll-up alone."""
        unit = task.unit
        if unit.problems:
            return self._failed(unit, unit.problems, located=True)
        try:
            document = validate(overlay(self.campaign.document, unit))
        except ReportgenError as exc:
            return self._failed(unit, exc.problems, located=False)
        return Result(Entry(unit.name, unit.line, BUILT), _metrics(document))

    def build(self, task: Task) -> Result:
        """Build one unit's .docx, unless an earlier run already built it from the same inputs."""
        unit = task.unit
        if unit.problems:
            return self._failed(unit, unit.problems, located=True)
        source = overlay(self.campaign.document, unit)
        try:
            document = validate(source)
            template = template_for(document.template_name, source)
            check_template(template)  # once per template file and process: the result is kept
            made_from = digest(source, _template_digest(template), VERSION)
            metrics = _metrics(document)
            if self._unchanged(task, made_from):
                return Result(Entry(unit.name, unit.line, UNCHANGED, task.file,
                                    self.previous[unit.name].sha256, "", made_from), metrics)
            data = word_template(template).fill(outline(document))
            # Not forced to disk one by one: after a power cut a re-run finds a damaged file by its
            # sha256 in the manifest and builds it again.
            write_atomic(self.out / task.file, data, sync=False)
        except (ReportgenError, ValueError) as exc:
            problems = exc.problems if isinstance(exc, ReportgenError) else [Problem(source.file, str(exc))]
            return self._failed(unit, problems, located=False)
        sha = hashlib.sha256(data).hexdigest()
        return Result(Entry(unit.name, unit.line, BUILT, task.file, sha, "", made_from), metrics)

    def _unchanged(self, task: Task, made_from: str) -> bool:
        old = self.previous.get(task.unit.name)
        if old is None or old.digest != made_from or old.file != task.file or old.status == FAILED:
            return False
        return _file_sha(self.out / task.file) == old.sha256

    def _failed(self, unit: UnitInput, problems: list[Problem], located: bool) -> Result:
        where = f"单位“{unit.name}”" if located else (
            f"单位“{unit.name}”，{unit.origin}" if unit.origin
            else f"单位“{unit.name}”，{self.units_file} 第 {unit.line} 行")
        error = "\n".join(f"{p}（{where}）" for p in problems)
        return Result(Entry(unit.name, unit.line, FAILED, error=error))


def _metrics(document) -> dict[str, tuple[Any, str]]:
    return {k: (m.value, m.unit) for k, m in document.metrics.items()}


def _template_digest(path: Path) -> str:
    stat = path.stat()
    return _content_digest(path.resolve(), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=16)
def _content_digest(path: Path, size: int, mtime: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _file_sha(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


@dataclass
class Outcome:
    """What a batch did: every unit's entry (in list order), the manifest, and the roll-up if built."""

    entries: list[Entry]
    manifest: Path | None
    rollup: Path | None = None

    @property
    def failed(self) -> list[Entry]:
        return [e for e in self.entries if e.status == FAILED]


Progress = Callable[[Entry, int, int], None]


def run_batch(campaign: Path, units: Path, out: Path, *, jobs: int = 1, only: tuple[str, ...] = (),
              shard: tuple[int, int] | None = None, force: bool = False, sheet: str | None = None,
              progress: Progress | None = None) -> Outcome:
    """Build every selected unit of ``units`` from ``campaign`` into ``out``; see the README."""
    plan = Campaign.of(load_yaml(campaign))
    check_template(_campaign_template(plan.document))
    manifest = Path(out) / (f"manifest-{shard[0]}-{shard[1]}.csv" if shard else "manifest.csv")
    previous = read_manifest(manifest)
    with Workers((Path(campaign), Path(out), str(units), {} if force else previous), jobs) as workers:
        every = _tasks(read_units(Path(units), sheet, set(plan.metrics)))
        with_rollup = plan.rollup is not None and not only and not shard
        metrics = _check_rollup(plan, every) if with_rollup else []
        tasks = select(every, (), shard)
        chosen = select(tasks, only, None)
        results: list[Result] = []
        try:
            for result in workers.results(chosen):
                results.append(result)
                if progress:
                    progress(result.entry, len(results), len(chosen))
        finally:
            write_manifest(manifest, _entries(tasks, results, previous))
    rollup = build_rollup(plan, metrics, [_figures(r) for r in results],
                          Path(out) / f"{ROLLUP_FILE}.docx") if with_rollup else None
    return Outcome([r.entry for r in results], manifest, rollup)


def _campaign_template(document: Source) -> Path:
    """The template the campaign asks for (or its kind's built-in), found before any unit."""
    written = [document.data[k] for k in TEMPLATE_KEYS if isinstance(document.data.get(k), str)]
    return template_for(written[0] if written else document_model(document.data).TEMPLATE, document)


def run_rollup(campaign: Path, units: Path, out: Path, sheet: str | None = None) -> Outcome:
    """Build only the roll-up of ``campaign`` over ``units``, from their data (no unit documents)."""
    plan = Campaign.of(load_yaml(campaign))
    if plan.rollup is None:
        raise ReportgenError(Problem(str(campaign), "没有“汇总”部分，无法生成汇总文档"
                                     "（见 README 的“批量生成”一节）"))
    tasks = _tasks(read_units(Path(units), sheet, set(plan.metrics)))
    metrics = _check_rollup(plan, tasks)
    builder = Builder(Path(campaign), Path(out), str(units), {})
    results = [builder.figures(t) for t in tasks]
    target = Path(out) if str(out).lower().endswith(".docx") else Path(out) / f"{ROLLUP_FILE}.docx"
    rollup = build_rollup(plan, metrics, [_figures(r) for r in results], target)
    return Outcome([r.entry for r in results], None, rollup)


def _check_rollup(plan: Campaign, tasks: list[Task]) -> list[str]:
    """The roll-up's metrics, after checking its 汇总 part (with no figures yet) before any unit."""
    seen = [k for t in tasks for k in t.unit.metric_names]
    metrics = rollup_metrics(plan, list(dict.fromkeys(seen)))
    validate_rollup(*rollup_source(plan, metrics, []))
    return metrics


def _figures(result: Result) -> UnitFigures:
    return UnitFigures(result.entry.unit, result.entry.ok, result.metrics)


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


def _entries(tasks: list[Task], results: list[Result], previous: dict[str, Entry]) -> list[Entry]:
    """The manifest: each unit's entry from this run or, if this run did not reach it, from the last."""
    new = {r.entry.unit: r.entry for r in results}
    found = (new.get(t.unit.name) or previous.get(t.unit.name) for t in tasks)
    return [e for e in found if e is not None]


_worker: Builder | None = None  # in a worker process, its Builder (set once by _start)


def _start(args: tuple) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _worker = Builder(*args)


def _build(task: Task) -> Result:
    return _worker.build(task)


class Workers:
    """The processes that build units: this one for -j 1, else a pool of ``jobs``.

    The pool starts before the unit list is read, so its processes never hold a copy of it.
    """

    def __init__(self, args: tuple, jobs: int):
        self.args, self.jobs, self.pool = args, jobs, None

    def __enter__(self) -> Workers:
        if self.jobs > 1:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self.pool = context.Pool(self.jobs, _start, (self.args,))
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()

    def results(self, tasks: list[Task]) -> Iterator[Result]:
        """Each task's result, in list order."""
        if self.pool is None or len(tasks) < 2:
            return map(Builder(*self.args).build, tasks)
        chunk = max(1, min(16, len(tasks) // (self.jobs * 8)))
        return self.pool.imap(_build, tasks, chunksize=chunk)
