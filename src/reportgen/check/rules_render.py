"""Page-aware rules on the LibreOffice rendering: first page, 22 × 28, 署名, 版记 and attachment pages."""

from __future__ import annotations

import math
import re
import unicodedata
from itertools import pairwise
from statistics import median

from ..chinese.widths import is_wide
from ..office.pdf_text import Line, Page
from .docx_read import Reading
from .render_rows import body_rows, full_pages
from .report import Finding, Where, error
from .roles import Role, paired
from .rules_page import most_common

LINES, CHARS = 22, 28
IMPRINT_LINE = re.compile(r"^抄送|印发$")
ALONE = "署名和成文日期单独成页，应调整行距、字距，使其与正文同页"
DATE_ALONE = "成文日期与署名不在同一页，应调整行距、字距，使其与署名同页"


def render_findings(reading: Reading, roles: list[Role], pages: list[Page]) -> list[Finding]:
    """Findings about how the pages came out; nothing when the PDF has no text."""
    if not any(page.lines for page in pages):
        return []
    frame = Frame.of(reading)
    texts = {kind: [p.text for p, r in paired(reading.paragraphs, roles)
                    if r.kind in kind.split("|") and p.number] for kind in
             ("body|heading", "signature", "date", "imprint", "attachment_label")}
    return (first_page(pages, texts["body|heading"]) + grid(body_rows(reading, pages, frame), frame)
            + signature(pages, texts["signature"], texts["date"], frame)
            + imprint(pages, bool(texts["imprint"]), frame)
            + attachments(pages, texts["attachment_label"], frame))


class Frame:
    """The 版心 in PDF points, from the document's first section."""

    def __init__(self, top: float, bottom: float, left: float, right: float):
        self.top, self.bottom, self.left, self.right = top, bottom, left, right

    @classmethod
    def of(cls, reading: Reading) -> Frame:
        section = reading.sections[0]
        m = section.margins
        return cls(m["top"] / 20, (section.height - m["bottom"]) / 20, m["left"] / 20,
                   (section.width - m["right"]) / 20)

    def body_lines(self, page: Page) -> list[Line]:
        """The rows of text inside the 版心 (header and footer left out)."""
        return [ln for ln in rows(page) if self.holds(ln.top, ln.bottom)]

    def holds(self, top: float, bottom: float) -> bool:
        return top >= self.top - 6 and bottom <= self.bottom + 6


def rows(page: Page) -> list[Line]:
    """Lines on one baseline (tops and bottoms less than a point apart) joined left to right:
    pdftotext splits widely spaced text apart, and a digit in another font may sit a little
    higher or lower than the characters beside it."""
    groups: list[list[Line]] = []
    for line in sorted(page.lines, key=lambda ln: (ln.top, ln.left)):
        first = groups[-1][0] if groups else None
        if first is not None and abs(first.top - line.top) < 1 and abs(first.bottom - line.bottom) < 1:
            groups[-1].append(line)
        else:
            groups.append([line])
    return [_joined(sorted(group, key=lambda ln: ln.left)) for group in groups]


def _joined(lines: list[Line]) -> Line:
    """One row of lines side by side (a line alone as pdftotext gave it)."""
    if len(lines) == 1:
        return lines[0]
    first, last = lines[0], lines[-1]
    return Line("".join(ln.text for ln in lines), first.top, first.bottom, first.left, last.right)


def first_page(pages: list[Page], body: list[str]) -> list[Finding]:
    """The first page must show body text (GB/T 9704 7.3.3)."""
    if not body:
        return []
    start = _plain(body[0])[:8]
    shown = [n for n, page in enumerate(pages, start=1) if start in _plain_page(page)]
    if not shown or shown[0] == 1:
        return []
    return [error("render.first_page_body", Where(page=1), f"首页应有正文，正文却从第{shown[0]}页开始")]


def grid(body: list[list[Line]], frame: Frame) -> list[Finding]:
    """22 lines per page (on pages body text fills) and 28 字 per line, on rows of body text."""
    return lines_per_page(full_pages(body, frame), frame) + chars_per_line(body, frame)


