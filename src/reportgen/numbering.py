"""Chinese numerals, ordinals for the four heading levels, and dates as official documents write them."""

from __future__ import annotations

from datetime import date

DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (for 0 < n < 1000)."""
    if not 0 < n < 1000:
        raise ValueError(f"no Chinese numeral for {n}")
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    out = f"{DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (DIGITS[ones] if ones else "")


def ordinal(level: int, n: int) -> str:
    """The ordinal GB/T 9704 prescribes for heading ``level`` 1–4: 一、 （一） 1. （1）."""
    forms = {1: f"{chinese_number(n)}、", 2: f"（{chinese_number(n)}）", 3: f"{n}.", 4: f"（{n}）"}
    return forms[level]


def chinese_date(day: date) -> str:
    """2024年3月5日: Arabic numerals, full year, no zero padding."""
    return f"{day.year}年{day.month}月{day.day}日"


def date_range(start: date, end: date) -> str:
    """3月5日至20日, 3月5日至4月20日, or with years when the range crosses a year."""
    if start.year != end.year:
        return f"{chinese_date(start)}至{chinese_date(end)}"
    if start.month != end.month:
        return f"{start.month}月{start.day}日至{end.month}月{end.day}日"
    return f"{start.month}月{start.day}日至{end.day}日"
