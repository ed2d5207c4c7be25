"""Offices' own 公文 templates, made as their programs make them, for `templates adopt`.

Each has a 红头, sample text after it (a title, 主送, body, 署名, date, a 版记) and page numbers;
what differs is how: WPS with a 红头 table and numbered style ids, Word with styles named
公文标题/一级标题 (one auto-numbered), and pandoc (committed, see adopt/make_pandoc_template.py).
"""

from __future__ import annotations

from pathlib import Path

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx_shapes import (
    FS,
    HT,
    IMPRINT_BORDERS,
    KT,
    NS,
    XBS,
    add,
    body,
    even_and_odd,
    gb_footers,
    gb_styles,
    new_document,
    no_indent,
    page_number,
    para,
    rpr,
    run,
    set_footer,
    set_style,
    style,
    table,
    title,
)

PANDOC = Path(__file__).resolve().parent / "adopt" / "pandoc-公文模板.docx"
RED_RULE = '<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="12" w:color="FF0000"/></w:pBdr>'


def sample_text() -> list[str]:
    """What follows the 红头 in an office's template: placeholders to be typed over."""
    return [title("关于XXXX的通知"), no_indent("XXXXXX："), body("正文XXXXXX。"),
            para(run("城关区应急管理局"), jc="right", ind='w:right="640" w:firstLine="0"'),
            para(run("20XX年X月X日"), jc="right", ind='w:right="640" w:firstLine="0"'),
            table([[[para(run("抄送：XXXX。", FS, 14), ind='w:left="280" w:firstLine="0"')]],
                   [[para(run("城关区应急管理局办公室　　20XX年X月X日印发", FS, 14),
                          ind='w:left="280" w:firstLine="0"')]]], IMPRINT_BORDERS)]


def wps_red_header_table():
    """WPS: style ids "1", "2" …, a 15.6 pt line grid, the 红头 in a table, one footer whose
    number sits in a frame at the outside edge."""
    doc = new_document(grid='w:type="lines" w:linePitch="312" w:charSpace="0"')
    styles = doc.styles.element
    for old in styles.findall(qn("w:style")):
        styles.remove(old)
    gb_styles(doc, style_id="1", line=560)
    set_style(doc, style("2", "heading 1", based="1", ppr='<w:outlineLvl w:val="0"/>'))
    mark = para(run("城关区应急管理局文件", XBS, 36, color="FF0000", tracking=-20), jc="center",
                ind='w:firstLine="0"', spacing='w:line="240" w:lineRule="auto"')
    number = para(run("城应急发〔20XX〕X号"), jc="center", ind='w:firstLine="0"',
                  spacing='w:before="560" w:after="560"', extra=RED_RULE)
    add(doc, table([[[mark]]]), number, para(), *sample_text())
    set_footer(doc, "default", page_number(frame="outside"))
    return doc


NUMBERING = (
    f'<w:abstractNum {NS} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="chineseCounting"/><w:pStyle w:val="a1"/><w:lvlText w:val="%1、"/></w:lvl>'
    "</w:abstractNum>")


def named_styles():
    """Word: styles named 公文标题, 一级标题 (auto-numbered 一、), 二级标题, 三级标题, 发文字号,
    附件说明 and 成文日期; the 发文机关标志 in red; page numbers as the standard asks."""
    doc = new_document()
    gb_styles(doc)
    gb_footers(doc)
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    centred = '<w:ind w:firstLine="0"/><w:jc w:val="center"/>'
    for sid, name, font, size, ppr in (
            ("a0", "公文标题", XBS, 22, f'<w:spacing w:after="579"/>{centred}'),
            ("a1", "一级标题", HT, 16, '<w:keepNext/><w:numPr><w:numId w:val="90"/></w:numPr>'),
            ("a2", "二级标题", KT, 16, "<w:keepNext/>"), ("a3", "三级标题", FS, 16, ""),
            ("a4", "发文字号", FS, 16, f'{RED_RULE}<w:spacing w:before="1158" w:after="1158"/>{centred}'),
            ("a5", "附件说明", FS, 16, '<w:ind w:left="1600" w:hanging="960"/>'),
            ("a6", "成文日期", FS, 16, '<w:ind w:right="640" w:firstLine="0"/><w:jc w:val="right"/>')):
        set_style(doc, style(sid, name, based="Normal", ppr=ppr, rpr_xml=rpr(font, size)))
    add(doc, para(run("城关区人民政府文件", XBS, 36, color="FF0000"), jc="center", ind='w:firstLine="0"',
                  spacing='w:before="1984" w:line="240" w:lineRule="auto"'),
        para(run("城政发〔20XX〕X号", None, None), style="a4"),
        para(run("关于XXXX的通知", None, None), style="a0"), no_indent("XXXXXX："),
        para(run("总体要求", None, None), style="a1"), body("正文XXXXXX。"),
        para(run("（一）XXXX", None, None), style="a2"), body("正文XXXXXX。"),
        para(run("附件：1.XXXX", None, None), style="a5"),
        para(run("城关区人民政府"), jc="right", ind='w:right="640" w:firstLine="0"'),
        para(run("20XX年X月X日", None, None), style="a6"))
    even_and_odd(doc)
    return doc


OFFICE_TEMPLATES = {"wps-红头表格": wps_red_header_table, "公文标题样式": named_styles, "pandoc": PANDOC}
