"""Documents as WPS and python-docx write them: a 红头 in a one-cell table, stages as labelled
paragraphs, ordinals in the forms people get wrong (1、), several attachments, python-docx's
own heading styles."""

from __future__ import annotations

import functools

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx_shapes import (
    HT,
    XBS,
    add,
    body,
    gb_styles,
    heading,
    new_document,
    no_indent,
    para,
    run,
    signed,
    table,
    title,
    typed_line,
)

from .made_in_word import SENTENCE, grid


def wps_red_header(mark: str) -> str:
    return table([[[para(run(mark, XBS, 36, color="FF0000", tracking=-20), jc="center",
                         ind='w:firstLine="0"')]]])


def plan_with_stages():
    """A 方案 from WPS: 红头 table, stages 第一阶段：名称（时间）。…, 1、 ordinals, 抄送 line."""
    doc = new_document(grid='w:type="lines" w:linePitch="312" w:charSpace="0"')
    gb_styles(doc)
    add(doc, wps_red_header("城关区教育局文件"),
        para(run("城教发〔2024〕15号"), jc="center", ind='w:firstLine="0"'),
        title("城关区2024年校园安全专项整治工作方案"), no_indent("各中小学校："),
        body("为进一步加强校园安全管理，结合我区实际，制定本方案。"),
        heading("一、工作目标", 1), body(SENTENCE),
        heading("二、实施步骤", 1), body("专项整治分三个阶段进行。"),
        body("第一阶段：动员部署（3月1日至15日）。各校制定实施方案，明确责任分工。"),
        body("第二阶段：集中整治（3月16日至5月31日）。" + SENTENCE),
        body("第三阶段：总结验收（6月）。区教育局组织验收，通报结果。"),
        heading("三、工作要求", 1), heading("（一）加强领导", 2),
        body("1、明确责任。" + SENTENCE), body("2、强化督查。" + SENTENCE),
        heading("（二）及时报送", 2), body("各校于每月25日前报送整治进展情况。"),
        *signed("城关区教育局", "2024年2月28日", 1280),
        no_indent("抄送：区政府办公室，区公安分局。"),
        no_indent("城关区教育局办公室\t2024年2月29日印发"))
    return doc


def summary_with_attachments():
    """A 总结 from WPS with two attachments listed in the 附件说明 and given pages of their own."""
    doc = new_document(grid='w:type="lines" w:linePitch="312" w:charSpace="0"')
    gb_styles(doc)
    add(doc, title("城关区教育局2024年校园安全专项整治工作总结"), no_indent("区政府："),
        body("按照区政府统一部署，我局开展了校园安全专项整治工作，现总结如下。"),
        heading("一、基本情况", 1), body(SENTENCE),
        heading("二、主要做法", 1), heading("（一）摸清底数", 2), body(SENTENCE),
        heading("（二）集中整治", 2), body(SENTENCE * 2),
        heading("三、下步打算", 1), body(SENTENCE),
        no_indent("附件：1.校园安全隐患整改情况表"), no_indent("　　　2.专项整治先进学校名单"),
        *signed("城关区教育局", "2024年7月10日", 1280),
        para(run("附件1", HT), ind='w:firstLine="0"'), title("校园安全隐患整改情况表"),
        grid([["学校", "隐患（处）", "已整改（处）"], ["城关一中", "12", "12"], ["城关二小", "8", "7"]]),
        para(run("附件2", HT), ind='w:firstLine="0"'), title("专项整治先进学校名单"),
        body("城关一中、城关二小、东关小学。"))
    return doc


def python_docx_plan():
    """A 方案 written with python-docx's defaults: Heading 1 for sections, a table, no 红头."""
    doc = Document()

    line = functools.partial(typed_line, doc)

    line("城关区2024年全民健身月活动方案", XBS, 22, False, WD_ALIGN_PARAGRAPH.CENTER)
    line("各街道、各部门：", indent=False)
    line("为推动全民健身活动深入开展，制定本方案。")
    doc.add_heading("一、活动内容", level=1)
    line("（一）健步走", HT)
    line(SENTENCE)
    line("（二）社区运动会", HT)
    line(SENTENCE)
    doc.add_heading("二、活动安排", level=1)
    rows = (("项目", "时间", "地点"), ("健步走", "5月1日", "人民公园"), ("运动会", "5月18日", "区体育馆"))
    grid_table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            grid_table.cell(r, c).text = text
    line("城关区体育局", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    line("2024年4月10日", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    return doc



