"""The copy of a .docx that LibreOffice converts, never the user's file itself.

LibreOffice reads some documents differently from Word, and follows what a document points to
outside itself. Each step in STEPS rewrites one part of the copy (by part name and bytes) so that
the PDF shows what Word shows and nothing from outside the document; the user's file is left
as it is. A part no step changes holds the original's bytes.
"""

from __future__ import annotations

import shutil
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from ..errors import Problem, ReportgenError
from ..files.docx_kind import REFUSED, archive_kind
from ..files.write_errors import write_error
from .hanging_punctuation import no_hanging_punctuation

Step = Callable[[str, bytes], bytes]  # (part name, its bytes) → the bytes the copy holds
STEPS: tuple[Step, ...] = (no_hanging_punctuation,)
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, KeyError)


def conversion_copies(files: list[Path], folder: Path) -> dict[Path, Path]:
    """A copy of each file in a folder of its own under ``folder``, keeping its name (LibreOffice
    names the PDF after it), with every step of STEPS applied; each original → its copy."""
    return {path: _copy(path, folder / str(n)) for n, path in enumerate(files)}


def _copy(path: Path, folder: Path) -> Path:
    target = folder / path.name
    try:
        folder.mkdir(parents=True)
        if not STEPS or not zipfile.is_zipfile(path):  # a .doc, .rtf …: LibreOffice judges it
            shutil.copyfile(path, target)
        else:
            _rewrite(path, target)
    except OSError as exc:
        raise write_error(target, exc) from None
    return target


def _rewrite(path: Path, target: Path) -> None:
    """Copy the zip at ``path`` part by part through STEPS, once ``archive_kind`` has judged it;
    a refused or damaged zip is the file's fault."""
    try:
        with zipfile.ZipFile(path) as source:
            refused = archive_kind(source)
            if refused:
                raise ReportgenError(Problem(str(path), REFUSED[refused]))
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
                for info in source.infolist():
                    copy.writestr(info, _rewritten(info.filename, source.read(info)))
    except DAMAGED:
        raise ReportgenError(Problem(str(path), "文件已损坏，无法按 Word 文档（.docx）读取")) from None


def _rewritten(name: str, data: bytes) -> bytes:
    for step in STEPS:
        data = step(name, data)
    return data
