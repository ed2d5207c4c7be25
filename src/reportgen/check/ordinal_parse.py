"""Reading a heading's ordinal (一、 （一） 1. （1）), also in the forms people get wrong (1、 (1) （一）、)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..chinese.numerals import chinese_number, ordinal

CHINESE = {chinese_number(n): n for n in range(1, 100)}
HAN_DIGITS = "一二三四五六七八九十"
FORMS = (  # level, pattern; group "n" is the number, the whole match the ordinal as written
    (1, re.compile(rf"(?P<n>[{HAN_DIGITS}]+)[、.．]")),
    (2, re.compile(rf"[（(](?P<n>[{HAN_DIGITS}]+)[）)][、.．，,]?")),
    (3, re.compile(r"(?P<n>\d{1,2})[.．、](?!\d)")),
    (4, re.compile(r"[（(](?P<n>\d{1,2})[）)][、.．，,]?")),
)
LEVEL_NAMES = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}


@dataclass(frozen=True)
class Ordinal:
    """An ordinal at the start of a paragraph: level 1–4, its number, and how it is written."""

    level: int
    number: int
    written: str
    start: int

    @property
    def correct(self) -> str:
        """The form GB/T 9704 prescribes for this level and number."""
        return ordinal(self.level, self.number)

    @property
    def end(self) -> int:
        """Index in the paragraph text just after the ordinal."""
        return self.start + len(self.written)


def parse_ordinal(text: str) -> Ordinal | None:
    """The ordinal that opens ``text`` (after any indenting spaces), or None."""
    start = len(text) - len(text.lstrip(" \u3000\t"))
    for level, pattern in FORMS:
        found = pattern.match(text, start)
        if found is None:
            continue
        digits = found["n"]
        number = CHINESE.get(digits) if level <= 2 else int(digits)
        if number:
            return Ordinal(level, number, found[0], start)
    return None
