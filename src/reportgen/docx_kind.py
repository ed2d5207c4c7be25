"""What a file given as a .docx really is, judged from its bytes (.doc, encrypted, not a zip …)."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from docx.opc.exceptions import PackageNotFoundError

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
DOCX_MAIN = "wordprocessingml.document.main+xml"
# What reading a damaged .docx may raise, from zipfile, zlib, lxml and python-docx.
BROKEN = (ValueError, KeyError, OSError, SyntaxError, EOFError, zipfile.BadZipFile, zlib.error,
          PackageNotFoundError)


def unreadable_kind(path: Path) -> str | None:
    """What ``path`` is instead of a .docx: missing, folder, not_zip, not_word, not_docx (a .dotx
    or .docm), encrypted, ole (a .doc, .wps …) or broken; None when it looks like a .docx."""
    if not path.exists():
        return "missing"
    if path.is_dir():
        return "folder"
    with path.open("rb") as handle:
        head = handle.read(len(OLE_SIGNATURE))
    return _compound_file_kind(path) if head == OLE_SIGNATURE else _zip_kind(path)


def _zip_kind(path: Path) -> str | None:
    """A .docx is a zip holding word/document.xml, declared as a document (not .dotx, .docm)."""
    if not zipfile.is_zipfile(path):
        return "not_zip"
    try:
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                return "not_word"
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except BROKEN:
        return "broken"
    return None if DOCX_MAIN in types else "not_docx"


def _compound_file_kind(path: Path) -> str:
    """An OLE compound file is a password-protected .docx, or a Word 97-2003 .doc (or a .wps)."""
    return "encrypted" if ENCRYPTED_STREAM in path.read_bytes() else "ole"
