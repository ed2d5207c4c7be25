"""The copy LibreOffice converts: every paragraph says "do not hang punctuation"; the user's file,
the other parts and files that are not zips stay as they are; a bad zip is the file's fault."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from reportgen.errors import ReportgenError
from reportgen.files.docx_kind import REFUSED
from reportgen.office.conversion_copy import conversion_copies
from reportgen.office.hanging_punctuation import no_hanging_punctuation

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def document_with_paragraphs_everywhere(path: Path) -> Path:
    """Body, table cell, header and footer paragraphs; one says overflowPunct 0 between kinsoku and
    jc, as Word writes it when 允许标点溢出边界 is unticked."""
    doc = Document()
    first = doc.add_paragraph("正文，")
    first._p.get_or_add_pPr().append(parse_xml(
        f'<w:kinsoku {nsdecls("w")} w:val="0"/>'))
    first._p.pPr.append(parse_xml(f'<w:overflowPunct {nsdecls("w")} w:val="0"/>'))
    first._p.pPr.append(parse_xml(f'<w:jc {nsdecls("w")} w:val="both"/>'))
    doc.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("表格、")
    doc.sections[0].header.paragraphs[0].add_run("页眉")
    doc.sections[0].footer.paragraphs[0].add_run("页脚")
    doc.save(path)
    return path


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_paragraph_of_the_copy_says_do_not_hang_and_the_original_is_untouched(tmp_path):
    original = document_with_paragraphs_everywhere(tmp_path / "通知.docx")
    before = digest(original)
    copy = conversion_copies([original], tmp_path / "copies")[original]
    assert (copy.name, digest(original)) == ("通知.docx", before)
    changed = {name for name, data in parts(copy).items() if data != parts(original)[name]}
    assert changed == {"word/document.xml", "word/header1.xml", "word/footer1.xml"}
    for name in changed:
        for p in etree.fromstring(parts(copy)[name]).iter(f"{{{W}}}p"):
            children = [etree.QName(c).localname for c in p.find(f"{{{W}}}pPr")]
            assert p.find(f"{{{W}}}pPr/{{{W}}}overflowPunct").get(f"{{{W}}}val") == "1", name
            if "kinsoku" in children:
                assert children == ["kinsoku", "overflowPunct", "jc"]


def test_a_part_in_strict_open_xml_is_changed_in_its_own_namespace():
    part = f'<w:document xmlns:w="{STRICT}"><w:body><w:p><w:pPr><w:jc w:val="both"/></w:pPr></w:p></w:body></w:document>'
    changed = etree.fromstring(no_hanging_punctuation("word/document.xml", part.encode()))
    assert [c.tag for c in next(changed.iter(f"{{{STRICT}}}pPr"))] == [
        f"{{{STRICT}}}overflowPunct", f"{{{STRICT}}}jc"]


@pytest.mark.parametrize("data", [b"<w:document xmlns:w='" + W.encode() + b"'><w:p>", b"\xff\xfe<",
                                  b"<a/>", b"plain text naming " + W.encode()])
def test_parts_it_cannot_read_or_without_paragraphs_keep_their_bytes(data):
    assert no_hanging_punctuation("word/document.xml", data) == data
    assert no_hanging_punctuation("word/media/image1.png", data) == data


def test_a_doc_is_refused_since_its_links_cannot_be_removed(tmp_path):
    doc = tmp_path / "旧格式.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(ReportgenError) as caught:
        conversion_copies([doc], tmp_path / "copies")
    assert str(caught.value) == (f"{doc}: 这是 Word 97-2003 格式（.doc）或 WPS 格式的文件："
                                 "请在 Word 或 WPS 中打开并另存为 .docx 后再转换")
    assert not (tmp_path / "copies").exists()


def test_a_damaged_zip_is_the_files_fault(tmp_path):
    path = document_with_paragraphs_everywhere(tmp_path / "坏.docx")
    data = bytearray(path.read_bytes())
    at = data.index(b"word/document.xml") + 40  # inside that entry's compressed bytes
    data[at:at + 20] = b"\0" * 20
    path.write_bytes(bytes(data))
    with pytest.raises(ReportgenError) as caught:
        conversion_copies([path], tmp_path / "copies")
    assert str(caught.value) == f"{path}: 文件已损坏，无法按 Word 文档（.docx）读取：请在 Word 或 WPS 中打开并另存为 .docx 后再转换"


def test_a_hostile_zip_is_refused_before_any_part_is_read(tmp_path):
    path = tmp_path / "恶意.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d/>')
    with pytest.raises(ReportgenError) as caught:
        conversion_copies([path], tmp_path / "copies")
    assert str(caught.value) == f"{path}: {REFUSED['doctype']}"


def test_in_a_document_built_by_reportgen_only_the_parts_with_paragraphs_change(sample_docx, tmp_path):
    copy = conversion_copies([sample_docx], tmp_path)[sample_docx]
    original, copied = parts(sample_docx), parts(copy)
    assert list(copied) == list(original)
    changed = {name for name in copied if copied[name] != original[name]}
    assert changed == {"word/document.xml", "word/footer1.xml", "word/footer2.xml"}
