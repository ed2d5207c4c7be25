"""Chinese numerals, and the ordinals of the four heading levels (一、（一）1.（1）)."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 105 → 一百零五, 20030 → 二万零三十 (0 ≤ n < 10⁸)."""
    if not 0 <= n < 10**8:
        raise ValueError(f"no Chinese numeral for {n}")
    if n == 0:
        return DIGITS[0]
    high, low = divmod(n, 10_000)
    out = f"{_below_10000(high)}万" if high else ""
    if high and low and low < 1000:
        out += DIGITS[0]
    return out + (_below_10000(low, leading=not high) if low else "")


def _below_10000(n: int, leading: bool = True) -> str:
    """Thousands, hundreds, tens, ones with 零 for inner gaps; 十二 not 一十二 at the start."""
    out, gap = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            gap = bool(out)
            continue
        if gap:
            out += DIGITS[0]
        gap = False
        out += ("" if digit == 1 and name == "十" and not out and leading else DIGITS[digit]) + name
    return out


def ordinal(level: int, n: int) -> str:
    """The ordinal GB/T 9704 prescribes for heading ``level`` 1–4: 一、 （一） 1. （1）."""
    forms = {1: f"{chinese_number(n)}、", 2: f"（{chinese_number(n)}）", 3: f"{n}.", 4: f"（{n}）"}
    return forms[level]
