"""Where a paragraph sits, as Word lays it out: indents, the text box or frame holding it, and
the number Word writes before it when it is auto-numbered."""

from __future__ import annotations

import re

from .docx_numbering import Numbering
from .docx_styles import Props, qn

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
VML = "urn:schemas-microsoft-com:vml"
VML_POSITION = re.compile(r"mso-position-horizontal\s*:\s*([a-z]+)")
ATTRIBUTES = {  # each indent: (in hundredths of a character, in twips), each spelling Word uses
    "left": (("leftChars", "startChars"), ("left", "start")),
    "right": (("rightChars", "endChars"), ("right", "end")),
}


def indents(pprs: list, size: float) -> tuple[float, float, float]:
    """Left, first-line (negative when hanging) and right indents in points.

    Each is taken from the first level (direct, style chain, defaults) that sets it; a
    character-based value (w:firstLineChars …) wins over the twips beside it, as in Word.
    Looked up once for each way paragraphs are formatted (Props).
    """
    if isinstance(pprs, Props):
        return pprs.value(("indents", size), lambda: indents(list(pprs), size))
    left = _indent(pprs, *ATTRIBUTES["left"], size)
    right = _indent(pprs, *ATTRIBUTES["right"], size)
    return left, _first_line(pprs, size), right


def _indent(pprs: list, chars: tuple[str, ...], twips: tuple[str, ...], size: float) -> float:
    for ind in _ind_elements(pprs):
        for names, scale in ((chars, size / 100), (twips, 1 / 20)):
            value = next((ind.get(qn(f"w:{n}")) for n in names if ind.get(qn(f"w:{n}"))), None)
            if _is_int(value):
                return int(value) * scale
    return 0.0


def _first_line(pprs: list, size: float) -> float:
    """w:hangingChars, w:firstLineChars, w:hanging, w:firstLine: the first that is set, per level."""
    for ind in _ind_elements(pprs):
        for name, scale in (("hangingChars", -size / 100), ("firstLineChars", size / 100),
                            ("hanging", -1 / 20), ("firstLine", 1 / 20)):
            value = ind.get(qn(f"w:{name}"))
            if _is_int(value):
                return int(value) * scale
    return 0.0


def _ind_elements(pprs: list) -> list:
    return [ind for ppr in pprs if (ind := ppr.find(qn("w:ind"))) is not None]


def box_align(p) -> str | None:
    """The horizontal alignment of the text box holding ``p`` (DrawingML or VML), if any."""
    if next(p.iterancestors(qn("w:txbxContent")), None) is None:
        return None
    anchor = next(p.iterancestors(f"{WP}anchor"), None)
    if anchor is not None:
        align = anchor.find(f"{WP}positionH/{WP}align")
        return align.text.strip() if align is not None and align.text else None
    styles = (a.get("style", "") for a in p.iterancestors() if a.tag.startswith(f"{{{VML}}}"))
    found = next((m for style in styles if (m := VML_POSITION.search(style))), None)
    return found[1] if found else None


def list_label(pprs: list, style_id: str, numbering: Numbering) -> str:
    """The label Word numbers this paragraph with ("一、"), or "" if it is not numbered."""
    for ppr in pprs:
        num_pr = ppr.find(qn("w:numPr"))
        if num_pr is None:
            continue
        num_id = _child_val(num_pr, "numId")
        if num_id in (None, "0"):
            return ""
        level = _child_val(num_pr, "ilvl")
        return numbering.label(num_id, int(level) if _is_int(level) else
                               numbering.level_of(num_id, style_id))
    return ""


def _child_val(element, tag: str) -> str | None:
    child = element.find(qn(f"w:{tag}"))
    return child.get(qn("w:val")) if child is not None else None


def _is_int(value: str | None) -> bool:
    return bool(value) and value.lstrip("-").isdigit()
