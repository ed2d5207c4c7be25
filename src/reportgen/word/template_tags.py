"""The tags of a Word template, each located as a Word user finds it, and the ways Word can break one.

Locations: ``正文第N段`` counts every paragraph of the body outside tables (empty ones too, as
Word's ¶ marks show them; those in text boxes after their anchor); ``表格N第R行第C列`` counts
tables in document order (text boxes included) and adds ``第K段`` when the cell has several
paragraphs; headers and footers are ``页眉``, ``偶数页页脚`` … (``第2节…`` when sections differ).

A tag is broken when docxtpl cannot take it whole or silently loses something around it:
it does not end in its paragraph; its runs lie in a tracked change, cross a hyperlink, field or
content control, hold a tab, break or picture, or differ in formatting (the output would take the
first run's); a ``{%p %}``, ``{%tr %}`` or ``{%tc %}`` tag shares its paragraph, row or cell with
other content, which docxtpl drops, or a ``{%tr %}``/``{%tc %}`` tag is outside a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
OPENER = re.compile(r"\{\{|\{%|\{#")
LEVEL = re.compile(r"^\{[%#](tr|tc|p|r) ")  # {{p }} and {{r }} are refused (docxtpl_tags.py)
CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
REVISIONS = {qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")}
TEXT_PARTS = {qn("w:rPr"), qn("w:t"), qn("w:lastRenderedPageBreak")}
NOT_FORMATTING = {qn("w:lang"), qn("w:noProof"), qn("w:webHidden")}
OBJECT, DELETED = "\x00", "\x01"  # stand for a run's tab, field or picture; a deleted run
HEADERS_FOOTERS = (("header", "页眉"), ("even_page_header", "偶数页页眉"),
                   ("first_page_header", "首页页眉"), ("footer", "页脚"),
                   ("even_page_footer", "偶数页页脚"), ("first_page_footer", "首页页脚"))
SPLIT = {
    "revision": "标签处在修订中：请在 Word 中“接受所有修订”后保存",
    "boundary": "标签跨越了超链接、域或内容控件的边界：请删掉这个标签，再一次输入完整",
    "object": "标签中间夹着制表符、换行符、域或图片：请删掉它们，让标签连成一串文字",
    "format": "标签的各部分格式不同（如一部分换了字体或加粗），生成的文字只会沿用开头部分的格式："
              "请选中整个标签，统一设置格式",
}


@dataclass(frozen=True)
class Tag:
    """A tag as written in Word, where it is, and its paragraph's place in the whole template."""

    text: str
    where: str
    order: int = 0


@dataclass(frozen=True)
class Flaw:
    """A tag Word has broken, or a tag docxtpl would misread: where, the tag text, why."""

    where: str
    text: str
    message: str
    order: int = 0


@dataclass
class TagReading:
    """The tags of each part docxtpl renders on its own (正文, each 页眉 and 页脚), and the flaws."""

    parts: list[tuple[str, list[Tag]]] = field(default_factory=list)
    flaws: list[Flaw] = field(default_factory=list)


def read_tags(doc: Document) -> TagReading:
    """Every tag of the template's body, headers and footers, in document order."""
    reading, order = TagReading(), 0
    for label, root in template_parts(doc):
        tags: list[Tag] = []
        for where, p in located_paragraphs(label, root):
            order += 1
            tags += paragraph_tags(p, Tag("", where, order), reading.flaws)
        reading.parts.append((label, tags))
    return reading


def template_parts(doc: Document) -> list[tuple[str, etree._Element]]:
    """The body and each distinct header and footer, named as Word names them."""
    parts, seen = [("正文", doc.element.body)], set()
    odd = doc.settings.odd_and_even_pages_header_footer
    for n, section in enumerate(doc.sections, start=1):
        for attr, label in HEADERS_FOOTERS:
            part = getattr(section, attr)
            if part.is_linked_to_previous or id(part.part) in seen:
                continue
            seen.add(id(part.part))
            label = f"奇数页{label}" if odd and attr in ("header", "footer") else label
            parts.append((f"第{n}节{label}" if len(doc.sections) > 1 else label, part._element))
    return parts


def located_paragraphs(label: str, root: etree._Element) -> list[tuple[str, etree._Element]]:
    """Each paragraph of ``root`` (compatibility copies skipped) with its location."""
    paragraphs = [p for p in root.iter(qn("w:p"))
                  if not any(a.tag == FALLBACK for a in p.iterancestors())]
    tables = {t: n for n, t in enumerate(
        (t for t in root.iter(qn("w:tbl")) if not any(a.tag == FALLBACK for a in t.iterancestors())),
        start=1)}
    loose = [p for p in paragraphs if _nearest(p, "tc") is None]
    number = {p: n for n, p in enumerate(loose, start=1)}
    prefix = "" if label == "正文" else label
    return [(_cell_where(p, prefix, tables) if p not in number else
             label if label != "正文" and len(loose) == 1 else f"{label}第{number[p]}段", p)
            for p in paragraphs]


