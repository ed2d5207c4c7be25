"""The tolerances of the render.* rules, on lines placed as pdftotext reports them: what is one
row, how the line pitch and the characters per line are measured, how far from the 版心's foot
the 版记 may end, where the body and an attachment are looked for (docs/check.md)."""

from __future__ import annotations

import pytest
from docx import Document
from handmade import page_setup

from reportgen.check.docx_read import read_docx
from reportgen.check.rules_render import (
    Frame,
    attachments,
    chars_per_line,
    first_page,
    imprint,
    line_pitch,
    lines_per_page,
    rows,
)
from reportgen.office.pdf_text import Line, Page

FRAME = Frame(104.9, 742.7, 79.35, 521.6)  # the 版心 of page_setup: 156 × 225 mm
WIDE = "各科室要把安全检查作为当前的重要工作认真组织严格把关确保"  # 28 Chinese characters


def line(text: str, top: float, left: float = 79.35, right: float | None = None, height=16.0) -> Line:
    return Line(text, top, top + height, left, right if right is not None else left + 15.8 * len(text))


def pages_of(*tops_per_page: list[float]) -> list[list[Line]]:
    """Body rows of full width at the given tops, page by page."""
    return [[line(WIDE, top) for top in tops] for tops in tops_per_page]


def at(start: float, *steps: float) -> list[float]:
    tops = [start]
    for step in steps:
        tops.append(tops[-1] + step)
    return tops


def test_the_frame_is_the_first_sections_text_area_in_points(tmp_path):
    doc = Document()
    page_setup(doc)
    doc.save(tmp_path / "d.docx")
    frame = Frame.of(read_docx(tmp_path / "d.docx"))
    assert (frame.top, frame.bottom, frame.left, frame.right) == pytest.approx((104.9, 742.7, 79.35, 521.6))


@pytest.mark.parametrize(("top", "bottom", "joined"), [
    (0.9, 0.9, True), (1.0, 0.0, False), (0.0, 1.0, False), (-0.9, -0.5, True)])
def test_lines_less_than_a_point_apart_are_one_row(top, bottom, joined):
    first = Line("附件", 200, 216, 80, 112)
    second = Line("检查表", 200 + top, 216 + bottom, 140, 188)
    found = rows(Page(595, 842, [first, second]))
    if not joined:
        assert found == [first, second]
    else:  # placed where its leftmost piece is
        assert found == [Line("附件检查表", 200, 216, 80, 188)]


def test_a_row_is_joined_left_to_right_whatever_order_its_pieces_come_in():
    pieces = [Line("1", 200.4, 216.2, 112, 120), Line("附件", 200, 216, 80, 112),
              Line("检查表", 200.2, 216.1, 140, 188)]
    assert rows(Page(595, 842, pieces)) == [Line("附件1检查表", 200, 216, 80, 188)]


def test_the_pitch_is_that_of_the_longest_run_of_even_steps():
    assert line_pitch(pages_of(at(105, 20, 20, 20, 30, 20, 20))) == 20
    assert line_pitch(pages_of(at(105, 20, 20, 20), at(105, 21, 21))) == 20
    assert line_pitch(pages_of(at(105, 20, 20.5, 20, 20.5))) == 20.25
    assert line_pitch(pages_of([105])) is None
    assert line_pitch(pages_of([105], at(105, 28.95))) == pytest.approx(28.95)


def test_a_step_15_percent_off_the_usual_one_breaks_a_run():
    assert line_pitch(pages_of(at(105, 20, 20, 20, 23, 20, 20))) == 20
    assert line_pitch(pages_of(at(105, 20, 20, 20, 22.9, 20, 20))) == pytest.approx(20.4833, abs=1e-4)


@pytest.mark.parametrize(("lines", "found"), [(21.997, []), (21.99, ["每页排21行（行距29.00磅），应为22行"])])
def test_lines_per_page_rounds_the_pitch_to_a_two_hundredth_of_a_line(lines, found):
    pitch = (FRAME.bottom - FRAME.top) / lines
    body = pages_of(at(105, *[pitch] * 21))
    assert [f.message for f in lines_per_page(body, FRAME)] == found


def test_characters_per_line_are_measured_on_rows_of_ten_chinese_characters_or_more():
    width = FRAME.right - FRAME.left
    ten = [line(WIDE[:10], 105 + 30 * n, right=79.35 + width * 10 / 27) for n in range(3)]
    digits = [line("第1次会议" + WIDE[:9], 200 + 30 * n, right=79.35 + width * 14 / 30) for n in range(4)]
    nine = [line(WIDE[:9], 400 + 30 * n, right=79.35 + width * 9 / 26) for n in range(5)]
    assert [f.message for f in chars_per_line([ten + digits + nine], FRAME)] == ["每行排27字，应为28字"]
    assert chars_per_line([digits + nine], FRAME) == []


@pytest.mark.parametrize(("per_line", "found"), [(27.99, []), (27.97, ["每行排27字，应为28字"])])
def test_characters_per_line_round_up_from_a_fiftieth(per_line, found):
    width = FRAME.right - FRAME.left
    body = [[line(WIDE, 105 + 30 * n, right=79.35 + width * 28 / per_line) for n in range(3)]]
    assert [f.message for f in chars_per_line(body, FRAME)] == found


@pytest.mark.parametrize(("gap", "found"), [(29, []), (29.5, ["版记应位于最后一页版心底部，实际离底边还有10毫米"])])
def test_the_imprint_ends_within_29_points_of_the_frames_foot(gap, found):
    last = Page(595, 842, [line("城关区应急管理局办公室  2024年5月20日印发", FRAME.bottom - gap - 16)])
    assert [f.message for f in imprint([Page(595, 842), last], True, FRAME)] == found


def test_a_line_ending_in_yinfa_is_no_imprint_when_the_document_has_none():
    body = Page(595, 842, [line("现将实施方案印发", 300)])
    assert imprint([body], False, FRAME) == []


def test_an_attachment_is_judged_on_its_own_page():
    first = Page(595, 842, [line(WIDE, 105), line(WIDE, 134)])
    second = Page(595, 842, [line("附件1", 110), line(WIDE, 140)])
    assert attachments([first, second], ["附件1"], FRAME) == []
    second.lines.insert(0, line(WIDE, 105))
    assert [f.message for f in attachments([first, second], ["附件1"], FRAME)] == [
        "附件应另起一页：“附件1”之前还有其他内容"]


def test_the_body_is_looked_for_by_its_first_eight_characters_across_lines():
    split = Page(595, 842, [line("一二三四", 105), line("五六七八九十", 134)])
    repeated = Page(595, 842, [line("一二三四五六七八九十", 105)])
    assert first_page([split, repeated], ["一二三四五六七八九十"]) == []
    assert [f.message for f in first_page([Page(595, 842, [line("一二三四五六七八", 105)]), repeated],
                                          ["一二三四五六七八九十"])] == []
    assert [f.message for f in first_page([Page(595, 842), repeated], ["一二三四五六七八九十"])] == [
        "首页应有正文，正文却从第2页开始"]

