"""`check` without rendering: a correct hand-made document and the samples pass; planted faults are found."""

from __future__ import annotations

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Mm, Pt, RGBColor, Twips
from handmade import FANGSONG, KAITI, SONG, correct_document, find, para, run, set_font, set_text
from helpers import ROOT

import reportgen
from reportgen.check.report import RULES
from reportgen.check.run import check

ODD, EVEN, PAGE = "奇数页页脚", "偶数页页脚", "页面设置"
IMAGE = RELATIONSHIP_TYPE.IMAGE


def letter_paper(doc):
    doc.sections[0].page_width, doc.sections[0].page_height = Inches(8.5), Inches(11)


def shifted_margins(doc):
    doc.sections[0].top_margin, doc.sections[0].bottom_margin = Mm(30), Twips(2381)


def lines_of_29_points(doc):
    doc.styles["Normal"].paragraph_format.line_spacing = Pt(29)


def hyphens_round_the_number(doc):
    footer = doc.sections[0].footer.paragraphs[0]
    footer.runs[0].text, footer.runs[-1].text = "-", "-"


def centred_odd_number(doc):
    doc.sections[0].footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def number_in_times(doc):
    for r in doc.sections[0].footer.paragraphs[0].runs:
        r._r.rPr.rFonts.set(qn("w:ascii"), "Times New Roman")


def title_in_song(doc):
    set_font(find(doc, "关于开展").runs[0], SONG)


def body_in_song(doc):
    set_font(find(doc, "按照").runs[0], SONG)


def body_in_small_size(doc):
    find(doc, "按照").runs[0].font.size = Pt(14)


def heading1_in_song(doc):
    set_font(find(doc, "二、").runs[0], SONG)


def heading2_in_fangsong(doc):
    set_font(find(doc, "（一）工作目标").runs[0], "仿宋_GB2312")


def run_in_heading3_in_kaiti(doc):
    set_font(find(doc, "1.排查").runs[0], KAITI)


def heading4_in_heiti(doc):
    set_font(find(doc, "（1）").runs[0], "黑体")


def text_after_heading_in_kaiti(doc):
    set_font(find(doc, "（二）工作步骤").runs[1], KAITI)


def theme_font_in_body(doc):
    find(doc, "按照").runs[0]._r.rPr.rFonts.set(qn("w:eastAsiaTheme"), "minorEastAsia")


def ordinal_with_comma(doc):
    set_text(find(doc, "（二）工作步骤"), "（二）", "（二）、")


def ordinal_gap(doc):
    set_text(find(doc, "二、工作要求"), "二、", "三、")


def ordinal_repeat(doc):
    set_text(find(doc, "2.落实"), "2.", "1.")


def ordinal_backwards(doc):
    set_text(find(doc, "3.总结"), "3.", "1.")


def ordinal_not_restarted(doc):
    set_text(find(doc, "（一）加强"), "（一）", "（三）")


def word_numbering(doc):
    find(doc, "按照")._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))


def zero_padded_date(doc):
    set_text(find(doc, "2024年5月20日"), "2024年5月20日", "2024年05月20日")


def square_brackets_in_doc_number(doc):
    set_text(find(doc, "按照"), "〔2024〕", "[2024]")


def recipients_with_half_width_colon(doc):
    set_text(find(doc, "各科室、"), "：", ":")


def cc_without_full_stop(doc):
    para(doc, ("抄送：市应急管理局，区安委会办公室", FANGSONG, 14), indent=False)


def imprint_in_size_3(doc):
    para(doc, "抄送：市应急管理局。", indent=False)


def red_body_text(doc):
    find(doc, "按照").runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)


def body_without_indent(doc):
    find(doc, "按照").paragraph_format.first_line_indent = Pt(0)


def date_flush_right(doc):
    find(doc, "2024年5月20日").paragraph_format.right_indent = Pt(0)


def not_an_official_document(doc):
    letter_paper(doc)
    set_text(find(doc, "关于开展"), "关于开展安全生产大检查的通知", "城关区安全生产工作情况")


