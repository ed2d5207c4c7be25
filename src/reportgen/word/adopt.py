"""`reportgen templates adopt`: an office's own Word template made into a reportgen template.

Their page setup, headers and footers, 红头 (adopt_header.py) and the styles they already have
under a recognisable name (adopt_styles.py) are kept; the body after the 红头 (their sample
text) becomes the built-in template's tags, in the styles reportgen needs; a template without
page numbers gets the built-in ones. The result is checked like any template before it is
written, and replaces no file unless asked.
"""

from __future__ import annotations

import copy
import io
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from ..errors import Problem, ReportgenError
from ..files.atomic_write import write_atomic
from ..files.docx_kind import BROKEN, unreadable_kind
from .adopt_header import RedHeader, control, find_red_header, tag_red_header
from .adopt_styles import adopt_styles
from .template_check import FORMATS, template_problems
from .template_files import builtin_path

FIRST_TAG = "{%p for line in title_lines %}"
PAGE_NUMBER_STYLE = "页码"  # where the built-in body starts after its 红头
STYLE_REFS = (qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))


@dataclass
class Adoption:
    """The template written, where each style reportgen needs came from, and what else was done."""

    path: Path
    styles: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def adopt_template(source: Path, target: Path, *, force: bool = False) -> Adoption:
    """Make the office template ``source`` a reportgen template at ``target``."""
    doc = _open(source, target, force)
    ours = Document(str(builtin_path("plan")))
    header = find_red_header(doc.element.body, _names(doc), _colours(doc))
    inserted = _builtin_body(ours, with_red_header=not header.found)
    footer = None if _has_page_numbers(doc) else _builtin_footer(ours)
    needed = _referenced(inserted + ([footer] if footer is not None else []))
    styles = adopt_styles(doc.styles.element, ours.styles.element,
                          needed + ["SignerName"] * (header.number is not None), _used(doc))
    for element in inserted + ([footer] if footer is not None else []):
        _restyle(element, styles.ids)
    adoption = Adoption(target, styles.rows, _notes(header))
    _replace_body(doc, header, inserted)
    adoption.notes += tag_red_header(header, styles.ids.get("SignerName", "SignerName"), _text_width(doc))
    if footer is not None:
        _add_page_numbers(doc, footer)
        adoption.notes.append("模板没有页码：加上了内置模板的页码（“— 1 —”，单页居右、双页居左）")
    _write_checked(doc, source, target)
    return adoption


def _open(source: Path, target: Path, force: bool):
    """Their template, read; refusing a target that is the source, or exists without ``force``."""
    kind = unreadable_kind(source)
    if kind is not None:
        raise ReportgenError(Problem(str(source), FORMATS["wps" if kind == "ole" and source.suffix.lower()
                                                          == ".wps" else kind]))
    if target.resolve() == source.resolve():
        raise ReportgenError(Problem(str(target), "不能写到原模板上：请用 -o 另给一个文件名"))
    if target.exists() and not force:
        raise ReportgenError(Problem(str(target), "文件已存在；要覆盖它，请加 --force"))
    try:
        return Document(str(source))
    except BROKEN:
        raise ReportgenError(Problem(str(source), FORMATS["broken"])) from None


def _builtin_body(ours, with_red_header: bool) -> list:
    """Copies of the built-in template's body elements from its title on (with its 红头 first
    when their template has none of its own)."""
    elements = [c for c in ours.element.body if c.tag != qn("w:sectPr")]
    start = next(n for n, c in enumerate(elements) if _text(c) == FIRST_TAG)
    return [copy.deepcopy(c) for c in elements[0 if with_red_header else start:]]


