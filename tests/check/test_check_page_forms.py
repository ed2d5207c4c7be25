"""The page rules' forms docs/check.md's rule table names (page.number, page.number_side, page.size
and page.margin within ±1 mm, page.text_area, page.grid from exact lines, the line grid, the
character grid or the font size and spacing), found by ``check`` in a correct hand-made
document, and the nearest forms it must not report."""

from __future__ import annotations

import copy

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from handmade import correct_document

from reportgen.check.docx_read import read_docx
from reportgen.check.rules_footer import number_paragraph, pattern
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


def set_in_footer(odd: bool, xml: str):
    """A change to the page number's paragraph of the odd or even footer, as Word or WPS write
    it: ``w:jc`` with ``start``/``end``, or a frame aligned ``outside``/``inside``."""
    def change(doc) -> None:
        section = doc.sections[0]
        ppr = (section.footer if odd else section.even_page_footer).paragraphs[0]._p.get_or_add_pPr()
        name, value = xml.split("=")
        if name == "jc":
            ppr.get_or_add_jc().set(qn("w:val"), value)
        else:
            frame = ppr.makeelement(qn("w:framePr"), {qn("w:wrap"): "around", qn("w:vAnchor"): "text",
                                                     qn("w:hAnchor"): "margin", qn("w:xAlign"): value})
            ppr.insert(0, frame)
    return change


@pytest.mark.parametrize(("odd", "xml", "found"), [
    (True, "jc=start", [("page.number_side", ODD, "单页页码应居右，实为居左")]),
    (False, "jc=end", [("page.number_side", EVEN, "双页页码应居左，实为居右")]),
    (True, "xAlign=inside", [("page.number_side", ODD, "单页页码应居右，实为居左")]),
    (False, "xAlign=inside", [("page.number_side", EVEN, "双页页码应居左，实为居右")]),
    (True, "xAlign=center", [("page.number_side", ODD, "单页页码应居右，实为居中")]),
    (True, "jc=end", []),
    (False, "jc=start", []),
    (True, "xAlign=outside", []),
    (False, "xAlign=outside", []),
    (False, "xAlign=left", []),
])
def test_a_number_at_the_end_or_in_a_frame_at_the_outside_edge_is_on_its_side(odd, xml, found,
                                                                              tmp_path):
    doc = correct_document()
    set_in_footer(odd, xml)(doc)
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


@pytest.mark.parametrize(("off", "reported"), [(57, False), (58, True), (-57, False), (-58, True)])
def test_one_millimetre_is_57_twips_either_way(off, reported, tmp_path):
    doc = correct_document()
    section = doc.sections[0]
    section.top_margin = Twips(2098 + off)
    section.page_width = Twips(11906 + off)
    found = [f[0] for f in findings(doc, tmp_path) if f[0] in ("page.margin", "page.size")]
    assert found == (["page.size", "page.margin"] if reported else [])


@pytest.mark.parametrize("left_out", ["w:pgSz", "w:h"])
def test_a_document_without_a_paper_size(left_out, tmp_path):
    doc = correct_document()
    sect = doc.sections[0]._sectPr
    size = sect.find(qn("w:pgSz"))
    if left_out == "w:h":
        del size.attrib[qn("w:h")]
    else:
        sect.remove(size)
    assert [f for f in findings(doc, tmp_path) if f[0] == "page.size"] == [
        ("page.size", "页面设置", "纸张应为A4（210×297毫米），文档未设置纸张大小")]


@pytest.mark.parametrize(("width", "height", "reported"), [
    (208.8, 297, True), (209.2, 297, False), (210, 297.8, False), (210, 298.2, True)])
def test_the_paper_is_judged_within_one_millimetre(width, height, reported, tmp_path):
    doc = correct_document()
    doc.sections[0].page_width, doc.sections[0].page_height = Mm(width), Mm(height)
    found = [f for f in findings(doc, tmp_path) if f[0] == "page.size"]  # the 版心 and grid follow
    assert found == ([("page.size", "页面设置", f"纸张应为A4（210×297毫米），实为{width:g}×{height:g}毫米")]
                     if reported else [])


@pytest.mark.parametrize(("sides", "off", "found"), [
    (("left_margin", "right_margin"), -0.6, [("page.text_area", "页面设置", "版心应为156×225毫米，实为157.2×225毫米")]),
    (("top_margin", "bottom_margin"), -0.6, [("page.text_area", "页面设置", "版心应为156×225毫米，实为156×226.2毫米")]),
    (("left_margin", "right_margin"), -0.4, []),  # each margin within 1 mm, the 版心 too
    (("top_margin", "bottom_margin"), -0.4, []),
])
def test_the_text_area_is_judged_beside_margins_each_within_one_millimetre(sides, off, found, tmp_path):
    doc = correct_document()
    section = doc.sections[0]
    for side in sides:
        setattr(section, side, Mm(MARGINS[side][1] + off))
    assert findings(doc, tmp_path) == found


