"""Stage 4: fill a Word template with an Outline (the only module that uses docxtpl).

A template is read and compiled once (``WordTemplate``) and can then fill any number of outlines:
only the parts with tags are rendered again; the others are copied as compressed once.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import re
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from docx.document import Document
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import Template, TemplateError, meta
from lxml import etree
from lxml.etree import XMLSyntaxError

from ..errors import Problem, ReportgenError
from ..files.docx_kind import MAX_XML
from ..layout.outline import Outline
from ..sandbox.environments import (
    SecurityError,
    TextTooLong,
    render_within,
    template_environment,
)
from .core_title import CORE, CoreTitle
from .docx_zip import Part, parts_of, zip_bytes
from .geometry import Look, finish
from .notice_fit import fit_notice
from .table_rows import RowsApart, marker_widths

ESCAPED = {"{_{": "{{", "}_}": "}}", "{_%": "{%", "%_}": "%}"}
ESCAPED_TAG = re.compile("|".join(re.escape(e) for e in ESCAPED))
TEMPLATED = (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI)
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
NO_PLAN_PAGES = ("这个模板没有排“印发通知”之后方案正文的位置（plan_pages）：请用 reportgen templates "
                 "export plan 导出新的内置模板，按它修改后再用")
BODY = "word/document.xml"
ROWS_APART_FROM = 200_000  # characters of filled body: a table of about 150 rows


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


class DocumentTooBig(ReportgenError):
    """The filled document would be larger than reportgen reads back: the data is too big."""


class WordTemplate:
    """A .docx template read and compiled once, to be filled with many outlines."""

    def __init__(self, path: Path):
        self.docx = DocxTemplate(path)
        self.docx.render_init()
        environment = template_environment()
        source = _source(self.docx, self.docx.get_xml())
        self.body = environment.from_string(source)
        self.has_plan_pages = "plan_pages" in source  # templates older than 印发通知 do not
        self.has_drawings = "docPr" in source  # whose ids docxtpl numbers afresh
        sources = {part.partname.lstrip("/"): _source(self.docx, self.docx.get_part_xml(part))
                   for part in _templated_parts(self.docx)}
        self.parts = {name: environment.from_string(text) for name, text in sources.items()}
        self.reading = {name for name, text in sources.items()  # the others fill the same always
                        if meta.find_undeclared_variables(environment.parse(text))}
        self.constant: dict[str, Part] = {}
        self.look = Look.of(self.docx.docx)
        self.loose_columns = has_loose_columns(self.docx.docx.element.body, self.look.table_id)
        self.path = Path(path)
        self.stock = parts_of(self.path.read_bytes())
        self.same: dict[tuple[str, str], Part] = {}  # parts rendering the same every time
        self.around = _around_body(self.docx.docx.part.blob)
        self.core = CoreTitle(self.docx.docx)

    def fill(self, outline: Outline) -> bytes:
        """The .docx for ``outline``: rendered parts, finishing touches, untouched parts as they were.

        Raises ReportgenError when the template cannot be filled (a tag reading what is not there),
        or has no place for the 方案 after a 印发通知.
        """
        if outline.plan_pages and not self.has_plan_pages:
            raise ReportgenError(Problem(str(self.path), NO_PLAN_PAGES))
        try:
            return self._fill(outline, {f.name: getattr(outline, f.name) for f in dataclasses.fields(outline)})
        except TextTooLong as exc:  # no larger than reportgen reads back (files/docx_kind.py)
            raise DocumentTooBig(Problem(str(self.path), f"填写后的文档超过 {exc.limit:,} 个字符："
                                         "reportgen 不生成大到无法再读取检查的文档")) from None
        except SecurityError as exc:  # the sandbox's limits (sandbox/limits.py)
            raise ReportgenError(Problem(str(self.path), f"模板中的标签不允许这样写：{exc}")) from None
        except TemplateError as exc:  # a tag outside the if that guards what it reads
            raise ReportgenError(Problem(str(self.path), f"填写模板时出错（{exc}）：模板中有标签取用了"
                                         "这份文档没有的内容，请检查它是否在对应的 {%p if … %} 之内")) from None
        except XMLSyntaxError as exc:
            raise ReportgenError(Problem(str(self.path), f"模板填写后不是有效的 Word 文档（{exc}）："
                                         "请用 reportgen templates check 检查模板")) from None

    def _fill(self, outline: Outline, context: dict) -> bytes:
        fresh = {BODY: Part.of_pieces(BODY, self._body_xml(outline, context)),
                 CORE: self.core.with_title("".join(outline.title_lines))}
        fresh.update((name, self._part(name, template, context))
                     for name, template in self.parts.items())
        return zip_bytes(fresh.get(p.name) or p for p in self.stock)

    def _body_xml(self, outline: Outline, context: dict) -> Iterator:
        """word/document.xml filled and finished, as pieces to deflate one after another.

        Memory: for a 汇总 of many units the filled text and its parsed tree are the largest things
        reportgen holds. The rows of its tables are kept apart from the tree (word/table_rows.py)
        and finished a few at a time; whatever is parsed whole goes as soon as the next form of the
        body exists (the text once parsed, the tree once serialized), never copied whole again.
        """
        xml = self._render(self.body, context)
        apart = self._rows_apart(xml)
        held, xml = [xml if apart is None else apart.rest], None
        tree = self._parsed(held.pop())
        if self.has_drawings:
            self.docx.docx_ids_index = 1000
            self.docx.fix_docpr_ids(tree)
        sized = finish(tree, outline, self.look)
        fit_notice(tree, outline, self.look.signature)
        widths = marker_widths(sized) if apart else {}
        held, tree, sized = [tree], None, None  # only ``held`` keeps the tree now
        pieces = self._document_xml(held)
        return apart.spliced(pieces, widths) if apart else _drained(pieces)

    def _rows_apart(self, xml: str) -> RowsApart | None:
        """The body's table rows apart, where they can be put back as the whole tree would have
        them: no {%tc %} tables (fixed across the whole body), no drawing in a row (numbered
        across it), the template's own start tag of the body, and every row well-formed (else the
        whole body is parsed, so that the error says where). Only for a body of ROWS_APART_FROM
        characters or more: for a smaller one the tree is small and the whole is faster (a unit's
        document, about 9,000 characters, was built 12 % slower with its rows apart)."""
        if len(xml) < ROWS_APART_FROM or self.loose_columns or self.around is None:
            return None
        apart = RowsApart.cut(xml)
        try:
            if apart is None or not self._declared_alike(etree.fromstring(xml[:xml.index(">")] + "/>")):
                return None
            apart.check()
        except XMLSyntaxError:
            return None
        return apart

    def _parsed(self, xml: str):
        """The filled body as a tree; parsed from UTF-8 (no declaration: a str cannot have one),
        about half the text's size, so that the text can go before the tree is built."""
        if self.loose_columns:
            return self.docx.fix_tables(xml)
        held, xml = [xml.encode()], None
        return etree.fromstring(held.pop())

    def _declared_alike(self, body) -> bool:
        """Whether ``body`` declares no namespace other than the document element does."""
        declared = self.docx.docx.element.nsmap
        return all(declared.get(k) == v for k, v in body.nsmap.items())

    def _document_xml(self, held: list) -> list:
        """word/document.xml with the body in ``held`` (emptied, so the tree can go once
        serialized): the template's own bytes around the new body, as pieces.

        The body's namespace declarations are those of the document element, so they are left to
        it; a body declaring anything else goes through python-docx instead.
        """
        body = held.pop()
        if self.around is None or not self._declared_alike(body):
            self.docx.map_tree(body)
            del body  # a plain element's proxy must go, so python-docx sees the body with its classes
            return [self.docx.docx.part.blob]
        inner = etree.tostring(body, encoding="UTF-8", xml_declaration=False)
        del body
        before, start_tag, after = self.around
        return [before, start_tag, memoryview(inner)[inner.index(b">") + 1:], after]

    def _part(self, name: str, template: Template, context: dict) -> Part:
        """The header, footer or footnotes part ``name`` filled; once, if it reads no names."""
        if name in self.constant:
            return self.constant[name]
        part = self._same(name, self._render(template, context))
        if name not in self.reading:
            self.constant[name] = part
        return part

    def _same(self, name: str, xml: str) -> Part:
        """The part ``name`` for ``xml``, made once for each different text (footers rarely vary)."""
        if (name, xml) not in self.same:
            if len(self.same) > 64:
                self.same.clear()
            self.same[name, xml] = Part.of(name, serialize_part_xml(parse_xml(xml)))
        return self.same[name, xml]

    def _render(self, template: Template, context: dict) -> str:
        """The filled XML, finished as docxtpl finishes it (its tabs and breaks); no larger than
        the XML reportgen reads (files/docx_kind.py), so every document it writes can be checked."""
        xml = render_within(template, context, MAX_XML)
        return self.docx.resolve_listing(xml) if re.search("[\t\a\n\f]", xml) else xml


