"""manifest.csv: one row per unit of a batch, what became of it and what its file was made from."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path

from ..files.atomic_write import write_atomic

HEADERS = ("单位", "行号", "状态", "文件", "sha256", "错误信息", "输入摘要", "工作表")
BUILT, UNCHANGED, FAILED = "已生成", "未变", "失败"
PENDING = "未完成"  # listed before it is built (batches/outputs.py); left only by a crash
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ROWS_AT_ONCE = 1000  # rows of the manifest encoded together


@dataclass(frozen=True, slots=True)
class Entry:
    """One unit's outcome: built, unchanged (skipped) or failed, with its file's sha256 or the error."""

    unit: str
    line: int
    status: str
    file: str = ""
    sha256: str = ""
    error: str = ""
    digest: str = ""
    sheet: str = ""  # the worksheet of the unit list it was read from

    @property
    def ok(self) -> bool:
        return self.status != FAILED


NAMES = [f.name for f in fields(Entry)]  # its values are text and numbers: written as they are


def write_manifest(path: Path, entries: Iterable[Entry]) -> Path:
    """Write the manifest atomically, as UTF-8 with a BOM so that Excel opens it correctly; its
    rows are encoded ROWS_AT_ONCE at a time, so a long one is never held whole as text."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADERS)
    pieces = []
    for count, entry in enumerate(entries, start=1):
        writer.writerow([_cell(getattr(entry, name)) for name in NAMES])
        if count % ROWS_AT_ONCE == 0:
            pieces.append(text.getvalue().encode())
            text.seek(0)
            text.truncate()
    pieces.append(text.getvalue().encode())
    return write_atomic(path, [codecs.BOM_UTF8, *pieces])


def _cell(value: object) -> str:
    """Text Excel will not take for a formula (CSV injection): a leading ' where it would, and
    before a leading ', so that reading the manifest back gives the text as it was."""
    text = str(value)
    return f"'{text}" if text.startswith((*FORMULA_START, "'")) else text


def _uncell(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith((*FORMULA_START, "'")) else text


def read_manifest(path: Path) -> dict[str, Entry]:
    """The entries of an earlier run by unit name; empty if there is none or it cannot be read."""
    try:
        text = path.read_bytes().decode("utf-8-sig")  # as written: a "\r" in a cell stays one
    except (OSError, UnicodeDecodeError):
        return {}
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or tuple(rows[0]) not in (HEADERS, HEADERS[:-1]):  # written before 工作表 was
        return {}
    entries = [_entry([_uncell(c) for c in row]) for row in rows[1:] if len(row) == len(rows[0])]
    return {e.unit: e for e in entries}


def _entry(row: list[str]) -> Entry:
    values = dict(zip(NAMES, row, strict=False))  # 工作表 may be absent
    return Entry(**{**values, "line": int(values["line"]) if values["line"].isdigit() else 0})
