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
# "1.1", "2.3.1": decimal numbering, a wrong form at the level its depth gives; taken for an
# ordinal when a space follows, or a Chinese character in a short line without "。" ("1.5万元…" is not).
DECIMAL = re.compile(r"\d{1,2}(?:[.．]\d{1,2}){1,3}(?=[\s\u3000\u4e00-\u9fff])")
SHORT_HEADING = 30
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
    decimal = _decimal(text, start)
    if decimal is not None:
        return decimal
    for level, pattern in FORMS:
        found = pattern.match(text, start)
        if found is None:
            continue
        digits = found["n"]
        number = CHINESE.get(digits) if level <= 2 else int(digits)
        if number:
            return Ordinal(level, number, found[0], start)
    return None


def _decimal(text: str, start: int) -> Ordinal | None:
    found = DECIMAL.match(text, start)
    if found is None:
        return None
    spaced = found.end() < len(text) and text[found.end()] in " \u3000\t"
    if not spaced and (len(text) > SHORT_HEADING or "。" in text):
        return None
    parts = re.split(r"[.．]", found[0])
    return Ordinal(min(len(parts), 4), int(parts[-1]), found[0], start)
