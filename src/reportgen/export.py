"""PDF and PNG pages of documents: converted with LibreOffice, many files in one run."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import Problem, ReportgenError
from .office.convert import convert_to_pdf, png_pages

YAML_SUFFIXES = (".yaml", ".yml")


def pdf_files(documents: list[Path], out: Path | None = None,
              converting: Callable[[int], None] = lambda count: None) -> list[Path]:
    """Convert each document to ``<name>.pdf`` next to it, or in the folder ``out``.

    ``converting`` is told how many files just before LibreOffice starts (it takes seconds).
    """
    _require_files(documents)
    return convert_to_pdf({Path(p): (out or Path(p).parent) / f"{Path(p).stem}.pdf"
                           for p in documents}, starting=converting)


def png_files(sources: list[Path], out: Path | None = None, dpi: int = 100,
              converting: Callable[[int], None] = lambda count: None,
              ) -> Iterator[tuple[Path, list[Path]]]:
    """Every page of each .docx, or of the document a YAML file builds, as ``<name>-<n>.png``.

    YAML files are built (all of them checked first), then every document is converted in one
    LibreOffice run; each source is yielded with its pages as soon as they are drawn. Nothing is
    written if a file is missing, fails to build or would draw over another's pages.
    ``converting`` as for ``pdf_files``.
    """
    sources = [Path(p) for p in sources]
    _require_files(sources)
    _refuse_same_pages(sources, out)
    with tempfile.TemporaryDirectory(prefix="reportgen-preview-") as tmp:
        documents = _documents(sources, Path(tmp))
        pdfs = convert_to_pdf({doc: Path(tmp) / f"{n}.pdf" for n, doc in enumerate(documents)},
                              starting=converting)
        for source, pdf in zip(sources, pdfs, strict=True):
            yield source, png_pages(pdf, out or source.parent, source.stem, dpi)


def _documents(sources: list[Path], folder: Path) -> list[Path]:
    """Each source as a .docx: YAML files built into ``folder``; every file's problems at once."""
    from .api import build
    documents: list[Path] = []
    problems: list[Problem] = []
    for n, source in enumerate(sources):
        if source.suffix.lower() not in YAML_SUFFIXES:
            documents.append(source)
            continue
        try:
            documents.append(build(source, folder / f"{n}" / f"{source.stem}.docx"))
        except ReportgenError as exc:
            problems += exc.problems
    if problems:
        raise ReportgenError(problems)
    return documents


def _require_files(paths: list[Path]) -> None:
    missing = [Problem(str(p), "找不到文件") for p in paths if not Path(p).is_file()]
    if missing:
        raise ReportgenError(missing)


def _refuse_same_pages(sources: list[Path], out: Path | None) -> None:
    """Two sources whose pages would have the same names (plan.yaml and plan.docx, say)."""
    seen: dict[Path, Path] = {}
    problems = []
    for source in sources:
        pages = ((out or source.parent) / source.stem).resolve()
        if pages in seen:
            problems.append(Problem(str(source), f"与 {seen[pages]} 的图片同名（{source.stem}-1.png …），"
                                                 "请分两次预览，或用 -o 放到别的文件夹"))
        seen.setdefault(pages, source)
    if problems:
        raise ReportgenError(problems)
