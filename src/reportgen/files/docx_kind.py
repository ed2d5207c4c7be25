"""What a file given as a .docx really is, judged from its bytes (.doc, encrypted, not a zip …)."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from docx.opc.exceptions import PackageNotFoundError

from .xml_encoding import DoctypeScan

# A .docx has some tens of parts; a template rarely inflates past a few MB, a 公文 of a thousand
# pages to about 10 MB of XML. Beyond these limits a zip is a mistake or built to exhaust the
# reader. Sizes are judged as inflated (a plain document of identical paragraphs compresses
# 300:1, so the ratio says nothing); the XML limit bounds what a reader holds parsed in memory.
MAX_ENTRIES = 1_000
MAX_INFLATED = 300_000_000  # bytes, all entries together: bounds the seconds spent inflating
MAX_XML = 32_000_000  # bytes of XML parsed whole (all but pictures, objects and worksheets)
CHUNK = 1 << 20
UNSAFE_NAME = re.compile(r"(^|[/\\])\.\.([/\\]|$)|^[/\\]|^[A-Za-z]:|\x00")
# Pictures (an .svg may have a DOCTYPE) and embedded objects, in a .docx (word/) or .xlsx (xl/).
OPAQUE = re.compile(r"^[a-z]+/(media|embeddings)/")
STREAMED = re.compile(r"^xl/worksheets/")  # read a row at a time, never held whole
ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
DOCX_MAIN = "wordprocessingml.document.main+xml"
# What to say of a zip archive_kind refuses, for a template and for a document to check.
SUSPECT = "，可能是恶意构造的文件：请不要使用它；如确需使用，请在 Word 中打开后另存为 .docx"
REFUSED = {
    "too_many": f"压缩包中的文件超过 {MAX_ENTRIES:,} 个，不像 Word 文档{SUSPECT}",
    "unsafe_name": f"压缩包中有指向外部的文件名（含“..”、以“/”或盘符开头）{SUSPECT}",
    "bomb": f"解压后超过 {MAX_INFLATED // 1_000_000} MB（即“压缩炸弹”）{SUSPECT}",
    "too_large": f"文档过大：解压后的 XML 超过 {MAX_XML // 1_000_000} MB（上千页的公文也不到 10 MB），"
                 "reportgen 不读取这样大的文件",
    "special": "这不是普通文件（而是管道、设备等），reportgen 不读取它",
    "doctype": f"文档的 XML 中有 DOCTYPE 声明（Word 从不写入，可用来读取本机文件）{SUSPECT}",
}
# What reading a damaged .docx may raise, from zipfile, zlib, lxml and python-docx.
BROKEN = (ValueError, KeyError, OSError, SyntaxError, EOFError, zipfile.BadZipFile, zlib.error,
          PackageNotFoundError)


def unreadable_kind(path: Path) -> str | None:
    """What ``path`` is instead of a .docx: missing, folder, special (a pipe, a device), not_zip,
    not_word, not_docx (a .dotx or .docm), encrypted, ole (a .doc, .wps …), broken, or refused by
    ``archive_kind`` (too_many, unsafe_name, bomb, too_large, doctype); None when it looks like a .docx."""
    if not path.exists():
        return "missing"
    if path.is_dir():
        return "folder"
    if not path.is_file():
        return "special"
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
    cap (declared sizes may lie): too_many entries, an unsafe entry name, a bomb (over
    MAX_INFLATED), too_large (over MAX_XML of XML parsed whole), a doctype anywhere in an XML part
    in whatever encoding it declares, broken (bad CRC, an encoding no parser should guess); None
    when it is fine.

    This is the one place that judges a zip before python-docx, docxtpl or reportgen reads it.
    """
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        return "too_many"
    if any(UNSAFE_NAME.search(e.filename) for e in entries):
        return "unsafe_name"
    budgets = {"bomb": MAX_INFLATED, "too_large": MAX_XML}
    for entry in entries:
        found = _inflated(archive, entry, budgets)
        if found:
            return found
    return None


def _inflated(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budgets: dict[str, int]) -> str | None:
    """Inflate ``entry`` a chunk at a time, each chunk taken from what is left of ``budgets`` and
    every chunk of an XML part scanned; the kind that refuses it, if one does."""
    opaque = OPAQUE.match(entry.filename)
    scan = None if opaque else DoctypeScan()
    kept = () if opaque or STREAMED.match(entry.filename) else ("too_large",)
    with archive.open(entry) as handle:
        while chunk := handle.read(CHUNK):
            for kind in ("bomb", *kept):
                budgets[kind] -= len(chunk)
                if budgets[kind] < 0:
                    return kind
            found = scan.refusal(chunk) if scan else None
            if found:
                return found
    return None


def _compound_file_kind(path: Path) -> str:
    """An OLE compound file is a password-protected .docx, or a Word 97-2003 .doc (or a .wps)."""
    return "encrypted" if ENCRYPTED_STREAM in path.read_bytes() else "ole"
