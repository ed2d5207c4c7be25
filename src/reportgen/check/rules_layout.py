"""Where paragraphs sit: body text indented 2 字 on its first line, the 成文日期 placed as
GB/T 9704 7.3.5 asks (static, from indents and alignment; and on the rendered page)."""

from __future__ import annotations

from ..chinese.widths import BOUNDARY, boundaries, is_wide
from .chars import is_han
from .docx_read import Para, Reading
from .report import Finding, at, error
from .roles import Role, paired

INDENT = 2.0  # 字
# 字 a 成文日期 may be off. Widths are counted both ways (as laid out, with the space Word and
# LibreOffice add between Chinese and digits, and as the standard counts them), so that what is
# left is rounding.
TOLERANCE = 0.3
LEADING = {"\u3000": 1.0, " ": 0.5}  # 字 each leading space stands for
RIGHT, CENTRE = ("right", "end"), ("center",)


def indent_findings(reading: Reading, roles: list[Role]) -> list[Finding]:
    """Body paragraphs start 2 字 in; not those in tables, centred or right-aligned, or set with a
    hanging indent (a list whose lines align under its first word), nor one opening with a tab."""
    findings = []
    for para, role in paired(reading.paragraphs, roles):
        if (role.kind != "body" or para.in_table or para.align in (*RIGHT, *CENTRE)
                or para.indent[1] < 0 or para.text.startswith("\t")):
            continue
        size = _size(para)
        first = (para.indent[0] + para.indent[1]) / size + _leading(para.text)
        if abs(first - INDENT) > 0.3 and any(map(is_han, para.text)):
            findings.append(error("layout.indent", at(para), f"正文段落首行应缩进2字，实为{_shown(first)}字"))
    return findings


def date_findings(reading: Reading, roles: list[Role]) -> list[Finding]:
    """The 成文日期 of the main part, placed from its indents and alignment; not when it or its
    署名 is placed with tabs, whose stops only the rendering knows (render.signature_place)."""
    found = signed_date(reading.paragraphs, roles)
    if found is None or any("\t" in p.text for p in found if p is not None):
        return []
    signature, date = found
    faults = [_date_fault(signature, date, _text_width(reading), laid) for laid in (False, True)]
    return [error("layout.date", at(date), faults[0])] if all(faults) else []


def _date_fault(signature: Para | None, date: Para, line: float, laid: bool) -> str | None:
    """The date's fault with widths counted as the standard counts them or, with ``laid``, as laid
    out (the space beside digits included): a date right by either count passes."""
    sig = (_right_gap(signature, line, laid), _width(signature, laid)) if signature else None
    return date_fault(_right_gap(date, line, laid), _width(date, laid), sig)


def signed_date(paragraphs: list[Para], roles: list[Role]) -> tuple[Para | None, Para] | None:
    """The first 成文日期 before any attachment, and the 署名 right above it (if there is one)."""
    last: tuple[Para, Role] | None = None
    for para, role in paired(paragraphs, roles):
        if role.kind == "attachment_label":
            return None
        if role.kind == "date" and not para.in_table:
            above = last[0] if last and last[1].kind == "signature" else None
            return above, para
        if role.kind != "empty":
            last = (para, role)
    return None


def date_fault(gap: float, width: float, signature: tuple[float, float] | None) -> str | None:
    """What is wrong with a date ``gap`` 字 from the right and ``width`` 字 wide, under a 署名
    (its right gap and width); None when it is right.

    Sealed (7.3.5.1): 4 字 from the right. Unsealed (7.3.5.2): its first character 2 字 right of
    the 署名's, or 2 字 from the right when it is longer than the 署名. Within TOLERANCE.
    """
    if abs(gap - 4) <= TOLERANCE:
        return None
    if signature is not None and width <= signature[1]:
        below = signature[0] + signature[1] - 2 - width  # 2 字 right of the 署名 where it is
        standard = signature[1] - width  # … with the 署名 2 字 from the right
        if min(abs(gap - below), abs(gap - standard)) <= TOLERANCE:
            return None
        return (f"成文日期应右空{_shown(standard)}字（首字比署名首字右移二字；用印时右空四字），"
                f"实为右空{_shown(gap)}字")
    if abs(gap - 2) <= TOLERANCE:
        return None
    return f"成文日期应右空二字（用印时右空四字），实为右空{_shown(gap)}字"


def _right_gap(para: Para, line_points: float, laid: bool) -> float:
    """How far (in 字) the paragraph's text ends from the right edge of a line of the 版心."""
    advance = _advance(para)
    left, first, right = (v / advance for v in para.indent)
    text, width = _width(para, laid), line_points / advance
    if para.align in RIGHT:
        return right + _leading(para.text[::-1])
    if para.align in CENTRE:
        return right + (width - left - right - text) / 2
    return width - left - first - _leading(para.text) - text


def _width(para: Para, laid: bool) -> float:
    """The text's width in 字, spaces at either end left out: digits and Latin count half and,
    ``laid`` out where the paragraph spaces Chinese from digits (Word's default), each boundary
    adds BOUNDARY."""
    advance, text = _advance(para), para.text.strip(" \u3000\t")
    spacing = BOUNDARY * boundaries(text) if laid and para.number_spacing else 0.0
    return sum((_size(para) * (1 if is_wide(c) else 0.5) + _tracking(para)) / advance
               for c in text) + spacing * _size(para) / advance


def _text_width(reading: Reading) -> float:
    section = reading.sections[0]
    return (section.width - section.margins["left"] - section.margins["right"]) / 20


def _leading(text: str) -> float:
    count = 0.0
    for char in text:
        if char not in LEADING:
            break
        count += LEADING[char]
    return count


def _size(para: Para) -> float:
    return next((r.size for r in para.runs if any(map(is_han, r.text))), 16.0)


def _tracking(para: Para) -> float:
    return next((r.tracking for r in para.runs if any(map(is_han, r.text))), 0.0)


def _advance(para: Para) -> float:
    return _size(para) + _tracking(para)


def _shown(value: float) -> str:
    return f"{round(value * 2) / 2:g}"
