"""Every form docs/check.md's rule table names for the text, ordinal and indent rules, found by `check`.

Each form is planted in a correct hand-made document (handmade.py) and the whole list of
findings is asserted; beside each rule stand the nearest forms it must not report (a decimal
between digits, a URL, 2024年2月29日 …), which must leave the document passing.
"""

from __future__ import annotations

import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from handmade import FANGSONG, HEITI, KAITI, correct_document, find, para, run, set_text

from reportgen.check.run import check

PREFIX = "按照区安委会的统一部署，"  # 12 characters: every planted paragraph shows as WHERE
WHERE = f"第3段「{PREFIX}…」"
E, W = "error", "warning"


def findings(doc, tmp_path) -> list[tuple[str, str, str, str]]:
    doc.save(tmp_path / "通知.docx")
    return [(f.rule, f.level, str(f.where), f.message) for f in check(tmp_path / "通知.docx")]


def with_sentence(sentence: str, tmp_path) -> list[tuple[str, str, str, str]]:
    """The findings of the correct document whose third paragraph is PREFIX + ``sentence``."""
    doc = correct_document()
    body = find(doc, "按照")
    body.runs[0].text = PREFIX + sentence
    return findings(doc, tmp_path)


def date_fault(form: str, message: str, level: str = E):
    return pytest.param(f"会议定于{form}召开。", [("text.date", level, WHERE, message)], id=form)


def passes(sentence: str):
    return pytest.param(sentence, [], id=f"passes:{sentence}")


DATES = [
    date_fault("2024年03月05日", "日期“2024年03月05日”应写作“2024年3月5日”"),
    date_fault("2024年3月05日", "日期“2024年3月05日”应写作“2024年3月5日”"),
    date_fault("2024年03月", "日期“2024年03月”应写作“2024年3月”"),
    date_fault("二〇二四年三月五日", "日期“二〇二四年三月五日”应写作“2024年3月5日”"),
    date_fault("二○二四年三月五日", "日期“二○二四年三月五日”应写作“2024年3月5日”"),
    date_fault("二零二四年三月五日", "日期“二零二四年三月五日”应写作“2024年3月5日”"),
    date_fault("二〇二四年十二月三十一日", "日期“二〇二四年十二月三十一日”应写作“2024年12月31日”"),
    date_fault("二〇二四年三月", "日期“二〇二四年三月”应写作“2024年3月”"),
    date_fault("24年3月5日", "日期“24年3月5日”应写全四位年份"),
    date_fault("2024年2月30日", "日期“2024年2月30日”不存在"),
    date_fault("2023年2月29日", "日期“2023年2月29日”不存在"),
    date_fault("1900年2月29日", "日期“1900年2月29日”不存在"),
    date_fault("2024年4月31日", "日期“2024年4月31日”不存在"),
    date_fault("2024年3月32日", "日期“2024年3月32日”不存在"),
    date_fault("2024年13月", "日期“2024年13月”不存在"),
    date_fault("2024年3月0日", "日期“2024年3月0日”不存在"),
    date_fault("二〇二四年二月三十日", "日期“二〇二四年二月三十日”不存在"),
    date_fault("二〇二三年二月二十九日", "日期“二〇二三年二月二十九日”不存在"),
    date_fault("2024-02-30", "日期“2024-02-30”不存在"),
    date_fault("2024-03-05", "日期“2024-03-05”宜写作“2024年3月5日”", W),
    date_fault("2024/3/5", "日期“2024/3/5”宜写作“2024年3月5日”", W),
    date_fault("2024.3.5", "日期“2024.3.5”宜写作“2024年3月5日”", W),
    passes("会议定于2024年3月5日召开。"),
    passes("会议定于2024年2月29日召开。"),
    passes("会议定于2024年12月31日召开。"),
    passes("会议定于2024年3月召开。"),
    passes("会议定于24年3月召开。"),  # no day: “24年” may be a count of years
    passes("去年增长3.5个百分点。"),
    passes("使用版本2024.3.5.1的系统。"),
    passes("二〇二四年是关键之年。"),
]


def mark_fault(sentence: str, spot: str, mark: str, right: str):
    return pytest.param(sentence, [("text.punctuation", E, WHERE,
                                    f"中文中用了半角标点：“{spot}”中的“{mark}”应为“{right}”")],
                        id=sentence)


MARKS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", '"': "“”"}
PUNCTUATION = [
    *[mark_fault(f"各单位{m}要认真落实。", f"单位{m}要认", m, r) for m, r in MARKS.items()],
    *[mark_fault(f"共3{m}要认真落实。", f"共3{m}要认", m, r) for m, r in MARKS.items()],
    mark_fault("各单位要认真落实.", "落实.", ".", "。"),
    mark_fault("各单位.要认真落实。", "单位.要认", ".", "。"),
    passes("共3.要认真落实。"),  # “.” only after a Chinese character
    passes("共计3.5万元，已全部到位。"),
    passes("详见https://www.gov.cn/zhengce/index.html网站。"),
    passes("上午10:30在A, B两地同时开始（详见附件）。"),
]


