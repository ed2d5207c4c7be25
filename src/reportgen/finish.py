"""Finishing touches after the template is filled, which depend on its look: signature, table widths."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import nsmap, qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph
from lxml import etree

from .outline import Outline
from .tables import TableView

SIGNATURE_STYLES = ("发文机关署名", "发文机关署名（用印）", "成文日期")
DATE_STYLE = "成文日期"
NOTE_STYLE = "附件说明"
DATA_TABLE = "公文表格"
TABLE_TEXT = "表格文字"
SHORT_COLUMN = 5  # 字, padding included: 序号, 合计 and short names
CELLS = etree.XPath("./w:tr/w:tc", namespaces=nsmap)
CELL_WIDTHS = etree.XPath("./w:tr/w:tc/w:tcPr/w:tcW", namespaces=nsmap)
W_W, W_TR, W_TC = qn("w:w"), qn("w:tr"), qn("w:tc")


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


def finish(document: Document, outline: Outline, look: Look) -> None:
    """Place the signature and size the data tables of a filled document."""
    place_signature(document, outline, look)
    size_tables(document, outline, look)


def place_signature(document: Document, outline: Outline, look: Look) -> None:
    """Set the right indents of 署名 and 成文日期, which depend on their lengths (GB/T 9704 7.3.5).

    The paragraph before them keeps with them, so the signature never stands alone on a page.
    """
    sig = outline.signature
    indents = {sig.name: sig.name_indent, sig.date: sig.date_indent}
    for p in _styled(document.element.body, "p", look.signature):
        style = _style_id(p)
        if (paragraph := Paragraph(p, None)).text in indents:
            twips = indents[paragraph.text] * look.char_twips[style]
            paragraph.paragraph_format.right_indent = Twips(round(twips))
            if look.signature[style] != DATE_STYLE or not sig.name:
                _keep_before(p, look.note_id)


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
        Paragraph(p, None).paragraph_format.keep_with_next = True
        if _style_id(p) != note_id:
            return


def _style_id(p) -> str | None:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else None


def _char_twips(style) -> float:
    """The width of one 字 in ``style``, in twips."""
    while style is not None and style.font.size is None:
        style = style.base_style
    return style.font.size.pt * 20 if style is not None else 320


def size_tables(document: Document, outline: Outline, look: Look) -> None:
    """Give each data table the full 版心 width, split among its columns as the outline says."""
    views = [b.table for b in [*outline.body, *outline.attachment_pages] if b.kind == "table"]
    tables = _styled(document.element.body, "tbl", [look.table_id] if look.table_id else [])
    for tbl, view in zip(tables, views, strict=False):
        _set_grid(tbl, _split(look.text_width, column_weights(view, look.text_width / look.table_char)))


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
    tbl.tblPr.find(qn("w:tblW")).set(W_W, str(sum(twips)))
    grid = tbl.tblGrid
    for col in grid.findall(qn("w:gridCol")):
        grid.remove(col)
    for w in twips:
        grid.add_gridCol().set(W_W, str(w))
    widths = [str(w) for w in twips]
    cells, set_widths = CELLS(tbl), CELL_WIDTHS(tbl)
    if len(cells) == len(set_widths) == len(widths) * len(tbl.findall(W_TR)):
        for width, w in zip(set_widths, widths * (len(cells) // len(widths)), strict=True):
            width.set(W_W, w)  # every cell already has its width element: set them in one pass
        return
    for row in tbl.iterchildren(W_TR):
        for tc, w in zip(row.iterchildren(W_TC), widths, strict=False):
            tc.get_or_add_tcPr().get_or_add_tcW().set(W_W, w)
