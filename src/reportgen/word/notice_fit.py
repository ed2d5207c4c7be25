"""A 印发通知 kept on its first page, with its text under the 版头 and title.

A notice is short: 版头, title, 主送, a paragraph or two, 署名 and 成文日期 (sealed, usually).
When they add up to more than the 22 lines of a page, the page must not be left holding only the
版头 and title while the text moves over with the signature that keeps with it. GB/T 9704
7.3.5.1 puts the seal's top within one line of the text, so the blank lines above a sealed
署名 shrink first (three to one); if the notice is still too long, its text stays on the first
page and the signature (with its 附注) follows.

Lines are counted as the built-in templates set them: 28 字 a line, the 版头 about 10.8 lines
(标志 35 mm below the top of the 版心, 发文字号 two lines below it, the red line, two blank
lines), two more for each further line of a long 标志.
"""

from __future__ import annotations

import math

from docx.oxml.ns import qn

from ..chinese.widths import text_width
from ..layout.outline import Outline
from .geometry import PPR_ORDER, _child

PAGE_LINES, LINE_CHARS = 22, 28
HEADER_LINES, MARK_CHARS, MARK_LINE = 10.8, 12, 2  # the 标志 in 小初: 12 字 to a line
SEALED_GAP, LEAST_GAP = 3, 1  # blank lines above a sealed 署名: the template's, and the least
SEALED = "发文机关署名（用印）"


def notice_lines(outline: Outline) -> float:
    """How many lines the notice's first page needs, by the built-in templates' measures."""
    mark = math.ceil(text_width(outline.issuer_mark) / MARK_CHARS) if outline.red_header else 0
    header = HEADER_LINES + MARK_LINE * max(mark - 1, 0) if outline.red_header else 0
    text = sum(math.ceil((text_width(b.text) + 2) / LINE_CHARS) for b in outline.body)
    recipients = math.ceil(text_width(outline.recipients) / LINE_CHARS)
    signature = (SEALED_GAP if outline.sealed else 1) + bool(outline.signature.name) + 1
    return header + len(outline.title_lines) + 1 + recipients + text + signature + bool(outline.note)


def fit_notice(body, outline: Outline, signature_styles: dict[str, str]) -> None:
    """Shrink the space above a sealed 署名, or let the text stay apart from the signature, so
    that a notice's text is on its first page."""
    over = notice_lines(outline) - PAGE_LINES if outline.plan_pages else 0
    name = _first(body, signature_styles) if over > 0 else None
    if name is None:
        return
    if outline.sealed:
        gap = max(LEAST_GAP, SEALED_GAP - math.ceil(over))
        pitch = int(body.find(f"{qn('w:sectPr')}/{qn('w:docGrid')}").get(qn("w:linePitch"), 579))
        _child(name.find(qn("w:pPr")), "spacing", PPR_ORDER).set(qn("w:before"), str(gap * pitch))
        over -= SEALED_GAP - gap
    if over > 0:
        _text_stays(name, bool(outline.note))


def _text_stays(name, noted: bool) -> None:
    """The text before the 署名 no longer keeps with it; 署名, 成文日期 and 附注 keep together."""
    for p in name.itersiblings(qn("w:p"), preceding=True):
        keep = p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
        if keep is not None:
            keep.getparent().remove(keep)
        break
    date = next(name.itersiblings(qn("w:p")), None)
    if noted and date is not None:
        _child(date.find(qn("w:pPr")), "keepNext", PPR_ORDER)


def _first(body, signature_styles: dict[str, str]):
    """The 署名 paragraph (the first in a signature style), if any."""
    for p in body.iterchildren(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and signature_styles.get(style.get(qn("w:val"))) in (SEALED, "发文机关署名"):
            return p
    return None
