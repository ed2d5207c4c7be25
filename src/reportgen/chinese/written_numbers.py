"""Numbers as an office writes them: plain decimals, thousands grouped in threes (1,234,567.5).

The one rule for text read as a number (a metric, a table's 合计, a filter's input) and for which
YAML scalars are numbers at all (load/yaml_file.py): whatever else is written is text, so 0012,
010, 8:30, 1_000, 0x10, 1e3 and "1,2,3" never turn into a number nobody wrote.
"""

from __future__ import annotations

import re
from decimal import Decimal

PLAIN = r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?"
GROUPED = r"[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?"
WRITTEN_NUMBER = re.compile(rf"[+-]?(?:{PLAIN}|{GROUPED})")
MAX_LENGTH = 40  # characters: longer digit strings are codes (or mistakes), not figures


def read_number(text: str) -> Decimal | None:
    """``text`` (spaces around it ignored) as a number if it is written as one, else None."""
    text = text.strip()
    if len(text) > MAX_LENGTH or not WRITTEN_NUMBER.fullmatch(text):
        return None
    return Decimal(text.replace(",", ""))


def number_text(value: int | float) -> str:
    """How a number prints: an integer whole, a decimal without binary noise (0.1 + 0.2 → 0.3)."""
    if isinstance(value, float):
        text = f"{value:.9f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    return str(value)


def prints_as_written(value: int | float, text: str) -> bool:
    """Whether ``value``, read from ``text``, prints back as ``text`` (1.50 and -0 do not)."""
    return number_text(value) == text and (not isinstance(value, float) or repr(value) == text)
