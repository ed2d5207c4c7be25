"""A text file from elsewhere as text: read within a size limit, decoded as Notepad or Excel saved
it, with the control characters that would corrupt a .docx removed."""

from __future__ import annotations

import codecs
import os
import re
import stat
import warnings
from pathlib import Path

from ..errors import Problem, ReportgenError, ReportgenWarning
from .yaml_limits import Limits

# Characters XML 1.0 forbids; Word pastes some of them (vertical tab, bell) into copied text.
ILLEGAL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
CJK = re.compile("[\u4e00-\u9fff]")
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GBK", "utf-16": "UTF-16",
                  "utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "utf-32": "UTF-32"}
FOLDER = "这是一个文件夹，需要 YAML 文件"


def read_bytes(path: Path, limits: Limits | None = None) -> bytes:
    """The bytes of ``path``, or a ReportgenError saying why they cannot be read.

    With ``limits``, at most ``limits.size`` bytes are read: a larger file is refused unread. Only
    a regular file is read: a pipe or a device (which could block for ever) is refused unopened.
    """
    try:
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            _refuse_unless_regular(path, os.fstat(handle.fileno()).st_mode)
            if limits is None:
                return handle.read()
            raw = handle.read(limits.size + 1)
            if len(raw) > limits.size:
                refuse_too_big(str(path), os.fstat(handle.fileno()).st_size, limits)
            return raw
    except FileNotFoundError:
        raise ReportgenError(Problem(str(path), "找不到文件")) from None
    except IsADirectoryError:
        raise ReportgenError(Problem(str(path), FOLDER)) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "文件名无效"
        raise ReportgenError(Problem(str(path), f"无法读取文件：{reason}")) from None


def refuse_too_big(name: str, size: int, limits: Limits) -> None:
    """A file of ``size`` bytes is more than ``limits`` let reportgen read: say so."""
    raise ReportgenError(Problem(name, f"文件过大（{_mb(size)}，上限 {_mb(limits.size)}）：{limits.hint}"))


def _refuse_unless_regular(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise ReportgenError(Problem(str(path), FOLDER))
    if not stat.S_ISREG(mode):
        raise ReportgenError(Problem(str(path), "这不是普通文件（而是管道、设备等），reportgen 不读取它"))


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".0 MB", " MB")


def decode(name: str, raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (with BOM, or without as some editors save
    it), UTF-32 with BOM, or GBK/GB18030 as Notepad saves it. A file that is none of these is
    refused at its first byte that cannot be read, by line and column: usually a line pasted
    from a file in another encoding."""
    marked = _marked_encoding(raw)
    if marked:
        return _strictly(name, raw, marked)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as utf8:
        if len(CJK.findall(raw[:utf8.start].decode("utf-8-sig"))) < 2:  # not clearly UTF-8
            try:
                return raw.decode("gb18030")
            except UnicodeDecodeError as gbk:
                if gbk.start > utf8.start:
                    raise _undecodable(name, raw, gbk) from None
        raise _undecodable(name, raw, utf8) from None


def _marked_encoding(raw: bytes) -> str | None:
    """The encoding a byte-order mark names, or UTF-16 told by the zero bytes of ASCII text."""
    for mark, encoding in BOMS:
        if raw.startswith(mark):
            return encoding
    head = raw[:65536]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 4 * even and odd >= 2:
        return "utf-16-le"
    return "utf-16-be" if even > 4 * odd and even >= 2 else None


def _strictly(name: str, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise _undecodable(name, raw, exc) from None


def _undecodable(name: str, raw: bytes, exc: UnicodeDecodeError) -> ReportgenError:
    """The first byte of ``raw`` its encoding cannot read, located by line and column."""
    before = raw[:exc.start].decode(exc.encoding, errors="replace").removeprefix("\ufeff")
    line, col = before.count("\n") + 1, len(before) - before.rfind("\n")
    shown = " ".join(f"{b:02X}" for b in raw[exc.start:min(exc.end, exc.start + 4)])
    encoding = ENCODING_NAMES.get(exc.encoding, exc.encoding.upper())
    return ReportgenError(Problem(name, f"文件按 {encoding} 编码读取时，这里的字节（{shown}）无法识别，"
                                        "可能是从其他编码的文件中复制来的文字：请重新输入这几个字，或在"
                                        "记事本中“另存为”，编码选择 UTF-8", line, col))


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