def grid_of(doc, **attributes) -> None:
    """The first section's document grid (w:docGrid) with these attributes."""
    sect = doc.sections[0]._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = sect.makeelement(qn("w:docGrid"), {})
        sect.append(grid)
    for name, value in attributes.items():
        grid.set(qn(f"w:{name}"), value)


def exact_lines(points: float):
    def plant(doc):
        doc.styles["Normal"].paragraph_format.line_spacing = Pt(points)
    return plant


def single_lines(**grid):
    """Single line spacing (no exact value), laid out on the document grid if one is given."""
    def plant(doc):
        doc.styles["Normal"].paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        if grid:
            grid_of(doc, **grid)
    return plant


def character_spacing(twentieths: int | None, **grid):
    """Normal's character spacing in twentieths of a point (None: none), and the grid if given."""
    def plant(doc):
        rpr = doc.styles["Normal"].element.rPr
        spacing = rpr.find(qn("w:spacing"))
        if twentieths is None:
            rpr.remove(spacing)
        else:
            spacing.set(qn("w:val"), str(twentieths))
        if grid:
            grid_of(doc, **grid)
    return plant


def spaced(rule, twips: int, **grid):
    """Normal's line spacing by ``rule`` (at least, or auto: ``twips`` / 240 lines), and the grid."""
    def plant(doc):
        spacing = doc.styles["Normal"].element.pPr.find(qn("w:spacing"))
        spacing.set(qn("w:lineRule"), rule)
        spacing.set(qn("w:line"), str(twips))
        if grid:
            grid_of(doc, **grid)
    return plant


def laid_out(lines: int, chars: int, pitch: str, advance: str):
    return [("page.grid", "页面设置", f"每页应为22行×28字，按页面设置和正文格式为{lines}行×{chars}字"
                                  f"（行距{pitch}磅，每字{advance}磅）")]


CHAR_GRID = {"type": "linesAndChars", "linePitch": "579"}


@pytest.mark.parametrize(("plant", "found"), [
    (exact_lines(29), laid_out(21, 28, "29", "15.75")),
    (exact_lines(26.5), laid_out(24, 28, "26.5", "15.75")),
    (exact_lines(28), []),  # 22 lines of 28 to 28.99 pt fill the 版心's 225 mm
    (single_lines(type="lines", linePitch="600"), laid_out(21, 28, "30", "15.75")),
    (single_lines(type="lines", linePitch="579"), []),
    (single_lines(), laid_out(30, 28, "20.8", "15.75")),  # no grid: 1.3 × the font size
    (single_lines(type="lines", linePitch="12pt"), laid_out(30, 28, "20.8", "15.75")),  # unreadable
    (character_spacing(None, charSpace="0", **CHAR_GRID), laid_out(22, 27, "28.95", "16")),
    (character_spacing(None, charSpace="-848", **CHAR_GRID), []),  # as Word's dialog writes it
    (character_spacing(None), laid_out(22, 27, "28.95", "16")),
    (character_spacing(-20), laid_out(22, 29, "28.95", "15")),
    (character_spacing(-5), []),
    (spaced("atLeast", 579), []),  # at least 28.95 pt: more than a line of 三号 needs
    (spaced("atLeast", 240), laid_out(30, 28, "20.8", "15.75")),  # at least 12 pt: 1.3 × 16 pt
    (spaced("atLeast", 600, type="lines", linePitch="400"), laid_out(15, 28, "40", "15.75")),
    (spaced("auto", 360), laid_out(20, 28, "31.2", "15.75")),  # 1.5 lines
    (spaced("auto", 250), laid_out(29, 28, "21.67", "15.75")),
    (spaced("auto", 600), laid_out(12, 28, "52", "15.75")),
    (spaced("auto", 360, type="lines", linePitch="579"), laid_out(14, 28, "43.42", "15.75")),
    (spaced("auto", 240, type="lines", linePitch="416"), laid_out(30, 28, "20.8", "15.75")),
    (single_lines(type="linesAndChars", linePitch="579"), []),
    (single_lines(type="snapToChars", linePitch="579"), []),
    (character_spacing(None, charSpace="-848", type="snapToChars", linePitch="579"), []),
], ids=["exact-29", "exact-26.5", "passes:exact-28", "line-grid-30", "passes:line-grid-28.95",
        "single-without-grid", "unreadable-line-grid", "char-grid-16", "passes:char-grid-15.79", "no-spacing", "spacing-1pt",
        "passes:spacing-0.25pt", "passes:at-least-28.95", "at-least-12", "at-least-30-on-a-20-grid",
        "auto-1.5", "auto-1.04", "auto-2.5", "auto-1.5-on-the-grid", "auto-on-a-grid-as-high", "passes:lines-and-chars",
        "passes:snap-to-chars", "passes:snap-to-chars-char-grid"])