def placeholder_fault(form: str, shown: str, more: str = ""):
    return pytest.param(f"请于{form}前报送材料。", [("text.placeholder", E, WHERE,
                                                f"残留占位符“{shown}”，应填入实际内容{more}")], id=form)


PLACEHOLDERS = [
    placeholder_fault("××", "××"),
    placeholder_fault("×月×日", "×", "（共2处）"),
    placeholder_fault("XX", "XX"),
    placeholder_fault("xxx", "xxx"),
    placeholder_fault("ＸＸ", "ＸＸ"),
    placeholder_fault("**", "**"),
    placeholder_fault("＊＊", "＊＊"),
    placeholder_fault("○○", "○○"),
    placeholder_fault("{{ 截止日期 }}", "{{", "（共2处）"),
    placeholder_fault("{{截止日期", "{{"),
    placeholder_fault("截止日期}}", "}}"),
    placeholder_fault("{% if 有 %}月底{% endif %}", "{%", "（共4处）"),
    placeholder_fault("月底%}", "%}"),
    placeholder_fault("{# 待定 #}月底", "{#", "（共2处）"),
    placeholder_fault("月底#}", "#}"),
    placeholder_fault("[日期]", "[日期]"),
    placeholder_fault("【截止日期】", "【截止日期】"),
    placeholder_fault("［ ］", "［ ］"),
    placeholder_fault("【\u3000】", "【\u3000】"),
    placeholder_fault("[ ]", "[ ]"),
    placeholder_fault("（ ）", "（ ）"),
    placeholder_fault("（）", "（）"),
    placeholder_fault("第×条", "×"),
    placeholder_fault("[××]", "[××]"),
    placeholder_fault("【单位名称】", "【单位名称】"),
    passes("请按3×4米的尺寸制作展板。"),
    passes("请按长×宽×高填写展板尺寸。"),
    passes("请将【重要】事项于[2024]年内报送。"),
    passes("请在Windows XP系统中打开，领取XXL码服装。"),
    passes("请参照文献[1]和x86架构说明报送。"),
    passes("请于月底前报送（详见附件）。"),
    passes("请在○处打勾，完成率100%。"),
]

DOC_NUMBERS = [
    *[pytest.param(f"根据城安委{form}文件制定。", [("text.doc_number", E, WHERE,
                                              f"发文字号“城安委{form}”应写作“城安委〔2024〕3号”")], id=form)
      for form in ("[2024]3号", "［2024］3号", "（2024）3号", "【2024】3号", "〔2024〕第3号",
                   "〔2024〕03号", "[2024]第003号")],
    passes("根据城安委〔2024〕3号文件制定。"),
    passes("根据城安委〔2024〕12号文件，在3号楼第3号会议室开会。"),
]


@pytest.mark.parametrize(("sentence", "found"), DATES + PUNCTUATION + PLACEHOLDERS + DOC_NUMBERS)
def test_each_form_of_a_text_rule_is_reported_and_its_nearest_correct_form_is_not(
        sentence, found, tmp_path):
    assert with_sentence(sentence, tmp_path) == found


def test_a_doc_number_line_in_square_brackets_is_reported(tmp_path):
    doc = correct_document()
    run(find(doc, "关于开展").insert_paragraph_before(), "城安委[2024]3号")
    assert findings(doc, tmp_path) == [("text.doc_number", E, "第1段「城安委[2024]3号」",
                                        "发文字号“城安委[2024]3号”应写作“城安委〔2024〕3号”")]


RECIPIENTS = "第2段「各科室、各下属单位{}」"
NOT_A_COLON = "主送机关应以全角冒号“：”结尾"


@pytest.mark.parametrize(("ending", "styled", "found"), [
    (":", False, [("text.punctuation", E, RECIPIENTS.format(":"), "中文中用了半角标点：“单位:”中的“:”应为“：”"),
                  ("text.recipients", E, RECIPIENTS.format(":"), NOT_A_COLON)]),
    ("", True, [("text.recipients", E, RECIPIENTS.format(""), NOT_A_COLON)]),
    ("；", True, [("text.recipients", E, RECIPIENTS.format("；"), NOT_A_COLON)]),
    ("。", True, [("text.recipients", E, RECIPIENTS.format("。"), NOT_A_COLON)]),
    ("：", True, []),
    ("：", False, []),
    # Without a colon and without the style, nothing says the line is the 主送: it is body text.
    ("", False, [("layout.indent", E, RECIPIENTS.format(""), "正文段落首行应缩进2字，实为0字")]),
])
def test_recipients_end_with_a_full_width_colon(ending, styled, found, tmp_path):
    doc = correct_document()
    line = find(doc, "各科室、")
    set_text(line, "各下属单位：", f"各下属单位{ending}")
    if styled:
        doc.styles.add_style("主送机关", WD_STYLE_TYPE.PARAGRAPH).base_style = doc.styles["Normal"]
        line.style = doc.styles["主送机关"]
    assert findings(doc, tmp_path) == found