def _drained(pieces: list) -> Iterator:
    """``pieces`` one by one, each gone from the list once handed on."""
    while pieces:
        yield pieces.pop(0)


def _source(docx: DocxTemplate, xml: str) -> str:
    """The Jinja source of a part, docxtpl's escaped braces ({_{ for a literal {{) made literal.

    docxtpl turns them back after rendering, in the text filled in as well; here they are turned
    before, so that a document's own "{_{" stays as written.
    """
    return ESCAPED_TAG.sub(lambda m: f"{{{{ '{ESCAPED[m[0]]}' }}}}", docx.patch_xml(xml))


def _around_body(document_xml: bytes) -> tuple[bytes, bytes, bytes] | None:
    """What comes before the body, the body's start tag, and what follows it, in document.xml."""
    start, end = document_xml.find(b"<w:body>"), document_xml.rfind(b"</w:body>")
    if start < 0 or end < 0:
        return None
    return document_xml[:start], b"<w:body>", document_xml[end + len(b"</w:body>"):]


def has_loose_columns(body, data_table: str | None) -> bool:
    """Whether a table other than the data tables (which word/geometry.py sizes) has {%tc %} column loops,
    whose grid docxtpl must then fix after rendering."""
    for table in body.iter(qn("w:tbl")):
        style = table.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
        if (style is None or style.get(qn("w:val")) != data_table) \
                and re.search(r"\{%-?\s*tc\s", "".join(table.itertext())):
            return True
    return False


def _templated_parts(template: DocxTemplate) -> list:
    """Headers, footers and footnotes: the parts besides the body that may hold tags."""
    rels = template.docx.part.rels.values()
    parts = [r.target_part for r in rels if r.reltype in TEMPLATED and r.target_part.blob]
    return parts + [r.target_part for r in rels
                    if not r.is_external and r.target_part.content_type == FOOTNOTES]


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
