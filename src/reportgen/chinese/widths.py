"""How wide characters are in Chinese text: a 字 for CJK and full-width ones, half for the rest."""

from __future__ import annotations

import functools
import unicodedata
from itertools import pairwise

# 字 added where Chinese meets digits or Latin letters: Word's 中文与数字间距 (w:autoSpaceDN, on
# by default) and LibreOffice, which adds it always.
BOUNDARY = 0.2


def is_wide(char: str) -> bool:
    """True for characters that take a full 字: CJK, full-width and (in Chinese text) ambiguous ones."""
    return unicodedata.east_asian_width(char) in ("W", "F", "A")


def text_width(text: str) -> float:
    """Width in 字: Chinese characters count one, digits and Latin letters half."""
    if text.isascii():  # no ASCII character is wide
        return len(text) * 0.5
    return _short_width(text) if len(text) <= REMEMBERED else _width(text)


REMEMBERED = 200  # characters of a text whose width is kept: words, cells and titles repeat


@functools.lru_cache(maxsize=8192)
def _short_width(text: str) -> float:
    return _width(text)


def _width(text: str) -> float:
    return sum(1 if is_wide(c) else 0.5 for c in text)


def boundaries(text: str) -> int:
    """How often, spaces aside, Chinese meets a digit or Latin letter in ``text``."""
    chars = [c for c in text if not c.isspace()]
    return sum(is_wide(a) != is_wide(b) for a, b in pairwise(chars))


def laid_width(text: str) -> float:
    """Width in 字 as laid out: the characters (text_width) and the space at each boundary."""
    return text_width(text) + BOUNDARY * boundaries(text)
