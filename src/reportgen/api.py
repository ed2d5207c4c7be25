"""The library API: build and validate, each a run of the pipeline load → validate → outline → render → write."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Problem, ReportgenError, TextWarning
from .files.atomic_write import write_atomic
from .files.inputs import refuse_inputs
from .layout.outline import outline
from .load.located_data import Source
from .load.yaml_file import load_yaml
from .model.documents import Document
from .model.keys import spelling
from .model.spellings import ROLLUP_KEYS
from .validation.document import validate as validate_source
from .validation.text_warnings import as_warning
from .word.fill import render_docx
from .word.template_check import check_own_template
from .word.template_files import template_for

if TYPE_CHECKING:
    from .batches.run import Outcome
    from .docx_import.import_file import Imported


def validate(path: str | Path, *, project: str | Path | None = None,
             strict: bool = False) -> Document:
    """Load and check ``path``; raise ReportgenError listing every problem. Writes nothing.

    ``project``: the folder that paths written in the files (继承, 模板) must stay in; by
    default ``path``'s folder (see load/written_paths.py). What a reviewer would mark (半角标点,
    发文字号 in square brackets …) is issued as ReportgenWarning, or with ``strict`` raised as
    problems like any other.
    """
    return checked(path, project, strict)[0]


def build(path: str | Path, out: str | Path | None = None, *,
          project: str | Path | None = None, strict: bool = False) -> Path:
    """Build the .docx for the YAML file ``path``; return where it was written.

    ``out`` is a ``.docx`` file, or a folder to write ``<yaml name>.docx`` into;
    by default the .docx goes next to the YAML file. ``project`` and ``strict`` as for ``validate``.
    """
    plan, template = checked(path, project, strict)
    data = render_docx(outline(plan), template)
    target = output_path(Path(path), out)
    refuse_inputs(target, {template: "模板"})  # 方案.yaml beside its template 方案.docx
    return write_atomic(target, data)


def checked(path: str | Path, project: str | Path | None = None,
            strict: bool = False) -> tuple[Document, Path]:
    """Load, validate, find and check the template: everything that must hold before anything
    is written. A built-in template is not checked again (tests/word/test_template_check.py
    checks it): checking compiles it, which is half the time of a build.

    A campaign file's 汇总 part belongs to batches, which check it (with no figures yet) and leave
    it out of this document; a plain plan or summary never loads the batch code.
    """
    source = load_yaml(path, project)
    if spelling(source.data, ROLLUP_KEYS) is None:
        marked: list[Problem] = []
        try:
            plan = validate_source(source, warnings=marked)
        except ReportgenError as exc:
            _warn_or_refuse(marked, strict, exc.problems)
            raise
        _warn_or_refuse(marked, strict)
    else:
        from .batches.rollup import validate_campaign
        plan, source = validate_campaign(source)
    template = template_path(plan, source)
    check_own_template(template)
    return plan, template


def _warn_or_refuse(marked: list[Problem], strict: bool, errors: list[Problem] = ()) -> None:
    """Issue each warning, or under ``strict`` raise them as problems, with ``errors`` if any."""
    if strict and marked:
        raise ReportgenError(sorted([*errors, *marked], key=lambda p: (
            p.file != marked[0].file, p.file, p.line or 0, p.col or 0)))
    for problem in marked:
        warnings.warn(TextWarning(str(as_warning(problem))), stacklevel=4)


def template_path(plan: Document, source: Source) -> Path:
    """The template file the plan asks for, or an error located at the template key."""
    return template_for(plan.template_name, source)


def output_path(source: Path, out: str | Path | None) -> Path:
    """``out`` if it names a .docx file; otherwise ``<out or the YAML's folder>/<stem>.docx``."""
    if out is not None and str(out).lower().endswith(".docx"):
        return Path(out)
    folder = Path(out) if out is not None else source.parent
    return folder / f"{source.stem}.docx"


def batch(campaign: str | Path, units: str | Path, out: str | Path, **options) -> Outcome:
    """Build one document per unit of ``units`` from ``campaign`` into the folder ``out``.

    Options: jobs, only, shard, force, sheet, progress, project (see ``batch.run_batch``).
    """
    from .batches.run import run_batch
    return run_batch(Path(campaign), Path(units), Path(out), **options)


def rollup(campaign: str | Path, units: str | Path, out: str | Path,
           sheet: str | None = None, *, project: str | Path | None = None) -> Outcome:
    """Build only the roll-up (汇总) of ``campaign`` over ``units``, from their data alone."""
    from .batches.run import run_rollup
    return run_rollup(Path(campaign), Path(units), Path(out), sheet, project=project)


def import_docx(docx: str | Path, out: str | Path | None = None, *, force: bool = False,
                metrics: bool = False) -> Imported:
    """Write the YAML of the Word document ``docx`` (default: beside it, ``.yaml``), checked to
    build; ``force`` replaces an existing file (never ``docx``), ``metrics`` makes figures 指标."""
    from .docx_import.import_file import import_docx as read_into_yaml
    return read_into_yaml(Path(docx), Path(out) if out is not None else None, force=force,
                          metrics=metrics)
