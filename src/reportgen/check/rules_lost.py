"""Nothing lost in the rendering: every character of the document's text (body, tables, text
boxes) is in the PDF, whoever made the .docx.

Text is compared without whitespace and invisible characters, in compatibility form and case
folded (pdftotext may give ，as , or a ligature as two letters). The PDF's text is taken in
drawing order (pdftotext -raw), what is drawn above and below the 版心 (page numbers) last. A
paragraph is looked for whole just after where the previous one ended; else it is aligned piece
by piece (difflib) from there, or from where a few of its characters occur (a text box is drawn
where it stands), in text no other paragraph matched, so that characters the PDF adds (a table
header repeated on each page) are ignored and those it lacks are named. Field results (PAGE,
dates) and hidden text are not compared.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..office.pdf_text import Word
from .docx_read import Para, Reading
from .report import Finding, at, error
from .rules_render import Frame

PIECE = 400  # characters of a paragraph aligned at a time, which bounds the work of one alignment
CONTEXT = 100  # characters of the text after a piece aligned with it
NEAR = 40  # characters the PDF may add before a paragraph found whole (numbers, a table header)
BUDGET = 20_000_000  # pairs of characters compared by difflib in one document: a few seconds
SEED = 6  # characters that locate a piece drawn elsewhere than in reading order
SHOWN = 10  # lost characters named in one message
INVISIBLE = ("Cc", "Cf", "Zs", "Zl", "Zp")
CLAIMED = "\0"  # in place of PDF text already matched; no compared text holds it
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


@dataclass(frozen=True)
class Text:
    """Text in the form compared, with the index in the original text of each of its characters."""

    chars: str
    origins: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Text:
        chars, origins = [], []
        for n, char in enumerate(text):
            for c in unicodedata.normalize("NFKD", char).casefold().translate(HYPHENS):
                if unicodedata.category(c) not in INVISIBLE:
                    chars.append(c)
                    origins.append(n)
        return cls("".join(chars), tuple(origins))


class Rendered:
    """The PDF's text in compared form; each stretch of it matches one place in the document."""

    def __init__(self, text: str):
        self.chars = Text.of(text).chars
        self.free_chars = list(self.chars)  # matched characters replaced by CLAIMED
        self.claims: list[tuple[int, int]] = []  # matched stretches, sorted, not overlapping
        self.cursor = 0  # where the text after the last one matched is looked for
        self.budget = BUDGET  # characters compared in alignments, left for this document

    def find(self, chars: str, start: int = 0) -> int:
        """Where ``chars`` occur whole from ``start`` on, in text not matched yet; -1 if nowhere."""
        found = self.chars.find(chars, start)
        while found >= 0 and not self.is_free(found, found + len(chars)):
            found = self.chars.find(chars, found + 1)
        return found

    def is_free(self, start: int, end: int) -> bool:
        n = bisect.bisect_right(self.claims, (start, math.inf))
        return (n == 0 or self.claims[n - 1][1] <= start) and (
            n == len(self.claims) or self.claims[n][0] >= end)

    def claim(self, start: int, end: int) -> None:
        bisect.insort(self.claims, (start, end))
        self.free_chars[start:end] = CLAIMED * (end - start)

    def window(self, start: int, length: int) -> str:
        return "".join(self.free_chars[start:start + length])

    def take(self, chars: str) -> bool:
        """Claim ``chars`` if they stand whole just after the cursor (the PDF may add a little
        before them: a list number, a table header), and move the cursor past them."""
        found = self.find(chars, self.cursor)
        if not 0 <= found <= self.cursor + NEAR:
            return False
        self.claim(found, found + len(chars))
        self.cursor = found + len(chars)
        return True


def lost_findings(reading: Reading, pages: list[list[Word]]) -> list[Finding]:
    """An error for each paragraph some of whose characters the PDF does not show."""
    rendered = Rendered(drawn_text(pages, Frame.of(reading)))
    if not rendered.chars:
        return []
    units = [(para, text, Text.of(text)) for para in reading.paragraphs for text in stretches(para)]
    lost: dict[int, tuple[Para, list[str]]] = {}
    for n, (para, text, compared) in enumerate(units):
        following = "".join(u[2].chars for u in units[n + 1:n + 4])
        indices = missing(compared, following[:CONTEXT], rendered)
        lost.setdefault(para.number, (para, []))[1].extend(text[i] for i in indices)
    return [lost_characters(para, chars) for para, chars in lost.values() if chars]


