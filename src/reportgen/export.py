"""PDF and PNG pages of documents: converted with LibreOffice, many files in one run."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .api import build
from .errors import Problem, ReportgenError
from .office.convert import convert_to_pdf, png_pages

YAML_SUFFIXES = (".yaml", ".yml")


def pdf_files(documents: list[Path], out: Path | None = None) -> list[Path]:
    """Convert each document to ``<name>.pdf`` next to it, or in the folder ``out``."""
    missing = [Problem(str(p), "找不到文件") for p in documents if not Path(p).is_file()]
    if missing:
        raise ReportgenError(missing)
    return convert_to_pdf({Path(p): (out or Path(p).parent) / f"{Path(p).stem}.pdf"
                                  for p in documents})


def png_files(path: Path, out: Path | None = None, dpi: int = 100) -> list[Path]:
    """Every page of a .docx, or of the document a YAML file builds, as ``<name>-<n>.png``."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="reportgen-preview-") as tmp:
        if path.suffix.lower() in YAML_SUFFIXES:
            document = build(path, Path(tmp) / f"{path.stem}.docx")
        else:
            document = path
        pdf = pdf_files([document], Path(tmp))[0]
        return png_pages(pdf, out or path.parent, path.stem, dpi)
