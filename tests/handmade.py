"""A correct GB/T 9704 document made by hand with python-docx (direct formatting, no heading styles)."""

from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, Twips

FANGSONG, KAITI, HEITI, XBS, SONG = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"
SENTENCE = "各科室要把安全检查作为当前的重要工作，认真组织，严格把关，确保各项措施落到实处。"
REFERENCE = "按照区安委会（城安委〔2024〕3号）的部署，结合我局实际，现就有关事项通知如下。"


def run(paragraph, text: str, east_asia: str = FANGSONG, size: float = 16):
    """A run naming all four font slots explicitly, as GB/T 9704 documents should."""
    r = paragraph.add_run(text)
    r.font.size = Pt(size)
    fonts = r._r.get_or_add_rPr().get_or_add_rFonts()
    latin = SONG if east_asia == SONG and size == 14 else "Times New Roman"
    for slot, name in (("ascii", latin), ("hAnsi", latin), ("eastAsia", east_asia), ("cs", latin)):
        fonts.set(qn(f"w:{slot}"), name)
    return r


def para(doc, *parts, align=None, indent: bool = True):
    """A paragraph of runs given as text or (text, font); body indent 2 字 unless told."""
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32) if indent else Pt(0)
    if align is not None:
        p.alignment = align
    for part in parts:
        run(p, *(part if isinstance(part, tuple) else (part,)))
    return p


def correct_document():
    """Title, 主送, four heading levels (some run in), signature, date and one attachment."""
    doc = Document()
    page_setup(doc)
    title = para(doc, ("关于开展安全生产大检查的通知", XBS, 22), align=WD_ALIGN_PARAGRAPH.CENTER,
                 indent=False)
    title.paragraph_format.space_after = Twips(579)
    para(doc, "各科室、各下属单位：", indent=False)
    para(doc, REFERENCE)
    para(doc, ("一、总体要求", HEITI))
    para(doc, SENTENCE * 3)
    para(doc, ("（一）工作目标", KAITI))
    para(doc, SENTENCE * 2)
    para(doc, ("（二）工作步骤。", KAITI), "检查分三步进行。")
    para(doc, "1.排查隐患。", SENTENCE)
    para(doc, "（1）重点企业。", SENTENCE)
    para(doc, "（2）人员密集场所。", SENTENCE)
    para(doc, "2.落实整改。", SENTENCE)
    para(doc, "3.总结提高。", SENTENCE)
    para(doc, ("二、工作要求", HEITI))
    para(doc, ("（一）加强组织领导", KAITI))
    para(doc, SENTENCE * 4)
    signature(doc, "城关区应急管理局", "2024年5月20日")
    attachment(doc)
    footers(doc)
    return doc


def page_setup(doc) -> None:
    """A4, margins 37/35/28/26 mm, Normal 3号仿宋 with exact 28.95 pt lines and −0.25 pt spacing."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Twips(2098), Twips(1984)
    section.left_margin, section.right_margin = Twips(1587), Twips(1474)
    section.footer_distance = Mm(25)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="-5"/>'))
    fmt = normal.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Twips(579)
    fmt.space_after, fmt.widow_control = Pt(0), False
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def signature(doc, name: str, day: str) -> None:
    """Unsealed: 署名 2 字 from the right, the date under it starting 2 字 further right (GB/T 9704
    7.3.5.2): 8 字 of 署名 and a date 7.5 字 wide (7 digits, 3 汉字 and ⅕ 字 at each of the 5 places
    where they meet, as Word's default 中文与数字间距 and LibreOffice set it) leave it ½ 字 in."""
    sig = para(doc, name, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    sig.paragraph_format.space_before = Twips(579)
    sig.paragraph_format.right_indent = Pt(32)
    para(doc, day, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False).paragraph_format.right_indent = (
        Pt(8))


def attachment(doc) -> None:
    """附件 on a new page: label in 黑体 flush left, title centred, body."""
    label = para(doc, ("附件", HEITI), indent=False)
    label.paragraph_format.page_break_before = True
    para(doc, ("检查安排表", XBS, 22), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para(doc, SENTENCE)


def footers(doc) -> None:
    """Page numbers "— N —" in 4号宋体: odd pages right, even pages left, 1 字 in."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        p = footer.paragraphs[0]
        p.alignment = align
        p.paragraph_format.first_line_indent = Pt(0)
        page_number(p, "— ", " —")


def page_number(p, before: str, after: str, font: str = SONG) -> None:
    run(p, before, font, 14)
    for kind in ("begin", "instr", "separate", "1", "end"):
        r = run(p, kind if kind == "1" else "", font, 14)
        if kind == "instr":
            r._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>'))
        elif kind != "1":
            r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))
    run(p, after, font, 14)


def find(doc, start: str):
    """The body paragraph whose text starts with ``start``."""
    return next(p for p in doc.paragraphs if p.text.startswith(start))


def set_text(paragraph, old: str, new: str) -> None:
    """Replace text inside the runs of ``paragraph`` (formatting kept)."""
    for r in paragraph.runs:
        r.text = r.text.replace(old, new)


def set_font(r, east_asia: str) -> None:
    r._r.rPr.rFonts.set(qn("w:eastAsia"), east_asia)


def page_break_before(paragraph) -> None:
    paragraph.runs[0]._r.addprevious(parse_xml(
        f'<w:r {nsdecls("w")}><w:br w:type="page"/></w:r>'))



def date_field_and_hidden_text(doc) -> None:
    """A DATE field in the paragraph starting 按照, whose stored result LibreOffice replaces by
    today's date, and a hidden note after it: neither is text the PDF must show."""
    p = find(doc, "按照")
    for kind in ("begin", "instr", "separate", "result", "end"):
        r = run(p, "2020年1月1日" if kind == "result" else "")
        if kind == "instr":
            r._r.append(parse_xml(f'<w:instrText {nsdecls("w")}> DATE \\@ "yyyy年M月d日" </w:instrText>'))
        elif kind != "result":
            r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))
    run(p, "（内部备注，不印出）").font.hidden = True
