"""The 红头 of an office's own template: found at the top of its body, kept, and given the tags
of the document's own 发文机关标志 and 发文字号.

The 红头 is the run of elements that opens the body before the title: the 发文机关标志 (red
text, or a style named 发文机关标志, 红头 or 版头), the 发文字号 line (机关代字〔2024〕X号, blanks
allowed), the red rule (a red paragraph border, or a drawn line), a logo, 份号, 密级 and 紧急程度
lines, tables holding any of them, and empty paragraphs between them.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

BLANK = r"\dXx×Ｘｘ○"
DOC_NUMBER = re.compile(rf"^\S{{0,12}}[〔\[［(（【][{BLANK}]{{2,4}}[〕\]］)）】]第?[{BLANK}]*号$")
TOP_LINE = re.compile(r"^(?:\d{6}|[绝机秘]密.{0,12}|特急|加急|特提|平急)$")
MARK_STYLES = ("发文机关标志", "红头", "版头")
NUMBER_STYLES = ("发文字号",)
DRAWN = (qn("w:drawing"), qn("w:pict"), "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")
CHAR = 320  # twips: one 3号 字, the 发文字号 of an upward document starts one in


@dataclass
class RedHeader:
    """Their 红头's elements (tags applied once ``tag`` ran), its mark and number paragraphs."""

    elements: list = field(default_factory=list)
    marks: list = field(default_factory=list)
    number: etree._Element | None = None
    rule: bool = False  # a red rule of its own, apart from the 发文字号 paragraph

    @property
    def found(self) -> bool:
        return bool(self.marks or self.number is not None)


def find_red_header(body: etree._Element, style_names: dict[str, str], colours: dict[str, str]
                    ) -> RedHeader:
    """The 红头 opening ``body``: ``style_names`` maps style ids to names, ``colours`` paragraph and
    character style ids to the colour they give their text."""
    header = RedHeader()
    children = [c for c in body if c.tag in (qn("w:p"), qn("w:tbl"))]
    kept = len(children)
    for n, element in enumerate(children):
        kinds = {_kind(p, style_names, colours) for p in _paragraphs(element)}
        if not kinds <= {"mark", "number", "rule", "top", "empty"}:
            kept = n  # the empty paragraphs before the title are the 红头's spacing: kept
            break
        for p in _paragraphs(element):
            kind = _kind(p, style_names, colours)
            if kind == "mark":
                header.marks.append(p)
            elif kind == "number" and header.number is None:
                header.number = p
            header.rule = header.rule or kind == "rule"
    header.elements = children[:kept] if header.found else []
    return header


def _kind(p: etree._Element, style_names: dict[str, str], colours: dict[str, str]) -> str:
    text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
    style = style_names.get(_style_id(p) or "", "")
    if any(name in style for name in NUMBER_STYLES) or DOC_NUMBER.match(text):
        return "number"
    if text and (any(name in style for name in MARK_STYLES) or _all_red(p, colours)):
        return "mark"
    if not text:
        return "rule" if _red_border(p) or any(p.iter(*DRAWN)) else "empty"
    return "top" if TOP_LINE.match(text) else "other"


def tag_red_header(header: RedHeader, signer_style: str, text_width: int) -> list[str]:
    """Put {{ issuer_mark }} in the first mark and {{ doc_number }} (with the 签发人 variant of
    an upward document) in the 发文字号 line; drop further mark lines. Returns what was done."""
    done = []
    if header.marks:
        _only_tag(header.marks[0], "{{ issuer_mark }}")
        for extra in header.marks[1:]:
            extra.getparent().remove(extra)
        done.append("发文机关标志的文字换成 {{ issuer_mark }}")
    if header.number is not None:
        _number_variants(header.number, signer_style, text_width)
        done.append("发文字号换成 {{ doc_number }}（有签发人时改为上行文格式）")
    return done


