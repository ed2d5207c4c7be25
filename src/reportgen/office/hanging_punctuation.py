"""A conversion step: no paragraph of the copy LibreOffice converts lets punctuation hang.

LibreOffice reads ``w:overflowPunct`` inverted (absent or ``0`` turns its hanging punctuation on,
``1`` off) and then, at some line widths, lays a hanging ，、。 out in the margin without painting
it: the mark is missing from the PDF and the page image. So every paragraph of the copy says
``w:overflowPunct w:val="1"``, which LibreOffice reads as "do not hang": a closing mark that does
not fit takes the character before it to the next line, as Word and WPS do with the
``w:val="0"`` the built-in templates carry (docs/pdf-and-fonts.md). Only the copy changes.
"""

from __future__ import annotations

from lxml import etree

NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
              "http://purl.oclc.org/ooxml/wordprocessingml/main")  # transitional, strict
# What may follow w:overflowPunct in a w:pPr (ECMA-376 part 1, 17.3.1.26), by local name.
AFTER = frozenset(("topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
                   "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
                   "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
                   "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"))
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def no_hanging_punctuation(name: str, data: bytes) -> bytes:
    """The part with ``w:overflowPunct w:val="1"`` on each paragraph; other parts as they are."""
    found = [ns for ns in NAMESPACES if ns.encode() in data]
    if not name.endswith(".xml") or not found:
        return data
    try:
        tree = etree.ElementTree(etree.fromstring(data, PARSER))
    except etree.XMLSyntaxError:
        return data  # LibreOffice judges a broken part as it would without the copy
    paragraphs = [p for ns in found for p in tree.iter(f"{{{ns}}}p")]
    for p in paragraphs:
        _set_no_hanging(p, p.tag[:-1])
    if not paragraphs:
        return data
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                          standalone=tree.docinfo.standalone)


def _set_no_hanging(p, ns: str) -> None:
    """``p``'s own ``w:overflowPunct`` set to 1, added in schema order if it has none."""
    ppr = p.find(f"{ns}pPr")
    if ppr is None:
        ppr = etree.Element(f"{ns}pPr")
        p.insert(0, ppr)
    flag = ppr.find(f"{ns}overflowPunct")
    if flag is None:
        flag = etree.Element(f"{ns}overflowPunct")
        following = next((c for c in ppr if _local_name(c) in AFTER), None)
        ppr.append(flag) if following is None else following.addprevious(flag)
    flag.set(f"{ns}val", "1")


def _local_name(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""
