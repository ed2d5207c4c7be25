"""The page rules' forms docs/check.md's rule table names (page.number, page.number_side, page.size
and page.margin within ±1 mm), found by ``check`` in a correct hand-made document, and the
nearest forms it must not report."""

from __future__ import annotations

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from handmade import correct_document

from reportgen.check.run import check

ODD, EVEN = "奇数页页脚", "偶数页页脚"
NOT_DASHES = "页码应写作“— 1 —”（两侧各一条一字线），实为“{}”"


def findings(doc, tmp_path) -> list[tuple[str, str, str]]:
    doc.save(tmp_path / "通知.docx")
    return [(f.rule, str(f.where), f.message) for f in check(tmp_path / "通知.docx")]


@pytest.mark.parametrize(("before", "after", "found"), [
    ("-", "-", [("page.number", ODD, NOT_DASHES.format("-1-"))]),
    ("– ", " –", [("page.number", ODD, NOT_DASHES.format("– 1 –"))]),
    ("－", "－", [("page.number", ODD, NOT_DASHES.format("－1－"))]),
    ("——", "——", [("page.number", ODD, NOT_DASHES.format("——1——"))]),
    ("第", "页", [("page.number", ODD, NOT_DASHES.format("第1页"))]),
    ("", "", [("page.number", ODD, NOT_DASHES.format("1"))]),
    ("—  ", "  —", [("page.number", ODD, NOT_DASHES.format("—  1  —"))]),
    ("—", "—", []),  # the space beside each dash may be left out
    ("— ", " —", []),
])
def test_the_page_number_is_written_between_two_em_dashes(before, after, found, tmp_path):
    doc = correct_document()
    number = doc.sections[0].footer.paragraphs[0]
    number.runs[0].text, number.runs[-1].text = before, after
    assert findings(doc, tmp_path) == found


def test_a_number_typed_as_text_is_no_page_number(tmp_path):
    doc = correct_document()
    number = doc.sections[0].footer.paragraphs[0]
    for field_run in number.runs[1:-1]:
        number._p.remove(field_run._r)
    number.runs[0].text = "— 1"
    assert findings(doc, tmp_path) == [("page.number", ODD, "没有页码（应插入 PAGE 域，写作“— 1 —”）")]


@pytest.mark.parametrize(("odd", "align", "found"), [
    (True, WD_ALIGN_PARAGRAPH.CENTER, [("page.number_side", ODD, "单页页码应居右，实为居中")]),
    (True, WD_ALIGN_PARAGRAPH.LEFT, [("page.number_side", ODD, "单页页码应居右，实为居左")]),
    (False, WD_ALIGN_PARAGRAPH.RIGHT, [("page.number_side", EVEN, "双页页码应居左，实为居右")]),
    (False, WD_ALIGN_PARAGRAPH.CENTER, [("page.number_side", EVEN, "双页页码应居左，实为居中")]),
    (True, WD_ALIGN_PARAGRAPH.RIGHT, []),
    (False, WD_ALIGN_PARAGRAPH.LEFT, []),
])
def test_odd_pages_are_numbered_right_and_even_pages_left(odd, align, found, tmp_path):
    doc = correct_document()
    section = doc.sections[0]
    (section.footer if odd else section.even_page_footer).paragraphs[0].alignment = align
    assert findings(doc, tmp_path) == found


def test_one_footer_for_all_pages_cannot_alternate(tmp_path):
    doc = correct_document()
    doc.settings.odd_and_even_pages_header_footer = False
    assert findings(doc, tmp_path) == [
        ("page.number_side", "页脚", "页码应单页居右、双页居左：页眉页脚需设为“奇偶页不同”")]


MARGINS = {"top_margin": ("上边距（天头）", 37), "bottom_margin": ("下边距", 35),
           "left_margin": ("左边距（订口）", 28), "right_margin": ("右边距", 26)}


@pytest.mark.parametrize("margin", MARGINS)
@pytest.mark.parametrize(("off", "reported"), [(-1.2, True), (-0.8, False), (0.8, False), (1.2, True)])
def test_each_margin_is_judged_within_one_millimetre(margin, off, reported, tmp_path):
    name, right = MARGINS[margin]
    doc = correct_document()
    setattr(doc.sections[0], margin, Mm(right + off))
    found = [f for f in findings(doc, tmp_path) if f[0] == "page.margin"]  # the 版心 and grid follow
    assert found == ([("page.margin", "页面设置", f"{name}应为{right}毫米，实为{right + off:g}毫米")]
                     if reported else [])


@pytest.mark.parametrize(("width", "height", "reported"), [
    (208.8, 297, True), (209.2, 297, False), (210, 297.8, False), (210, 298.2, True)])
def test_the_paper_is_judged_within_one_millimetre(width, height, reported, tmp_path):
    doc = correct_document()
    doc.sections[0].page_width, doc.sections[0].page_height = Mm(width), Mm(height)
    found = [f for f in findings(doc, tmp_path) if f[0] == "page.size"]  # the 版心 and grid follow
    assert found == ([("page.size", "页面设置", f"纸张应为A4（210×297毫米），实为{width:g}×{height:g}毫米")]
                     if reported else [])