def half_width_comma(doc):
    set_text(find(doc, "按照"), "部署，", "部署,")


def signer_in_fangsong(doc):
    number = find(doc, "关于开展").insert_paragraph_before()
    run(number, "城安呈〔2024〕3号\t签发人：")
    run(number, "王建国")


def black_line_under_the_doc_number(doc):
    number = find(doc, "关于开展").insert_paragraph_before()
    run(number, "城安发〔2024〕3号")
    number._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="11" w:color="000000"/>'
        "</w:pBdr>"))


def imprint_with_a_thin_first_rule(doc):
    """A 版记 table as python-docx users add one: the rule atop it ½ pt, as in the 网格型 style."""
    table = doc.add_table(rows=2, cols=1)
    run(table.cell(0, 0).paragraphs[0], "抄送：市应急管理局。", FANGSONG, 14)
    run(table.cell(1, 0).paragraphs[0], "城关区应急管理局办公室　2024年5月20日印发", FANGSONG, 14)
    table._tbl.tblPr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>' + "".join(
            f'<w:{side} w:val="single" w:sz="{width}" w:space="0" w:color="auto"/>'
            for side, width in (("top", 4), ("bottom", 8), ("insideH", 6))) + "</w:tblBorders>"))


def placeholder_left(doc):
    set_text(find(doc, "按照"), "现就有关事项", "现就××事项")


def picture_linked_to_a_server(doc):
    """A picture inserted with “链接到文件”, written as Word writes it (a:blip r:link)."""
    rid = doc.part.relate_to("file://server/共享/图.png", IMAGE, is_external=True)
    find(doc, "按照").add_run()._r.append(parse_xml(
        f'<w:drawing {nsdecls("w", "wp", "a", "pic", "r")}><wp:inline><wp:extent cx="914400" cy="914400"/>'
        '<wp:docPr id="1" name="图片 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
        '<pic:cNvPr id="1" name="图.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
        f'<a:blip r:link="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr/>'
        '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>'))


