"""Stage 4: fill a Word template with an Outline (the only module that uses docxtpl).

A template is read and compiled once (``WordTemplate``) and can then fill any number of outlines:
only the parts with tags are rendered again; the others are copied as compressed once.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path

from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from jinja2 import Template

from .finish import Look, finish
from .jinja import template_environment
from .outline import Outline
from .package import Part, parts_of, zip_bytes

TEMPLATED = (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI)
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
CORE = "docProps/core.xml"
BODY = "word/document.xml"


def render_docx(outline: Outline, template: Path) -> bytes:
    """The finished .docx as bytes: the template's look, the outline's words and numbering."""
    return word_template(template).fill(outline)


@functools.lru_cache(maxsize=8)
def _cached(path: Path, stamp: tuple) -> WordTemplate:
    return WordTemplate(path)


def word_template(path: Path) -> WordTemplate:
    """The compiled template at ``path``, compiled again only when the file changes."""
    stat = Path(path).stat()
    return _cached(Path(path).resolve(), (stat.st_mtime_ns, stat.st_size))


class WordTemplate:
    """A .docx template read and compiled once, to be filled with many outlines."""

    def __init__(self, path: Path):
        self.docx = DocxTemplate(path)
        self.docx.render_init()
        environment = template_environment()
        self.body = environment.from_string(_marked(self.docx.patch_xml(self.docx.get_xml())))
        self.parts = {part.partname.lstrip("/"): environment.from_string(
            _marked(self.docx.patch_xml(self.docx.get_part_xml(part))))
            for part in _templated_parts(self.docx)}
        self.look = Look.of(self.docx.docx)
        self.stock = parts_of(Path(path).read_bytes())

    def fill(self, outline: Outline) -> bytes:
        """The .docx for ``outline``: rendered parts, finishing touches, untouched parts as they were."""
        context = dataclasses.asdict(outline)
        self.docx.docx_ids_index = 1000
        tree = self.docx.fix_tables(self._render(self.body, context))
        self.docx.fix_docpr_ids(tree)
        self.docx.map_tree(tree)
        del tree  # its element proxy must go, so python-docx sees the new body with its own classes
        document = self.docx.docx.part.document
        finish(document, outline, self.look)
        fresh = {BODY: document.part.blob, CORE: self._core(outline)}
        fresh.update((name, serialize_part_xml(parse_xml(self._render(template, context))))
                     for name, template in self.parts.items())
        return zip_bytes(Part.of(p.name, fresh[p.name]) if fresh.get(p.name) else p
                         for p in self.stock)

    def _render(self, template: Template, context: dict) -> str:
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", template.render(context))
        for escaped, tag in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
            xml = xml.replace(escaped, tag)
        return self.docx.resolve_listing(xml) if re.search("[\t\a\n\f]", xml) else xml

    def _core(self, outline: Outline) -> bytes | None:
        """docProps/core.xml with the document's title, if the template has that part."""
        package = self.docx.docx.part.package
        part = next((p for p in package.iter_parts() if p.partname == f"/{CORE}"), None)
        if part is None:
            return None
        self.docx.docx.core_properties.title = "".join(outline.title_lines)
        return part.blob


def _templated_parts(template: DocxTemplate) -> list:
    """Headers, footers and footnotes: the parts besides the body that may hold tags."""
    rels = template.docx.part.rels.values()
    parts = [r.target_part for r in rels if r.reltype in TEMPLATED and r.target_part.blob]
    return parts + [r.target_part for r in rels
                    if not r.is_external and r.target_part.content_type == FOOTNOTES]


def _marked(xml: str) -> str:
    """Each paragraph on its own line, as docxtpl does, so template errors have useful line numbers."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