def test_lines_and_characters_are_counted_as_word_lays_them_out(plant, found, tmp_path):
    doc = correct_document()
    plant(doc)
    assert findings(doc, tmp_path) == found


def test_a_page_number_whose_shown_number_is_in_two_runs_is_one_number(tmp_path):
    doc = correct_document()
    shown = next(r for r in doc.sections[0].footer.paragraphs[0].runs if r.text == "1")
    second = copy.deepcopy(shown._r)
    shown._r.addnext(second)
    second.xpath("./w:t")[0].text = "0"  # page 10, as Word splits a result it reformatted
    assert findings(doc, tmp_path) == []


GRID = "每页应为22行×28字，按页面设置和正文格式为22行×{}字（行距28.95磅，每字{}磅）"


@pytest.mark.parametrize(("char_space", "found"), [
    ("-849", []),  # as Word writes it to fit 28 字 of 三号 in the 版心: 15.79 pt a 字
    ("0", [("page.grid", "页面设置", GRID.format(27, 16))]),
    ("849", [("page.grid", "页面设置", GRID.format(27, 16.21))]),
    ("4096", [("page.grid", "页面设置", GRID.format(26, 17))]),
    ("abc", [("page.grid", "页面设置", GRID.format(27, 16))]),  # unreadable: no added spacing
])
def test_a_character_grid_spaces_each_character_by_its_char_space(char_space, found, tmp_path):
    doc = correct_document()
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:charSpace"), char_space)
    assert findings(doc, tmp_path) == found


def test_odd_and_even_pages_without_an_even_footer_lack_its_number(tmp_path):
    doc = correct_document()
    even = doc.sections[0].even_page_footer
    even.is_linked_to_previous = True  # the reference to the even footer removed
    assert findings(doc, tmp_path) == [("page.number", EVEN, "没有页码（应插入 PAGE 域，写作“— 1 —”）")]


def test_a_section_with_footers_of_its_own_is_judged_by_itself(tmp_path):
    doc = correct_document()
    second = doc.add_section()
    second.footer.is_linked_to_previous = False
    second.even_page_footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "— 附 —"
    doc.sections[0].footer.paragraphs[0].runs[0].text = "-"
    assert [f for f in findings(doc, tmp_path) if f[0].startswith("page.number")] == [
        ("page.number", "第1节奇数页页脚", NOT_DASHES.format("-1 —")),
        ("page.number", "第2节奇数页页脚", "没有页码（应插入 PAGE 域，写作“— 1 —”）"),
        ("page.number", "第2节偶数页页脚", "没有页码（应插入 PAGE 域，写作“— 1 —”）")]


def pattern_of(doc, folder) -> str:
    """The odd footer's text as check reads it, the page number shown as N."""
    path = folder / "footer.docx"
    doc.save(path)
    return pattern(number_paragraph(read_docx(path).sections[0].footers["default"]))


def test_dashes_and_a_number_each_in_runs_of_their_own_are_one_number(tmp_path):
    doc = correct_document()
    number = doc.sections[0].footer.paragraphs[0]
    number.runs[0].text = "—"
    number.runs[0]._r.addnext(copy.deepcopy(number.runs[0]._r))
    number.runs[1].text = " "
    result = next(r for r in number.runs if r.text == "1")._r  # the number shown, cut in two
    result.addnext(copy.deepcopy(result))
    assert [r.text for r in number.runs if r.text] == ["—", " ", "1", "1", " —"]
    assert pattern_of(doc, tmp_path) == "— N —"
    assert findings(doc, tmp_path) == []


def test_odd_and_even_pages_without_any_footer_lack_both_numbers(tmp_path):
    doc = correct_document()
    doc.sections[0].footer.is_linked_to_previous = True
    doc.sections[0].even_page_footer.is_linked_to_previous = True
    missing = "没有页码（应插入 PAGE 域，写作“— 1 —”）"
    assert findings(doc, tmp_path) == [("page.number", ODD, missing), ("page.number", EVEN, missing)]


@pytest.mark.parametrize("normal", [None, WD_ALIGN_PARAGRAPH.JUSTIFY])
def test_an_even_page_number_without_an_alignment_is_on_the_left(normal, tmp_path):
    """Left as Normal sets it: not at all, or justified (a paragraph's last line sits left)."""
    doc = correct_document()
    doc.styles["Normal"].paragraph_format.alignment = normal
    doc.sections[0].even_page_footer.paragraphs[0].alignment = None
    assert [f for f in findings(doc, tmp_path) if f[0].startswith("page.")] == []


def test_a_justified_odd_page_number_is_on_the_left(tmp_path):
    doc = correct_document()
    doc.sections[0].footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    assert findings(doc, tmp_path) == [("page.number_side", ODD, "单页页码应居右，实为居左")]
