"""Word's formatting precedence: direct → character style → paragraph style → based-on → defaults."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn as namespaced
from lxml import etree

from ..errors import DocumentUnreadable, Problem

qn = functools.cache(namespaced)  # Clark names, looked up millions of times in a long document

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
THEME_SLOTS = {"eastAsia": "eastAsiaTheme", "ascii": "asciiTheme", "hAnsi": "hAnsiTheme"}
DEFAULT_SIZE = 10.0  # points, when nothing in the chain sets w:sz (ECMA-376 17.3.2.38)
MAX_FORMATS = 20_000  # ways paragraphs and runs are formatted; a real 公文 has tens
TOO_MANY_FORMATS = (f"文档中段落和文字的格式超过 {MAX_FORMATS:,} 种（一份公文通常只有几十种），"
                    "reportgen 不检查这样的文档")


@dataclass(frozen=True)
class Font:
    """A font slot as Word resolves it: a name, or a theme font (which overrides any name)."""

    name: str | None
    theme: str | None = None

    def __str__(self) -> str:
        return self.name or "未指定字体"


class Props(list):
    """Formatting elements in precedence order, one list shared by every paragraph (or run)
    formatted alike, keeping what was looked up in it: a long document costs a dictionary lookup
    per paragraph for each property, not a walk through the style chain."""

    def __init__(self, elements: list):
        super().__init__(e for e in elements if e is not None)
        self.found: dict = {}

    def value(self, key: tuple, compute):
        if key not in self.found:
            self.found[key] = compute()
        return self.found[key]


class StyleSheet:
    """A document's styles by id with their based-on chains, document defaults and theme fonts.

    Formatting is looked up once for each way a paragraph or run is formatted (see Props); a
    document formatted in more than MAX_FORMATS ways is refused, so a check stays within seconds.
    """

    def __init__(self, doc: DocxDocument, file: str = ""):
        root = doc.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        defaults = [s for s in self.by_id.values()
                    if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")]
        self.default_paragraph = defaults[0].get(qn("w:styleId")) if defaults else "Normal"
        self.default_rpr = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.default_ppr = root.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
        self.theme = theme_fonts(doc)
        self.file, self.last = file, (None, None)
        self.chains: dict[str | None, list] = {}
        self.style_names: dict[str | None, tuple[str, ...]] = {}
        self.formats: dict[tuple, Props] = {}

    def chain(self, style_id: str | None) -> list:
        """The style with ``style_id`` and its basedOn ancestors, nearest first (cycles cut)."""
        if style_id not in self.chains:
            self.chains[style_id] = self._chain(style_id)
        return self.chains[style_id]

    def _chain(self, style_id: str | None) -> list:
        chain: list = []
        while style_id in self.by_id and self.by_id[style_id] not in chain:
            chain.append(self.by_id[style_id])
            based = chain[-1].find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return chain

    def names(self, style_id: str | None) -> tuple[str, ...]:
        """Lower-case names of the style and its ancestors, nearest first."""
        if style_id not in self.style_names:
            self.style_names[style_id] = tuple(_name(s) for s in self.chain(style_id))
        return self.style_names[style_id]

    def paragraph_style(self, p) -> str:
        """The paragraph's style id; one the document does not define falls back to the default
        paragraph style (Normal), as in Word and LibreOffice (pandoc's BodyText, FirstParagraph)."""
        if self.last[0] is not p:  # asked for each run of a paragraph in turn
            style = _grandchild(p, "w:pPr", "w:pStyle")
            named = style.get(qn("w:val")) if style is not None else None
            self.last = (p, named if named in self.by_id else self.default_paragraph)
        return self.last[1]

    def paragraph_props(self, p) -> list:
        """pPr elements in precedence order: direct, paragraph style chain, defaults."""
        ppr = p.find(qn("w:pPr"))
        return self._format(("p", _xml(ppr)), lambda: [ppr] + [
            s.find(qn("w:pPr")) for s in self.chain(self.paragraph_style(p))] + [self.default_ppr])

    def run_props(self, p, r) -> list:
        """rPr elements in precedence order: direct, character style, paragraph style, defaults."""
        rpr, style = r.find(qn("w:rPr")), self.paragraph_style(p)
        return self._format(("r", style, _xml(rpr)), lambda: [rpr] + [
            s.find(qn("w:rPr")) for s in self.chain(self.char_style(r)) + self.chain(style)]
            + [self.default_rpr])

    def _format(self, key: tuple, elements) -> Props:
        if key not in self.formats:
            if len(self.formats) >= MAX_FORMATS:
                raise DocumentUnreadable(Problem(self.file, TOO_MANY_FORMATS))
            self.formats[key] = Props(elements())
        return self.formats[key]

    @staticmethod
    def char_style(r) -> str | None:
        style = _grandchild(r, "w:rPr", "w:rStyle")
        return style.get(qn("w:val")) if style is not None else None

    def font(self, rprs: list, slot: str) -> Font:
        """The font of ``slot`` (eastAsia, ascii): the first level naming it; a theme beats a name."""
        if isinstance(rprs, Props):
            return rprs.value(("font", slot), lambda: self.font(list(rprs), slot))
        for rpr in rprs:
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                continue
            theme = fonts.get(qn(f"w:{THEME_SLOTS[slot]}"))
            if theme:
                return Font(self.theme.get(theme), theme)
            if fonts.get(qn(f"w:{slot}")):
                return Font(fonts.get(qn(f"w:{slot}")))
        return Font(None)


def first_value(elements: list, tag: str, attr: str = "val") -> str | None:
    """The attribute ``attr`` of child ``tag`` in the first element that sets it."""
    if isinstance(elements, Props):
        return elements.value((tag, attr), lambda: first_value(list(elements), tag, attr))
    for element in elements:
        child = element.find(qn(f"w:{tag}"))
        if child is not None and child.get(qn(f"w:{attr}")) is not None:
            return child.get(qn(f"w:{attr}"))
    return None


def size_points(rprs: list) -> float:
    half_points = first_value(rprs, "sz")
    return int(half_points) / 2 if half_points and half_points.isdigit() else DEFAULT_SIZE


def theme_fonts(doc: DocxDocument) -> dict[str, str]:
    """Theme font names by the values w:*Theme attributes take (minorEastAsia → 等线, …)."""
    try:
        root = etree.fromstring(doc.part.part_related_by(RT.THEME).blob)
    except (KeyError, etree.XMLSyntaxError):
        return {}
    fonts = {}
    for kind in ("minor", "major"):
        scheme = root.find(f".//{{{A_NS}}}{kind}Font")
        if scheme is not None:
            east = _typeface(scheme, "ea") or _typeface(scheme, "font[@script='Hans']")
            latin = _typeface(scheme, "latin")
            fonts.update({f"{kind}EastAsia": east, f"{kind}HAnsi": latin, f"{kind}Ascii": latin})
    return {k: v for k, v in fonts.items() if v}


def _typeface(scheme, child: str) -> str:
    found = scheme.find(f"{{{A_NS}}}{child}")
    return found.get("typeface", "") if found is not None else ""


def _name(style) -> str:
    name = style.find(qn("w:name"))
    return (name.get(qn("w:val")) if name is not None else style.get(qn("w:styleId"))).lower()


def _xml(element) -> bytes:
    return etree.tostring(element) if element is not None else b""


def _grandchild(element, child: str, grandchild: str):
    """``element.find("child/grandchild")`` without compiling the path each time."""
    found = element.find(qn(child))
    return found.find(qn(grandchild)) if found is not None else None
