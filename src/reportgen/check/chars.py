"""Character classes and size names the rules share."""

from __future__ import annotations

import re

SIZE_NAMES = {42: "初号", 36: "小初", 26: "一号", 24: "小一", 22: "二号", 18: "小二", 16: "三号",
              15: "小三", 14: "四号", 12: "小四", 10.5: "五号", 9: "小五"}


def is_han(char: str) -> bool:
    """A Chinese character (CJK unified ideographs and extension A)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def size_name(points: float) -> str:
    """二号（22磅） for a named size, 13磅 otherwise."""
    shown = f"{points:g}磅"
    return f"{SIZE_NAMES[points]}（{shown}）" if points in SIZE_NAMES else shown


def millimetres(twips: int) -> str:
    """Twips as millimetres with at most one decimal: 2098 → 37, 1440 → 25.4."""
    return f"{round(twips / 56.6929, 1):g}"


def is_reddish(colour: str) -> bool:
    """A colour a reader calls red: much red, little green and blue (FF0000, C00000, E60012 …)."""
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", colour):
        return False
    red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return red >= 0xC0 and green < 0x60 and blue < 0x60
