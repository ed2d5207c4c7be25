"""Dates as official documents write them (2024年3月5日, 3月5日至20日), and as users type them."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$"),
)
MONTH_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{2})$"),  # 2024.10 (text as written; 2024.1 is a number, refused)
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月$"),
)


class Month(NamedTuple):
    """A whole month, for periods written to the month (2024年12月至2025年1月)."""

    year: int
    month: int


def date_parts(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of 2024-10-17, 2024/10/17, 2024.10.17 or 2024年10月17日 (not checked
    to exist); None for any other form."""
    for form in DATE_FORMS:
        found = form.match(text)
        if found:
            year, month, day = (int(g) for g in found.groups())
            return year, month, day
    return None


def month_parts(text: str) -> tuple[int, int] | None:
    """Year and month of 2024-12, 2024/12 or 2024年12月; None for any other form."""
    for form in MONTH_FORMS:
        found = form.match(text)
        if found:
            return int(found[1]), int(found[2])
    return None


def chinese_date(day: date) -> str:
    """2024年3月5日: Arabic numerals, full year, no zero padding."""
    return f"{day.year}年{day.month}月{day.day}日"


def date_range(start: date | Month, end: date | Month) -> str:
    """A period as officials write it: 3月4日 (one day), 3月5日至20日, 3月28日至4月5日, 3月至5月,
    2024年12月至2025年1月; the year only when the period crosses one."""
    if start == end:
        return _point(start, with_year=False)
    if start.year != end.year:
        return f"{_point(start, True)}至{_point(end, True)}"
    if start.month == end.month and isinstance(start, date) and isinstance(end, date):
        return f"{start.month}月{start.day}日至{end.day}日"
    return f"{_point(start, False)}至{_point(end, False)}"


def _point(when: date | Month, with_year: bool) -> str:
    year = f"{when.year}年" if with_year else ""
    return f"{year}{when.month}月" + (f"{when.day}日" if isinstance(when, date) else "")


def period_key(when: date | Month, end: bool = False) -> tuple[int, int, int]:
    """``when`` for comparing: a month starts before and ends after each of its days."""
    return (when.year, when.month, when.day if isinstance(when, date) else (99 if end else 0))
