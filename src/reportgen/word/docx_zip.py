"""The .docx zip: deterministic, from parts compressed once, so equal content gives equal bytes."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DOS_EPOCH = (0, 0x21)  # time and date fields for 1980-01-01 00:00:00, the earliest a zip can hold
UNIX_644 = 0o100644 << 16
MADE_BY_UNIX = 3 << 8 | 20
END_MARK, END_SIZE = b"PK\x05\x06", 22  # the zip's end record, without a comment


@dataclass(frozen=True)
class Part:
    """One zip entry, already deflated: a template's untouched parts are compressed only once."""

    name: str
    crc: int
    size: int
    deflated: bytes

    @classmethod
    def of(cls, name: str, data: bytes) -> Part:
        return cls.of_pieces(name, (data,))

    @classmethod
    def of_pieces(cls, name: str, pieces: Iterable) -> Part:
        """The entry holding ``pieces`` one after another, never joined (deflate gives the same
        bytes however its input is cut); each piece can go once deflated."""
        packer, crc, size, deflated = zlib.compressobj(6, zlib.DEFLATED, -15), 0, 0, []
        for piece in pieces:
            crc, size = zlib.crc32(piece, crc), size + len(piece)
            deflated.append(packer.compress(piece))
        return cls(name, crc, size, b"".join([*deflated, packer.flush()]))


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


def with_comment(docx: bytes, comment: bytes) -> bytes:
    """``docx`` (as zip_bytes writes it: no comment) with ``comment`` as the zip's comment, which
    Word, WPS and LibreOffice neither show nor keep: what a file was made from, for reportgen."""
    end = len(docx) - END_SIZE
    if docx[end:end + 4] != END_MARK or docx[-2:] != b"\0\0" or len(comment) > 0xFFFF:
        raise ValueError("not a zip as zip_bytes writes it, or too long a comment")
    return docx[:-2] + struct.pack("<H", len(comment)) + comment


def comment_of(path: Path) -> bytes | None:
    """The zip comment of the .docx at ``path``, if it can be read and every part is whole (its
    CRC checked); None otherwise."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.comment if archive.testzip() is None else None
    except (OSError, zipfile.BadZipFile, EOFError, ValueError, RuntimeError, NotImplementedError):
        return None


def stable_zip(docx: bytes) -> bytes:
    """Re-pack a .docx so equal content gives equal bytes (no timestamps, fixed attributes)."""
    return zip_bytes(parts_of(docx))
