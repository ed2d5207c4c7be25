"""Word's formatting precedence: direct → character style → paragraph style → based-on → defaults."""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
THEME_SLOTS = {"eastAsia": "eastAsiaTheme", "ascii": "asciiTheme", "hAnsi": "hAnsiTheme"}
DEFAULT_SIZE = 10.0  # points, when nothing in the chain sets w:sz (ECMA-376 17.3.2.38)


@dataclass(frozen=True)
class Font:
    """A font slot as Word resolves it: a name, or a theme font (which overrides any name)."""

    name: str | None
    theme: str | None = None

    def __str__(self) -> str:
        return self.name or "未指定字体"


class StyleSheet:
    """A document's styles by id with their based-on chains, document defaults and theme fonts."""

    def __init__(self, doc: DocxDocument):
        root = doc.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        defaults = [s for s in self.by_id.values()
                    if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")]
        self.default_paragraph = defaults[0].get(qn("w:styleId")) if defaults else "Normal"
        self.default_rpr = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.default_ppr = root.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
        self.theme = theme_fonts(doc)

    def chain(self, style_id: str | None) -> list:
        """The style with ``style_id`` and its basedOn ancestors, nearest first (cycles cut)."""
        chain: list = []
        while style_id in self.by_id and self.by_id[style_id] not in chain:
            chain.append(self.by_id[style_id])
            based = chain[-1].find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return chain

    def names(self, style_id: str | None) -> tuple[str, ...]:
        """Lower-case names of the style and its ancestors, nearest first."""
        return tuple(_name(s) for s in self.chain(style_id))

    def paragraph_style(self, p) -> str:
        """The paragraph's style id; one the document does not define falls back to the default
        paragraph style (Normal), as in Word and LibreOffice (pandoc's BodyText, FirstParagraph)."""
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        named = style.get(qn("w:val")) if style is not None else None
        return named if named in self.by_id else self.default_paragraph

    def paragraph_props(self, p) -> list:
        """pPr elements in precedence order: direct, paragraph style chain, defaults."""
        chain = [p.find(qn("w:pPr"))]
        chain += [s.find(qn("w:pPr")) for s in self.chain(self.paragraph_style(p))]
        return [e for e in [*chain, self.default_ppr] if e is not None]

    def run_props(self, p, r) -> list:
        """rPr elements in precedence order: direct, character style, paragraph style, defaults."""
        rpr = r.find(qn("w:rPr"))
        chain = [rpr] + [s.find(qn("w:rPr")) for s in self.chain(self.char_style(r))]
        chain += [s.find(qn("w:rPr")) for s in self.chain(self.paragraph_style(p))]
        return [e for e in [*chain, self.default_rpr] if e is not None]

    @staticmethod
    def char_style(r) -> str | None:
        style = r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        return style.get(qn("w:val")) if style is not None else None

    def font(self, rprs: list, slot: str) -> Font:
        """The font of ``slot`` (eastAsia, ascii): the first level naming it; a theme beats a name."""
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
