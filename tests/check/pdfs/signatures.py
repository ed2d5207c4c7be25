"""Documents of this folder about where 署名 and 成文日期 land on the page (render.signature_place):
sealed and unsealed, joint signatures, dates placed with tabs or made a field."""

from __future__ import annotations

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from handmade import SENTENCE, correct_document, find, page_setup, para, run

SEALED = "发文机关署名（用印）"
DAY = "2024年5月20日"


def sealed_style(doc):
    style = doc.styles.add_style(SEALED, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    return style


def right_line(doc, text: str, indent: float, style=None):
    """A right-aligned line ``indent`` points from the right margin."""
    line = para(doc, text, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    line.paragraph_format.right_indent = Pt(indent)
    if style is not None:
        line.style = style
    return line


def tabbed(doc, text: str):
    """A left-aligned line pushed right with three tabs."""
    return para(doc, "\t\t\t" + text, indent=False)


def page_of_body(doc=None):
    doc = doc or Document()
    page_setup(doc)
    para(doc, SENTENCE)
    return doc


def tabbed_under_the_signature():
    """Only a 署名 and a date, both pushed right by the same tabs: the date starts right under the
    署名's first character instead of 2 字 right of it."""
    doc = Document()
    page_setup(doc)
    tabbed(doc, "城关区应急管理局")
    tabbed(doc, DAY)
    return doc


def joint_sealed():
    """A sealed joint signature: three organs (the last two in one paragraph, a line break
    between), the first set right of the middle of the date, 4 字 from the right as 7.3.5.1 asks."""
    doc = page_of_body()
    style = sealed_style(doc)
    right_line(doc, "城关区应急管理局", 32, style)
    second = right_line(doc, "城关区财政局", 75.5, style)
    second.runs[0].add_break()
    run(second, "城关区教育局")
    right_line(doc, DAY, 64)
    return doc


def sealed_date_with_tabs():
    """Sealed, the 署名 where the date should be centred under it, the date pushed with tabs."""
    doc = page_of_body()
    right_line(doc, "城关区应急管理局", 60, sealed_style(doc))
    tabbed(doc, DAY)
    return doc


def sealed_name_left():
    """Sealed, the date 4 字 from the right, the 署名 set left of the date's middle."""
    doc = page_of_body()
    right_line(doc, "城关区应急管理局", 88, sealed_style(doc))
    right_line(doc, DAY, 64)
    return doc


def date_as_field():
    """The 成文日期 a DATE field (LibreOffice shows today's date): its row cannot be found."""
    doc = correct_document()
    date = find(doc, DAY)
    date.runs[0].text = ""
    for kind in ("begin", "instr", "separate", "result", "end"):
        r = run(date, DAY if kind == "result" else "")
        if kind == "instr":
            r._r.append(parse_xml(f'<w:instrText {nsdecls("w")}> DATE \\@ "yyyy年M月d日" </w:instrText>'))
        elif kind != "result":
            r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))
    return doc


def date_without_signature():
    """No 署名: the date alone, 2 字 from the right."""
    doc = correct_document()
    name = find(doc, "城关区应急管理局")
    name._p.getparent().remove(name._p)
    find(doc, DAY).paragraph_format.right_indent = Pt(32)
    return doc


def date_counted_by_the_standard():
    """The date 1.5 字 from the right: 2 字 right of the 署名 as the standard counts (a digit ½ 字,
    no space beside digits), 1 字 as laid out."""
    doc = correct_document()
    find(doc, DAY).paragraph_format.right_indent = Pt(24)
    return doc


def school_date_with_tabs():
    """A 署名 with a digit (第2中学), the date pushed with tabs."""
    doc = correct_document()
    find(doc, "城关区应急管理局").runs[0].text = "城关区第2中学"
    date = find(doc, DAY)
    date.alignment, date.paragraph_format.right_indent = WD_ALIGN_PARAGRAPH.LEFT, Pt(0)
    date.runs[0].text = "\t\t\t" + DAY
    return doc


def joint_signature_on_its_own_page():
    """Two organs side by side on the 署名's line (pdftotext reads them as two pieces of one
    row), pushed to a page of their own."""
    doc = correct_document()
    name = find(doc, "城关区应急管理局")
    name.runs[0].text = "城关区应急管理局\u3000\u3000\u3000\u3000城关区财政局"
    name.paragraph_format.page_break_before = True
    return doc
