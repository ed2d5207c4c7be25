"""What `check --render` changes in the copy LibreOffice converts, so that it lays out as Word does.

WPS writes a line grid (``w:docGrid w:type="lines" w:linePitch="312"``) into documents whose
text has exact line spacing. Word and WPS ignore the grid for such lines; LibreOffice snaps them
to it, so 28 pt lines take 31.2 pt and a page holds 20 lines instead of 22. For such a document
the conversion copy (office/conversion_copy.py) drops the grid's type (its lines are exact
anyway); the user's file is never touched.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from .docx_read import Reading

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY = "word/document.xml"


def rendering_steps(reading: Reading) -> tuple:
    """The conversion steps ``reading``'s document needs besides everyone's: none, or the removal
    of a line grid LibreOffice would misapply."""
    return (without_line_grid,) if misread_grid(reading) else ()


def misread_grid(reading: Reading) -> bool:
    """Every section has a plain line grid, and most text has exact line spacing."""
    rules = Counter(p.line[1] for p in reading.paragraphs if p.number and not p.in_table)
    return (all(s.grid.get("type") == "lines" for s in reading.sections)
            and bool(rules) and rules.most_common(1)[0][0] == "exact")


def without_line_grid(name: str, data: bytes) -> bytes:
    """word/document.xml with the type of every line grid removed; other parts as they are."""
    if name != BODY:
        return data
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))
    for grid in root.iter(f"{W}docGrid"):
        if grid.get(f"{W}type") == "lines":
            del grid.attrib[f"{W}type"]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