def _number_variants(p: etree._Element, signer_style: str, text_width: int) -> None:
    """{%p if signer %} the upward form {%p else %} the line as it was {%p endif %}."""
    upward = copy.deepcopy(p)
    _only_tag(p, "{{ doc_number }}")
    _only_tag(upward, "{{ doc_number }}")
    look = upward.find(qn("w:r"))
    for text, style in (("\t", None), ("签发人：", None), ("{{ signer }}", signer_style)):
        r = copy.deepcopy(look)
        r.remove(r.find(qn("w:t")))
        if style:
            if r.find(qn("w:rPr")) is None:
                r.insert(0, etree.Element(qn("w:rPr")))
            r.find(qn("w:rPr")).insert(0, etree.Element(qn("w:rStyle"), {qn("w:val"): style}))
        r.append(etree.Element(qn("w:tab")) if text == "\t" else _text(text))
        upward.append(r)
    _upward_layout(upward, text_width)
    p.addprevious(control("{%p if signer %}"))
    p.addprevious(upward)
    p.addprevious(control("{%p else %}"))
    p.addnext(control("{%p endif %}"))


def _upward_layout(p: etree._Element, text_width: int) -> None:
    """One 字 in on its first line (a left indent would shorten a red line drawn as its border),
    with a right tab one 字 from the right for the 签发人."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    for tag in ("jc", "ind", "tabs"):
        for old in ppr.findall(qn(f"w:{tag}")):
            ppr.remove(old)
    tabs = etree.Element(qn("w:tabs"))
    etree.SubElement(tabs, qn("w:tab"), {qn("w:val"): "right", qn("w:pos"): str(text_width - CHAR)})
    ind = etree.Element(qn("w:ind"), {qn("w:left"): "0", qn("w:right"): "0",
                                      qn("w:firstLine"): str(CHAR)})
    jc = etree.Element(qn("w:jc"), {qn("w:val"): "left"})
    _insert_in_order(ppr, [tabs, ind, jc])


PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
             "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
             "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
             "suppressOverlap", "jc")


def _insert_in_order(ppr: etree._Element, new: list[etree._Element]) -> None:
    """Add ``new`` children to a w:pPr where the schema's order puts them."""
    for element in new:
        rank = PPR_ORDER.index(etree.QName(element).localname)
        later = next((c for c in ppr if etree.QName(c).localname in PPR_ORDER[rank + 1:]), None)
        if later is None:
            ppr.append(element)
        else:
            later.addprevious(element)


def _only_tag(p: etree._Element, tag: str) -> None:
    """The paragraph's text replaced by ``tag``, in the look of its first run of text."""
    runs = [r for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    keep = copy.deepcopy(runs[0]) if runs else etree.Element(qn("w:r"))
    for r in list(p.iter(qn("w:r"))):
        if not any(r.iter(*DRAWN)):
            r.getparent().remove(r)
    for child in list(keep):
        if child.tag != qn("w:rPr"):
            keep.remove(child)
    keep.append(_text(tag))
    p.append(keep)


def control(tag: str) -> etree._Element:
    """A paragraph holding only a {%p %} tag."""
    p = etree.Element(qn("w:p"))
    etree.SubElement(etree.SubElement(p, qn("w:r")), qn("w:t")).text = tag
    return p


def _text(text: str) -> etree._Element:
    t = etree.Element(qn("w:t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return t


def _paragraphs(element: etree._Element) -> list[etree._Element]:
    return [element] if element.tag == qn("w:p") else list(element.iter(qn("w:p")))


def _style_id(p: etree._Element) -> str | None:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else None


def _all_red(p: etree._Element, colours: dict[str, str]) -> bool:
    """Every run with text is red, by its own colour or its styles'."""
    found = [_run_colour(r, p, colours) for r in p.iter(qn("w:r")) if (r.findtext(qn("w:t")) or "").strip()]
    return bool(found) and all(reddish(c) for c in found)


def _run_colour(r: etree._Element, p: etree._Element, colours: dict[str, str]) -> str | None:
    own = r.find(f"{qn('w:rPr')}/{qn('w:color')}")
    if own is not None:
        return own.get(qn("w:val"))
    style = r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
    if style is not None and style.get(qn("w:val")) in colours:
        return colours[style.get(qn("w:val"))]
    return colours.get(_style_id(p) or "")


def _red_border(p: etree._Element) -> bool:
    borders = p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}")
    return borders is not None and any(reddish(b.get(qn("w:color"))) for b in borders)


def reddish(colour: str | None) -> bool:
    """A red as 红头 use it: red at least C0, green and blue below 60."""
    if not colour or not re.fullmatch(r"[0-9A-Fa-f]{6}", colour):
        return False
    red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return red >= 0xC0 and green < 0x60 and blue < 0x60
