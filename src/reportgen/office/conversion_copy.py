"""The copy of a .docx that LibreOffice converts, never the user's file itself.

LibreOffice reads some documents differently from Word, and follows what a document points to
outside itself. Each step in STEPS rewrites one part of the copy (by part name and bytes) so that
the PDF shows what Word shows and nothing from outside the document; the user's file is left
as it is. A part no step changes holds the original's bytes. Each file is judged
(files/docx_kind.py) before its copy is read: a zip bomb, a damaged zip or a .doc (whose links
cannot be removed) is refused, not unpacked.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path

from ..errors import Problem, ReportgenError
from ..files.docx_kind import unreadable_kind
from ..files.external_links import without_external_links
from ..files.write_errors import write_error
from .hanging_punctuation import no_hanging_punctuation
from .unconvertible import REASONS

Step = Callable[[str, bytes], bytes]  # (part name, its bytes) → the bytes the copy holds
STEPS: tuple[Step, ...] = (no_hanging_punctuation, without_external_links)
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, KeyError)


def conversion_copies(files: list[Path], folder: Path,
                      extra: Mapping[Path, tuple[Step, ...]] | None = None) -> dict[Path, Path]:
    """A copy of each file in a folder of its own under ``folder``, keeping its name (LibreOffice
    names the PDF after it), with every step of STEPS applied, then the file's own ``extra``
    steps (what a caller knows of that document); each original → its copy.

    Raises ReportgenError naming every file that is not a .docx LibreOffice may read.
    """
    refused = [Problem(str(p), REASONS[kind]) for p in files if (kind := unreadable_kind(p))
               and kind != "not_docx"]
    if refused:
        raise ReportgenError(refused)
    extra = extra or {}
    return {path: _copy(path, folder / str(n), STEPS + extra.get(path, ()))
            for n, path in enumerate(files)}


def _copy(path: Path, folder: Path, steps: tuple[Step, ...]) -> Path:
    target = folder / path.name
    try:
        folder.mkdir(parents=True)
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in source.infolist():
                copy.writestr(info, _rewritten(info.filename, source.read(info), steps))
    except OSError as exc:
        raise write_error(target, exc) from None
    except DAMAGED:  # judged a .docx a moment ago: changed since, or damaged past what judging sees
        raise ReportgenError(Problem(str(path), REASONS["broken"])) from None
    return target


def _rewritten(name: str, data: bytes, steps: tuple[Step, ...]) -> bytes:
    for step in steps:
        data = step(name, data)
    return data