FAULTS = [  # plant, the finding it must cause (rule, where, message), all error rules expected
    (letter_paper, ("page.size", PAGE, "纸张应为A4（210×297毫米），实为215.9×279.4毫米"),
     {"page.size", "page.text_area", "page.grid"}),
    (letter_paper, ("page.text_area", PAGE, "版心应为156×225毫米，实为161.9×207.4毫米"),
     {"page.size", "page.text_area", "page.grid"}),
    (shifted_margins, ("page.margin", PAGE, "上边距（天头）应为37毫米，实为30毫米"), {"page.margin"}),
    (lines_of_29_points, ("page.grid", PAGE, "每页应为22行×28字，按页面设置和正文格式为21行×28字"
                          "（行距29磅，每字15.75磅）"), {"page.grid"}),
    (hyphens_round_the_number, ("page.number", ODD, "页码应写作“— 1 —”（两侧各一条一字线），实为“-1-”"),
     {"page.number"}),
    (centred_odd_number, ("page.number_side", ODD, "单页页码应居右，实为居中"), {"page.number_side"}),
    (number_in_times, ("font.page_number", ODD, "页码应为宋体，实为Times New Roman"),
     {"font.page_number"}),
    (title_in_song, ("font.title", "第1段「关于开展安全生产大检查的…」", "标题应为小标宋，实为宋体"),
     {"font.title"}),
    (body_in_song, ("font.body", "第3段「按照区安委会（城安委〔2…」", "正文应为仿宋，实为宋体"), {"font.body"}),
    (body_in_small_size, ("font.body", "第3段「按照区安委会（城安委〔2…」",
                          "正文字号应为三号（16磅），实为四号（14磅）"), {"font.body"}),
    (heading1_in_song, ("font.heading1", "第14段「二、工作要求」", "一级标题应为黑体，实为宋体"),
     {"font.heading1"}),
    (heading2_in_fangsong, ("font.heading2", "第6段「（一）工作目标」", "二级标题应为楷体，实为仿宋_GB2312"),
     {"font.heading2"}),
    (run_in_heading3_in_kaiti, ("font.heading3", "第9段「1.排查隐患。各科室要把…」",
                                "三级标题应为仿宋，实为楷体_GB2312"), {"font.heading3"}),
    (heading4_in_heiti, ("font.heading4", "第10段「（1）重点企业。各科室要…」", "四级标题应为仿宋，实为黑体"),
     {"font.heading4"}),
    (text_after_heading_in_kaiti, ("font.body", "第8段「（二）工作步骤。检查分三…」",
                                   "标题后的正文应为仿宋，实为楷体_GB2312"), {"font.body"}),
    (theme_font_in_body, ("font.theme", "第3段「按照区安委会（城安委〔2…」",
                          "正文字体取自文档主题（宋体），主题字体会盖过所设字体，应直接设为仿宋"),
     {"font.theme"}),
    (ordinal_with_comma, ("ordinal.form", "第8段「（二）、工作步骤。检查分…」", "序号“（二）、”应写作“（二）”"),
     {"ordinal.form"}),
    (ordinal_gap, ("ordinal.gap", "第14段「三、工作要求」", "序号从“一、”跳到“三、”，缺少“二、”"),
     {"ordinal.gap"}),
    (ordinal_repeat, ("ordinal.repeat", "第12段「1.落实整改。各科室要把…」", "序号“1.”重复"),
     {"ordinal.repeat", "ordinal.gap"}),
    (ordinal_backwards, ("ordinal.order", "第13段「1.总结提高。各科室要把…」", "序号“1.”排在“2.”之后"),
     {"ordinal.order"}),
    (ordinal_not_restarted, ("ordinal.restart", "第15段「（三）加强组织领导」",
                             "序号应在上一级标题下重新从“（一）”编起，实为“（三）”"), {"ordinal.restart"}),
    (word_numbering, ("ordinal.auto", "第3段「按照区安委会（城安委〔2…」", "使用了 Word 自动编号，序号应直接写成文字"),
     {"ordinal.auto"}),
    # The extra 0 also widens the date by ½ 字, which moves its first character off its place.
    (zero_padded_date, ("text.date", "第18段「2024年05月20日」", "日期“2024年05月20日”应写作“2024年5月20日”"),
     {"text.date", "layout.date"}),
    (square_brackets_in_doc_number, ("text.doc_number", "第3段「按照区安委会（城安委[2…」",
                                     "发文字号“城安委[2024]3号”应写作“城安委〔2024〕3号”"), {"text.doc_number"}),
    (recipients_with_half_width_colon, ("text.recipients", "第2段「各科室、各下属单位:」",
                                        "主送机关应以全角冒号“：”结尾"),
     {"text.recipients", "text.punctuation"}),
    (cc_without_full_stop, ("text.cc", "第22段「抄送：市应急管理局，区安…」", "抄送机关之后应以句号“。”结尾"),
     {"text.cc"}),
    (half_width_comma, ("text.punctuation", "第3段「按照区安委会（城安委〔2…」",
                        "中文中用了半角标点：“部署,结合”中的“,”应为“，”"), {"text.punctuation"}),
    (signer_in_fangsong, ("font.signer", "第1段「城安呈〔2024〕3号 …」", "签发人姓名应为楷体，实为仿宋_GB2312"),
     {"font.signer"}),
    (black_line_under_the_doc_number, ("layout.red_line", "第1段「城安发〔2024〕3号」",
                                       "发文字号下的分隔线应为红色，实为黑色"), {"layout.red_line"}),
    (imprint_with_a_thin_first_rule, ("layout.imprint_lines", "第22段「抄送：市应急管理局。」",
                                      "版记的第一条分隔线应为粗线（0.35毫米），实为0.18毫米"),
     {"layout.imprint_lines"}),
    (placeholder_left, ("text.placeholder", "第3段「按照区安委会（城安委〔2…」", "残留占位符“××”，应填入实际内容"),
     {"text.placeholder"}),
    (imprint_in_size_3, ("font.imprint", "第22段「抄送：市应急管理局。」", "版记字号应为四号（14磅），实为三号（16磅）"),
     {"font.imprint"}),
    (red_body_text, ("font.color", "第3段「按照区安委会（城安委〔2…」", "正文应为黑色，实为红色（FF0000）"),
     {"font.color"}),
    (body_without_indent, ("layout.indent", "第3段「按照区安委会（城安委〔2…」", "正文段落首行应缩进2字，实为0字"),
     {"layout.indent"}),
    (date_flush_right, ("layout.date", "第18段「2024年5月20日」",
                        "成文日期应右空1.5字（首字比署名首字右移二字；用印时右空四字），实为右空0字"),
     {"layout.date"}),
    (not_an_official_document, ("document.kind", "全文", "不是按公文格式排版的文档：没有公文标题，纸张不是A4；"
                                "下面只列最主要的3个问题（加 --all 列出全部）"),
     {"document.kind", "page.size", "page.grid", "page.text_area"}),
    (picture_linked_to_a_server, ("links.external", "正文", "链接的图片（插入时选了“链接到文件”）指向外部的"
                                  "“file://server/共享/图.png”：打开文档时会去读取它（可能泄露本机或网络信息，"
                                  "收文方也看不到其内容）；删除这张图片，再用“插入 → 图片”插入（不要选“链接到文件”）"),
     {"links.external"}),
]


