"""Finishing touches after the template is filled, which depend on its look: signature, table widths."""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph

from .outline import Outline

SIGNATURE_STYLES = ("发文机关署名", "发文机关署名（用印）", "成文日期")
DATE_STYLE = "成文日期"
NOTE_STYLE = "附件说明"
DATA_TABLE = "公文表格"


@dataclass(frozen=True)
class Look:
    """What finishing needs from a template's styles, read once: style ids, widths in twips."""

    signature: dict[str, str]  # style id → style name, for the signature styles present
    char_twips: dict[str, float]  # style id → the width of one 字 in that style
    note_id: str | None
    table_id: str | None
    text_width: int

    @classmethod
    def of(cls, document: Document) -> Look:
        ids = {s.name: s.style_id for s in document.styles}
        present = [n for n in SIGNATURE_STYLES if n in ids]
        section = document.sections[0]
        width = section.page_width - section.left_margin - section.right_margin
        return cls({ids[n]: n for n in present},
                   {ids[n]: _char_twips(document.styles[n]) for n in present},
                   ids.get(NOTE_STYLE), ids.get(DATA_TABLE), round(width / 635))


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
    elements = document.element.body.findall(qn("w:p"))
    for i, p in enumerate(elements):
        style = _style_id(p)
        if style in look.signature and (paragraph := Paragraph(p, None)).text in indents:
            twips = indents[paragraph.text] * look.char_twips[style]
            paragraph.paragraph_format.right_indent = Twips(round(twips))
            if look.signature[style] != DATE_STYLE or not sig.name:
                _keep_before(elements[:i], look.note_id)


def _keep_before(elements: list, note_id: str | None) -> None:
    """Keep the 附件说明 and the last body paragraph with what follows them."""
    for p in reversed(elements):
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
    path = f"{qn('w:tblPr')}/{qn('w:tblStyle')}"
    tables = [t for t in document.element.body.findall(qn("w:tbl"))
              if (s := t.find(path)) is not None and s.get(qn("w:val")) == look.table_id]
    for tbl, view in zip(tables, views, strict=False):
        _set_grid(tbl, _split(look.text_width, view.widths))


def _split(total: int, fractions: list[float]) -> list[int]:
    """Whole twips per column that add up to ``total`` exactly."""
    edges = [round(total * sum(fractions[:i])) for i in range(len(fractions) + 1)]
    return [b - a for a, b in zip(edges, edges[1:], strict=False)]


def _set_grid(tbl, twips: list[int]) -> None:
    tbl.tblPr.find(qn("w:tblW")).set(qn("w:w"), str(sum(twips)))
    for col, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), twips, strict=False):
        col.set(qn("w:w"), str(w))
    for row in tbl.findall(qn("w:tr")):
        for tc, w in zip(row.findall(qn("w:tc")), twips, strict=False):
            tc.get_or_add_tcPr().get_or_add_tcW().set(qn("w:w"), str(w))
