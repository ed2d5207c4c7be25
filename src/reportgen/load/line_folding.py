"""Undoing YAML's line folding between Chinese characters, where its space is never wanted."""

from __future__ import annotations

import re

from ..chinese.widths import is_wide

# One space or one line break between two characters: what YAML folds to a single space.
GAP = re.compile(r"(\S)( |[ \t]*\r?\n[ \t]*)(?=(\S))")


def unfold(text: str, written: str) -> str:
    """Undo YAML's line folding between Chinese characters, which would leave a stray space.

    A plain, quoted or ``>`` scalar written over several lines has each line break turned into a
    space; between two Chinese characters that space is never wanted. ``written`` is the scalar as
    it stands in the file, so a space typed between two Chinese characters (王 伟) stays.
    """
    joins = [i for i in range(1, len(text) - 1)
             if text[i] == " " and is_wide(text[i - 1]) and is_wide(text[i + 1])]
    breaks = ["\n" in m[2] for m in GAP.finditer(written) if is_wide(m[1]) and is_wide(m[3])]
    if len(breaks) != len(joins):  # an escape (\u738b) wrote a character: drop every such space
        breaks = [True] * len(joins)
    dropped = {i for i, folded in zip(joins, breaks, strict=True) if folded}
    return "".join(c for i, c in enumerate(text) if i not in dropped)
