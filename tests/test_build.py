"""The produced .docx, reopened with python-docx: text, order, ordinals, fonts, sizes, page setup."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from helpers import effective_font

import reportgen
from reportgen.check.docx_styles import StyleSheet, first_value

ROLE_FONTS = {  # paragraph style → (eastAsia font, size in points)
    "Title": ("方正小标宋简体", 22), "Heading 1": ("黑体", 16), "Heading 2": ("楷体_GB2312", 16),
    "Heading 3": ("仿宋_GB2312", 16), "Heading 4": ("仿宋_GB2312", 16),
    "Normal": ("仿宋_GB2312", 16), "主送机关": ("仿宋_GB2312", 16),
    "发文机关署名": ("仿宋_GB2312", 16), "成文日期": ("仿宋_GB2312", 16),
    "发文机关标志": ("方正小标宋简体", 36), "发文字号": ("仿宋_GB2312", 16),
}
FULL = """\
    标题: 关于开展主题实践活动的实施方案
    发文机关: 中共城关区委
    发文字号: 城委发〔2024〕12号
    红头: 是
    主送机关: [区直各党（工）委, 区直各部门（单位）党组织]
    成文日期: 2024年3月5日
    开头: 为深入开展活动，制定本方案。
    阶段安排:
      内容: 活动分为两个阶段。
      条目:
        - {名称: 动员部署, 时间: 3月中旬至3月底, 内容: 召开动员会。}
        - {名称: 集中实施阶段, 开始: 2024-04-01, 结束: 2024-04-30}
    工作重点:
      条目:
        - 标题: 开展“五大行动”
          条目:
            - 标题: 理念培育行动
              内容: [充分利用学习日。, 第二段。]
              条目:
                - 内容: 社区居民的文化与技能；
                - 标题: 社区的组织程度
            - 标题: 积案处理行动。
              内容: 以“事要解决”为核心。
            - 标题: 矛盾化解行动
              条目:
                - 内容: 建立调解台账。
        - 标题: 建立完善工作制度
    指导思想: 紧紧围绕目标，A&B <b>x</b> "引号" 'single'。
    组织领导:
      内容: 各级党组织要加强领导。
      领导小组:
        名称: 主题活动领导小组
        组长: 王建国　区委书记
        副组长: [李明　区委副书记, 张华　组织部部长]
        办公室: 领导小组下设办公室。
    正文:
      - 标题: 宣传引导
        内容: 加强宣传。
    结尾: 特此通知。
    附件: [办实事项目表, 活动安排表。]
    附注: 此件公开发布
    抄送: [市委组织部, 市委办公室]
    印发机关: 中共城关区委办公室
    印发日期: 2024-03-06
    """


@pytest.fixture
def full(write_yaml, tmp_path):
    return Document(reportgen.build(write_yaml(FULL), tmp_path / "out" / "full.docx"))


def texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs if p.text]


def test_text_order_and_ordinals(full):
    assert texts(full) == [
        "中共城关区委文件", "城委发〔2024〕12号", "关于开展主题实践活动的实施方案",
        "区直各党（工）委、区直各部门（单位）党组织：", "为深入开展活动，制定本方案。",
        "一、阶段安排", "活动分为两个阶段。", "（一）动员部署阶段（3月中旬至3月底）", "召开动员会。",
        "（二）集中实施阶段（4月1日至30日）",
        "二、工作重点", "（一）开展“五大行动”", "1.理念培育行动。充分利用学习日。", "第二段。",
        "（1）社区居民的文化与技能；", "（2）社区的组织程度", "2.积案处理行动。以“事要解决”为核心。",
        "3.矛盾化解行动", "（1）建立调解台账。",
        "（二）建立完善工作制度",
        "三、指导思想", "紧紧围绕目标，A&B <b>x</b> \"引号\" 'single'。",
        "四、组织领导", "各级党组织要加强领导。", "成立主题活动领导小组，组成人员如下：",
        "组　长：王建国　区委书记", "副组长：李　明　区委副书记", "　　　　张　华　组织部部长",
        "领导小组下设办公室。", "五、宣传引导", "加强宣传。", "特此通知。",
        "附件：1.办实事项目表", "　　　2.活动安排表", "中共城关区委", "2024年3月5日",
        "（此件公开发布）",
    ]


def test_heading_styles_carry_outline_levels(full):
    levels = {}
    for paragraph in full.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            lvl = paragraph.style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            levels[paragraph.style.name] = int(lvl.get(qn("w:val")))
    assert levels == {"Heading 1": 0, "Heading 2": 1, "Heading 3": 2, "Heading 4": 3}


def test_every_run_names_all_four_fonts_and_no_theme(full):
    for paragraph in full.paragraphs:
        for run in paragraph.runs:
            font = effective_font(full, paragraph, run)
            assert font["themes"] == [], paragraph.text
            assert all(font.get(slot) for slot in ("ascii", "hAnsi", "eastAsia", "cs")), run.text
            assert font["hint"] == "eastAsia"


def test_each_role_has_its_font_and_size(full):
    seen = set()
    for paragraph in full.paragraphs:
        expected = ROLE_FONTS.get(paragraph.style.name)
        if expected and paragraph.runs and paragraph.text:
            font = effective_font(full, paragraph, paragraph.runs[0])
            assert (font["eastAsia"], font["size"]) == expected, paragraph.text
            seen.add(paragraph.style.name)
    assert seen == set(ROLE_FONTS)


def test_run_in_headings_use_the_level_font_then_body_font(full):
    run_in = next(p for p in full.paragraphs if p.text.startswith("1.理念培育行动。"))
    head, body = run_in.runs[0], run_in.runs[-1]
    assert head.text == "1.理念培育行动。" and body.text == "充分利用学习日。"
    assert effective_font(full, run_in, head)["eastAsia"] == "仿宋_GB2312"
    item = next(p for p in full.paragraphs if p.text.startswith("（1）"))
    assert effective_font(full, item, item.runs[0])["eastAsia"] == "仿宋_GB2312"


def test_no_word_auto_numbering(full):
    assert not full.element.body.findall(f".//{qn('w:numPr')}")


def test_page_setup(full):
    section = full.sections[0]
    sizes = (section.page_width, section.page_height, section.top_margin, section.bottom_margin,
             section.left_margin, section.right_margin)
    assert [s.twips for s in sizes] == [11906, 16838, 2098, 1984, 1587, 1474]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch"))) == ("lines", "579")
    normal = full.styles["Normal"].paragraph_format
    assert (normal.line_spacing.pt, normal.first_line_indent.pt) == (28.95, 32)


def test_page_numbers_odd_right_even_left(full):
    section = full.sections[0]
    assert full.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.text == even.text == "— 1 —"
    assert (odd.alignment, even.alignment) == (None, 0)  # odd: right via the footer style
    assert full.styles["footer"].paragraph_format.alignment == 2
    assert odd.runs[0].element.xpath("string(following::w:instrText[1])").strip() == "PAGE"
    footer_font = effective_font(full, odd, odd.runs[0])
    assert (footer_font["eastAsia"], footer_font["ascii"], footer_font["size"]) == ("宋体", "宋体", 14)


def placed(paragraph) -> tuple:
    """Alignment, left and right indents (twips) and the Chinese–digit spacing of a paragraph."""
    ppr = paragraph._p.pPr
    spacing = {ppr.find(qn(f"w:{name}")).get(qn("w:val")) for name in ("autoSpaceDE", "autoSpaceDN")}
    fmt = paragraph.paragraph_format
    return paragraph.alignment, fmt.left_indent.twips, fmt.right_indent.twips, spacing


def test_signature_places_unsealed(full):
    name, day = (p for p in full.paragraphs if p.style.name in ("发文机关署名", "成文日期"))
    # 署名 6 字 < date 7 字 as laid out: the date ends 2 字 from the right (8845 − 9 × 320 from
    # the left), the 署名 starts 2 字 left of it; both flush left, whatever the digits measure.
    assert (placed(name), placed(day)) == ((WD_ALIGN_PARAGRAPH.LEFT, 5325, 0, {"1"}),
                                           (WD_ALIGN_PARAGRAPH.LEFT, 5965, 0, {"1"}))


def test_no_closing_mark_hangs_into_the_margin_in_word_or_wps(full):
    """Every paragraph, the 版记's text box and footers included, resolves w:overflowPunct to 0:
    Word's and WPS's 允许标点溢出边界 is off, so a full line holds 28 字, as the PDF shows it."""
    sheet = StyleSheet(full)
    parts = [full.element.body, *(s.footer._element for s in full.sections),
             *(s.even_page_footer._element for s in full.sections)]
    paragraphs = [p for part in parts for p in part.iter(qn("w:p"))]
    assert len(paragraphs) > 40
    assert {first_value(sheet.paragraph_props(p), "overflowPunct") for p in paragraphs} == {"0"}


def test_imprint_has_cc_and_printing_line(full):
    xml = full.element.body.xml
    assert "抄送：" in xml and "市委组织部，市委办公室。" in xml
    assert "中共城关区委办公室" in xml and "2024年3月6日印发" in xml
    assert 'relativeFrom="margin"' in xml and "<wp:align>bottom</wp:align>" in xml


def test_sealed_layout(write_yaml, tmp_path):
    path = write_yaml("标题: 方案\n署名: 城关区应急管理局\n成文日期: 2024-10-17\n用印: 是\n开头: 正文。\n")
    doc = Document(reportgen.build(path, tmp_path))
    name, day = doc.paragraphs[-2:]
    assert name.style.name == "发文机关署名（用印）"
    # date flush right 4 字 in; 署名 centred on the date's middle, 4 + 8 / 2 = 8 字 from the right,
    # in a box reaching the margin on that side.
    assert (placed(name), placed(day)) == ((WD_ALIGN_PARAGRAPH.CENTER, 3725, 0, {"1"}),
                                           (WD_ALIGN_PARAGRAPH.RIGHT, 0, 1280, {"1"}))


def test_a_joint_signature_puts_one_organ_a_line(write_yaml, tmp_path):
    path = write_yaml("标题: 方案\n署名: |\n  城关区委办公室\n  城关区人民政府办公室\n"
                      "成文日期: 2024-03-05\n开头: 正文。\n")
    name, day = Document(reportgen.build(path, tmp_path)).paragraphs[-2:]
    assert (name.text, day.text) == ("城关区委办公室\n城关区人民政府办公室", "2024年3月5日")
    # the longer organ (10 字) ends 2 字 from the right; the date starts 2 字 right of the organs
    assert (placed(name)[:3], placed(day)[:3]) == ((WD_ALIGN_PARAGRAPH.LEFT, 5005, 0),
                                                   (WD_ALIGN_PARAGRAPH.LEFT, 5645, 0))


def test_minimal_plan_has_no_optional_parts(write_yaml, tmp_path):
    doc = Document(reportgen.build(write_yaml("title: 方案\npreamble: 正文。\n"), tmp_path))
    assert texts(doc) == ["方案", "正文。"]
    assert "版记" not in doc.element.body.xml


def test_the_document_title_property_is_the_title_as_written(write_yaml, tmp_path):
    written = "关于“R&D<研发>”项目的\n实施方案"
    doc = Document(reportgen.build(write_yaml(f"title: '{written}'\npreamble: 正文。\n"), tmp_path))
    assert doc.core_properties.title == "关于“R&D<研发>”项目的实施方案"
    long = "方" * 300
    doc = Document(reportgen.build(write_yaml(f"title: {long}\npreamble: 正文。\n"), tmp_path / "l.docx"))
    assert doc.core_properties.title == "方" * 255


def test_same_input_gives_same_bytes(write_yaml, tmp_path):
    path = write_yaml(FULL)
    first = reportgen.build(path, tmp_path / "a.docx").read_bytes()
    second = reportgen.build(path, tmp_path / "b.docx").read_bytes()
    assert first == second


def test_output_is_a_valid_zip_and_no_temporary_file_remains(write_yaml, tmp_path):
    out = reportgen.build(write_yaml(FULL), tmp_path / "out")
    assert out == tmp_path / "out" / "plan.docx"
    assert zipfile.ZipFile(out).testzip() is None
    assert sorted(p.name for p in out.parent.iterdir()) == ["plan.docx"]


def test_invalid_input_writes_nothing(write_yaml, tmp_path):
    path = write_yaml("标题: 方案\n成文日期: 2024-13-01\n")
    with pytest.raises(reportgen.ReportgenError):
        reportgen.build(path, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_default_output_is_next_to_the_yaml(write_yaml):
    path = write_yaml("title: 方案\n")
    assert reportgen.build(path) == path.with_suffix(".docx")


def test_unknown_template_is_reported(write_yaml, tmp_path):
    path = write_yaml("标题: 方案\n模板: 通知\n")
    with pytest.raises(reportgen.ReportgenError) as caught:
        reportgen.build(path, tmp_path)
    assert str(caught.value) == (
        f"{path}:2:1: 模板: 没有名为“通知”的内置模板；可用：plan、summary，或写 .docx 文件的路径")


def test_upward_document_puts_the_signer_beside_the_number(write_yaml, tmp_path):
    path = write_yaml("标题: 请示\n发文机关: 城关区委\n红头: 是\n发文字号: 城委呈〔2024〕3号\n签发人: 王建国\n")
    doc = Document(reportgen.build(path, tmp_path))
    number = doc.paragraphs[1]
    assert (number.style.name, number.text) == ("发文字号（上行文）", "城委呈〔2024〕3号\t签发人：王建国")
    assert effective_font(doc, number, number.runs[-1])["eastAsia"] == "楷体_GB2312"
    assert effective_font(doc, number, number.runs[0])["eastAsia"] == "仿宋_GB2312"


def test_text_like_an_escaped_template_tag_is_kept(write_yaml, tmp_path):
    """Found by test_properties: "{_{" in a document's text came out as "{{"."""
    path = write_yaml("标题: '0'\n开头: ['{_{', 'a}_}b{_%c%_}']\n")
    assert texts(Document(reportgen.build(path, tmp_path / "out.docx"))) == ["0", "{_{", "a}_}b{_%c%_}"]
