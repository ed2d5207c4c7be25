"""Why a file given to convert is refused before LibreOffice sees it, by its kind (files/docx_kind.py)."""

from __future__ import annotations

from ..files.docx_kind import REFUSED

AGAIN = "：请在 Word 或 WPS 中打开并另存为 .docx 后再转换"
REASONS = {
    "missing": "找不到文件",
    "folder": "这是文件夹，不是 .docx 文件",
    "not_zip": f"不是 .docx 文件（.docx 是 zip 压缩包，此文件不是）{AGAIN}",
    "not_word": "不是 Word 文档（压缩包中没有 word/document.xml）",
    "encrypted": "文件设有打开密码（已加密）：请在 Word 中取消密码并保存后再转换",
    "ole": f"这是 Word 97-2003 格式（.doc）或 WPS 格式的文件{AGAIN}",
    "broken": f"文件已损坏，无法按 Word 文档（.docx）读取{AGAIN}",
    **REFUSED,
}