def _cell_where(p: etree._Element, prefix: str, tables: dict) -> str:
    """表格N第R行第C列 (第K段 when the cell has several paragraphs)."""
    tc = _nearest(p, "tc")
    tr, tbl = _nearest(tc, "tr"), _nearest(tc, "tbl")
    where = (f"{prefix}表格{tables.get(tbl, '?')}第{tbl.findall(qn('w:tr')).index(tr) + 1}行"
             f"第{tr.findall(qn('w:tc')).index(tc) + 1}列")
    own = [q for q in tc.iter(qn("w:p")) if _nearest(q, "tc") is tc]
    return f"{where}第{own.index(p) + 1}段" if len(own) > 1 else where


def paragraph_tags(p: etree._Element, at: Tag, flaws: list[Flaw]) -> list[Tag]:
    """The tags of one paragraph (where and order as ``at``), noting in ``flaws`` those Word or
    docxtpl would break."""
    where, text, owners = at.where, *_text(p)
    tags = []
    for found in TAG.finditer(text):
        shown = _shown(found.group(0))
        runs = {id(r): r for r in owners[found.start():found.end()] if r is not None}
        problem = _split_problem(found.group(0), list(runs.values())) or _level_problem(p, shown)
        if problem:
            flaws.append(Flaw(where, shown, problem, at.order))
        tags.append(Tag(shown, where, at.order))
    rest = TAG.sub("", text)
    for opener in OPENER.finditer(rest):
        unended = _shown(rest[opener.start():])
        flaws.append(Flaw(where, unended if len(unended) <= 30 else unended[:30] + "…",
                          f"标签没有在本段结束（缺少“{CLOSERS[opener.group(0)]}”）："
                          "一个标签要完整地写在同一段里", at.order))
    return tags


def _text(p: etree._Element) -> tuple[str, list]:
    """The paragraph's text (tabs, fields and pictures as OBJECT, deleted runs as DELETED) and the
    run each character comes from."""
    text, owners = [], []
    for r in p.iter(qn("w:r")):
        if _nearest(r, "p") is not p:
            continue
        if r.find(qn("w:delText")) is not None:
            text.append(DELETED)
            owners.append(r)
        for child in r:
            piece = (child.text or "") if child.tag == qn("w:t") else (
                "" if child.tag in TEXT_PARTS else OBJECT)
            text += piece
            owners += [r] * len(piece)
    return "".join(text), owners


def _split_problem(raw: str, runs: list) -> str | None:
    """Why the runs holding one tag would not come out as one tag (see the module docstring)."""
    if DELETED in raw or any(a.tag in REVISIONS for r in runs for a in _up_to_paragraph(r)):
        return SPLIT["revision"]
    if len({id(r.getparent()) for r in runs}) > 1:
        return SPLIT["boundary"]
    if OBJECT in raw:
        return SPLIT["object"]
    if len({_look(r) for r in runs}) > 1:
        return SPLIT["format"]
    return None


def _level_problem(p: etree._Element, tag: str) -> str | None:
    """A {%p %}, {%tr %} or {%tc %} tag must be alone in its paragraph, row or cell."""
    level = LEVEL.match(tag)
    if level is None or level.group(1) == "r":
        return None
    name = {"p": "段", "tr": "行", "tc": "单元格"}[level.group(1)]
    holder = p if level.group(1) == "p" else _nearest(p, level.group(1))
    shown = f"{tag[:2]}{level.group(1)} {CLOSERS[tag[:2]]}"  # {%tr %}, or {#tr #} for a comment
    if holder is None:
        return f"{shown} 标签只能写在表格中（它代表整个表格{name}）"
    if _shown("".join(_text(q)[0] for q in holder.iter(qn("w:p")))).strip() != tag:
        return (f"{shown} 标签要独占一{'个' if name == '单元格' else ''}{name}："
                f"生成时整{name}换成这个标签，同{name}的其他内容会丢失")
    return None


def _look(r: etree._Element) -> bytes:
    """A run's formatting, ignoring marks that do not change how it looks (language, proofing)."""
    rpr = r.find(qn("w:rPr"))
    return b"" if rpr is None else b"".join(
        sorted(etree.tostring(c) for c in rpr if c.tag not in NOT_FORMATTING))


def _up_to_paragraph(r: etree._Element) -> list[etree._Element]:
    return list(r.iterancestors())[:[a.tag for a in r.iterancestors()].index(qn("w:p"))]


def _nearest(element: etree._Element, name: str) -> etree._Element | None:
    return next(element.iterancestors(qn(f"w:{name}")), None)


def _shown(text: str) -> str:
    return text.replace(OBJECT, "").replace(DELETED, "")
