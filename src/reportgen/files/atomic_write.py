"""Writing any file atomically: a temporary file beside it, then a rename; stale ones tidied."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from .write_errors import folder_error, write_error

IN_FOLDER = "无法在这个文件夹中写入文件"
TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.tmp")  # as _temporary names them


def write_atomic(path: Path, data: bytes | list[bytes], sync: bool = True, *,
                 tidy: bool = True) -> Path:
    """Write ``data`` (bytes, or pieces of them, written one after another: a large file need not
    be joined in memory first) to ``path`` through a temporary file in the same folder, then rename.

    With ``sync`` the file reaches the disk before the rename, so even a power cut leaves the old
    file or the new one whole. A batch passes False (see batches/unit_builder.py). Whatever stops the
    write (a full disk, Ctrl-C) removes the temporary file and leaves the old file as it was. With
    ``tidy``, temporary files of ``path`` left by a crashed process are removed first; a batch
    passes False and removes those of all its files at once (``remove_stale``). A file that
    already holds ``data`` is left untouched (its modification time too), so that sync tools and
    make-like tools see that nothing changed.
    """
    pieces = data if isinstance(data, list) else [data]
    if _holds(path, pieces):
        return path
    if tidy:
        remove_stale(path.parent, {path.name})
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # named before it exists: Ctrl-C
    try:  # as it is created still removes it
        fd = _temporary(path, tmp)
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(pieces)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise write_error(path, exc) from None
        raise
    return path


def _holds(path: Path, pieces: list[bytes]) -> bool:
    """Whether ``path`` is a file whose bytes are ``pieces`` (compared only when the sizes agree)."""
    try:
        if path.stat().st_size != sum(map(len, pieces)):
            return False
        with path.open("rb") as handle:
            return all(handle.read(len(piece)) == piece for piece in pieces)
    except OSError:
        return False


def check_writable(folder: Path) -> None:
    """Make ``folder`` if need be and create (then remove) a file in it, so that a folder that
    cannot take files is one error before anything is built, not one per file."""
    if not folder.is_dir():
        _make_folder(folder)
    probe = folder / f".reportgen.{os.getpid()}.tmp"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644))
        probe.unlink(missing_ok=True)  # a machine sharing the folder may have had the same PID
    except OSError as exc:
        raise folder_error(folder, exc, IN_FOLDER) from None


def remove_stale(folder: Path, names: set[str]) -> None:
    """Remove the temporary files of ``names`` (``.NAME.PID.tmp``) in ``folder`` whose process no
    longer runs: it crashed between writing and renaming. A running process's are its own."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        found = TEMPORARY.fullmatch(entry.name)
        if found and found["name"] in names and not _running(int(found["pid"])):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _running(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine. Not asked on Windows, where a file that a
    running process holds open cannot be removed anyway."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except OSError:  # it runs, as another user
        return True
    return True


def _temporary(path: Path, tmp: Path) -> int:
    """The new file ``tmp`` beside ``path``, open for writing, creating the folder if need be."""
    if not path.parent.is_dir():  # mkdir on every file would lock the folder for each
        _make_folder(path.parent)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    try:
        return os.open(tmp, flags, 0o644)
    except OSError as exc:
        raise folder_error(path.parent, exc, IN_FOLDER) from None


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise folder_error(folder, exc) from None
