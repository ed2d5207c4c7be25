"""Links outside a .docx: found in Word's terms, removed from the copy LibreOffice converts,
hyperlinks left alone (they are only followed when clicked)."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from reportgen.files.external_links import Link, external_links, without_external_links


def document(plant) -> zipfile.ZipFile:
    doc = docx.Document()
    doc.add_paragraph("正文")
    plant(doc)
    data = io.BytesIO()
    doc.save(data)
    return zipfile.ZipFile(data)


def hyperlink(doc) -> None:
    rid = doc.part.relate_to("https://www.gov.cn/", RT.HYPERLINK, is_external=True)
    doc.paragraphs[0]._p.append(parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r>'
                                          "<w:t>中国政府网</w:t></w:r></w:hyperlink>"))


def split_field(doc) -> None:
    """INCLUDEPICTURE written in three runs, as Word splits an instruction it was typed in."""
    runs = ['<w:fldChar w:fldCharType="begin"/>', "<w:instrText> INCLUDE</w:instrText>",
            '<w:instrText>PICTURE "http://example.invalid/a.png" </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>', "<w:t>原图</w:t>", '<w:fldChar w:fldCharType="end"/>']
    for xml in runs:
        doc.paragraphs[0]._p.append(parse_xml(f'<w:r {nsdecls("w")}>{xml}</w:r>'))


def test_a_hyperlink_is_neither_reported_nor_removed():
    archive = document(hyperlink)
    rels = archive.read("word/_rels/document.xml.rels")
    assert (external_links(archive), without_external_links("word/_rels/document.xml.rels", rels)) == ([], rels)


def test_a_field_split_across_runs_is_found_and_left_as_the_text_it_showed():
    archive = document(split_field)
    assert external_links(archive) == [Link("word/document.xml", "INCLUDEPICTURE 域",
                                            "http://example.invalid/a.png",
                                            "在 Word 中选中这个域，按 Ctrl+Shift+F9 把它变成普通文字，或删除它")]
    copy = without_external_links("word/document.xml", archive.read("word/document.xml"))
    text = "".join(etree.fromstring(copy).itertext())
    assert (text, b"fldChar" in copy, b"instrText" in copy) == ("正文原图", False, False)


def test_a_part_without_links_is_copied_byte_for_byte():
    archive = document(lambda doc: None)
    for name in archive.namelist():
        assert without_external_links(name, archive.read(name)) == archive.read(name), name
