"""Stage 4: fill a Word template with an Outline (the only module that uses docxtpl)."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Twips
from docxtpl import DocxTemplate

from .jinja import template_environment
from .outline import Outline
from .package import stable_zip

SIGNATURE_STYLES = ("发文机关署名", "发文机关署名（用印）", "成文日期")
DATA_TABLE = "公文表格"


def render_docx(outline: Outline, template: Path) -> bytes:
    """The finished .docx as bytes: the template's look, the outline's words and numbering."""
    doc = DocxTemplate(template)
    doc.render(dataclasses.asdict(outline), template_environment(), autoescape=True)
    place_signature(doc.docx, outline)
    size_tables(doc.docx, outline)
    doc.docx.core_properties.title = "".join(outline.title_lines)
    buffer = io.BytesIO()
    doc.save(buffer)
    return stable_zip(buffer.getvalue())


def place_signature(doc: Document, outline: Outline) -> None:
    """Set the right indents of 署名 and 成文日期, which depend on their lengths (GB/T 9704 7.3.5).

    The paragraph before them keeps with them, so the signature never stands alone on a page.
    """
    sig = outline.signature
    indents = {sig.name: sig.name_indent, sig.date: sig.date_indent}
    paragraphs = doc.paragraphs
    for i, paragraph in enumerate(paragraphs):
        if paragraph.style.name in SIGNATURE_STYLES and paragraph.text in indents:
            char = _char_twips(paragraph)
            paragraph.paragraph_format.right_indent = Twips(round(indents[paragraph.text] * char))
            if paragraph.style.name != "成文日期" or not sig.name:
                _keep_before(paragraphs[:i])


def _keep_before(paragraphs: list) -> None:
    """Keep the 附件说明 and the last body paragraph with what follows them."""
    for paragraph in reversed(paragraphs):
        paragraph.paragraph_format.keep_with_next = True
        if paragraph.style.name != "附件说明":
            return


def _char_twips(paragraph) -> float:
    """The width of one 字 in this paragraph's style, in twips."""
    style = paragraph.style
    while style is not None and style.font.size is None:
        style = style.base_style
    return style.font.size.pt * 20 if style is not None else 320


def size_tables(doc: Document, outline: Outline) -> None:
    """Give each table the full 版心 width, split among its columns as the outline says."""
    views = [b.table for b in [*outline.body, *outline.attachment_pages] if b.kind == "table"]
    tables = [t for t in doc.tables if t.style is not None and t.style.name == DATA_TABLE]
    section = doc.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    for table, view in zip(tables, views, strict=False):
        twips = _split(round(width / 635), view.widths)
        _set_grid(table._tbl, twips)


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


# For the template check (template_check.py): what docxtpl makes of a template's tags.

TAG_IN_XML = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
TAG_WRAPPER = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"


def jinja_tags(tags: list[str]) -> list[str]:
    """Tags as written in Word, as docxtpl hands them to Jinja: ``{%p if x %}`` → ``{% if x %}``,
    curly quotes straightened; a tag docxtpl would not take for one is left as written."""
    patched = _patcher().patch_xml("".join(TAG_WRAPPER.format(xml_escape(t)) for t in tags))
    pieces = re.findall(r"<w:tbl>(.*?)</w:tbl>", patched, flags=re.DOTALL)
    found = [TAG_IN_XML.search(piece) for piece in pieces]
    if len(found) != len(tags):  # only if docxtpl's patching changes: judge each tag alone
        return [jinja_tags([t])[0] for t in tags] if len(tags) > 1 else tags
    return [f.group(0) if f else t for f, t in zip(found, tags, strict=True)]


def jinja_sources(doc: Document) -> list[tuple[str, str]]:
    """The Jinja source docxtpl renders for the body, each header and each footer, with each
    paragraph on a line of its own, as (正文, 页眉 or 页脚, source)."""
    template = _patcher()
    template.docx = doc
    parts = [("正文", template.get_xml())]
    for uri, name in ((template.HEADER_URI, "页眉"), (template.FOOTER_URI, "页脚")):
        parts += [(name, template.get_part_xml(part)) for _, part in template.get_headers_footers(uri)]
    return [(name, re.sub(r"<w:p([ >])", r"\n<w:p\1", template.patch_xml(xml)))
            for name, xml in parts]


def _patcher() -> DocxTemplate:
    """A DocxTemplate without a file, for its XML patching alone."""
    return DocxTemplate(io.BytesIO())