CC = "第22段「抄送：市应急管理局，区安…」"


@pytest.mark.parametrize(("ending", "found"), [
    ("", [("text.cc", E, CC, "抄送机关之后应以句号“。”结尾")]),
    ("，", [("text.cc", E, CC, "抄送机关之后应以句号“。”结尾")]),
    ("；", [("text.cc", E, CC, "抄送机关之后应以句号“。”结尾")]),
    (".", [("text.punctuation", E, CC, "中文中用了半角标点：“公室.”中的“.”应为“。”"),
           ("text.cc", E, CC, "抄送机关之后应以句号“。”结尾")]),
    ("。", []),
])
def test_the_cc_line_ends_with_a_full_stop(ending, found, tmp_path):
    doc = correct_document()
    para(doc, (f"抄送：市应急管理局，区安委会办公室{ending}", FANGSONG, 14), indent=False)
    assert findings(doc, tmp_path) == found


LEVEL_1, LEVEL_2 = "第4段「{}总体要求」", "第6段「{}工作目标」"
LEVEL_3, LEVEL_4 = "第9段「{}排查隐患。各科室要把…」", "第10段「{}重点企业。各科室要…」"


def ordinal_fault(heading: str, right: str, wrong: str, where: str, message: str, level: str = E,
                  also: tuple = ()):
    return pytest.param(heading, right, wrong, [("ordinal.form", level, where.format(wrong), message),
                                                *also], id=wrong)


@pytest.mark.parametrize(("heading", "right", "wrong", "found"), [
    # The ordinal is judged by ordinal.form alone: “一.” is no sentence's full stop after “一”.
    ordinal_fault("一、总体", "一、", "一.", LEVEL_1, "序号“一.”应写作“一、”"),
    ordinal_fault("一、总体", "一、", "一．", LEVEL_1, "序号“一．”应写作“一、”"),
    ordinal_fault("（一）工作目标", "（一）", "（一）、", LEVEL_2, "序号“（一）、”应写作“（一）”"),
    ordinal_fault("（一）工作目标", "（一）", "(一)", LEVEL_2, "序号“(一)”应写作“（一）”"),
    ordinal_fault("（一）工作目标", "（一）", "1.1 ", LEVEL_2, "序号“1.1”应写作“（一）”"),
    ordinal_fault("1.排查", "1.", "1、", LEVEL_3, "序号“1、”应写作“1.”"),
    ordinal_fault("1.排查", "1.", "1．", LEVEL_3, "序号“1．”宜写作“1.”（半角点）", W),
    ordinal_fault("1.排查", "1.", "2.3.1 ", "第9段「{}排查隐患。各…」", "序号“2.3.1”应写作“1.”"),
    ordinal_fault("（1）重点", "（1）", "(1)", LEVEL_4, "序号“(1)”应写作“（1）”"),
    # After the ordinal the heading's text is judged as any other.
    pytest.param("一、总体", "一、总体要求", "一.总体要求,从严", [
        ("ordinal.form", E, "第4段「一.总体要求,从严」", "序号“一.”应写作“一、”"),
        ("text.punctuation", E, "第4段「一.总体要求,从严」", "中文中用了半角标点：“要求,从严”中的“,”应为“，”")],
        id="一.总体要求,从严"),
    ordinal_fault("（1）重点", "（1）", "（1）、", "第10段「{}重点企业。各科室…」", "序号“（1）、”应写作“（1）”"),
    ordinal_fault("（1）重点", "（1）", "（1），", "第10段「{}重点企业。各科室…」", "序号“（1），”应写作“（1）”"),
    # The nearest forms that pass: a space after the ordinal; a body paragraph opening with a decimal.
    pytest.param("1.排查", "1.", "1. ", [], id="passes:1. "),
    pytest.param("一、总体", "一、", "一、\u3000", [], id="passes:一、　"),
    pytest.param("按照", "按照", "1.5万元已到位。按照", [], id="passes:1.5万元"),
])
def test_each_wrong_ordinal_form_is_reported(heading, right, wrong, found, tmp_path):
    doc = correct_document()
    set_text(find(doc, heading), right, wrong)
    assert findings(doc, tmp_path) == found


def indent_fault(chars: int):
    return [("layout.indent", E, "第3段「按照区安委会（城安委〔2…」", f"正文段落首行应缩进2字，实为{chars}字")]