def _replace_body(doc, header: RedHeader, inserted: list) -> None:
    """Their 红头 (shown when the document asks for one), then the built-in tags; the rest of
    their body, sample text, goes. The final section properties stay theirs."""
    body = doc.element.body
    final = body.find(qn("w:sectPr"))
    kept = ([control("{%p if red_header %}"), *header.elements, control("{%p endif %}")]
            if header.found else [])
    for child in list(body):
        if child is not final:
            body.remove(child)
    for element in [*kept, *inserted]:
        final.addprevious(element) if final is not None else body.append(element)


def _notes(header: RedHeader) -> list[str]:
    if not header.found:
        return ["模板开头没有找到红头（红色的发文机关标志或发文字号）：用内置模板的红头"]
    return [f"红头：沿用模板开头的 {len(header.elements)} 段（或表格），在文档写明“红头: 是”时显示"]


def _has_page_numbers(doc) -> bool:
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/footer") and not rel.is_external and b"PAGE" in rel.target_part.blob:
            return True
    return False


def _builtin_footer(ours):
    """The built-in odd-page footer paragraph: "— N —" in 4号宋体. Its style is copied as 页码,
    leaving their own `footer` style to their own footers."""
    ours.styles["footer"].element.find(qn("w:name")).set(qn("w:val"), PAGE_NUMBER_STYLE)
    return copy.deepcopy(ours.sections[0].footer._element.find(qn("w:p")))


def _add_page_numbers(doc, number) -> None:
    """The page number in the odd footer (right) and the even footer (left, one 字 in)."""
    doc.settings.odd_and_even_pages_header_footer = True
    for section in doc.sections:
        for footer, side in ((section.footer, None), (section.even_page_footer, "left")):
            footer.is_linked_to_previous = False
            paragraph = copy.deepcopy(number)
            if side:  # after the style: the even page's number sits one 4号 字 from the left
                ppr = paragraph.find(qn("w:pPr"))
                ppr.append(etree.Element(qn("w:ind"), {qn("w:left"): "280", qn("w:right"): "0",
                                                       qn("w:firstLine"): "0"}))
                ppr.append(etree.Element(qn("w:jc"), {qn("w:val"): "left"}))
            footer._element.append(paragraph)


def _write_checked(doc, source: Path, target: Path) -> None:
    """Check the adopted template as `templates check` would, then write it atomically."""
    buffer = io.BytesIO()
    doc.save(buffer)
    with tempfile.TemporaryDirectory(prefix="reportgen-adopt-") as tmp:
        trial = Path(tmp) / target.name
        trial.write_bytes(buffer.getvalue())
        problems = template_problems(trial)
    if problems:
        raise ReportgenError([Problem(str(source), f"转换后的模板仍有问题：{p.message}", path=p.path)
                              for p in problems])
    write_atomic(target, buffer.getvalue())


def _restyle(element, ids: dict[str, str]) -> None:
    for ref in element.iter(*STYLE_REFS):
        if ref.get(qn("w:val")) in ids:
            ref.set(qn("w:val"), ids[ref.get(qn("w:val"))])


def _referenced(elements: list) -> list[str]:
    return list(dict.fromkeys(r.get(qn("w:val")) for e in elements for r in e.iter(*STYLE_REFS)))


def _used(doc) -> Counter:
    return Counter(r.get(qn("w:val")) for r in doc.element.body.iter(qn("w:pStyle")))


def _names(doc) -> dict[str, str]:
    return {s.get(qn("w:styleId")): (s.find(qn("w:name")).get(qn("w:val")) if s.find(qn("w:name"))
                                     is not None else "") for s in doc.styles.element.findall(qn("w:style"))}


def _colours(doc) -> dict[str, str]:
    colours = {}
    for style in doc.styles.element.findall(qn("w:style")):
        colour = style.find(f"{qn('w:rPr')}/{qn('w:color')}")
        if colour is not None:
            colours[style.get(qn("w:styleId"))] = colour.get(qn("w:val"))
    return colours


def _text_width(doc) -> int:
    section = doc.sections[0]
    return round((section.page_width - section.left_margin - section.right_margin) / 635)


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))
