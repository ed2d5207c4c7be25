"""Finishing touches after the template is filled, which depend on its look: signature, table widths."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import nsmap, qn
from lxml import etree

from ..layout.outline import Outline
from ..layout.tables import TableView

SIGNATURE_STYLES = ("发文机关署名", "发文机关署名（用印）", "成文日期")
DATE_STYLE = "成文日期"
NOTE_STYLE = "附件说明"
DATA_TABLE = "公文表格"
TABLE_TEXT = "表格文字"
SHORT_COLUMN = 5  # 字, padding included: 序号, 合计 and short names
CELLS = etree.XPath("./w:tr/w:tc", namespaces=nsmap)
CELL_WIDTHS = etree.XPath("./w:tr/w:tc/w:tcPr/w:tcW[@w:type='dxa']", namespaces=nsmap)
W_W, W_T, W_TR, W_TC, W_GRIDCOL = qn("w:w"), qn("w:t"), qn("w:tr"), qn("w:tc"), qn("w:gridCol")
# The order of child elements the standard (ECMA-376 part 1, 17.3.1.26, 17.4.60, 17.4.70) requires.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
             "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
             "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
             "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
             "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
TBL_ORDER = ("tblPr", "tblGrid", "tr")
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
               "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
               "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange")
TCPR_ORDER = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
              "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns",
              "cellDel", "cellMerge", "tcPrChange")


@dataclass(frozen=True)
class Look:
    """What finishing needs from a template's styles, read once: style ids, widths in twips."""

    signature: dict[str, str]  # style id → style name, for the signature styles present
    char_twips: dict[str, float]  # style id → the width of one 字 in that style
    note_id: str | None
    table_id: str | None
    text_width: int
    table_char: float  # the width of one 字 of table text

    @classmethod
    def of(cls, document: Document) -> Look:
        ids = {s.name: s.style_id for s in document.styles}
        present = [n for n in SIGNATURE_STYLES if n in ids]
        section = document.sections[0]
        width = section.page_width - section.left_margin - section.right_margin
        return cls({ids[n]: n for n in present},
                   {ids[n]: _char_twips(document.styles[n]) for n in present},
                   ids.get(NOTE_STYLE), ids.get(DATA_TABLE), round(width / 635),
                   _char_twips(document.styles[TABLE_TEXT]) if TABLE_TEXT in ids else 280)


def finish(body, outline: Outline, look: Look) -> list:
    """Place the signature and size the data tables of a filled body (a plain lxml element);
    the tables sized, each with its columns' widths in twips."""
    place_signature(body, outline, look)
    return size_tables(body, outline, look)


def place_signature(body, outline: Outline, look: Look) -> None:
    """Set 署名 and 成文日期 where GB/T 9704 7.3.5 puts them (layout/signature.py): alignment and
    indents from their places, and the space where Chinese meets digits on, as the widths assume.

    The paragraph before them keeps with them, so the signature never stands alone on a page.
    """
    sig = outline.signature
    places = {text: place for text, place in (("".join(sig.lines), sig.name_place),
                                              (sig.date, sig.date_place)) if text}
    for p in _styled(body, "p", look.signature):
        style, text = _style_id(p), "".join(t.text or "" for t in p.iter(W_T))
        if text in places:
            _place(_ppr(p), places[text], look.char_twips[style], look.text_width)
            if look.signature[style] != DATE_STYLE or not sig.name:
                _keep_before(p, look.note_id)


def _place(ppr, place: tuple[str, float], char: float, width: int) -> None:
    """Indents and alignment putting a paragraph's text at ``place`` (字 from the right margin)."""
    align, at = place
    if align == "left":
        left, right = width - round(at * char), 0
    elif align == "right":
        left, right = 0, round(at * char)
    else:  # centred on ``at``: a box as wide as the 版心 allows, symmetric about it
        half = min(round(at * char), width - round(at * char))
        left, right = width - round(at * char) - half, round(at * char) - half
    for name in ("autoSpaceDE", "autoSpaceDN"):
        _child(ppr, name, PPR_ORDER).set(qn("w:val"), "1")
    ind = _child(ppr, "ind", PPR_ORDER)
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:right"), str(right))
    _child(ppr, "jc", PPR_ORDER).set(qn("w:val"), align)


def _styled(body, tag: str, style_ids) -> list:
    """The body's top-level paragraphs (``p``) or tables (``tbl``) in one of ``style_ids``."""
    return _styled_xpath(tag, tuple(style_ids))(body)


@functools.lru_cache(maxsize=32)
def _styled_xpath(tag: str, style_ids: tuple[str, ...]) -> etree.XPath:
    kind = "w:pPr/w:pStyle" if tag == "p" else "w:tblPr/w:tblStyle"
    test = " or ".join(f"@w:val='{s}'" for s in style_ids if "'" not in s) or "false()"
    return etree.XPath(f"./w:{tag}[{kind}[{test}]]", namespaces=nsmap)