def lines_per_page(body: list[list[Line]], frame: Frame) -> list[Finding]:
    pitch = line_pitch(body)
    lines = math.floor((frame.bottom - frame.top) / pitch + 0.005) if pitch else LINES
    if lines == LINES:
        return []
    return [error("render.lines", Where(part="排版结果"), f"每页排{lines}行（行距{pitch:.2f}磅），应为{LINES}行")]


def chars_per_line(body: list[list[Line]], frame: Frame) -> list[Finding]:
    """How many characters fit the 版心's width at the usual character advance.

    Measured on rows of at least ten Chinese characters only: digits and Latin vary in width.
    """
    width = frame.right - frame.left
    chars = most_common([math.floor(width * len(ln.text) / (ln.right - ln.left) + 0.02)
                    for page in body for ln in page
                    if len(ln.text) >= 10 and all(map(is_wide, ln.text))])
    if chars in (None, CHARS):
        return []
    return [error("render.chars", Where(part="排版结果"), f"每行排{chars}字，应为{CHARS}字")]


def line_pitch(body: list[list[Line]]) -> float | None:
    """The average step over the longest run of evenly spaced lines on one page."""
    runs = [run for page in body for run in even_runs([b.top - a.top for a, b in pairwise(page)])]
    best = max(runs, key=len, default=[])
    return sum(best) / len(best) if best else None


def even_runs(steps: list[float]) -> list[list[float]]:
    """Consecutive steps within 15 % of the page's median step (paragraph spacing breaks a run)."""
    usual, runs, run = (median(steps) if steps else 0), [], []
    for step in [*steps, math.inf]:
        if abs(step - usual) < 0.15 * usual:
            run.append(step)
        elif run:
            runs, run = [*runs, run], []
    return runs


def signature(pages: list[Page], names: list[str], dates: list[str], frame: Frame) -> list[Finding]:
    """署名 and 成文日期 must not stand alone at the top of a page, nor the 成文日期 without its 署名."""
    first = names or dates
    number = _at_top(pages, first[-1], frame) if first else None
    if number is not None:
        return [error("render.signature_alone", Where(page=number), ALONE)]
    number = _at_top(pages, dates[-1], frame) if names and dates else None
    return [] if number is None else [error("render.signature_alone", Where(page=number), DATE_ALONE)]


def _at_top(pages: list[Page], text: str, frame: Frame) -> int | None:
    """The number of the page whose 版心 the line reading ``text`` starts, else None."""
    found = _find_line(pages, text)
    if found is None:
        return None
    number, line = found
    return None if any(ln.top < line.top for ln in frame.body_lines(pages[number - 1])) else number


def imprint(pages: list[Page], has_imprint: bool, frame: Frame) -> list[Finding]:
    """The 版记 sits at the foot of the last page: its last line within one line of the 版心 bottom."""
    lines = [(n, ln) for n, p in enumerate(pages, start=1) for ln in rows(p)
             if IMPRINT_LINE.search(ln.text)]
    if not has_imprint or not lines:
        return []
    number, line = max(lines, key=lambda item: (item[0], item[1].bottom))
    if number != len(pages):
        return [error("render.imprint", Where(page=number), f"版记应在最后一页（第{len(pages)}页）")]
    gap = frame.bottom - line.bottom
    if gap <= 29:
        return []
    return [error("render.imprint", Where(page=number),
                  f"版记应位于最后一页版心底部，实际离底边还有{gap / 72 * 25.4:.0f}毫米")]


def attachments(pages: list[Page], labels: list[str], frame: Frame) -> list[Finding]:
    """Each attachment (附件1 …) starts a new page."""
    findings = []
    for label in labels:
        found = _find_line(pages, label)
        if found and any(ln.top < found[1].top for ln in frame.body_lines(pages[found[0] - 1])):
            findings.append(error("render.attachment_page", Where(page=found[0]),
                                  f"附件应另起一页：“{label.strip()}”之前还有其他内容"))
    return findings


def _find_line(pages: list[Page], text: str) -> tuple[int, Line] | None:
    """The last line reading exactly ``text`` (page number from 1, line)."""
    want = _plain(text)
    hits = [(n, ln) for n, p in enumerate(pages, start=1) for ln in rows(p) if _plain(ln.text) == want]
    return hits[-1] if hits else None


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _plain_page(page: Page) -> str:
    return _plain("".join(ln.text for ln in page.lines))

