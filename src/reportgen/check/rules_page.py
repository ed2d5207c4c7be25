"""Page rules: A4, the four margins, the 版心, and a grid or line spacing giving 22 lines of 28 字."""

from __future__ import annotations

import math
from statistics import mode

from .chars import is_han, millimetres
from .docx_read import Reading, Section
from .report import Finding, Where, error
from .roles import Role, paired

A4 = (11906, 16838)
MARGINS = {"top": ("上边距（天头）", 2098), "bottom": ("下边距", 1984),
           "left": ("左边距（订口）", 1587), "right": ("右边距", 1474)}
TEXT_AREA = (8845, 12756)  # 156 × 225 mm
TOLERANCE = 57  # 1 mm in twips
LINES, CHARS = 22, 28
NATURAL_LINE = 1.3  # a single line's height as a multiple of the font size (without a grid)


def page_findings(reading: Reading, roles: list[Role]) -> list[Finding]:
    """Each section's paper, margins, 版心 and the lines and characters its grid gives."""
    findings = []
    metrics = body_metrics(reading, roles)
    for name, section in distinct_sections(reading.sections, "页面设置", _setup):
        where = Where(part=name)
        findings += paper(section, where) + margins(section, where) + text_area(section, where)
        findings += grid(section, where, metrics)
    return findings


def distinct_sections(sections: list[Section], part: str, key) -> list[tuple[str, Section]]:
    """Sections to judge and how to name them: one when they all agree, else 第N节 each."""
    if len({repr(key(s)) for s in sections}) <= 1:
        return [(part, sections[0])] if sections else []
    return [(f"第{n}节{part}", s) for n, s in enumerate(sections, start=1)]


def _setup(section: Section) -> tuple:
    return section.width, section.height, section.margins, section.grid


def paper(section: Section, where: Where) -> list[Finding]:
    if _near((section.width, section.height), A4):
        return []
    actual = (f"实为{millimetres(section.width)}×{millimetres(section.height)}毫米"
              if section.width and section.height else "文档未设置纸张大小")
    return [error("page.size", where, f"纸张应为A4（210×297毫米），{actual}")]


def margins(section: Section, where: Where) -> list[Finding]:
    return [error("page.margin", where, f"{label}应为{millimetres(want)}毫米，实为"
                  f"{millimetres(section.margins[side])}毫米")
            for side, (label, want) in MARGINS.items()
            if abs(section.margins[side] - want) > TOLERANCE]


def text_area(section: Section, where: Where) -> list[Finding]:
    width, height = _text_area(section)
    if _near((width, height), TEXT_AREA):
        return []
    return [error("page.text_area", where, f"版心应为156×225毫米，实为"
                  f"{millimetres(width)}×{millimetres(height)}毫米")]


def body_metrics(reading: Reading, roles: list[Role]) -> tuple[tuple, float, float]:
    """The body text's usual line spacing (value, rule), font size and character spacing."""
    body = [p for p, r in paired(reading.paragraphs, roles) if r.kind == "body"]
    runs = [r for p in body for r in p.runs if any(is_han(c) for c in r.text)]
    spacing = most_common([p.line for p in body], (None, "auto"))
    return spacing, most_common([r.size for r in runs], 16), most_common(
        [r.tracking for r in runs], 0.0)


def grid(section: Section, where: Where, metrics: tuple) -> list[Finding]:
    """Lines per page and characters per line as Word lays them out, compared with 22 × 28."""
    (line, rule), size, tracking = metrics
    width, height = (v / 20 for v in _text_area(section))
    pitch = line_pitch(section, line, rule, size)
    advance = char_advance(section, size, tracking)
    lines, chars = math.floor(height / pitch + 0.001), math.floor(width / advance + 0.001)
    if (lines, chars) == (LINES, CHARS):
        return []
    return [error("page.grid", where, f"每页应为{LINES}行×{CHARS}字，按页面设置和正文格式为"
                  f"{lines}行×{chars}字（行距{pitch:g}磅，每字{advance:g}磅）")]


def line_pitch(section: Section, line: int | None, rule: str, size: float) -> float:
    """The height of one body line in points: exact spacing, else the grid, else the font."""
    if rule == "exact" and line:
        return line / 20
    natural = size * NATURAL_LINE
    if rule == "atLeast" and line:
        natural = max(natural, line / 20)
    multiple = (line or 240) / 240 if rule == "auto" else 1
    grid_pitch = _grid_value(section, "linePitch") / 20
    if grid_pitch and section.grid.get("type") in ("lines", "linesAndChars", "snapToChars"):
        return round(grid_pitch * max(1, math.ceil(natural / grid_pitch - 0.01)) * multiple, 2)
    return round(natural * multiple, 2)


def char_advance(section: Section, size: float, tracking: float) -> float:
    """The width of one 字 in points: the character grid's pitch, else size plus spacing."""
    if section.grid.get("type") in ("linesAndChars", "snapToChars") and "charSpace" in section.grid:
        return round(size + _grid_value(section, "charSpace") / 4096, 2)
    return round(size + tracking, 2)


def _text_area(section: Section) -> tuple[int, int]:
    m = section.margins
    return section.width - m["left"] - m["right"], section.height - m["top"] - m["bottom"]


def _grid_value(section: Section, key: str) -> int:
    value = section.grid.get(key, "0")
    return int(value) if value.lstrip("-").isdigit() else 0


def _near(size: tuple[int, int], want: tuple[int, int]) -> bool:
    return all(abs(a - b) <= TOLERANCE for a, b in zip(size, want, strict=True))


def most_common(values: list, default=None):
    """The value that occurs most often (the first of those that tie), else ``default``."""
    return mode(values) if values else default
