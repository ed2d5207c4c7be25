"""Corpus documents shaped as other programs write them: WPS, python-docx's defaults, a news
page pasted into Word, a report on US Letter paper."""

from __future__ import annotations

import functools

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx_shapes import (
    HT,
    KT,
    NS,
    SENTENCE,
    XBS,
    add,
    body,
    gb_styles,
    heading,
    new_document,
    no_indent,
    page_number,
    para,
    run,
    set_footer,
    signed,
    style,
    table,
    title,
    typed_line,
)

from .word_made import DATE_RIGHT, DAY, NAME, OPENING

WPS_GRID = 'w:type="lines" w:linePitch="312" w:charSpace="0"'
WPS_DEFAULTS = (  # WPS writes theme fonts and 五号 (10.5 pt) into the document defaults
    f'<w:docDefaults {NS}><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" '
    'w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>'
    '<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="24"/><w:lang w:val="en-US" '
    'w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>')


def wps_red_header():
    """WPS: a line grid of 15.6 pt under exact 28 pt lines, a 红头 table, numbered style ids,
    one footer whose number sits in a frame at the outside edge."""
    doc = new_document(grid=WPS_GRID)
    styles = doc.styles.element
    styles.remove(styles.find(qn("w:docDefaults")))
    styles.insert(0, parse_xml(WPS_DEFAULTS))
    for old in styles.findall(qn("w:style")):
        styles.remove(old)
    gb_styles(doc, style_id="1", line=560)
    styles.append(parse_xml(style("2", "heading 1", based="1", ppr='<w:outlineLvl w:val="0"/>')))
    red = table([[[para(run("城关区应急管理局文件", XBS, 36, color="FF0000", tracking=-20),
                        jc="center", ind='w:firstLine="0"', spacing='w:line="240" w:lineRule="auto"')]]])
    number = para(run("城应急发〔2024〕5号"), jc="center", ind='w:firstLine="0"',
                  spacing='w:before="560" w:after="560"',
                  extra='<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="12" w:color="FF0000"/></w:pBdr>')
    add(doc, red, number, title("关于开展安全生产大检查的通知"), no_indent("各科室、各下属单位："),
        body(OPENING))
    for n, (head, sub) in enumerate((("一、总体要求", "（一）工作目标"), ("二、方法步骤", "（一）动员部署"),
                                     ("三、工作要求", "（一）加强组织领导"))):
        add(doc, para(run(head, HT), style="2"), body(SENTENCE * 3), heading(sub, 2),
            body(SENTENCE * (4 if n < 2 else 3)))
    add(doc, *signed(NAME, DAY, DATE_RIGHT))
    set_footer(doc, "default", page_number(frame="outside"))
    return doc


def python_docx_defaults():
    """A 通知 written with python-docx's default template: US Letter, theme-font headings."""
    doc = Document()

    line = functools.partial(typed_line, doc)

    line("关于开展安全生产大检查的通知", XBS, 22, False, WD_ALIGN_PARAGRAPH.CENTER)
    line("各科室、各下属单位：", indent=False)
    line(OPENING)
    doc.add_heading("一、总体要求", level=1)
    line(SENTENCE * 2)
    line("（一）工作目标", KT)
    line(SENTENCE)
    line(NAME, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT).paragraph_format.right_indent = Pt(32)
    line(DAY, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT).paragraph_format.right_indent = Pt(24)
    return doc


def news_article():
    """A news page pasted into Word: a headline without a 文种, 宋体 小四, Word's default margins."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = 7560310, 10692130  # A4 in EMU, as Word writes it
    section.top_margin = section.bottom_margin = 914400
    section.left_margin = section.right_margin = 1143000

    def line(text: str, size: float, *, bold=False, align=None, grey=False):
        p = doc.add_paragraph()
        r = p.add_run(text)
        r.font.name, r.font.size, r.font.bold = "宋体", Pt(size), bold
        r._element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
        if grey:
            r.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
        p.alignment = align
        p.paragraph_format.first_line_indent = None if align else Pt(24)
        p.paragraph_format.line_spacing = 1.5

    line("城关区启动2024年安全生产月活动", 18, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    line("来源：城关区融媒体中心　　发布时间：2024-06-03　　浏览次数：1024", 10.5, grey=True,
         align=WD_ALIGN_PARAGRAPH.CENTER)
    for text in ("6月3日上午，城关区2024年安全生产月活动启动仪式在人民广场举行。" * 3,
                 "活动现场设置了应急救护、消防器材、燃气安全等展台，吸引了众多市民驻足。" * 3,
                 "据了解，活动期间全区将开展隐患排查、应急演练、安全宣讲等系列活动。" * 2):
        line(text, 12)
    line("（记者 王芳　通讯员 李强）", 12)
    return doc


def letter_report():
    """A quarterly report on US Letter paper: English title, 宋体 body, Word's heading styles."""
    doc = Document()
    doc.add_heading("Information Security Review, Q3 2023", level=0)
    p = doc.add_paragraph("本报告汇总了第三季度信息系统安全评估的主要发现和整改建议。" * 2)
    p.runs[0]._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    doc.add_heading("1 Summary", level=1)
    doc.add_paragraph("本季度共评估系统12个，发现中高风险问题7项，已整改5项。")
    doc.add_heading("2 Findings", level=1)
    for n in range(1, 4):
        doc.add_paragraph(f"问题{n}：部分系统口令策略不符合要求，需在下季度完成整改。", style="List Number")
    add(doc, para(run("Prepared by the IT Office", None, None), jc="right"))
    return doc

