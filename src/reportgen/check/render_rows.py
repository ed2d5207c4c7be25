"""Which rows of the rendered pages are body text, and which pages body text fills: the grid
(22 lines, 28 字) is measured on these only.

A row is body text when it lies inside the 版心, is not table text (a line of the PDF each of whose
words is found in a table cell's text), and has the body's usual height, taken over such
rows only, so that a long table (a 汇总 of many units) never sets it. A page is full when its body
rows start on the 版心's first line and end within two lines of its bottom (a heading kept with
the next page's text may leave one line empty); lines per page are judged on full pages only, so
a one-page document or a page of table is never "21 lines".
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

from ..office.pdf_text import Line, Page
from .docx_read import Reading

if TYPE_CHECKING:
    from .rules_render import Frame

LINES = 22
SEPARATOR = "\0"  # between paragraphs' texts, so that a line never matches across two of them


def body_rows(reading: Reading, pages: list[Page], frame: Frame) -> list[list[Line]]:
    """Per page, the rows of body text, top to bottom."""
    is_table = table_lines(reading)
    pages = [Page(p.width, p.height, [ln for ln in p.lines if not all(map(is_table, ln.words))])
             for p in pages]
    rows = [frame.body_lines(p) for p in pages]
    heights = Counter(round(ln.bottom - ln.top, 1) for page in rows for ln in page)
    if not heights:
        return [[] for _ in rows]
    height = heights.most_common(1)[0][0]
    return [[ln for ln in page if abs(ln.bottom - ln.top - height) < 0.5] for page in rows]


def table_lines(reading: Reading):
    """A test of whether a PDF word is table text: found in a table cell's text. A body line
    that a cell happens to hold too is only left unmeasured."""
    tables = SEPARATOR.join(plain(p.text) for p in reading.paragraphs if p.in_table)

    def is_table(text: str) -> bool:
        text = plain(text)
        return bool(text) and text in tables
    return is_table


def full_pages(body: list[list[Line]], frame: Frame) -> list[list[Line]]:
    """The pages whose body rows run from the 版心's first line to (within two lines of) its last."""
    line = (frame.bottom - frame.top) / LINES
    return [page for page in body if len(page) > 1 and page[0].top - frame.top < line
            and frame.bottom - page[-1].bottom < 2 * line]


def plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())
