"""document.kind's forms from docs/check.md's rule table: a document with no 公文 title and not on
the 公文's A4 page and margins is said to be no 公文, with its three most important faults (all of
them with ``everything``, as ``--all``); a 公文 title, or the 公文's page, is the nearest form that
is judged as a 公文."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches
from handmade import correct_document, find, set_text

from reportgen.check.run import check

PAGE = "页面设置"
SIZE = ("page.size", PAGE, "纸张应为A4（210×297毫米），实为215.9×279.4毫米")
TOP = ("page.margin", PAGE, "上边距（天头）应为37毫米，实为25.4毫米")
MARGINS = [TOP, ("page.margin", PAGE, "下边距应为35毫米，实为25.4毫米"),
           ("page.margin", PAGE, "左边距（订口）应为28毫米，实为25.4毫米")]
LETTER_AREA = ("page.text_area", PAGE, "版心应为156×225毫米，实为161.9×207.4毫米")
INCH_AREA = ("page.text_area", PAGE, "版心应为156×225毫米，实为159.2×246.2毫米")
LETTER_GRID = ("page.grid", PAGE, "每页应为22行×28字，按页面设置和正文格式为20行×29字（行距28.95磅，每字15.75磅）")
INCH_GRID = ("page.grid", PAGE, "每页应为22行×28字，按页面设置和正文格式为24行×28字（行距28.95磅，每字15.75磅）")
BOTH_GRID = ("page.grid", PAGE, "每页应为22行×28字，按页面设置和正文格式为22行×29字（行距28.95磅，每字15.75磅）")


def findings(doc, tmp_path, everything: bool = False) -> list[tuple[str, str, str]]:
    doc.save(tmp_path / "通知.docx")
    return [(f.rule, str(f.where), f.message) for f in check(tmp_path / "通知.docx", everything=everything)]


def no_official(why: str) -> tuple[str, str, str]:
    return ("document.kind", "全文", f"不是按公文格式排版的文档：没有公文标题，{why}；下面只列最主要的3个问题"
                                  "（加 --all 列出全部）")


def letter(doc) -> None:
    doc.sections[0].page_width, doc.sections[0].page_height = Inches(8.5), Inches(11)


def inch_margins(doc) -> None:
    section = doc.sections[0]
    section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = Inches(1)


def both(doc) -> None:
    letter(doc)
    inch_margins(doc)


@pytest.mark.parametrize(("title", "page", "found"), [
    ("城关区安全生产工作情况", letter, [no_official("纸张不是A4"), SIZE, LETTER_GRID, LETTER_AREA]),
    ("城关区安全生产工作情况", inch_margins,
     [no_official("页边距不是公文的（上37、下35、左28、右26毫米）"), TOP, INCH_GRID, INCH_AREA]),
    ("城关区安全生产工作情况", both,
     [no_official("纸张不是A4，页边距不是公文的（上37、下35、左28、右26毫米）"), SIZE, TOP, BOTH_GRID]),
    ("城关区安全生产工作方案说明会", letter, [no_official("纸张不是A4"), SIZE, LETTER_GRID, LETTER_AREA]),
    # The nearest forms judged as a 公文: a 公文 title on the wrong page, or no title on the right one.
    ("关于安全生产工作情况", letter, [SIZE, LETTER_AREA, LETTER_GRID]),
    ("城关区安全生产工作方案", inch_margins, [*MARGINS, INCH_AREA, INCH_GRID]),
    ("城关区安全生产检查实施办法（试行）", letter, [SIZE, LETTER_AREA, LETTER_GRID]),
    ("城关区安全生产工作情况", lambda doc: None, []),
], ids=["letter", "margins", "letter-and-margins", "no-文种-at-the-end", "passes:关于",
        "passes:方案", "passes:办法（试行）", "passes:公文-page"])
def test_a_document_that_is_no_official_document_gets_one_line_and_three_faults(title, page, found,
                                                                                tmp_path):
    doc = correct_document()
    set_text(find(doc, "关于开展"), "关于开展安全生产大检查的通知", title)
    page(doc)
    assert findings(doc, tmp_path) == found


def test_everything_lists_every_finding_of_a_document_that_is_no_official_document(tmp_path):
    doc = correct_document()
    set_text(find(doc, "关于开展"), "关于开展安全生产大检查的通知", "城关区安全生产工作情况")
    both(doc)
    assert findings(doc, tmp_path, everything=True) == [
        SIZE, *MARGINS, ("page.text_area", PAGE, "版心应为156×225毫米，实为165.1×228.6毫米"), BOTH_GRID]


def included(name: str) -> str:
    return (f"INCLUDETEXT 域指向外部的“file://server/{name}.docx”：打开文档时会去读取它（可能泄露本机或网络信息，"
            "收文方也看不到其内容）；在 Word 中选中这个域，按 Ctrl+Shift+F9 把它变成普通文字，或删除它")


def test_links_outside_a_document_that_is_no_official_document_are_all_listed(tmp_path):
    doc = correct_document()
    set_text(find(doc, "关于开展"), "关于开展安全生产大检查的通知", "城关区安全生产工作情况")
    letter(doc)
    for name in ("甲", "乙"):
        find(doc, "按照")._p.append(parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=\'INCLUDETEXT "file://server/{name}.docx"\'>'
            "<w:r><w:t>摘录</w:t></w:r></w:fldSimple>"))
    assert findings(doc, tmp_path) == [no_official("纸张不是A4"), SIZE, LETTER_GRID, LETTER_AREA,
                                       ("links.external", "正文", included("甲")),
                                       ("links.external", "正文", included("乙"))]
