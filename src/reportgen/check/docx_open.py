"""Opening a .docx to check, with a plain reason when it cannot be read (.doc, encrypted, not a zip)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument

from ..errors import DocumentUnreadable, Problem
from ..files.docx_kind import BROKEN, REFUSED, unreadable_kind

REASONS = {
    "missing": "找不到文件",
    "folder": "这是文件夹，不是 .docx 文件",
    "not_zip": "不是 .docx 文件（.docx 是 zip 压缩包，此文件不是）",
    "not_word": "不是 Word 文档（压缩包中没有 word/document.xml）",
    "not_docx": "这是 Word 模板（.dotx）或启用宏的文档（.docm），请在 Word 中另存为 .docx 后再检查",
    "encrypted": "文件设有打开密码（已加密），请在 Word 中取消密码并保存后再检查",
    "ole": "这是 Word 97-2003 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再检查",
    "broken": "文件已损坏，无法按 Word 文档（.docx）读取",
    **REFUSED,
}


def open_docx(path: Path) -> DocxDocument:
    """The document at ``path``, or DocumentUnreadable saying why it cannot be checked."""
    reason = unreadable_reason(path)
    if reason is None:
        try:
            return Document(str(path))
        except BROKEN:
            reason = REASONS["broken"]
    raise DocumentUnreadable(Problem(str(path), reason))


def unreadable_reason(path: Path) -> str | None:
    """Why ``path`` cannot be checked, judged from its bytes; None when it looks like a .docx."""
    kind = unreadable_kind(path)
    return REASONS[kind] if kind else None
