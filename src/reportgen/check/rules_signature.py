"""Where 署名 and 成文日期 land on the rendered page (GB/T 9704 7.3.5), whoever made the .docx.

Unsealed (7.3.5.2): the date's first character 2 字 right of the 署名's (of the leftmost organ of
a joint signature). Sealed (7.3.5.1): the date 4 字 from the right margin, each 署名 line centred
over it. Measured on the PDF within 2 pt; a 字 is the date's font size. The layout is sealed when
the 署名's style says so (发文机关署名（用印）), else the one the page fits better.

LibreOffice adds ⅕ 字 where Chinese meets digits or Latin even in a paragraph that turns that
space off (w:autoSpaceDN), which Word and WPS honour. There, positions are judged as Word shows
them: the row's width less that space, taken off the side its alignment lets grow. Where the
space is on, a place passes if it is right by either way of counting widths: as laid out, space
included (as reportgen places them), or as the standard counts them, a digit ½ 字 and no space
(as offices usually work out their indents).
"""

from __future__ import annotations

import unicodedata

from ..chinese.widths import BOUNDARY, boundaries
from ..office.pdf_text import Line, Page
from .docx_read import Para, Reading
from .report import Finding, at, error
from .roles import Role
from .rules_render import Frame, rows

TOLERANCE = 2.0  # points
FLUSH_RIGHT = ("right", "end")


def signature_findings(reading: Reading, roles: list[Role], pages: list[Page]) -> list[Finding]:
    """Errors for a 成文日期 or 署名 set elsewhere than 7.3.5 puts them; none if either is missing."""
    found = signature_rows(reading.paragraphs, roles, pages)
    if found is None:
        return []
    right = Frame.of(reading).right
    chosen = min((placement(found, right, standard) for standard in (True, False)), key=_worst)
    return [error("render.signature_place", at(para), message) for para, message in chosen if message]


def placement(found: tuple, right: float, standard: bool) -> list:
    """Each paragraph with what is wrong with its place ("" if nothing), widths counted as laid
    out or, with ``standard``, as the standard counts them (no space beside digits)."""
    (date, date_row), names = found
    size = next((r.size for r in date.runs if r.text.strip()), 16.0)
    date_box = as_shown(date_row, date, date.text, size, standard)
    boxes = [(line, para, as_shown(row, para, line, size, standard)) for line, para, row in names]
    unsealed = unsealed_offsets(date, date_box, boxes, size)
    sealed = sealed_offsets(date, date_box, boxes, size, right)
    styled = any("用印" in style for _, para, _ in names for style in para.styles)
    return sealed if styled or _worst(sealed) < _worst(unsealed) else unsealed


def signature_rows(paragraphs: list[Para], roles: list[Role], pages: list[Page]):
    """The last 成文日期 and its row, and each line of the 署名 paragraphs right above it with its
    row on the same page; None if there is none or a row is not found."""
    dates = [i for i, r in enumerate(roles) if r.kind == "date" and paragraphs[i].number]
    if not dates:
        return None
    names, k = [], dates[-1] - 1
    while k >= 0 and (roles[k].kind == "signature" or not paragraphs[k].text.strip()):
        names = [paragraphs[k], *names] if paragraphs[k].text.strip() else names
        k -= 1
    date = paragraphs[dates[-1]]
    page = _page_with(pages, date.text)
    if not names or page is None:
        return None
    lines = [(line, para) for para in names for line in para.text.split("\n") if line.strip()]
    found = [(line, para, _row(page, line)) for line, para in lines]
    if any(row is None for *_, row in found):
        return None
    return (date, _row(page, date.text)), found


def as_shown(row: Line, para: Para, text: str, size: float, standard: bool = False
             ) -> tuple[float, float]:
    """Left and right of ``row`` as Word shows it: where the paragraph turns the space between
    Chinese and digits off, less the space LibreOffice adds anyway; with ``standard``, less that
    space always (the width the standard's counting gives)."""
    extra = _extra(text, size) if standard or not para.number_spacing else 0.0
    if para.align in FLUSH_RIGHT:
        return row.left + extra, row.right
    if para.align == "center":
        return row.left + extra / 2, row.right - extra / 2
    return row.left, row.right - extra


def unsealed_offsets(date: Para, date_box: tuple, names: list, size: float) -> list:
    """The date's start 2 字 right of the 署名's (the leftmost line's)."""
    offset = date_box[0] - min(box[0] for *_, box in names)
    if abs(offset - 2 * size) <= TOLERANCE:
        return [(date, "")]
    return [(date, f"成文日期首字应比署名首字右移二字，实际{_moved(offset, size, '右移', '左移')}")]


def sealed_offsets(date: Para, date_box: tuple, names: list, size: float, right: float) -> list:
    """The date 4 字 from the right margin; each 署名 line centred over it."""
    gap = right - date_box[1]
    found = [(date, "" if abs(gap - 4 * size) <= TOLERANCE else
              f"加盖印章时成文日期应右空四字，实际右空{gap / size:.1f}字")]
    middle = sum(date_box) / 2
    for line, para, box in names:
        off = sum(box) / 2 - middle
        found.append((para, "" if abs(off) <= TOLERANCE else
                      f"署名“{line.strip()}”应以成文日期为准居中，实际{_moved(off, size, '偏右', '偏左')}"))
    return found


def _worst(found: list) -> int:
    return sum(bool(message) for _, message in found)


def _moved(offset: float, size: float, plus: str, minus: str) -> str:
    return f"{plus if offset >= 0 else minus}{abs(offset) / size:.1f}字"


def _extra(text: str, size: float) -> float:
    """The space LibreOffice adds in ``text`` where Chinese meets digits or Latin, in points."""
    return BOUNDARY * size * boundaries(text)


def _page_with(pages: list[Page], text: str) -> Page | None:
    """The last page with a row reading ``text``."""
    hits = [page for page in pages if _row(page, text) is not None]
    return hits[-1] if hits else None


def _row(page: Page, text: str) -> Line | None:
    want = _plain(text)
    hits = [row for row in rows(page) if _plain(row.text) == want]
    return hits[-1] if hits else None


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())
