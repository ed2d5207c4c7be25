"""Page numbers: a PAGE field written "— N —" in 4号宋体, odd pages right and even pages left."""

from __future__ import annotations

import re

from .chars import size_name
from .docx_read import Para, Reading, Section
from .report import Finding, Where, error
from .rules_fonts import family
from .rules_page import distinct_sections

NUMBER_FORM = re.compile(r"^—\s?N\s?—$")
SIDES = {"right": "居右", "end": "居右", "center": "居中", "distribute": "分散对齐"}


def footer_findings(reading: Reading) -> list[Finding]:
    """Each section's page numbers; once for all when the sections share their footers."""
    findings: list[Finding] = []
    for name, section in distinct_sections(reading.sections, "", lambda s: s.footers):
        findings += section_numbers(section, reading.even_and_odd, name)
    return findings


def section_numbers(section: Section, even_and_odd: bool, prefix: str) -> list[Finding]:
    if not even_and_odd:
        findings = page_number(section.footers.get("default", []), None, Where(part=prefix + "页脚"))
        side = error("page.number_side", Where(part=prefix + "页脚"),
                     "页码应单页居右、双页居左：页眉页脚需设为“奇偶页不同”")
        number = number_paragraph(section.footers.get("default", []))
        alternating = number is not None and number.frame_align == "outside"  # right, then left
        return findings + ([side] if number and not alternating else [])
    return (page_number(section.footers.get("default", []), "right", Where(part=prefix + "奇数页页脚"))
            + page_number(section.footers.get("even", []), "left", Where(part=prefix + "偶数页页脚")))


def number_paragraph(footer: list[Para]) -> Para | None:
    return next((p for p in footer if any(r.field == "PAGE" for r in p.runs)), None)


def page_number(footer: list[Para], side: str | None, where: Where) -> list[Finding]:
    """The number's form, its side (unless all pages share the footer) and its font."""
    para = number_paragraph(footer)
    if para is None:
        return [error("page.number", where, "没有页码（应插入 PAGE 域，写作“— 1 —”）")]
    findings = []
    shown = pattern(para)
    if not NUMBER_FORM.match(shown):
        findings.append(error("page.number", where, f"页码应写作“— 1 —”（两侧各一条一字线），"
                                                    f"实为“{shown.replace('N', '1')}”"))
    findings += number_side(para, side, where) if side else []
    return findings + number_font(para, where)


def pattern(para: Para) -> str:
    """The footer text with the page number shown as N."""
    parts = []
    for run in para.runs:
        if run.field == "PAGE":
            parts += [] if parts[-1:] == ["N"] else ["N"]
        else:
            parts.append(run.text)
    return "".join(parts).strip()


def number_side(para: Para, side: str, where: Where) -> list[Finding]:
    """Odd pages right, even pages left: a frame or text box at the outside edge is either; a
    justified line (the last of its paragraph, as a page number's only line is) sits left."""
    actual = para.frame_align or para.align or "left"
    outside, inside = (side, "right" if side == "left" else "left")
    actual = {"start": "left", "both": "left", "end": "right", "outside": outside,
              "inside": inside}.get(actual, actual)
    if actual == side:
        return []
    pages = "单页" if side == "right" else "双页"
    want = "居右" if side == "right" else "居左"
    return [error("page.number_side", where, f"{pages}页码应{want}，实为{SIDES.get(actual, '居左')}")]


def number_font(para: Para, where: Where) -> list[Finding]:
    """The digits are set with the Latin slot: it must name a 宋体 at 4号 (14 pt)."""
    digits = next(r for r in para.runs if r.field == "PAGE")
    findings = []
    if family(digits.latin.name) != "宋体":
        findings.append(error("font.page_number", where, f"页码应为宋体，实为{digits.latin}"))
    if abs(digits.size - 14) > 0.25:
        findings.append(error("font.page_number", where,
                              f"页码字号应为四号（14磅），实为{size_name(digits.size)}"))
    return findings
