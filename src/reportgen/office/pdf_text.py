"""The text of a PDF with its position on the page (pdftotext -bbox-layout): pages and lines."""

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
        lines.append(Line("".join(w.text or "" for w in words), float(line.get("yMin")),
                          float(line.get("yMax")), float(words[0].get("xMin")),
                          float(words[-1].get("xMax"))))
    lines.sort(key=lambda ln: ln.top)
    return Page(float(element.get("width")), float(element.get("height")), lines)
