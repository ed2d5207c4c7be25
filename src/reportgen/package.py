"""Writing .docx files: deterministic zips from parts compressed once, written atomically."""

from __future__ import annotations

import contextlib
import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .write_errors import folder_error, write_error

DOS_EPOCH = (0, 0x21)  # time and date fields for 1980-01-01 00:00:00, the earliest a zip can hold
UNIX_644 = 0o100644 << 16
MADE_BY_UNIX = 3 << 8 | 20
IN_FOLDER = "无法在这个文件夹中写入文件"
TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.tmp")  # as _temporary names them


@dataclass(frozen=True)
class Part:
    """One zip entry, already deflated: a template's untouched parts are compressed only once."""

    name: str
    crc: int
    size: int
    deflated: bytes

    @classmethod
    def of(cls, name: str, data: bytes) -> Part:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        return cls(name, zlib.crc32(data), len(data), packer.compress(data) + packer.flush())


def parts_of(docx: bytes) -> list[Part]:
    """Every entry of a .docx (bytes), in its order, deflated afresh."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return [Part.of(info.filename, archive.read(info)) for info in archive.infolist()]


def zip_bytes(parts: Iterable[Part]) -> bytes:
    """A zip of ``parts`` in order, with fixed dates and permissions, so equal parts give equal bytes.

    Written by hand because the standard zipfile module cannot store data it did not compress.
    """
    out, directory, count = io.BytesIO(), io.BytesIO(), 0
    for part in parts:
        count += 1
        name = part.name.encode()
        fields = (20, 0, 8, *DOS_EPOCH, part.crc, len(part.deflated), part.size, len(name), 0)
        directory.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, MADE_BY_UNIX, *fields,
                                    0, 0, 0, UNIX_644, out.tell()) + name)
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + name + part.deflated)
    start = out.tell()
    out.write(directory.getvalue())
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, directory.tell(), start, 0))
    return out.getvalue()


def stable_zip(docx: bytes) -> bytes:
    """Re-pack a .docx so equal content gives equal bytes (no timestamps, fixed attributes)."""
    return zip_bytes(parts_of(docx))


def write_atomic(path: Path, data: bytes, sync: bool = True, *, tidy: bool = True) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    With ``sync`` the file reaches the disk before the rename, so even a power cut leaves the old
    file or the new one whole. A batch passes False (see unit_builder.Writer). Whatever stops the
    write (a full disk, Ctrl-C) removes the temporary file and leaves the old file as it was. With
    ``tidy``, temporary files of ``path`` left by a crashed process are removed first; a batch
    passes False and removes those of all its files at once (``remove_stale``).
    """
    if tidy:
        remove_stale(path.parent, {path.name})
    fd, tmp = _temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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


def _temporary(path: Path) -> tuple[int, Path]:
    """A new file beside ``path`` (named for this process), creating the folder if need be."""
    if not path.parent.is_dir():  # mkdir on every file would lock the folder for each
        _make_folder(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    try:
        return os.open(tmp, flags, 0o644), tmp
    except OSError as exc:
        raise folder_error(path.parent, exc, IN_FOLDER) from None


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise folder_error(folder, exc) from None
