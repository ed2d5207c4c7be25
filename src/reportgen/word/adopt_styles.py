"""The styles of an adopted template: the office's own where its name says what it is for, the
built-in template's for the rest, all under the names reportgen and Word look them up by.

公文标题 becomes 标题 (Title), 一级标题 becomes 标题 1 (heading 1) … keeping its look; an
auto-number on it is removed (reportgen writes 一、（一） as text). A title or heading style is
only taken when it names a Chinese font of its own: Word's untouched `heading 1` (a theme font,
blue) is not an office's choice. The office's 正文 (Normal) is kept when it is 3号仿宋, else it
takes the built-in one's look.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

LEVELS = "一二三四"
SHOWN = {"Normal": "正文", "Title": "标题", "footer": "页脚", "Normal Table": "普通表格",
         **{f"heading {n}": f"标题 {n}" for n in range(1, 5)}}
SYNONYMS = {  # reportgen's style name → the names offices give it, normalised (no spaces, lower case)
    "Title": ("title", "标题", "公文标题", "文件标题", "大标题", "主标题", "文章标题", "文档标题", "公文大标题"),
    **{f"heading {n}": (f"heading{n}", f"标题{n}", f"{LEVELS[n - 1]}级标题", f"公文{LEVELS[n - 1]}级标题",
                        f"标题{LEVELS[n - 1]}", f"{n}级标题") for n in range(1, 5)},
    "主送机关": ("主送机关", "主送"),
    "发文机关署名": ("发文机关署名", "署名", "落款"),
    "成文日期": ("成文日期", "落款日期"),
    "表题": ("表题", "表格标题", "表标题"),
}
OWN_FONT = ("Title", *(f"heading {n}" for n in range(1, 5)))  # taken only with a font of their own


@dataclass
class StyleMap:
    """Built-in style id → the adopted template's, and a row per style: name, where it comes from."""

    ids: dict[str, str] = field(default_factory=dict)
    rows: list[tuple[str, str]] = field(default_factory=list)
    copied: set[str] = field(default_factory=set)


def adopt_styles(theirs: etree._Element, builtin: etree._Element, needed: list[str],
                 used: Counter) -> StyleMap:
    """Give the office's styles (``theirs``, a w:styles element, changed in place) every style
    ``needed`` (built-in ids) and what those are based on; ``used`` counts the styles their
    body's paragraphs name, to prefer the ones in use."""
    result, ours = StyleMap(), _by_id(builtin)
    for bid in _with_bases(needed, ours):
        element = ours[bid]
        name = _name(element)
        if name in ("Normal", "Normal Table") or element.get(qn("w:default")) in ("1", "true"):
            rid, source = _default(theirs, element)
        else:
            rid, source = _recognised(theirs, name, element.get(qn("w:type")), used, result)
        if rid is None:
            rid, source = _copied(theirs, element, result), "从内置模板复制"
            result.copied.add(rid)
        result.ids[bid] = rid
        if bid in needed and name not in ("Normal Table", "Default Paragraph Font"):
            result.rows.append((SHOWN.get(name, name), source))
    _link_copies(theirs, result)
    _heading_characters(theirs, result, ours)
    return result


def _heading_characters(theirs: etree._Element, result: StyleMap, ours: dict) -> None:
    """A copied 标题 N 字符 (the heading part of a run-in heading) takes the look of their
    标题 N when that one is theirs, so both parts of a heading look alike."""
    mine = _by_id(theirs)
    for n in range(1, 5):
        heading = next((rid for bid, rid in result.ids.items() if _name(ours[bid]) == f"heading {n}"), None)
        part = next((rid for bid, rid in result.ids.items() if _name(ours[bid]) == f"标题 {n} 字符"), None)
        if heading in result.copied or part not in result.copied or heading is None:
            continue
        look = mine[heading].find(qn("w:rPr"))
        for old in mine[part].findall(qn("w:rPr")):
            mine[part].remove(old)
        if look is not None:
            mine[part].append(copy.deepcopy(look))
        result.rows = [(shown, f"从内置模板复制，字体同标题 {n}"
                        if shown == f"标题 {n} 字符" else source) for shown, source in result.rows]


def _default(theirs: etree._Element, element: etree._Element) -> tuple[str | None, str]:
    """Their default style of this kind (Normal); for paragraphs, made 3号仿宋 when it is not."""
    kind = element.get(qn("w:type"))
    mine = next((s for s in theirs.findall(qn("w:style")) if s.get(qn("w:type")) == kind
                 and s.get(qn("w:default")) in ("1", "true")), None)
    if mine is None:
        return None, ""
    if kind != "paragraph":
        return mine.get(qn("w:styleId")), "沿用"
    font, size = _font(theirs, mine), _size(theirs, mine)
    if font and ("仿宋" in font or "fangsong" in font.lower()) and size == 16:
        return mine.get(qn("w:styleId")), f"沿用模板的“{_name(mine)}”（{font}，{size:g}磅）"
    for tag in ("pPr", "rPr"):
        for old in mine.findall(qn(f"w:{tag}")):
            mine.remove(old)
        if element.find(qn(f"w:{tag}")) is not None:
            mine.append(copy.deepcopy(element.find(qn(f"w:{tag}"))))
    shown = f"{font or '主题字体'}，{size:g}磅" if size else font or "主题字体"
    return mine.get(qn("w:styleId")), f"换成内置模板的正文（模板的是{shown}，不是三号仿宋）"


