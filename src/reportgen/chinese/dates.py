"""Dates as official documents write them (2024年3月5日, 3月5日至20日), and as users type them."""

from __future__ import annotations

import re
from datetime import date

DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$"),
)


def date_parts(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of 2024-10-17, 2024/10/17, 2024.10.17 or 2024年10月17日 (not checked
    to exist); None for any other form."""
    for form in DATE_FORMS:
        found = form.match(text)
        if found:
            year, month, day = (int(g) for g in found.groups())
            return year, month, day
    return None


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
