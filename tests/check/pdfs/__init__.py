"""Documents committed with their LibreOffice rendering (NAME.docx beside NAME.pdf), so the
page-aware rules of ``check --render`` are tested without LibreOffice: one document per form
docs/check.md's rule table names for a render.* rule, and the nearest forms that pass.

Each is made by a function here; ``make_pdfs.py`` writes them and their renderings anew (run it
by hand after changing one), and a slow test renders them again to show the committed PDFs are
still what LibreOffice makes of them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import docx_shapes
import handmade
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from handmade import FANGSONG, HEITI, SENTENCE, correct_document, find, page_setup, para, run

import reportgen

from . import signatures
from .expected import EXPECTED as EXPECTED

HERE = Path(__file__).resolve().parent


def long_document(paragraphs: int = 5):
    """The correct hand-made document with body enough to fill page 2, where lines are counted:
    5 more paragraphs leave 署名 and 成文日期 together on page 3, 6 put the date on page 4."""
    doc = correct_document()
    for _ in range(paragraphs):
        find(doc, "城关区应急管理局")._p.addprevious(para(doc, SENTENCE * 3)._p)
    return doc


def lines_of(points: float):
    def made():
        doc = long_document()
        doc.styles["Normal"].paragraph_format.line_spacing = Pt(points)
        return doc
    return made


def break_after_the_first_paragraph():
    """The long document with a page break after its first body paragraph: the body starts on
    page 1 all the same."""
    doc = long_document()
    find(doc, "一、总体要求").paragraph_format.page_break_before = True
    return doc


def character_spacing(twentieths: int | None):
    """Normal's character spacing in twentieths of a point (None: none)."""
    def made():
        doc = correct_document()
        spacing = doc.styles["Normal"].element.rPr.find(qn("w:spacing"))
        if twentieths is None:
            spacing.getparent().remove(spacing)
        else:
            spacing.set(qn("w:val"), str(twentieths))
        return doc
    return made


def field_and_hidden_text():
    """A DATE field, whose stored result LibreOffice replaces by today's date, and hidden text."""
    doc = long_document()
    handmade.date_field_and_hidden_text(doc)
    return doc


def changed(change: Callable) -> Callable:
    def made():
        doc = correct_document()
        change(doc)
        return doc
    return made


def body_on_page_two(doc) -> None:
    find(doc, "按照").paragraph_format.page_break_before = True


def signature_on_its_own_page(doc) -> None:
    find(doc, "城关区应急管理局").paragraph_format.page_break_before = True


def date_placed_with_tabs(doc) -> None:
    """Left-aligned and pushed right with tabs: only the rendering tells where the stops fall."""
    date = find(doc, "2024年5月20日")
    date.alignment, date.paragraph_format.right_indent = WD_ALIGN_PARAGRAPH.LEFT, Pt(0)
    date.runs[0].text = "\t\t\t2024年5月20日"


