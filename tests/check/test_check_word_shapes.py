"""Reading the shapes other programs give a .docx: fields, auto-numbering, indents, text boxes,
styles a paragraph names but the document lacks, and the roles of 版记, 纪要, captions and labels."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml
from docx_shapes import (
    FS,
    HT,
    NS,
    SONG,
    add,
    bottom_text_box,
    gb_styles,
    new_document,
    page_field,
    para,
    rpr,
    run,
    set_footer,
)

from reportgen.check.docx_read import read_docx
from reportgen.check.roles import assign_roles
from reportgen.check.rules_footer import pattern


def read(doc, tmp_path):
    doc.save(tmp_path / "d.docx")
    return read_docx(tmp_path / "d.docx")


@pytest.mark.parametrize("shape", ["split", "one_run", "no_result", "simple"])
def test_a_page_field_is_read_whatever_its_shape(shape, tmp_path):
    doc = new_document()
    fmt = rpr(SONG, 14, latin=SONG)
    set_footer(doc, "default", para(run("— ", SONG, 14), page_field(shape, fmt), run(" —", SONG, 14)))
    (footer,) = read(doc, tmp_path).sections[0].footers["default"]
    number = next(r for r in footer.runs if r.field == "PAGE")
    assert (pattern(footer), number.latin.name, number.size) == ("— N —", SONG, 14)


def test_a_simple_field_without_a_run_still_shows_its_number(tmp_path):
    doc = new_document()
    set_footer(doc, "default", f'<w:p {NS}><w:r><w:t>— </w:t></w:r><w:fldSimple w:instr="PAGE"/>'
                               '<w:r><w:t> —</w:t></w:r></w:p>')
    (footer,) = read(doc, tmp_path).sections[0].footers["default"]
    assert pattern(footer) == "— N —"


def test_text_inside_a_field_code_is_not_shown(tmp_path):
    doc = new_document()
    add(doc, f'<w:p {NS}><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>HYPERLINK</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>链接</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    assert read(doc, tmp_path).paragraphs[0].text == "链接"


NUMBERING = (
    f'<w:abstractNum {NS} w:abstractNumId="90">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/><w:isLgl/></w:lvl>'
    "</w:abstractNum>")


def numbered(doc, level: int, text: str, num: str = "90") -> str:
    return para(run(text), extra=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')


def test_auto_numbers_are_read_as_a_reader_sees_them(tmp_path):
    doc = new_document()
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="91"><w:abstractNumId w:val="90"/><w:lvlOverride '
                               'w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'))
    add(doc, *(numbered(doc, level, text) for level, text in
               ((0, "总体要求"), (1, "目标"), (1, "步骤"), (2, "细目"), (0, "工作要求"), (1, "组织"))),
        numbered(doc, 0, "另起", "91"), para(run("未编号")))
    assert [p.label for p in read(doc, tmp_path).paragraphs] == [
        "一、", "（一）", "（二）", "1.1", "二、", "（一）", "五、", ""]


def test_numbered_heading_styles_take_the_level_their_number_shows(tmp_path):
    doc = new_document()
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    styles = doc.styles.element
    styles.append(parse_xml(f'<w:style {NS} w:type="paragraph" w:styleId="Heading2"><w:name '
                            'w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="90"/></w:numPr></w:pPr></w:style>'))
    add(doc, para(run("总体要求", HT), style="Heading2"))
    reading = read(doc, tmp_path)
    assert [(r.kind, r.level) for r in assign_roles(reading.paragraphs)] == [("heading", 1)]


def test_indents_in_characters_win_over_twips_and_hanging_is_negative(tmp_path):
    doc = new_document()
    gb_styles(doc)
    add(doc, para(run("正文")), para(run("字符"), ind='w:firstLineChars="100" w:firstLine="640"'),
        para(run("悬挂"), ind='w:left="1920" w:hanging="1280"'), para(run("右"), ind='w:rightChars="200"'))
    assert [p.indent for p in read(doc, tmp_path).paragraphs] == [
        (0, 32, 0), (0, 16, 0), (96, -64, 0), (0, 32, 32)]


def test_a_paragraph_in_a_text_box_takes_the_boxs_alignment(tmp_path):
    doc = new_document()
    vml = (f'<w:p {NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict><v:shape style="position:'
           'absolute;mso-position-horizontal:outside"><v:textbox><w:txbxContent><w:p><w:pPr><w:jc '
           'w:val="center"/></w:pPr><w:r><w:t>1</w:t></w:r></w:p></w:txbxContent></v:textbox>'
           "</v:shape></w:pict></w:r></w:p>")
    add(doc, bottom_text_box(para(run("版记"))), vml)
    boxed = [p for p in read(doc, tmp_path).paragraphs if p.text]
    assert [(p.text, p.frame_align) for p in boxed] == [("版记", "center"), ("1", "outside")]


def test_a_style_the_document_lacks_is_read_as_normal(tmp_path):
    doc = new_document()
    gb_styles(doc)
    add(doc, para(run("正文", None, None), style="FirstParagraph"))
    (only,) = read(doc, tmp_path).paragraphs
    assert (only.styles, only.runs[0].east_asia.name, only.runs[0].size) == (("normal",), FS, 16)


def roles_of(doc, tmp_path) -> list[tuple[str, str]]:
    paragraphs = read(doc, tmp_path).paragraphs
    return [(p.text, r.kind) for p, r in zip(paragraphs, assign_roles(paragraphs), strict=True) if p.text]


def test_labels_captions_and_the_lines_round_a_cc_take_their_roles(tmp_path):
    doc = new_document()
    gb_styles(doc)
    add(doc, para(run("XX发〔202X〕X号"), jc="center"), para(run("关于检查的通知", size=22), jc="center"),
        para(run("正文。")), para(run("表1　分工")), para(run("出席：张明")), para(run("附件：1.甲")),
        para(run("2.乙")), para(run("附件1（可选）")), para(run("主送：各单位。")),
        para(run("抄送：区委。")), para(run("审核：李华")))
    assert roles_of(doc, tmp_path) == [
        ("XX发〔202X〕X号", "doc_number"), ("关于检查的通知", "title"), ("正文。", "body"),
        ("表1　分工", "caption"), ("出席：张明", "minutes"), ("附件：1.甲", "attachment_note"),
        ("2.乙", "attachment_note"), ("附件1（可选）", "attachment_label"), ("主送：各单位。", "imprint"),
        ("抄送：区委。", "imprint"), ("审核：李华", "imprint")]


def test_a_centred_title_sized_heading_before_the_body_is_the_title(tmp_path):
    doc = new_document()
    doc.styles.element.append(parse_xml(f'<w:style {NS} w:type="paragraph" w:styleId="Heading1"><w:name '
                                        'w:val="heading 1"/></w:style>'))
    add(doc, para(run("关于检查的通知", size=22), style="Heading1", jc="center"),
        para(run("一、总体要求", HT), style="Heading1"))
    assert roles_of(doc, tmp_path) == [("关于检查的通知", "title"), ("一、总体要求", "heading")]


def test_a_flush_left_line_ending_in_a_colon_before_the_body_is_the_recipients(tmp_path):
    """The title is in a table (not recognised), yet the 主送 is no body paragraph left unindented."""
    doc = new_document()
    gb_styles(doc)
    add(doc, para(run("各科室："), ind='w:firstLine="0"'), para(run("正文。")), para(run("具体要求如下：")))
    assert roles_of(doc, tmp_path) == [("各科室：", "recipients"), ("正文。", "body"),
                                       ("具体要求如下：", "body")]
