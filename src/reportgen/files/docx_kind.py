"""What a file given as a .docx really is, judged from its bytes (.doc, encrypted, not a zip …)."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from docx.opc.exceptions import PackageNotFoundError

# A .docx has some tens of parts; a template rarely inflates past a few MB; XML compresses
# about 10:1. Beyond these limits a zip is a mistake or built to exhaust the reader.
MAX_ENTRIES = 1_000
MAX_INFLATED = 300_000_000
MAX_RATIO = 100  # inflated to compressed size, for parts over CHUNK
CHUNK = 1 << 20
UNSAFE_NAME = re.compile(r"(^|[/\\])\.\.([/\\]|$)|^[/\\]|^[A-Za-z]:|\x00")
DOCTYPE = re.compile(rb"<!DOCTYPE|<\x00!\x00D\x00O\x00C\x00T\x00Y\x00P\x00E", re.IGNORECASE)
# Pictures (an .svg may have a DOCTYPE) and embedded objects, in a .docx (word/) or .xlsx (xl/).
OPAQUE = re.compile(r"^[a-z]+/(media|embeddings)/")
ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
DOCX_MAIN = "wordprocessingml.document.main+xml"
# What to say of a zip archive_kind refuses, for a template and for a document to check.
SUSPECT = "，可能是恶意构造的文件：请不要使用它；如确需使用，请在 Word 中打开后另存为 .docx"
REFUSED = {
    "too_many": f"压缩包中的文件超过 {MAX_ENTRIES:,} 个，不像 Word 文档{SUSPECT}",
    "unsafe_name": f"压缩包中有指向外部的文件名（含“..”、以“/”或盘符开头）{SUSPECT}",
    "bomb": f"解压后过大（超过 {MAX_INFLATED // 1_000_000} MB，或某个部分的压缩比超过 {MAX_RATIO} 倍，"
            f"即“压缩炸弹”）{SUSPECT}",
    "doctype": f"文档的 XML 中有 DOCTYPE 声明（Word 从不写入，可用来读取本机文件）{SUSPECT}",
}
# What reading a damaged .docx may raise, from zipfile, zlib, lxml and python-docx.
BROKEN = (ValueError, KeyError, OSError, SyntaxError, EOFError, zipfile.BadZipFile, zlib.error,
          PackageNotFoundError)


def unreadable_kind(path: Path) -> str | None:
    """What ``path`` is instead of a .docx: missing, folder, not_zip, not_word, not_docx (a .dotx
    or .docm), encrypted, ole (a .doc, .wps …), broken, or refused by ``archive_kind``
    (too_many, unsafe_name, bomb, doctype); None when it looks like a .docx."""
    if not path.exists():
        return "missing"
    if path.is_dir():
        return "folder"
    with path.open("rb") as handle:
        head = handle.read(len(OLE_SIGNATURE))
    return _compound_file_kind(path) if head == OLE_SIGNATURE else _zip_kind(path)


def _zip_kind(path: Path) -> str | None:
    """A .docx is a zip holding word/document.xml, declared as a document (not .dotx, .docm),
    within the limits of ``archive_kind``. A truncated zip is broken, not some other file."""
    if not zipfile.is_zipfile(path):
        with path.open("rb") as handle:
            return "broken" if handle.read(4) == ZIP_SIGNATURE else "not_zip"
    try:
        with zipfile.ZipFile(path) as archive:
            refused = archive_kind(archive)
            if refused or "word/document.xml" not in archive.namelist():
                return refused or "not_word"
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except BROKEN:
        return "broken"
    return None if DOCX_MAIN in types else "not_docx"


def archive_kind(archive: zipfile.ZipFile) -> str | None:
    """Why a zip from elsewhere must not be read further, judged by inflating every entry with a
    cap (declared sizes may lie): too_many entries, an unsafe entry name, a bomb (too large, or
    compressed too well), a doctype in an XML part, broken (bad CRC); None when it is fine.

    This is the one place that judges a zip before python-docx, docxtpl or reportgen reads it.
    """
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        return "too_many"
    if any(UNSAFE_NAME.search(e.filename) for e in entries):
        return "unsafe_name"
    budget = MAX_INFLATED
    for entry in entries:
        found = _inflated(archive, entry, budget)
        if isinstance(found, str):
            return found
        budget -= found
    return None


def _inflated(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: int) -> int | str:
    """The inflated size of ``entry``, read a chunk at a time; a kind instead if it is refused."""
    size = 0
    with archive.open(entry) as handle:
        while chunk := handle.read(CHUNK):
            if size == 0 and not OPAQUE.match(entry.filename) and DOCTYPE.search(chunk):
                return "doctype"
            size += len(chunk)
            if size > budget or (size > CHUNK and size > MAX_RATIO * max(entry.compress_size, 1)):
                return "bomb"
    return size


def _compound_file_kind(path: Path) -> str:
    """An OLE compound file is a password-protected .docx, or a Word 97-2003 .doc (or a .wps)."""
    return "encrypted" if ENCRYPTED_STREAM in path.read_bytes() else "ole"
