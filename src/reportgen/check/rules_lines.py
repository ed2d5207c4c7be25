"""Separator lines (GB/T 9704 7.2.5, 7.5.1): the red line under the 发文字号, and the 版记's black
rules, first and last thick, those between thin.

Read where they are drawn as paragraph borders or table borders; a line drawn as a shape is not
read, and a document whose lines are all shapes gets no finding from these rules.
"""

from __future__ import annotations

from .chars import is_reddish, millimetres
from .docx_borders import Line
from .docx_read import Para, Reading, Section
from .report import Finding, at, error
from .roles import DOC_NUMBER, Role, paired
from .rules_fonts import colour_name, is_black

THICK_FROM = 0.3  # mm: the standard's 0.35 mm thick and 0.25 mm thin lines fall either side
WIDTH_JUDGED = ("single", "thick")  # line styles whose w:sz is the width of one line
THICK, THIN = "粗线（0.35毫米）", "细线（0.25毫米）"
LENGTH_TOLERANCE = 57  # twips: 1 mm


def line_findings(reading: Reading, roles: list[Role]) -> list[Finding]:
    return red_line_findings(reading, roles) + imprint_findings(reading, roles)


def red_line_findings(reading: Reading, roles: list[Role]) -> list[Finding]:
    """The first line drawn below the first 发文字号 is red and, drawn as a paragraph's border,
    as wide as the 版心 (its thickness the standard leaves open)."""
    paragraphs = reading.paragraphs
    number = doc_number(paragraphs, roles)
    found = separator(paragraphs, roles, number) if number is not None else None
    if found is None:
        return []
    drawn, holder = found
    faults = [] if drawn.color == "theme" or (drawn.color and is_reddish(drawn.color)) else [
        f"发文字号下的分隔线应为红色，实为{_colour(drawn.color)}"]
    faults += [_length_fault(holder, reading.sections[0], "发文字号下的分隔线")] if holder else []
    return [error("layout.red_line", at(paragraphs[number]), fault) for fault in faults if fault]


def doc_number(paragraphs: list[Para], roles: list[Role]) -> int | None:
    """The first 发文字号: so found by its role, or in the 红头 table before the title."""
    for i, (para, role) in enumerate(paired(paragraphs, roles)):
        if role.kind == "doc_number" or (role.kind == "table" and DOC_NUMBER.match(para.text.strip())):
            return i
        if role.kind in ("title", "body", "heading", "recipients"):
            return None
    return None


def separator(paragraphs: list[Para], roles: list[Role], number: int
              ) -> tuple[Line, Para | None] | None:
    """The line under paragraph ``number`` and the paragraph whose border it is (None: a table's
    edge): its own bottom border, the bottom of its table row, else the borders of the empty
    paragraphs after it and the top border of the next text."""
    own = paragraphs[number]
    if (found := own.lines.get("bottom")) is not None:
        return found, own
    if own.row_edges[1] is not None:
        return own.row_edges[1], None
    for para, role in paired(paragraphs[number + 1:], roles[number + 1:]):
        if own.table and para.table == own.table:
            continue
        sides = ("top",) if role.kind != "empty" else ("top", "bottom")
        if (found := next((para.lines[s] for s in sides if s in para.lines), None)) is not None:
            return found, para
        if role.kind != "empty":
            return None
    return None


def _length_fault(holder: Para, section: Section, line: str) -> str | None:
    """A paragraph's border runs from its left (or hanging) indent to its right indent."""
    text_width = section.width - section.margins["left"] - section.margins["right"]
    left, first, right = holder.indent
    length = text_width - round((min(left, left + first) + right) * 20)
    if not text_width or abs(length - text_width) <= LENGTH_TOLERANCE:
        return None
    return f"{line}应与版心等宽（{millimetres(text_width)}毫米），实为{millimetres(length)}毫米"


def imprint_findings(reading: Reading, roles: list[Role]) -> list[Finding]:
    """The 版记's lines, top to bottom: black and as wide as the 版心; the first and last thick,
    those between thin."""
    paragraphs = reading.paragraphs
    imprint = [i for i, r in enumerate(roles) if r.kind == "imprint"]
    if not imprint:
        return []
    drawn = imprint_lines(paragraphs, roles, imprint)
    lines = [line for line, _ in drawn]
    faults = [_width_fault(k, len(lines), line) for k, line in enumerate(lines)]
    coloured = next((d for d in lines if not is_black(d.color)), None)  # a theme colour too
    faults += [f"版记的分隔线应为黑色，实为{_colour(coloured.color)}"] if coloured else []
    lengths = (_length_fault(p, reading.sections[-1], "版记的分隔线") for _, p in drawn if p)
    faults.append(next((fault for fault in lengths if fault), None))
    return [error("layout.imprint_lines", at(paragraphs[imprint[0]]), f) for f in faults if f]


def imprint_lines(paragraphs: list[Para], roles: list[Role], imprint: list[int]
                  ) -> list[tuple[Line, Para | None]]:
    """The lines of the 版记's table (the last table holding it), else the paragraph borders of
    its lines and of the empty paragraphs round them; each with the paragraph whose border it
    is (None: a table's edge)."""
    tables = [paragraphs[i].table for i in imprint if paragraphs[i].table]
    if tables:
        return table_lines([p for p in paragraphs if p.table == tables[-1] and p.row])
    first, last = imprint[0], imprint[-1]
    while first > 0 and roles[first - 1].kind == "empty" and not paragraphs[first - 1].table:
        first -= 1
    while last + 1 < len(roles) and roles[last + 1].kind == "empty" and not paragraphs[last + 1].table:
        last += 1
    return paragraph_lines(paragraphs[first:last + 1])


def table_lines(cells: list[Para]) -> list[tuple[Line, None]]:
    """The lines atop the table's first row and below each row, where a line is drawn."""
    rows = {p.row: p.row_edges for p in cells}
    edges = [rows[min(rows)][0]] + [rows[r][1] for r in sorted(rows)] if rows else []
    return [(e, None) for e in edges if e is not None]


def paragraph_lines(paragraphs: list[Para]) -> list[tuple[Line, Para]]:
    """Paragraph borders as Word draws them: consecutive paragraphs with the same borders and
    indents form a group, with its top line above the first, its between line between each two,
    its bottom line below the last."""
    found: list[tuple[Line, Para]] = []
    groups: list[list[Para]] = []
    for para in paragraphs:
        if groups and (para.lines, para.indent) == (groups[-1][0].lines, groups[-1][0].indent):
            groups[-1].append(para)
        else:
            groups.append([para])
    for group in groups:
        lines, para = group[0].lines, group[0]
        found += [(lines["top"], para)] if "top" in lines else []
        found += [(lines["between"], para)] * (len(group) - 1) if "between" in lines else []
        found += [(lines["bottom"], para)] if "bottom" in lines else []
    return found


def _width_fault(k: int, count: int, drawn: Line) -> str | None:
    if drawn.width is None or drawn.style not in WIDTH_JUDGED:
        return None
    thick, width = drawn.millimetres >= THICK_FROM, f"{drawn.millimetres:.2f}毫米"
    if k in (0, count - 1) and not thick:
        return f"版记的{'第一条' if k == 0 else '最后一条'}分隔线应为{THICK}，实为{width}"
    if 0 < k < count - 1 and thick:
        return f"版记的第{k + 1}条分隔线应为{THIN}，实为{width}"
    return None


def _colour(colour: str | None) -> str:
    return "黑色" if is_black(colour) else colour_name(colour)
