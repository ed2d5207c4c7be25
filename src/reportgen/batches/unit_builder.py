"""Building the units of a batch: one unit's document, and the thread that writes the documents."""

from __future__ import annotations

import hashlib
import threading
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from ..errors import DiskFull, Problem, ReportgenError
from ..files.atomic_write import write_atomic
from ..layout.outline import outline
from ..load.located_data import Source
from ..model.documents import template_name
from ..model.placeholder_data import DocData
from ..validation.document import validate
from ..word.fill import WordTemplate, word_template
from ..word.template_check import check_own_template
from ..word.template_files import template_for
from .campaign import Campaign, overlay, unit_digest
from .manifest import BUILT, FAILED, UNCHANGED, Entry
from .units import UnitInput

VERSION = metadata.version("reportgen")  # a new reportgen may lay out the same data differently


class Stop(Protocol):
    """A flag shared by the processes of a batch (threading.Event or multiprocessing.Event)."""

    def is_set(self) -> bool: ...
    def set(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Task:
    """One unit to build into ``file`` (a name inside the output folder)."""

    unit: UnitInput
    file: str


@dataclass(frozen=True, slots=True)
class Result:
    """A unit's manifest entry, its metrics for the roll-up when its data was valid, and the
    document to write (``data``) until it is written."""

    entry: Entry
    metrics: dict[str, Any] | None = None  # None once the batch knows no 汇总 reads them
    data: bytes | None = None
    disk_full: tuple[Problem, ...] = ()  # why the file could not be written: the batch stops


class Builder:
    """Validates and builds the units of one campaign; each worker process holds its own.

    Once ``stop`` is set (Ctrl-C, or a full disk in any process) it builds no further unit.
    """

    def __init__(self, campaign: Campaign, out: Path, units_file: str, previous: dict[str, Entry],
                 stop: Stop | None = None):
        self.campaign, self.out, self.units_file, self.previous = campaign, out, units_file, previous
        self.stop = stop or threading.Event()
        self.writer: Writer | None = None
        self.templates: dict[Path, tuple[WordTemplate, str]] = {}
        self.template_shas: dict[Path, str] = {}
        self.template_paths: dict[tuple, Path] = {}

    def close(self) -> None:
        """End the writing thread, once everything is written."""
        if self.writer is not None:
            self.writer.thread.shutdown()

    def build_all(self, tasks: list[Task]) -> list[Result]:
        """Build ``tasks``, each document written while the next is built, until ``stop`` is set."""
        if self.writer is None:
            self.writer = Writer(self.out)
        done = []
        for task in tasks:
            if self.stop.is_set():
                break
            ready = self.writer.add(self.build(task))
            done += ready
            if any(r.disk_full for r in ready):  # every process stops: the next would fail too
                self.stop.set()
        return done + self.writer.drain()

    def figures(self, task: Task) -> Result:
        """Validate one unit without building it: its outcome and metrics, for the roll-up alone."""
        return self._guarded(task, self._figures)

    def build(self, task: Task) -> Result:
        """Build one unit's .docx in memory (``data``), unless an earlier run already built it
        from the same inputs; ``build_all`` writes it."""
        return self._guarded(task, self._build)

    def _guarded(self, task: Task, work) -> Result:
        """``work(task)``, or the unit's failure: its own cells' problems, or those work found."""
        if task.unit.problems:
            return self._failed(task.unit, task.unit.problems, located=True)
        try:
            return work(task)
        except ReportgenError as exc:
            return self._failed(task.unit, exc.problems, located=False)

    def _figures(self, task: Task) -> Result:
        document = validate(overlay(self.campaign.document, task.unit))
        return Result(Entry(task.unit.name, task.unit.line, BUILT), _metrics(document))

    def _build(self, task: Task) -> Result:
        source = overlay(self.campaign.document, task.unit)
        unchanged = self._unchanged_early(task, source)
        if unchanged is not None:
            return unchanged
        document = validate(source)
        template, template_sha = self._prepared(template_for(document.template_name, source))
        made_from = unit_digest(self.campaign, task.unit, template_sha, VERSION)
        if self._unchanged(task, made_from):
            sha = self.previous[task.unit.name].sha256
            return self._done(task, UNCHANGED, sha, made_from, document)
        data = template.fill(outline(document))
        return self._done(task, BUILT, hashlib.sha256(data).hexdigest(), made_from, document, data)

    def _prepared(self, path: Path) -> tuple[WordTemplate, str]:
        """The template at ``path`` checked, compiled and fingerprinted, once in this batch."""
        if path not in self.templates:
            check_own_template(path)
            self.templates[path] = (word_template(path), self._sha(path))
        return self.templates[path]

    def _done(self, task: Task, status: str, sha: str, made_from: str, document,
              data: bytes | None = None) -> Result:
        entry = Entry(task.unit.name, task.unit.line, status, task.file, sha, "", made_from)
        return Result(entry, _metrics(document), data)

    def _unchanged_early(self, task: Task, source: Source) -> Result | None:
        """The result of a unit an earlier run built from the same inputs into the file still
        there as it left it, found without validating the document again (the same inputs
        validate the same): only the figures the roll-up reads are read."""
        if task.unit.name not in self.previous:
            return None
        try:
            path = self._template_path(template_name(source.data), source)
            figures = DocData.model_validate(source.data).metrics
        except (ReportgenError, ValidationError):
            return None
        made_from = unit_digest(self.campaign, task.unit, self._sha(path), VERSION)
        if not self._unchanged(task, made_from):
            return None
        entry = Entry(task.unit.name, task.unit.line, UNCHANGED, task.file,
                      self.previous[task.unit.name].sha256, "", made_from)
        return Result(entry, {k: (m.value, m.unit) for k, m in figures.items()})

    def _template_path(self, name: str, source: Source) -> Path:
        """template_for(name, source), found once for the files of each folder and project."""
        found = (name, source.file, source.folder, source.project)
        if found not in self.template_paths:
            self.template_paths[found] = template_for(name, source)
        return self.template_paths[found]

    def _sha(self, template: Path) -> str:
        """The sha256 of a template, read once in this batch."""
        if template not in self.template_shas:
            self.template_shas[template] = file_sha(template)
        return self.template_shas[template]

    def _unchanged(self, task: Task, made_from: str) -> bool:
        old = self.previous.get(task.unit.name)
        if old is None or old.digest != made_from or old.file != task.file or old.status == FAILED:
            return False
        return file_sha(self.out / task.file) == old.sha256

    def _failed(self, unit: UnitInput, problems: Sequence[Problem], located: bool) -> Result:
        """The unit's failure: each problem names the unit, and its row or file unless the
        problem is located there already (a cell of the list, a line of the unit's file)."""
        named = f"单位“{unit.name}”"
        row = f"{named}，{unit.origin}" if unit.origin else \
            f"{named}，{self.units_file} 第 {unit.line} 行"
        own = (self.units_file, unit.origin)
        error = "\n".join(f"{p}（{named if located or p.file in own else row}）" for p in problems)
        return Result(Entry(unit.name, unit.line, FAILED, error=error))


def _metrics(document) -> dict[str, tuple[Any, str]]:
    return {k: (m.value, m.unit) for k, m in document.metrics.items()}


def file_sha(path: Path) -> str:
    """The sha256 of the file at ``path``; "" if it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


class Writer:
    """Writes built documents on a thread of this process while the next units are built.

    Results come out in the order they went in, each once its file is written (or its writing
    failed, which fails the unit). Files are not forced to disk one by one: after a power cut a
    re-run finds a damaged file by its sha256 in the manifest and builds it again.
    """

    AHEAD = 8  # documents waiting to be written, at most

    def __init__(self, out: Path):
        self.out = out
        self.thread = ThreadPoolExecutor(1)  # its thread ends with the process
        self.waiting: deque[tuple[Result, Future | None]] = deque()

    def add(self, result: Result) -> list[Result]:
        """Queue ``result``; return the results that are now final, in order."""
        data = result.data
        write = self.thread.submit(write_atomic, self.out / result.entry.file, data, False,
                                   tidy=False) if data is not None else None
        self.waiting.append((result, write))
        return self._ready(wait=len(self.waiting) > self.AHEAD)

    def drain(self) -> list[Result]:
        """Wait for every queued write; return the remaining results, in order."""
        done = []
        while self.waiting:
            done += self._ready(wait=True)
        return done

    def _ready(self, wait: bool) -> list[Result]:
        """The results at the front whose files are written; with ``wait``, at least the first."""
        done = []
        while self.waiting:
            result, write = self.waiting[0]
            if write is not None and not write.done():
                if not wait:
                    break
                wait = False  # wait for this one, then take only what is already written
            self.waiting.popleft()
            done.append(_written(result, write))
        return done


def _written(result: Result, write: Future | None) -> Result:
    """``result`` without its document, failed if writing it failed."""
    try:
        if write is not None:
            write.result()
    except ReportgenError as exc:
        error = "\n".join(f"{p}（单位“{result.entry.unit}”）" for p in exc.problems)
        entry = Entry(result.entry.unit, result.entry.line, FAILED, error=error)
        return Result(entry, disk_full=tuple(exc.problems) if isinstance(exc, DiskFull) else ())
    return Result(result.entry, result.metrics)