def findings_of(doc, tmp_path) -> list[tuple[str, str, str]]:
    doc.save(tmp_path / "通知.docx")
    return [(f.rule, str(f.where), f.message) for f in check(tmp_path / "通知.docx")]


def test_a_correct_handmade_document_passes(tmp_path):
    assert findings_of(correct_document(), tmp_path) == []


@pytest.mark.parametrize("name", ["plan.yaml", "plan-minimal.yaml", "notice-plan.yaml"])
def test_documents_built_from_the_samples_pass(name, tmp_path):
    assert check(reportgen.build(ROOT / "samples" / name, tmp_path)) == []


@pytest.mark.parametrize(("plant", "finding", "rules"), FAULTS, ids=[f[1][0] for f in FAULTS])
def test_each_planted_fault_is_found(plant, finding, rules, tmp_path):
    doc = correct_document()
    plant(doc)
    found = findings_of(doc, tmp_path)
    assert finding in found
    assert {rule for rule, _, _ in found} == rules


UPWARD = """\
    标题: 关于申请安全生产专项经费的请示
    发文机关: 城关区应急管理局
    红头: 是
    发文字号: 城应急呈〔2024〕3号
    签发人: 王建国
    主送机关: 区人民政府
    成文日期: 2024-06-01
    用印: 是
    开头: 为做好今年安全生产工作，现就申请专项经费有关事项请示如下。
    正文:
      - 标题: 经费用途
        条目:
          - {标题: 隐患排查, 内容: 用于重点企业隐患排查。}
          - {标题: 宣传培训, 内容: [用于安全宣传和培训。], 条目: [内容: 印制宣传册；]}
    结尾: 妥否，请批示。
    附件: [经费预算表, 项目清单]
    附注: 联系人：李明
    抄送: [区财政局]
    印发机关: 城关区应急管理局办公室
    印发日期: 2024-06-02
    """


def test_an_upward_sealed_document_with_attachments_passes(write_yaml, tmp_path):
    assert check(reportgen.build(write_yaml(UPWARD), tmp_path)) == []


def test_sections_sharing_a_setup_are_judged_once_and_others_by_number(tmp_path):
    doc = correct_document()
    doc.add_section()
    assert findings_of(doc, tmp_path) == []
    letter_paper(doc)
    assert ("page.size", "第1节页面设置", "纸张应为A4（210×297毫米），实为215.9×279.4毫米") in findings_of(
        doc, tmp_path)


def test_every_rule_without_rendering_is_planted_once():
    planted = {finding[0] for _, finding, _ in FAULTS}
    assert planted == {r for r in RULES if not r.startswith("render.")}

