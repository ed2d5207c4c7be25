"""How wide characters are in Chinese text: a 字 for CJK and full-width ones, half for the rest."""

from __future__ import annotations

import unicodedata


def is_wide(char: str) -> bool:
    """True for characters that take a full 字: CJK, full-width and (in Chinese text) ambiguous ones."""
    return unicodedata.east_asian_width(char) in ("W", "F", "A")


def text_width(text: str) -> float:
    """Width in 字: Chinese characters count one, digits and Latin letters half."""
    return sum(1 if is_wide(c) else 0.5 for c in text)
