"""The numbers Word shows before auto-numbered paragraphs, as `check` reads them: each number
format, restarts, overrides and lists that name what the document lacks."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml
from docx_shapes import NS, add, new_document, para, run

from reportgen.check.docx_numbering import written
from reportgen.check.docx_read import read_docx


@pytest.mark.parametrize(("n", "number_format", "text"), [
    (3, "decimal", "3"), (12, "chineseCounting", "十二"), (105, "chineseCountingThousand", "一百零五"),
    (7, "ideographDigital", "七"), (20, "japaneseCounting", "二十"), (11, "taiwaneseCounting", "十一"),
    (0, "chineseCounting", "零"), (10**8, "chineseCounting", "100000000"), (-1, "chineseCounting", "-1"),
    (1, "ideographTraditional", "甲"), (10, "ideographTraditional", "癸"), (11, "ideographTraditional", "11"),
    (0, "ideographTraditional", "0"), (1, "decimalEnclosedCircle", "①"), (20, "decimalEnclosedCircle", "⑳"),
    (21, "decimalEnclosedCircle", "21"), (0, "decimalEnclosedCircle", "0"),
    (12, "decimalFullWidth", "１２"), (90, "decimalFullWidth", "９０"), (4, "bullet", ""), (4, "none", ""),
    (4, "upperRoman", "4"),
])
def test_a_number_is_written_in_its_format(n, number_format, text):
    assert written(n, number_format) == text


def lvl(level: int, fmt: str | None, text: str, start: str | None = "1", extra: str = "") -> str:
    parts = [f'<w:start w:val="{start}"/>' if start is not None else "",
             f'<w:numFmt w:val="{fmt}"/>' if fmt else "", f'<w:lvlText w:val="{text}"/>', extra]
    return f'<w:lvl w:ilvl="{level}">{"".join(parts)}</w:lvl>'


def labels(tmp_path, abstract: str, nums: list[str], paragraphs: list[tuple[int, str]]) -> list[str]:
    doc = new_document()
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {NS} w:abstractNumId="77">{abstract}</w:abstractNum>'))
    for num in nums:
        numbering.append(parse_xml(num.replace("<w:num ", f"<w:num {NS} ")))
    add(doc, *(para(run("文字"), extra=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')
               for level, num in paragraphs))
    doc.save(tmp_path / "d.docx")
    return [p.label for p in read_docx(tmp_path / "d.docx").paragraphs]


def test_deeper_levels_restart_under_each_new_number_and_name_the_levels_above(tmp_path):
    abstract = (lvl(0, "ideographTraditional", "%1、") + lvl(1, "decimalEnclosedCircle", "%1%2")
                + lvl(2, "decimalFullWidth", "%1.%2.%3", start="3"))
    assert labels(tmp_path, abstract, ['<w:num w:numId="71"><w:abstractNumId w:val="77"/></w:num>'],
                  [(0, "71"), (1, "71"), (1, "71"), (2, "71"), (0, "71"), (2, "71"), (1, "71")]) == [
        "甲、", "甲①", "甲②", "甲.②.３", "乙、", "乙.①.３", "乙①"]


def test_a_list_may_start_a_level_afresh_or_define_it_anew(tmp_path):
    abstract = lvl(0, "chineseCounting", "%1、") + lvl(1, None, "（%2）", start="x")
    nums = ['<w:num w:numId="71"><w:abstractNumId w:val="77"/></w:num>',
            '<w:num w:numId="72"><w:abstractNumId w:val="77"/><w:lvlOverride w:ilvl="0">'
            '<w:startOverride w:val="4"/></w:lvlOverride><w:lvlOverride w:ilvl="1">'
            f'{lvl(1, "decimal", "%2)", start="-2")}</w:lvlOverride>'
            '<w:lvlOverride w:ilvl="3"><w:startOverride w:val="9"/></w:lvlOverride></w:num>',
            '<w:num w:numId="73"><w:abstractNumId w:val="78"/></w:num>', '<w:num w:numId="74"/>']
    assert labels(tmp_path, abstract, nums, [
        (0, "71"), (1, "71"), (0, "72"), (1, "72"), (1, "72"), (3, "72"), (0, "73"), (0, "74"), (0, "75"),
        (4, "71")]) == ["一、", "（1）", "四、", "-2)", "-1)", "", "", "", "", ""]


def test_a_numbered_style_takes_the_level_linked_to_it_else_the_first(tmp_path):
    doc = new_document()
    numbering = doc.part.numbering_part.element
    linked = lvl(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="H2"/>')
    numbering.insert(0, parse_xml(f'<w:abstractNum {NS} w:abstractNumId="77">'
                                  f'{lvl(0, "chineseCounting", "%1、")}{linked}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="71"><w:abstractNumId w:val="77"/></w:num>'))
    for sid in ("H2", "H9"):
        doc.styles.element.append(parse_xml(
            f'<w:style {NS} w:type="paragraph" w:styleId="{sid}"><w:name w:val="{sid}"/>'
            '<w:pPr><w:numPr><w:numId w:val="71"/></w:numPr></w:pPr></w:style>'))
    add(doc, para(run("甲"), style="H9"), para(run("乙"), style="H2"), para(run("丙"), style="H2"),
        para(run("丁"), style="H9"))
    doc.save(tmp_path / "d.docx")
    assert [p.label for p in read_docx(tmp_path / "d.docx").paragraphs] == ["一、", "（一）", "（二）", "二、"]
