"""Corpus documents shaped as Word writes them: styles, fields, numbering, frames, 版记 and 纪要."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx_shapes import (
    FS,
    HT,
    IMPRINT_BORDERS,
    KT,
    NS,
    SENTENCE,
    SONG,
    XBS,
    add,
    body,
    bottom_text_box,
    even_and_odd,
    gb_footers,
    gb_styles,
    heading,
    new_document,
    no_indent,
    page_number,
    para,
    rpr,
    rule_lines,
    run,
    set_footer,
    set_style,
    signed,
    style,
    table,
    title,
)

OPENING = "按照区安委会统一部署，结合我局实际，现就开展安全生产大检查有关事项通知如下。"
NAME, DAY = "城关区应急管理局", "2024年5月20日"
DATE_RIGHT = 480  # 署名 8 字 at 2 字 from the right; the date (6.5 字) starts 2 字 right of it


def gongwen(doc, *middle: str, signature: bool = True) -> None:
    """Title, 主送, opening, the ``middle`` paragraphs, 署名 and date: a 通知 as offices write it."""
    add(doc, title("关于开展安全生产大检查的通知"), no_indent("各科室、各下属单位："), body(OPENING),
        *middle)
    if signature:
        add(doc, *signed(NAME, DAY, DATE_RIGHT))


def standard_middle() -> list[str]:
    return [heading("一、总体要求", 1), body(SENTENCE * 3), heading("（一）工作目标", 2),
            body(SENTENCE * 2), heading("二、工作要求", 1), body(SENTENCE * 2)]


def fields_in_one_run():
    """Footers whose PAGE fields are one run, or lack a cached result; two faults of their own."""
    doc = new_document()
    gb_styles(doc)
    gongwen(doc, *standard_middle())
    even_and_odd(doc)
    set_footer(doc, "default", page_number("one_run", "center"))
    set_footer(doc, "even", page_number("no_result", "left", font="Times New Roman",
                                        ind='w:left="280"'))
    return doc


NUMBERING = (
    f'<w:abstractNum {NS} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:pStyle w:val="Heading2"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:pStyle w:val="Heading3"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>'
    "</w:abstractNum>")


def numbered_heading_styles():
    """Level-one headings in `heading 2` numbered "%1、", level two in `heading 3` "（%2）";
    page numbers in frames at the outside edge."""
    doc = new_document()
    gb_styles(doc)
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, (sid, font) in enumerate((("Heading2", HT), ("Heading3", KT))):
        set_style(doc, style(sid, f"heading {level + 2}", based="Normal", rpr_xml=rpr(font, 16),
                             ppr=f'<w:keepNext/><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="90"/>'
                                 f'</w:numPr><w:outlineLvl w:val="{level + 1}"/>'))
    add(doc, title("关于开展安全生产大检查的通知"), no_indent("各科室、各下属单位："), body(OPENING))
    for head, subs in (("总体要求", ["工作目标", "工作步骤"]), ("工作要求", ["加强组织领导"])):
        add(doc, para(run(head, None, None), style="Heading2"), body(SENTENCE))
        for sub in subs:
            add(doc, para(run(sub, None, None), style="Heading3"), body(SENTENCE))
    add(doc, *signed(NAME, DAY, DATE_RIGHT))
    even_and_odd(doc)
    set_footer(doc, "default", page_number(frame="outside"))
    set_footer(doc, "even", page_number(frame="outside"))
    return doc


def missing_styles():
    """Paragraphs naming styles the document lacks (Compact, a5, FirstParagraph, 1: as pandoc and WPS leave them): Word and LibreOffice use Normal."""
    doc = new_document()
    gb_styles(doc)
    gb_footers(doc)
    add(doc, title("关于开展安全生产大检查的通知"), no_indent("各科室、各下属单位："),
        para(run(OPENING, None, None), style="Compact"),
        para(run("一、总体要求", HT, None), style="1"),
        para(run(SENTENCE * 2, None, None), style="a5"),
        para(run(SENTENCE, SONG, 16), style="Compact"),
        para(run("二、工作要求", HT, None), style="1"),
        para(run(SENTENCE * 2, None, None), style="FirstParagraph"),
        *signed(NAME, DAY, DATE_RIGHT))
    return doc


def imprint_rows(size: float = 14, audit_size: float = 14) -> list[list[list[str]]]:
    left = 'w:left="280" w:right="280" w:firstLine="0"'
    return [[[para(run("主送：各乡镇人民政府，区直各部门。", FS, size), ind=left)]],
            [[para(run("抄送：区委办公室，区人大常委会办公室。", FS, size), ind=left)]],
            [[para(run("审核：张明　　　　校对：李华", FS, audit_size), ind=left)]],
            [[para(run("城关区应急管理局办公室", FS, size), run("\t2024年5月20日印发", FS, size),
                   ind=left, extra='<w:tabs><w:tab w:val="right" w:pos="8565"/></w:tabs>')]]]


def imprint_table():
    """A 版记 table after the body (主送, 抄送, 审核, 印发), one row in 3号, not at the page foot."""
    doc = new_document()
    gb_styles(doc)
    gb_footers(doc)
    gongwen(doc, *standard_middle())
    add(doc, para(), table(imprint_rows(audit_size=16), IMPRINT_BORDERS))
    return doc


def imprint_paragraphs():
    """A 版记 drawn with paragraph rules, in a text box at the foot of the 版心."""
    doc = new_document()
    gb_styles(doc)
    gb_footers(doc)
    gongwen(doc, *standard_middle())
    rows = [row[0][0].replace("<w:pPr>", f"<w:pPr>{rule_lines(8, 6)}") for row in imprint_rows()]
    add(doc, bottom_text_box("".join(rows), 1500))
    return doc


def attachment_note():
    """附件说明 on several lines (aligned by indent, or by spaces) and attachments labelled
    "附件1（可选）", "附件2"."""
    doc = new_document()
    gb_styles(doc)
    gb_footers(doc)
    hanging = 'w:left="1600" w:hanging="960"'
    gongwen(doc, *standard_middle(), signature=False)
    add(doc, para(run("附件：1.城关区安全生产检查安排表"), ind=hanging, spacing='w:before="579"'),
        para(run("2.城关区安全生产检查记录表"), ind='w:left="1600" w:firstLine="0"'),
        para(run("　　　　　3.城关区安全隐患整改台账")), *signed(NAME, DAY, DATE_RIGHT))
    for label, name in (("附件1（可选）", "城关区安全生产检查安排表"), ("附件2", "城关区安全生产检查记录表")):
        add(doc, para(run(label, HT), ind='w:firstLine="0"', extra="<w:pageBreakBefore/>"),
            title(name), body(SENTENCE * 2))
    return doc


def minutes_and_captions():
    """A 纪要: 出席, 请假, 列席 labels in 黑体; a table captioned 表1 and a figure caption 图1."""
    doc = new_document()
    gb_styles(doc)
    gb_footers(doc)
    names = 'w:left="1600" w:hanging="960"'
    add(doc, title("城关区安全生产委员会第三次全体会议纪要"),
        body("2024年5月20日，区安委会召开第三次全体会议，研究部署安全生产大检查工作。纪要如下。"),
        heading("一、会议议定事项", 1), body(SENTENCE * 2),
        para(run("表1　整改任务分工", HT), jc="center", ind='w:firstLine="0"'),
        table([[[para(run("任务", HT, 14), jc="center")], [para(run("责任单位", HT, 14), jc="center")]],
               [[para(run("隐患排查", FS, 14))], [para(run("区应急管理局", FS, 14))]]],
              IMPRINT_BORDERS),
        body(SENTENCE),
        para(run("图1　大检查工作流程", HT), jc="center", ind='w:firstLine="0"'),
        heading("二、工作要求", 1), body(SENTENCE * 2),
        para(run("出席：", HT), run("张明、李华、王强、赵丽、孙伟、周敏"), ind=names),
        para(run("请假：", HT), run("吴刚（出差）"), ind=names),
        para(run("列席：", HT), run("区应急管理局、区市场监管局有关负责同志"), ind=names))
    return doc


def placeholder_doc_number():
    """A 红头 whose 发文机关标志 and 发文字号 are still placeholders (XX发〔202X〕X号)."""
    doc = new_document()
    gb_styles(doc)
    gb_footers(doc)
    add(doc, para(run("XX县人民政府文件", XBS, 36, color="FF0000"), jc="center",
                  ind='w:firstLine="0"', spacing='w:before="1984" w:line="240" w:lineRule="auto"'),
        para(run("XX发〔202X〕X号"), jc="center", ind='w:firstLine="0"',
             spacing='w:before="1158" w:after="1158"',
             extra='<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="11" w:color="FF0000"/></w:pBdr>'))
    gongwen(doc, *standard_middle())
    return doc


def bracket_blanks():
    """Blanks left in brackets: [日期], 【发文单位】, ［ ］."""
    doc = new_document()
    gb_styles(doc)
    gb_footers(doc)
    gongwen(doc, heading("一、检查范围", 1), body(SENTENCE * 2),
            body("请各单位于[日期]前将检查情况报区应急管理局。"),
            body("联系人：［ ］，联系电话：8123456。"), signature=False)
    add(doc, *signed("【发文单位】", DAY, 640))
    return doc


def misses():
    """Faults the check used to miss: no first-line indent, red body text, a date flush right,
    "1.1" numbering, "1．", a 版记 in 3号."""
    doc = new_document()
    gb_styles(doc)
    gb_footers(doc)
    add(doc, title("关于开展安全生产大检查的通知"), no_indent("各科室、各下属单位："), no_indent(OPENING),
        heading("一、总体要求", 1), body(SENTENCE * 2), para(run("1.1　工作目标", KT)),
        no_indent(SENTENCE), para(run("1.2　工作步骤", KT)),
        para(run(SENTENCE), run("务必于6月底前完成。", color="FF0000")),
        heading("二、工作要求", 1), para(run("1．加强组织领导。"), run(SENTENCE)),
        para(run("2.强化督促检查。"), run(SENTENCE)),
        para(run(NAME), jc="right", ind='w:right="640" w:firstLine="0"', spacing='w:before="579"'),
        para(run(DAY), jc="right", ind='w:firstLine="0"'))
    rows = [row[0][0] for row in imprint_rows(size=16)]
    add(doc, bottom_text_box(table([[[r]] for r in (rows[1], rows[3])], IMPRINT_BORDERS)))
    return doc
