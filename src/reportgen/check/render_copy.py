"""The file `check --render` converts: the document itself, or a copy LibreOffice lays out as Word does.

WPS writes a line grid (``w:docGrid w:type="lines" w:linePitch="312"``) into documents whose
text has exact line spacing. Word and WPS ignore the grid for such lines; LibreOffice snaps them
to it, so 28 pt lines take 31.2 pt and a page holds 20 lines instead of 22. For such a document
the copy drops the grid's type (its lines are exact anyway); the user's file is never touched.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

from ..files.write_errors import write_error
from .docx_read import Reading

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY = "word/document.xml"


def rendering_source(reading: Reading, folder: Path) -> Path:
    """``reading``'s file, or a copy of it in ``folder`` without a line grid LibreOffice would
    misapply (see the module docstring)."""
    if not misread_grid(reading):
        return reading.path
    target = folder / reading.path.name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(reading.path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in source.infolist():
                data = source.read(info)
                copy.writestr(info, without_line_grid(data) if info.filename == BODY else data)
    except OSError as exc:
        raise write_error(target, exc) from None
    return target


def misread_grid(reading: Reading) -> bool:
    """Every section has a plain line grid, and most text has exact line spacing."""
    rules = Counter(p.line[1] for p in reading.paragraphs if p.number and not p.in_table)
    return (all(s.grid.get("type") == "lines" for s in reading.sections)
            and bool(rules) and rules.most_common(1)[0][0] == "exact")


def without_line_grid(document_xml: bytes) -> bytes:
    """word/document.xml with the type of every line grid removed."""
    root = etree.fromstring(document_xml, etree.XMLParser(resolve_entities=False, huge_tree=True))
    for grid in root.iter(f"{W}docGrid"):
        if grid.get(f"{W}type") == "lines":
            del grid.attrib[f"{W}type"]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
