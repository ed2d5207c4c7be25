"""Character classes and size names the rules share."""

from __future__ import annotations

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
