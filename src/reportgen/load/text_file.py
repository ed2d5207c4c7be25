"""A text file from elsewhere as text: read within a size limit, decoded as Notepad or Excel saved
it, with the control characters that would corrupt a .docx removed."""

from __future__ import annotations

import codecs
import os
import re
import warnings
from pathlib import Path

from ..errors import Problem, ReportgenError, ReportgenWarning
from .yaml_limits import Limits

# Characters XML 1.0 forbids; Word pastes some of them (vertical tab, bell) into copied text.
ILLEGAL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def read_bytes(path: Path, limits: Limits | None = None) -> bytes:
    """The bytes of ``path``, or a ReportgenError saying why they cannot be read.

    With ``limits``, at most ``limits.size`` bytes are read: a larger file is refused unread.
    """
    try:
        with path.open("rb") as handle:
            if limits is None:
                return handle.read()
            raw = handle.read(limits.size + 1)
            if len(raw) > limits.size:
                raise ReportgenError(Problem(str(path), f"文件过大（{_mb(os.fstat(handle.fileno()).st_size)}"
                                             f"，上限 {_mb(limits.size)}）：{limits.hint}"))
            return raw
    except FileNotFoundError:
        raise ReportgenError(Problem(str(path), "找不到文件")) from None
    except IsADirectoryError:
        raise ReportgenError(Problem(str(path), "这是一个文件夹，需要 YAML 文件")) from None
    except OSError as exc:
        raise ReportgenError(Problem(str(path), f"无法读取文件：{exc.strerror}")) from None


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".0 MB", " MB")


def decode(name: str, raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 as Notepad saves it."""
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    raise ReportgenError(Problem(name, "无法识别文件编码：请在记事本中“另存为”，编码选择 UTF-8"))


def clean(name: str, text: str) -> str:
    """Remove characters that would corrupt the .docx, warning once per line where they were."""
    for number, line in enumerate(text.split("\n"), start=1):
        found = ILLEGAL_CHARS.search(line)
        if found:
            warnings.warn(ReportgenWarning(controls_removed(f"{name}:{number}:{found.start() + 1}", line)
                                           + "（常见于从 Word 复制的文字）"), stacklevel=3)
    return ILLEGAL_CHARS.sub("", text)


def controls_removed(where: str, text: str) -> str:
    """What to say of the control characters found in ``text`` at ``where``, removed for the user."""
    codes = "、".join(sorted({f"U+{ord(c):04X}" for c in ILLEGAL_CHARS.findall(text)}))
    return f"{where}: 已删除不可见的控制字符 {codes}"