def _recognised(theirs: etree._Element, name: str, kind: str | None, used: Counter,
                result: StyleMap) -> tuple[str | None, str]:
    """Their style for ``name`` by a name offices give it, renamed to ``name``; None if none."""
    spellings = SYNONYMS.get(name, (_normal(name),))
    taken = set(result.ids.values())
    found = [(s, spellings.index(_normal(_name(s)))) for s in theirs.findall(qn("w:style"))
             if s.get(qn("w:type")) == kind and _normal(_name(s)) in spellings
             and s.get(qn("w:styleId")) not in taken]
    if name in OWN_FONT:
        found = [(s, rank) for s, rank in found if _own_font(s)]
    if not found:
        return None, ""
    style = min(found, key=lambda f: (-used[f[0].get(qn("w:styleId"))], f[1]))[0]
    source = f"沿用模板的“{_name(style)}”"
    _displace(theirs, name, style)
    style.find(qn("w:name")).set(qn("w:val"), name)
    if _drop_numbering(style):
        source += "（去掉了自动编号）"
    if name == "Title" and _contextual(style):
        source += "（多行标题之间不再空行）"
    return style.get(qn("w:styleId")), source


def _contextual(style: etree._Element) -> bool:
    """A title of several lines is one paragraph a line: its spacing goes after the last only
    (w:contextualSpacing). True when it had to be added."""
    ppr = style.find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing")) if ppr is not None else None
    if spacing is None or ppr.find(qn("w:contextualSpacing")) is not None:
        return False
    order = ("ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc")
    later = next((c for c in ppr if etree.QName(c).localname in order), None)
    element = etree.Element(qn("w:contextualSpacing"))
    later.addprevious(element) if later is not None else ppr.append(element)
    return True


def _copied(theirs: etree._Element, element: etree._Element, result: StyleMap) -> str:
    """A copy of the built-in style, under an id of its own, displacing a style of the same name."""
    style = copy.deepcopy(element)
    ids = {s.get(qn("w:styleId")) for s in theirs.findall(qn("w:style"))}
    sid = style.get(qn("w:styleId"))
    while sid in ids:
        sid = f"rg{sid}"
    style.set(qn("w:styleId"), sid)
    style.attrib.pop(qn("w:default"), None)
    for link in style.findall(qn("w:link")):
        style.remove(link)
    _displace(theirs, _name(style), None)
    theirs.append(style)
    return sid


def _link_copies(theirs: etree._Element, result: StyleMap) -> None:
    """basedOn and next of the copies point at the adopted template's ids (or go)."""
    for style in theirs.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in result.copied:
            continue
        for tag in ("basedOn", "next"):
            ref = style.find(qn(f"w:{tag}"))
            if ref is not None and ref.get(qn("w:val")) in result.ids:
                ref.set(qn("w:val"), result.ids[ref.get(qn("w:val"))])
            elif ref is not None and tag == "next":
                style.remove(ref)


def _displace(theirs: etree._Element, name: str, keep: etree._Element | None) -> None:
    """Rename any other style called ``name`` (原标题 1), so the name finds one style only."""
    for style in theirs.findall(qn("w:style")):
        if style is not keep and _normal(_name(style)) == _normal(name):
            style.find(qn("w:name")).set(qn("w:val"), f"原{SHOWN.get(name, name)}")


def _drop_numbering(style: etree._Element) -> bool:
    ppr = style.find(qn("w:pPr"))
    numbering = ppr.find(qn("w:numPr")) if ppr is not None else None
    if numbering is None:
        return False
    ppr.remove(numbering)
    return True


def _own_font(style: etree._Element) -> bool:
    fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return fonts is not None and bool(fonts.get(qn("w:eastAsia"))) and not fonts.get(qn("w:eastAsiaTheme"))


def _font(theirs: etree._Element, style: etree._Element) -> str | None:
    """The eastAsia font a style gives, from it or the document defaults; None for a theme font."""
    for rpr in (style.find(qn("w:rPr")), theirs.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")):
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is not None and (fonts.get(qn("w:eastAsiaTheme")) or fonts.get(qn("w:eastAsia"))):
            return None if fonts.get(qn("w:eastAsiaTheme")) else fonts.get(qn("w:eastAsia"))
    return None


def _size(theirs: etree._Element, style: etree._Element) -> float:
    for rpr in (style.find(qn("w:rPr")), theirs.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")):
        size = rpr.find(qn("w:sz")) if rpr is not None else None
        if size is not None and (size.get(qn("w:val")) or "").isdigit():
            return int(size.get(qn("w:val"))) / 2
    return 10.0


def _with_bases(needed: list[str], ours: dict[str, etree._Element]) -> list[str]:
    """``needed`` and the styles they are based on, bases first."""
    order: list[str] = []

    def visit(sid: str) -> None:
        if sid in order or sid not in ours:
            return
        based = ours[sid].find(qn("w:basedOn"))
        if based is not None:
            visit(based.get(qn("w:val")))
        order.append(sid)
    for sid in needed:
        visit(sid)
    return order


def _by_id(styles: etree._Element) -> dict[str, etree._Element]:
    return {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}


def _name(style: etree._Element) -> str:
    name = style.find(qn("w:name"))
    return name.get(qn("w:val")) if name is not None else style.get(qn("w:styleId")) or ""


def _normal(name: str) -> str:
    return re.sub(r"\s+|样式", "", name).lower()