def drawn_text(pages: list[list[Word]], frame: Frame) -> str:
    """The PDF's text in drawing order, page by page, with what is drawn above or below the 版心
    (page numbers, headers) put after it all, so that it never splits a paragraph's text."""
    inside = [w.text for page in pages for w in page if frame.holds(w.top, w.bottom)]
    outside = [w.text for page in pages for w in page if not frame.holds(w.top, w.bottom)]
    return "".join(inside + outside)


def lost_characters(para: Para, lost: list[str]) -> Finding:
    names = "".join(f"“{c}”" for c in lost[:SHOWN]) + ("等" if len(lost) > SHOWN else "")
    return error("render.lost_text", at(para), f"排版后的 PDF 中缺少本段的{len(lost)}个字符：{names}")


def stretches(para: Para) -> list[str]:
    """The paragraph's text between field results and hidden runs, which are not compared."""
    found, text = [], ""
    for run in para.runs:
        if run.field or run.hidden:
            found.append(text)
            text = ""
        else:
            text += run.text
    return [t for t in [*found, text] if t.strip()]


def missing(text: Text, following: str, rendered: Rendered) -> list[int]:
    """Indices (in the original text) of the characters of ``text`` the PDF lacks: found whole
    just after the cursor, or else piece by piece, each found whole or aligned. ``following`` is
    the document's text after it: aligned too, it takes its own characters, which a lost end of
    ``text`` would otherwise match (matches keep their order)."""
    if rendered.take(text.chars):
        return []
    lost: list[int] = []
    for start in range(0, len(text.chars), PIECE):
        piece = text.chars[start:start + PIECE]
        if not rendered.take(piece):
            after = (text.chars[start + PIECE:] + following)[:CONTEXT]
            lost += sorted({text.origins[start + i] for i in align(piece, after, rendered)})
    return lost


def align(piece: str, after: str, rendered: Rendered) -> list[int]:
    """The positions of ``piece`` (followed by ``after``) that match nothing in the best window
    of the PDF's unmatched text; the window starts at the cursor or where a few of the piece's
    characters occur. The piece's matches are claimed. Past the document's budget of alignment
    work, the characters the window lacks are counted instead (positions approximate)."""
    best: list[tuple[int, int, int]] = []  # (position in piece, in the PDF's text, length)
    for start in window_starts(piece, rendered):
        window = rendered.window(start, len(piece) + len(after) + 2 * NEAR)
        if rendered.budget <= 0:
            return counted(piece, window[:len(piece) + NEAR])
        rendered.budget -= (len(piece) + len(after)) * len(window)
        blocks = SequenceMatcher(None, piece + after, window, autojunk=False).get_matching_blocks()
        mine = [(b.a, start + b.b, min(b.size, len(piece) - b.a)) for b in blocks
                if b.size and b.a < len(piece)]
        if sum(m[2] for m in mine) > sum(m[2] for m in best):
            best = mine
    for _, at_pdf, size in best:
        rendered.claim(at_pdf, at_pdf + size)
        rendered.cursor = max(rendered.cursor, at_pdf + size)
    matched = {i for a, _, size in best for i in range(a, a + size)}
    return [i for i in range(len(piece)) if i not in matched]


def counted(piece: str, window: str) -> list[int]:
    """Positions in ``piece`` of as many of each character as ``window`` has fewer of."""
    short = Counter(piece) - Counter(window)
    lost = []
    for i in range(len(piece) - 1, -1, -1):
        if short[piece[i]]:
            short[piece[i]] -= 1
            lost.append(i)
    return sorted(lost)


def window_starts(piece: str, rendered: Rendered) -> list[int]:
    """The cursor, and where the piece would start if drawn where a few of its characters first
    occur (after the cursor, else anywhere): a text box is drawn out of reading order."""
    for offset in range(0, max(len(piece) - SEED, 0) + 1, SEED):
        seed = piece[offset:offset + SEED]
        found = rendered.find(seed, rendered.cursor)
        found = found if found >= 0 else rendered.find(seed)
        if found >= 0:
            return [rendered.cursor, max(found - offset, 0)]
    return [rendered.cursor]