def sealed(name_indent: float):
    """The 署名 styled 发文机关署名（用印） ``name_indent`` 字 from the right, the date 4 字 from it
    (7.5 字 wide, its middle 7.75 字 in: a 署名 of 8 字 centred over it is 3.75 字 in)."""
    def change(doc) -> None:
        style = doc.styles.add_style("发文机关署名（用印）", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        name = find(doc, "城关区应急管理局")
        name.style, name.paragraph_format.right_indent = style, Pt(16 * name_indent)
        find(doc, "2024年5月20日").paragraph_format.right_indent = Pt(64)
    return change


def imprint(doc) -> None:
    para(doc, ("抄送：市应急管理局。", FANGSONG, 14), indent=False)
    para(doc, ("城关区应急管理局办公室\u3000\u30002024年5月20日印发", FANGSONG, 14), indent=False)


def imprint_before_the_attachment(doc) -> None:
    """The 版记 after the body, the attachment after it on a page of its own."""
    date = find(doc, "2024年5月20日")
    for text in ("城关区应急管理局办公室\u3000\u30002024年5月20日印发", "抄送：市应急管理局。"):
        line = date.insert_paragraph_before()
        line.paragraph_format.first_line_indent = Pt(0)
        run(line, text, FANGSONG, 14)
        date._p.addnext(line._p)


def two_attachments(doc) -> None:
    """附件1 on a page of its own, 附件2 right after its text on the same page."""
    find(doc, "附件").runs[0].text = "附件1"
    para(doc, ("附件2", HEITI), indent=False)
    para(doc, SENTENCE)


def cut_off(text: str):
    """A table row of exactly one line holding ``text`` on more lines: LibreOffice draws two
    (the second clipped), the rest is never drawn."""
    def change(doc) -> None:
        table = doc.add_table(rows=1, cols=1)
        find(doc, "二、工作要求")._p.addprevious(table._tbl)
        table.rows[0].height, table.rows[0].height_rule = Pt(29), WD_ROW_HEIGHT_RULE.EXACTLY
        table.cell(0, 0).paragraphs[0].text = text
    return change


def note_in_a_text_box():
    """Body paragraphs, each its own, over two pages and a text box anchored in the second, at the
    foot of page 1: drawn out of reading order, in the middle of the paragraph page 1 ends in."""
    doc = Document()
    page_setup(doc)
    for n in range(1, 13):
        para(doc, f"第{n}项：各科室要把第{n}类隐患逐项排查清楚，登记造册，明确责任人和整改时限，"
                  f"按期整改到位，第{n}类隐患整改情况于月底前报送区应急管理局。")
        if n == 2:
            doc.paragraphs[-1]._p.append(parse_xml(docx_shapes.bottom_text_box(docx_shapes.para(
                docx_shapes.run("注：检查中发现的重大隐患须当日上报，不得迟报、漏报。"))))[0])
    return doc


UPWARD = textwrap.dedent("""\
    标题: 关于申请安全生产专项经费的请示
    发文机关: 城关区应急管理局
    发文字号: 城应急呈〔2024〕3号
    签发人: 王建国
    主送机关: 区人民政府
    成文日期: 2024-06-01
    用印: 是
    开头: 为做好今年安全生产工作，现就申请专项经费有关事项请示如下。
    正文:
      - 标题: 经费用途
        内容: [用于重点企业隐患排查和安全宣传培训。]
    结尾: 妥否，请批示。
    抄送: [区财政局]
    印发机关: 城关区应急管理局办公室
    印发日期: 2024-06-02
    """)


def built_upward(path: Path) -> None:
    """A sealed 请示 built by reportgen: its 版记 at the foot of the last page."""
    source = path.with_suffix(".yaml")
    source.write_text(UPWARD, encoding="utf-8")
    reportgen.build(source, path)
    source.unlink()


def saved(made: Callable) -> Callable[[Path], None]:
    return lambda path: made().save(path)


DOCUMENTS: dict[str, Callable[[Path], None]] = {
    "long": saved(long_document),
    "field-and-hidden-text": saved(field_and_hidden_text),
    "break-after-the-first-paragraph": saved(break_after_the_first_paragraph),
    "built-upward": built_upward,
    "body-on-page-2": saved(changed(body_on_page_two)),
    "lines-29pt": saved(lines_of(29)),
    "lines-27pt": saved(lines_of(27)),
    "no-character-spacing": saved(character_spacing(None)),
    "character-spacing-1pt": saved(character_spacing(-20)),
    "signature-alone": saved(changed(signature_on_its_own_page)),
    "date-alone": saved(lambda: long_document(6)),
    "date-with-tabs": saved(changed(date_placed_with_tabs)),
    "sealed": saved(changed(sealed(3.75))),
    "sealed-name-off-centre": saved(changed(sealed(2))),
    "imprint-mid-page": saved(changed(imprint)),
    "imprint-before-attachment": saved(changed(imprint_before_the_attachment)),
    "two-attachments": saved(changed(two_attachments)),
    "note-in-a-text-box": saved(note_in_a_text_box),
    "lost-in-a-table": saved(changed(cut_off("检查结果按时报送区应急管理局。" * 5))),
    "ten-lost-in-a-table": saved(changed(cut_off("检查结果按时报送区应急管理局。" * 4 + "请各单位"))),
    "tabbed-under-the-signature": saved(signatures.tabbed_under_the_signature),
    "joint-sealed": saved(signatures.joint_sealed),
    "sealed-date-with-tabs": saved(signatures.sealed_date_with_tabs),
    "sealed-name-left": saved(signatures.sealed_name_left),
    "date-as-field": saved(signatures.date_as_field),
    "date-without-signature": saved(signatures.date_without_signature),
    "date-counted-by-the-standard": saved(signatures.date_counted_by_the_standard),
    "school-date-with-tabs": saved(signatures.school_date_with_tabs),
    "joint-signature-on-its-own-page": saved(signatures.joint_signature_on_its_own_page),
}


def paths(name: str) -> tuple[Path, Path]:
    """The committed document and its rendering."""
    return HERE / f"{name}.docx", HERE / f"{name}.pdf"