@pytest.mark.parametrize(("first_line", "left", "opening", "align", "found"), [
    (0, 0, "", None, indent_fault(0)),
    (16, 0, "", None, indent_fault(1)),
    (48, 0, "", None, indent_fault(3)),
    (0, 0, "\u3000", None, indent_fault(1)),
    (0, 0, "  ", None, indent_fault(1)),  # two half-width spaces make one 字
    (0, 0, "\u3000\u3000", None, []),  # leading full-width spaces count as indent
    (16, 0, "\u3000", None, []),
    (0, 0, "", WD_ALIGN_PARAGRAPH.CENTER, []),
    (0, 0, "", WD_ALIGN_PARAGRAPH.RIGHT, []),
    (-32, 32, "", None, []),  # hanging
    (0, 0, "\t", None, []),
], ids=["0", "1", "3", "one-full-width-space", "two-spaces", "two-full-width-spaces", "1+space",
        "centred", "right", "hanging", "tab"])
def test_body_paragraphs_are_indented_two_characters(first_line, left, opening, align, found, tmp_path):
    doc = correct_document()
    body = find(doc, "按照")
    body.paragraph_format.first_line_indent, body.paragraph_format.left_indent = Pt(first_line), Pt(left)
    body.runs[0].text = opening + body.runs[0].text
    if align is not None:
        body.alignment = align
    assert findings(doc, tmp_path) == found


AUTO = ("ordinal.auto", E, "第3段「按照区安委会（城安委〔2…」", "使用了 Word 自动编号，序号应直接写成文字")
NUMBERED = f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


@pytest.mark.parametrize("from_style", [False, True], ids=["direct", "from-style"])
def test_word_auto_numbering_is_reported_direct_or_from_the_style(from_style, tmp_path):
    doc = correct_document()
    body = find(doc, "按照")
    if from_style:
        listed = doc.styles.add_style("列表段落", WD_STYLE_TYPE.PARAGRAPH)
        listed.base_style = doc.styles["Normal"]
        listed.element.get_or_add_pPr().append(parse_xml(NUMBERED))
        body.style = listed
    else:
        body._p.get_or_add_pPr().append(parse_xml(NUMBERED))
    assert findings(doc, tmp_path) == [AUTO]


@pytest.mark.parametrize(("right", "wrong", "found"), [
    ("一、", "二、", [("ordinal.gap", E, "第4段「二、总体要求」", "序号应从“一、”开始，实为“二、”"),
                    ("ordinal.repeat", E, "第14段「二、工作要求」", "序号“二、”重复")]),
    ("（一）", "（二）", [("ordinal.gap", E, "第6段「（二）工作目标」", "序号应从“（一）”开始，实为“（二）”"),
                      ("ordinal.repeat", E, "第8段「（二）工作步骤。检查分三…」", "序号“（二）”重复")]),
])
def test_numbering_starts_at_one(right, wrong, found, tmp_path):
    doc = correct_document()
    set_text(find(doc, right), right, wrong)
    assert findings(doc, tmp_path) == found


@pytest.mark.parametrize(("headings", "found"), [
    ([("三、检查内容", HEITI)], [("ordinal.restart", E, "第22段「三、检查内容」",
                                 "序号应在附件中重新从“一、”编起，实为“三、”")]),
    ([("（二）检查范围", KAITI)], [("ordinal.restart", E, "第22段「（二）检查范围」",
                                  "序号应在附件中重新从“（一）”编起，实为“（二）”")]),
    ([("四、检查内容", HEITI)], [("ordinal.gap", E, "第22段「四、检查内容」", "序号应从“一、”开始，实为“四、”")]),
    # Under a parent of its own in the attachment, a （二） is a skipped （一）, whatever came before.
    ([("一、检查内容", HEITI), ("（二）检查范围", KAITI)],
     [("ordinal.gap", E, "第23段「（二）检查范围」", "序号应从“（一）”开始，实为“（二）”")]),
    ([("一、检查内容", HEITI), ("（一）检查范围", KAITI)], []),
])
def test_numbering_restarts_in_each_attachment(headings, found, tmp_path):
    doc = correct_document()  # its attachment 检查安排表 ends it: headings added go there
    for heading in headings:
        para(doc, heading)
    assert findings(doc, tmp_path) == found


def test_an_ordinal_is_excused_its_half_width_marks_in_a_heading_only(tmp_path):
    """“(1)” opening a heading is judged by ordinal.form alone; in a table cell it is text."""
    doc = correct_document()
    cell = doc.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
    run(cell, "(1)检查内容")
    text = [f for f in findings(doc, tmp_path) if f[0].startswith("text.")]
    assert text == [("text.punctuation", E, "第22段「(1)检查内容」", "中文中用了半角标点：“(1)检查”中的“)”应为“）”")]
