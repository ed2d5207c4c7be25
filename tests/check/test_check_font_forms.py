"""font.body for every part docs/check.md's rule table names (body, 主送, 发文字号, 附件说明, 署名,
成文日期, text after a run-in heading), the names of 仿宋 it must accept, and font.theme's forms."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from handmade import FANGSONG, KAITI, SONG, correct_document, find, run, set_font

from reportgen.check.run import check


def findings(doc, tmp_path) -> list[tuple[str, str, str]]:
    doc.save(tmp_path / "通知.docx")
    return [(f.rule, str(f.where), f.message) for f in check(tmp_path / "通知.docx")]


def doc_number_line(doc, font: str):
    run(find(doc, "关于开展").insert_paragraph_before(), "城安委〔2024〕3号", font)


def attachment_note(doc, font: str):
    note = find(doc, "城关区应急管理局").insert_paragraph_before()
    note.paragraph_format.first_line_indent = 0
    run(note, "附件：检查安排表", font)


def in_run(start: str, index: int = 0):
    return lambda doc, font: set_font(find(doc, start).runs[index], font)


@pytest.mark.parametrize(("plant", "where", "message"), [
    (in_run("按照"), "第3段「按照区安委会（城安委〔2…」", "正文应为仿宋，实为宋体"),
    (in_run("各科室、"), "第2段「各科室、各下属单位：」", "正文应为仿宋，实为宋体"),
    (doc_number_line, "第1段「城安委〔2024〕3号」", "正文应为仿宋，实为宋体"),
    (attachment_note, "第17段「附件：检查安排表」", "正文应为仿宋，实为宋体"),
    (in_run("城关区应急管理局"), "第17段「城关区应急管理局」", "正文应为仿宋，实为宋体"),
    (in_run("2024年5月20日"), "第18段「2024年5月20日」", "正文应为仿宋，实为宋体"),
    (in_run("（二）工作步骤", 1), "第8段「（二）工作步骤。检查分三…」", "标题后的正文应为仿宋，实为宋体"),
    (in_run("1.排查", 1), "第9段「1.排查隐患。各科室要把…」", "标题后的正文应为仿宋，实为宋体"),
], ids=["body", "主送", "发文字号", "附件说明", "署名", "成文日期", "after-heading2", "after-heading3"])
def test_every_part_set_as_body_text_is_judged_as_body(plant, where, message, tmp_path):
    doc = correct_document()
    plant(doc, SONG)
    assert findings(doc, tmp_path) == [("font.body", where, message)]


@pytest.mark.parametrize("name", ["仿宋_GB2312", "仿宋", "FangSong", "方正仿宋_GBK"])
def test_every_name_of_fangsong_is_fangsong(name, tmp_path):
    doc = correct_document()
    for plant in (in_run("按照"), in_run("各科室、"), doc_number_line, attachment_note,
                  in_run("2024年5月20日"), in_run("（二）工作步骤", 1)):
        plant(doc, name)
    assert findings(doc, tmp_path) == []


THEMED = "正文字体取自文档主题（宋体），主题字体会盖过所设字体，应直接设为仿宋"


@pytest.mark.parametrize(("slot", "theme", "found"), [
    ("eastAsiaTheme", "minorEastAsia", [("font.theme", "第3段「按照区安委会（城安委〔2…」", THEMED)]),
    ("eastAsiaTheme", "majorEastAsia", [("font.theme", "第3段「按照区安委会（城安委〔2…」", THEMED)]),
    ("asciiTheme", "minorHAnsi", []),  # Latin slots: fonts are judged on the Chinese characters
    ("hAnsiTheme", "minorHAnsi", []),
])
def test_a_theme_font_on_chinese_text_is_reported(slot, theme, found, tmp_path):
    doc = correct_document()
    find(doc, "按照").runs[0]._r.rPr.rFonts.set(qn(f"w:{slot}"), theme)
    assert findings(doc, tmp_path) == found


def test_a_theme_font_on_the_page_numbers_digits_is_named(tmp_path):
    doc = correct_document()
    for part in doc.sections[0].footer.paragraphs[0].runs:
        part._r.rPr.rFonts.set(qn("w:asciiTheme"), "minorHAnsi")
    assert findings(doc, tmp_path) == [("font.page_number", "奇数页页脚", "页码应为宋体，实为Cambria")]


@pytest.mark.parametrize(("size", "found"), [
    (12, [("font.page_number", "奇数页页脚", "页码字号应为四号（14磅），实为小四（12磅）")]),
    (16, [("font.page_number", "奇数页页脚", "页码字号应为四号（14磅），实为三号（16磅）")]),
    (14.5, [("font.page_number", "奇数页页脚", "页码字号应为四号（14磅），实为14.5磅")]),
    (14, []),
])
def test_the_page_numbers_digits_are_in_size_four(size, found, tmp_path):
    doc = correct_document()
    for part in doc.sections[0].footer.paragraphs[0].runs:
        part.font.size = Pt(size)
    assert findings(doc, tmp_path) == found


STEPS = "第8段「（二）工作步骤。检查分三…」"


@pytest.mark.parametrize(("cuts", "found"), [
    # (characters, font) of each run of "（二）工作步骤。检查分三步进行。": 8 of heading, then body
    ([(16, FANGSONG)], [("font.heading2", STEPS, "二级标题应为楷体，实为仿宋_GB2312")]),
    ([(16, KAITI)], [("font.body", STEPS, "标题后的正文应为仿宋，实为楷体_GB2312")]),
    ([(2, KAITI), (14, FANGSONG)], [("font.heading2", STEPS, "二级标题应为楷体，实为仿宋_GB2312")]),
    ([(9, KAITI), (7, FANGSONG)], [("font.body", STEPS, "标题后的正文应为仿宋，实为楷体_GB2312")]),
    ([(8, KAITI), (8, FANGSONG)], []),
    ([(3, KAITI), (5, KAITI), (8, FANGSONG)], []),
    ([(2, KAITI)] * 4 + [(8, FANGSONG)], []),
], ids=["all-fangsong", "all-kaiti", "heading-half-fangsong", "body-starts-in-kaiti", "as-set",
        "heading-in-two-runs", "heading-in-four-runs"])
def test_a_run_in_heading_and_its_text_are_judged_character_by_character(cuts, found, tmp_path):
    doc = correct_document()
    steps = find(doc, "（二）工作步骤")
    text = steps.text
    for old in steps.runs:
        old._r.getparent().remove(old._r)
    at = 0
    for length, font in cuts:
        run(steps, text[at:at + length], font)
        at += length
    assert findings(doc, tmp_path) == found
