"""links.external for every form docs/check.md's rule table names (attached template, linked object,
INCLUDETEXT, INCLUDEPICTURE, LINK, DDE fields, in each part; the linked picture is planted in
test_check_rules.py), and hyperlinks, which pass."""

from __future__ import annotations

import copy

import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from handmade import correct_document, find

from reportgen.check.run import check

FETCHED = "：打开文档时会去读取它（可能泄露本机或网络信息，收文方也看不到其内容）；"
FIELD_FIX = "在 Word 中选中这个域，按 Ctrl+Shift+F9 把它变成普通文字，或删除它"


def findings(doc, tmp_path) -> list[tuple[str, str, str]]:
    doc.save(tmp_path / "通知.docx")
    return [(f.rule, str(f.where), f.message) for f in check(tmp_path / "通知.docx")]


def body_run(doc, text: str):
    """A run formatted as the body's third paragraph's first run, holding ``text``."""
    shown = copy.deepcopy(find(doc, "按照").runs[0]._r)
    shown.find(qn("w:t")).text = text
    return shown


def simple_field(instruction: str, part: str = "body"):
    """A w:fldSimple with ``instruction`` in the body's third paragraph or in the header."""
    def plant(doc):
        paragraph = find(doc, "按照") if part == "body" else doc.sections[0].header.paragraphs[0]
        field = parse_xml(f'<w:fldSimple {nsdecls("w")}/>')
        field.set(qn("w:instr"), instruction)
        field.append(body_run(doc, "内容"))
        paragraph._p.append(field)
    return plant


def split_field(instruction: str):
    """A field as Word writes it: begin, the instruction in two runs, separate, result, end."""
    def plant(doc):
        paragraph = find(doc, "按照")._p
        half = len(instruction) // 2
        for piece in ('<w:fldChar w:fldCharType="begin"/>',
                      f'<w:instrText xml:space="preserve">{instruction[:half]}</w:instrText>',
                      f'<w:instrText xml:space="preserve">{instruction[half:]}</w:instrText>',
                      '<w:fldChar w:fldCharType="separate"/>', None,
                      '<w:fldChar w:fldCharType="end"/>'):
            paragraph.append(parse_xml(f'<w:r {nsdecls("w")}>{piece}</w:r>') if piece
                             else body_run(doc, "内容"))
    return plant


def attached_template(doc):
    settings = doc.part.part_related_by(RT.SETTINGS)
    kind = f"{RT.SETTINGS.rsplit('/', 1)[0]}/attachedTemplate"
    rid = settings.relate_to("http://example.invalid/公文.dotm", kind, is_external=True)
    settings.element.insert(0, parse_xml(f'<w:attachedTemplate {nsdecls("w", "r")} r:id="{rid}"/>'))


def linked_object(doc):
    rid = doc.part.relate_to("http://example.invalid/表.xlsx", RT.OLE_OBJECT, is_external=True)
    find(doc, "按照")._p.append(parse_xml(
        f'<w:r {nsdecls("w", "r")} xmlns:o="urn:schemas-microsoft-com:office:office"><w:object>'
        f'<o:OLEObject Type="Link" ProgID="Excel.Sheet.12" r:id="{rid}" UpdateMode="Always"/>'
        "</w:object></w:r>"))


def hyperlink(doc):
    paragraph = find(doc, "按照")
    rid = doc.part.relate_to("http://www.gov.cn", RT.HYPERLINK, is_external=True)
    link = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"/>')
    link.append(body_run(doc, "中国政府网"))
    paragraph._p.append(link)


def field_link(word: str, target: str, part: str = "正文"):
    return ("links.external", part, f"{word} 域指向外部的“{target}”{FETCHED}{FIELD_FIX}")


@pytest.mark.parametrize(("plant", "found"), [
    (simple_field('INCLUDETEXT "http://example.invalid/x.docx"'),
     [field_link("INCLUDETEXT", "http://example.invalid/x.docx")]),
    (split_field('INCLUDETEXT "http://example.invalid/x.docx" \\* MERGEFORMAT'),
     [field_link("INCLUDETEXT", "http://example.invalid/x.docx")]),
    (simple_field('INCLUDEPICTURE "\\\\\\\\server\\\\图.png" \\d', "header"),
     [field_link("INCLUDEPICTURE", "\\\\server\\图.png", "页眉")]),
    # LINK names the class of the linked object first, then the file it reads.
    (simple_field('LINK Excel.Sheet.12 "http://example.invalid/表.xlsx" "Sheet1!R1C1" \\a'),
     [field_link("LINK", "http://example.invalid/表.xlsx")]),
    (simple_field('DDE "c:\\\\tools\\\\a.exe" "x"'), [field_link("DDE", "c:\\tools\\a.exe")]),
    (simple_field('DDEAUTO "c:\\\\windows\\\\system32\\\\cmd.exe" "/k calc"'),
     [field_link("DDEAUTO", "c:\\windows\\system32\\cmd.exe")]),
    (attached_template, [("links.external", "文档设置", "附加的模板（开发工具 → 文档模板）指向外部的"
                          f"“http://example.invalid/公文.dotm”{FETCHED}"
                          "在 Word 中点“开发工具 → 文档模板”，把文档模板改为 Normal 后保存")]),
    (linked_object, [("links.external", "正文", "链接的对象（OLE 链接）指向外部的“http://example.invalid/表.xlsx”"
                      f"{FETCHED}在 Word 中点“文件 → 信息 → 编辑指向文件的链接”，选中后点“断开链接”，或删除它")]),
    (simple_field('HYPERLINK "http://www.gov.cn"'), []),  # followed when clicked, never fetched
    (hyperlink, []),
], ids=["includetext", "includetext-split", "includepicture-header", "link", "dde", "ddeauto",
        "attached-template", "ole-link", "hyperlink-field", "hyperlink"])
def test_everything_fetched_from_outside_is_named_with_its_part(plant, found, tmp_path):
    doc = correct_document()
    plant(doc)
    assert findings(doc, tmp_path) == found
