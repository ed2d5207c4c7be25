"""Reading any .docx for `check`: Word's formatting precedence, paragraph roles, unreadable files."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from handmade import correct_document

from reportgen.check.docx_read import read_docx
from reportgen.check.roles import assign_roles
from reportgen.errors import DocumentUnreadable

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def east_asia(element, name: str, theme: str | None = None) -> None:
    """Name the eastAsia font (and a theme font beside it) on a style or run element."""
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
    if theme:
        fonts.set(qn("w:eastAsiaTheme"), theme)


@pytest.fixture
def layered(tmp_path):
    """Paragraph style 下级 based on 上级; a character style; runs with and without direct fonts."""
    doc = Document()
    upper = doc.styles.add_style("上级", WD_STYLE_TYPE.PARAGRAPH)
    lower = doc.styles.add_style("下级", WD_STYLE_TYPE.PARAGRAPH)
    lower.base_style = upper
    upper.font.size = doc.styles["Normal"].font.size = None
    east_asia(upper.element, "黑体")
    upper.element.get_or_add_rPr().get_or_add_sz().set(qn("w:val"), "30")
    accent = doc.styles.add_style("强调", WD_STYLE_TYPE.CHARACTER)
    east_asia(accent.element, "楷体_GB2312")
    p = doc.add_paragraph(style=lower)
    p.add_run("从样式")
    p.add_run("字符样式", style=accent)
    east_asia(p.add_run("直接")._r, "仿宋_GB2312")
    east_asia(p.add_run("主题")._r, "仿宋_GB2312", theme="minorEastAsia")
    doc.save(tmp_path / "layers.docx")
    return read_docx(tmp_path / "layers.docx").paragraphs[0]


def test_fonts_resolve_direct_then_character_style_then_paragraph_styles(layered):
    fonts = [(r.text, r.east_asia.name, r.size) for r in layered.runs]
    assert fonts == [("从样式", "黑体", 15), ("字符样式", "楷体_GB2312", 15),
                     ("直接", "仿宋_GB2312", 15), ("主题", "宋体", 15)]


def test_a_theme_font_beats_a_name_given_beside_it(layered):
    assert [r.east_asia.theme for r in layered.runs] == [None, None, None, "minorEastAsia"]
    assert layered.styles == ("下级", "上级")


def test_roles_of_a_handmade_document_are_inferred_from_text_and_layout(tmp_path):
    correct_document().save(tmp_path / "通知.docx")
    paragraphs = read_docx(tmp_path / "通知.docx").paragraphs
    roles = [(p.text[:6], r.kind, r.level, r.head) for p, r in
             zip(paragraphs, assign_roles(paragraphs), strict=True) if p.number]
    assert roles == [
        ("关于开展安全", "title", 0, 0), ("各科室、各下", "recipients", 0, 0),
        ("按照区安委会", "body", 0, 0), ("一、总体要求", "heading", 1, 6), ("各科室要把安", "body", 0, 0),
        ("（一）工作目", "heading", 2, 7), ("各科室要把安", "body", 0, 0),
        ("（二）工作步", "heading", 2, 8), ("1.排查隐患", "heading", 3, 7),
        ("（1）重点企", "heading", 4, 8), ("（2）人员密", "heading", 4, 10),
        ("2.落实整改", "heading", 3, 7), ("3.总结提高", "heading", 3, 7),
        ("二、工作要求", "heading", 1, 6), ("（一）加强组", "heading", 2, 9),
        ("各科室要把安", "body", 0, 0), ("城关区应急管", "signature", 0, 0),
        ("2024年5", "date", 0, 0), ("附件", "attachment_label", 0, 0), ("检查安排表", "title", 0, 0),
        ("各科室要把安", "body", 0, 0)]


def test_paragraphs_in_tables_and_footers_are_read(tmp_path):
    doc = Document()
    doc.add_table(rows=1, cols=1).cell(0, 0).text = "抄送：市委办公室。"
    doc.save(tmp_path / "table.docx")
    reading = read_docx(tmp_path / "table.docx")
    cell = next(p for p in reading.paragraphs if p.text)
    assert (cell.number, cell.in_table, assign_roles([cell])[0].kind) == (1, True, "imprint")


@pytest.mark.parametrize(("content", "message"), [
    (b"plain text", "不是 .docx 文件（.docx 是 zip 压缩包，此文件不是）"),
    (OLE + b"\0" * 600, "这是 Word 97-2003 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再检查"),
    (OLE + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le"),
     "文件设有打开密码（已加密），请在 Word 中取消密码并保存后再检查"),
], ids=["not-a-zip", "doc", "encrypted"])
def test_unreadable_files_say_why(tmp_path, content, message):
    path = tmp_path / "通知.docx"
    path.write_bytes(content)
    with pytest.raises(DocumentUnreadable) as caught:
        read_docx(path)
    assert (str(caught.value), caught.value.exit_status) == (f"{path}: {message}", 2)


def unreadable(path) -> str:
    """The message ``read_docx`` refuses ``path`` with."""
    with pytest.raises(DocumentUnreadable) as caught:
        read_docx(path)
    return str(caught.value)


def test_a_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "表格.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert unreadable(path) == f"{path}: 不是 Word 文档（压缩包中没有 word/document.xml）"


def test_a_damaged_document(tmp_path):
    path = tmp_path / "坏.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document")
    assert unreadable(path) == f"{path}: 文件已损坏，无法按 Word 文档（.docx）读取"


def test_a_word_template_or_macro_document(tmp_path):
    doc = Document()
    doc.save(tmp_path / "正文.docx")
    path = tmp_path / "通知.dotx"
    with zipfile.ZipFile(tmp_path / "正文.docx") as source, zipfile.ZipFile(path, "w") as archive:
        for item in source.namelist():
            data = source.read(item)
            archive.writestr(item, data.replace(b"document.main+xml", b"template.main+xml"))
    assert unreadable(path) == (f"{path}: 这是 Word 模板（.dotx）或启用宏的文档（.docm），"
                                "请在 Word 中另存为 .docx 后再检查")


def test_a_missing_file(tmp_path):
    assert unreadable(tmp_path / "无.docx") == f"{tmp_path / '无.docx'}: 找不到文件"


def test_a_document_without_section_properties_is_read_as_setting_nothing(tmp_path):
    doc = Document()
    doc.add_paragraph("正文")
    section = doc.sections[0]._sectPr
    section.getparent().remove(section)
    doc.save(tmp_path / "无节.docx")
    (only,) = read_docx(tmp_path / "无节.docx").sections
    assert (only.width, only.height, only.margins["top"], only.footers) == (0, 0, 0, {})