def _keep_before(element, note_id: str | None) -> None:
    """Keep the 附件说明 and the last body paragraph with what follows them."""
    for p in element.itersiblings(qn("w:p"), preceding=True):
        keep = _child(_ppr(p), "keepNext", PPR_ORDER)
        keep.attrib.pop(qn("w:val"), None)
        if _style_id(p) != note_id:
            return


def _ppr(p):
    """The paragraph's properties, added as its first child if it has none."""
    found = p.find(qn("w:pPr"))
    if found is None:
        found = etree.Element(qn("w:pPr"))
        p.insert(0, found)
    return found


def _child(parent, name: str, order: tuple[str, ...]):
    """``parent``'s child ``w:name``, added where the schema's ``order`` puts it if missing."""
    tag, later = _placing(name, order)
    found = parent.find(tag)
    if found is not None:
        return found
    child = etree.Element(tag)
    following = next((c for c in parent if c.tag in later), None)
    if following is None:
        parent.append(child)
    else:
        following.addprevious(child)
    return child


@functools.cache
def _placing(name: str, order: tuple[str, ...]) -> tuple[str, frozenset[str]]:
    """The qualified tag of ``name`` and those of the elements that must come after it."""
    return qn(f"w:{name}"), frozenset(qn(f"w:{n}") for n in order[order.index(name) + 1:])


def _style_id(p) -> str | None:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else None


def _char_twips(style) -> float:
    """The width of one 字 in ``style``, in twips."""
    while style is not None and style.font.size is None:
        style = style.base_style
    return style.font.size.pt * 20 if style is not None else 320


def size_tables(body, outline: Outline, look: Look) -> list:
    """Give each data table the full 版心 width, split among its columns as the outline says;
    the tables sized, each with its columns' widths."""
    blocks = [*outline.body, *outline.plan_pages, *outline.attachment_pages]
    views = [b.table for b in blocks if b.kind == "table"]
    tables = _styled(body, "tbl", [look.table_id] if look.table_id else [])
    sized = [(tbl, _split(look.text_width, column_weights(view, look.text_width / look.table_char)))
             for tbl, view in zip(tables, views, strict=False)]
    for tbl, twips in sized:
        _set_grid(tbl, twips)
    return sized


def column_weights(view: TableView, room: float) -> list[float]:
    """Relative column widths: as given, or natural widths fitted into ``room`` 字.

    When natural widths are too wide, short columns (序号, names of a few 字) keep their width and
    the long ones share what is left, so that short words never break across lines.
    """
    widths = view.widths
    if not view.natural or sum(widths) <= room:
        return widths
    short = sum(w for w in widths if w <= SHORT_COLUMN)
    long = sum(w for w in widths if w > SHORT_COLUMN)
    if not long or short > room / 2:
        return widths
    scale = (room - short) / long
    return [w if w <= SHORT_COLUMN else w * scale for w in widths]


def _split(total: int, weights: list[float]) -> list[int]:
    """Whole twips per column, in proportion to ``weights``, that add up to ``total`` exactly."""
    whole = sum(weights)
    edges = [round(total * sum(weights[:i]) / whole) for i in range(len(weights) + 1)]
    return [b - a for a, b in zip(edges, edges[1:], strict=False)]


def _set_grid(tbl, twips: list[int]) -> None:
    """One grid column per table column, and every cell, as wide as ``twips`` says."""
    _width(_child(_child(tbl, "tblPr", TBL_ORDER), "tblW", TBLPR_ORDER), sum(twips))
    grid = _child(tbl, "tblGrid", TBL_ORDER)
    for col in grid.findall(W_GRIDCOL):
        grid.remove(col)
    for w in reversed(twips):
        grid.insert(0, etree.Element(W_GRIDCOL, {W_W: str(w)}))
    rows = tbl.findall(W_TR)
    widths = CELL_WIDTHS(tbl)
    if len(widths) == len(twips) * len(rows) == len(CELLS(tbl)):  # as a {%tc %} loop makes them
        for element, w in zip(widths, [str(w) for w in twips] * len(rows), strict=True):
            element.set(W_W, w)
        return
    for row in rows:
        size_cells(row, twips)


def size_cells(row, twips: list[int]) -> None:
    """Each cell of ``row`` as wide as ``twips`` says, its tcPr and tcW added if missing."""
    for tc, w in zip(row.iterchildren(W_TC), twips, strict=False):
        _width(_child(_child(tc, "tcPr", ("tcPr", "p", "tbl")), "tcW", TCPR_ORDER), w)


def _width(element, twips: int) -> None:
    element.set(W_W, str(twips))
    element.set(qn("w:type"), "dxa")
