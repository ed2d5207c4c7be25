"""署名 and 成文日期: where GB/T 9704 7.3.5 puts them, as right indents in 字."""

from __future__ import annotations

from dataclasses import dataclass

from ..chinese.dates import chinese_date
from ..chinese.widths import text_width


@dataclass(frozen=True)
class Signature:
    """署名 and 成文日期 with their right indents in 字, as GB/T 9704 7.3.5 places them."""

    name: str = ""
    date: str = ""
    name_indent: float = 0
    date_indent: float = 0


def signature(name: str, day, sealed: bool) -> Signature:
    """Right indents (字) of 署名 and 成文日期: sealed 7.3.5.1 or unsealed 7.3.5.2."""
    date_text = chinese_date(day) if day else ""
    n, d = text_width(name), text_width(date_text)
    if sealed:
        return Signature(name, date_text, max(0.0, 4 + (d - n) / 2) if d else 4, 4)
    if not date_text or not name or d > n:
        return Signature(name, date_text, 4 + d - n if d and name else 2, 2)
    return Signature(name, date_text, 2, n - d)
