"""The numbers Word puts before auto-numbered paragraphs ("一、", "（二）", "3."), as a reader sees them.

Read from numbering.xml: a paragraph's w:numPr (direct, or from its style chain) names a list
and a level; the level's w:numFmt and w:lvlText give the label, counted per list as Word counts:
each number raises its level's count and starts the deeper levels afresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

from ..chinese.numerals import chinese_number

TIANGAN = "甲乙丙丁戊己庚辛壬癸"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class Level:
    """One level of a list: how its numbers are written, the label's pattern, the first number."""

    format: str
    text: str
    start: int
    style: str | None = None
    legal: bool = False  # w:isLgl: every number in the label in Arabic numerals (1.1, not 一.1)


@dataclass
class Numbering:
    """The document's lists by numId, each a mapping of level → Level, and their running counts."""

    lists: dict[str, dict[int, Level]]
    counts: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc) -> Numbering:
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return cls({})
        abstract = {a.get(qn("w:abstractNumId")): _levels(a) for a in root.findall(qn("w:abstractNum"))}
        lists = {}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = abstract.get(ref.get(qn("w:val")) if ref is not None else None, {})
            lists[num.get(qn("w:numId"))] = {**levels, **_overrides(num, levels)}
        return cls(lists)

    def level_of(self, num_id: str | None, style_id: str) -> int:
        """The level a numbered style's paragraphs take when the style names none: the level
        linked to the style (w:pStyle), else the first."""
        levels = self.lists.get(num_id or "", {})
        return next((n for n, level in levels.items() if level.style == style_id), 0)

    def label(self, num_id: str | None, level: int) -> str:
        """The label of the next paragraph in list ``num_id`` at ``level``; "" if there is none."""
        levels = self.lists.get(num_id or "", {})
        if level not in levels:
            return ""
        counts = self.counts.setdefault(num_id or "", {})
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        return _fill(levels, counts, level)


def _fill(levels: dict[int, Level], counts: dict[int, int], level: int) -> str:
    """lvlText with each %N replaced by level N-1's current number in that level's format."""
    text, legal = levels[level].text, levels[level].legal
    for n in range(level + 1, 0, -1):
        if f"%{n}" in text:
            source = levels.get(n - 1, levels[level])
            value = counts.get(n - 1, source.start)
            text = text.replace(f"%{n}", written(value, "decimal" if legal else source.format))
    return text


def written(n: int, number_format: str) -> str:
    """A number in a numFmt: decimal 3, chineseCounting 三, ideographTraditional 丙, circled ③ …"""
    if number_format.startswith(("chinese", "ideographDigital", "japaneseCounting", "taiwanese")):
        return chinese_number(n) if 0 <= n < 10**8 else str(n)
    if number_format == "ideographTraditional" and 1 <= n <= len(TIANGAN):
        return TIANGAN[n - 1]
    if number_format == "decimalEnclosedCircle" and 1 <= n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if number_format == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if number_format in ("bullet", "none"):
        return ""
    return str(n)


def _levels(element) -> dict[int, Level]:
    levels = {}
    for lvl in element.findall(qn("w:lvl")):
        ilvl = _int(lvl.get(qn("w:ilvl")), 0)
        levels[ilvl] = Level(_val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "",
                             _int(_val(lvl, "start"), 1), _val(lvl, "pStyle"),
                             lvl.find(qn("w:isLgl")) is not None)
    return levels


def _overrides(num, levels: dict[int, Level]) -> dict[int, Level]:
    """A list's own w:lvlOverride: a new start number, or a level defined afresh."""
    found = {}
    for override in num.findall(qn("w:lvlOverride")):
        ilvl = _int(override.get(qn("w:ilvl")), 0)
        fresh = _levels(override)
        start = _val(override, "startOverride")
        if ilvl in fresh:
            found[ilvl] = fresh[ilvl]
        elif start is not None and ilvl in levels:
            base = levels[ilvl]
            found[ilvl] = Level(base.format, base.text, _int(start, base.start), base.style, base.legal)
    return found


def _val(element, tag: str) -> str | None:
    child = element.find(qn(f"w:{tag}"))
    return child.get(qn("w:val")) if child is not None else None


def _int(value: str | None, default: int) -> int:
    return int(value) if value and value.lstrip("-").isdigit() else default
