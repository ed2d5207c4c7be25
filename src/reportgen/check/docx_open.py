"""Opening a .docx to check, with a plain reason when it cannot be read (.doc, encrypted, not a zip)."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError

from ..errors import DocumentUnreadable, Problem

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
BROKEN = (ValueError, KeyError, OSError, SyntaxError, EOFError, zipfile.BadZipFile, zlib.error,
          PackageNotFoundError)


def open_docx(path: Path) -> DocxDocument:
    """The document at ``path``, or DocumentUnreadable saying why it cannot be checked."""
    reason = unreadable_reason(path)
    if reason is None:
        try:
            return Document(str(path))
        except BROKEN:
            reason = "文件已损坏，无法按 Word 文档（.docx）读取"
    raise DocumentUnreadable(Problem(str(path), reason))


def unreadable_reason(path: Path) -> str | None:
    """Why ``path`` is not a .docx, judged from its bytes; None when it looks like one."""
    if not path.exists():
        return "找不到文件"
    if path.is_dir():
        return "这是文件夹，不是 .docx 文件"
    with path.open("rb") as handle:
        head = handle.read(len(OLE_SIGNATURE))
    return _compound_file_reason(path) if head == OLE_SIGNATURE else _zip_reason(path)


def _zip_reason(path: Path) -> str | None:
    """A .docx is a zip holding word/document.xml."""
    if not zipfile.is_zipfile(path):
        return "不是 .docx 文件（.docx 是 zip 压缩包，此文件不是）"
    with zipfile.ZipFile(path) as archive:
        if "word/document.xml" not in archive.namelist():
            return "不是 Word 文档（压缩包中没有 word/document.xml）"
    return None


def _compound_file_reason(path: Path) -> str:
    """An OLE compound file is either a password-protected .docx or a Word 97-2003 .doc."""
    if ENCRYPTED_STREAM in path.read_bytes():
        return "文件设有打开密码（已加密），请在 Word 中取消密码并保存后再检查"
    return "这是 Word 97-2003 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再检查"
