"""The text of a PDF with its position on the page: pages and lines (pdftotext -bbox-layout), or
words in the order they are drawn (pdftotext -raw -bbox)."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from .convert import path_argument, poppler


@dataclass(frozen=True)
class Line:
    """One line of text on a PDF page; positions in points from the top-left corner."""

    text: str
    top: float
    bottom: float
    left: float
    right: float
    words: tuple[str, ...] = ()  # as pdftotext splits the line: table cells side by side apart


@dataclass
class Page:
    """One PDF page: its size in points and its lines from top to bottom."""

    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


def pdf_pages(pdf: Path) -> list[Page]:
    """Every page's lines of text with their boxes, from ``pdftotext -bbox-layout``."""
    out = subprocess.run([poppler("pdftotext"), "-bbox-layout", path_argument(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    return [_page(element) for element in ET.fromstring(out).iter("page")]


def _page(element) -> Page:
    lines = []
    for line in element.iter("line"):
        words = list(line.iter("word"))
        texts = tuple(w.text or "" for w in words)
        lines.append(Line("".join(texts), float(line.get("yMin")), float(line.get("yMax")),
                          float(words[0].get("xMin")), float(words[-1].get("xMax")), texts))
    lines.sort(key=lambda ln: ln.top)
    return Page(float(element.get("width")), float(element.get("height")), lines)



@dataclass(frozen=True)
class Word:
    """A word of a PDF page as drawn, with its top and bottom in points from the page's top."""

    text: str
    top: float
    bottom: float


def drawn_words(pdf: Path) -> list[list[Word]]:
    """Each page's words in the order they are drawn (``pdftotext -raw -bbox``): a paragraph's
    lines follow each other, table cells are not interleaved line by line."""
    out = subprocess.run([poppler("pdftotext"), "-raw", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
                         check=True, capture_output=True).stdout.decode("utf-8", errors="replace")
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    return [[Word(w.text or "", float(w.get("yMin")), float(w.get("yMax"))) for w in page.iter("word")]
            for page in ET.fromstring(out).iter("page")]
