"""render.lost_text on the words a PDF draws: which characters of which paragraph are named lost
when the PDF draws text out of reading order, repeats it, adds to it or lacks some of it, and
what the bounded alignment does once its budget of work is spent (docs/check.md)."""

from __future__ import annotations

import pytest
from docx import Document
from handmade import SENTENCE, page_setup

from reportgen.check import rules_lost
from reportgen.check.docx_read import read_docx
from reportgen.check.rules_lost import lost_findings
from reportgen.check.rules_render import Frame
from reportgen.office.pdf_text import Word

INSIDE = 200.0  # a line's top inside the 版心 of page_setup (104.9 to 742.7 pt)
LONG = SENTENCE * 3  # 120 characters: more than the reach of one alignment past the cursor


@pytest.fixture
def reading(tmp_path):
    """The document of the paragraphs given, each a text or a tuple of its runs' texts."""
    def make(*paragraphs):
        doc = Document()
        page_setup(doc)
        for runs in paragraphs:
            p = doc.add_paragraph()
            for text in runs if isinstance(runs, tuple) else (runs,):
                p.add_run(text)
        doc.save(tmp_path / "d.docx")
        return read_docx(tmp_path / "d.docx")
    return make


def page(*texts: str, top: float = INSIDE) -> list[Word]:
    return [Word(text, top, top + 16) for text in texts]


def lost(reading, *pages: list[Word]) -> list[tuple[str, str]]:
    return [(str(f.where), f.message) for f in lost_findings(reading, list(pages))]


def where(number: int, text: str) -> str:
    """A paragraph's place as findings give it: its number and its first 12 characters."""
    return f"第{number}段「{text[:12]}{'…' if len(text) > 12 else ''}」"


def message(*chars: str) -> str:
    shown = "".join(f"“{c}”" for c in chars[:10]) + ("等" if len(chars) > 10 else "")
    return f"排版后的 PDF 中缺少本段的{len(chars)}个字符：{shown}"


def test_text_drawn_whole_and_in_order_loses_nothing(reading):
    doc = reading("关于开展检查的通知", SENTENCE, "城关区应急管理局")
    assert lost(doc, page("关于开展检查的通知", SENTENCE[:20]), page(SENTENCE[20:], "城关区应急管理局")) == []


def test_a_character_missing_from_a_paragraph_is_named_in_it(reading):
    doc = reading("关于开展检查的通知", SENTENCE, "城关区应急管理局")
    drawn = page("关于开展检查的通知", SENTENCE.replace("检查", "检"), "城关区应急管理局")
    assert lost(doc, drawn) == [(where(2, SENTENCE), message("查"))]


def test_a_character_of_any_run_is_compared(reading):
    doc = reading(("各科室要把", "安全检查作为", "重点"))
    assert lost(doc, page("各室要把安全检查作为重点")) == [(where(1, "各科室要把安全检查作为重点"), message("科"))]


def test_characters_lost_far_apart_in_a_long_paragraph_are_all_named(reading):
    text = "".join(chr(0x4E00 + n * 7919 % 20000) for n in range(1000))  # aligned 400 at a time
    drawn = text[:100] + text[101:900] + text[901:]
    assert lost(reading(text), page(drawn)) == [(where(1, text), message(text[100], text[900]))]


def test_a_paragraph_the_pdf_lacks_is_named_whole_once(reading):
    doc = reading(SENTENCE, "附件：检查表")
    assert lost(doc, page(SENTENCE)) == [(where(2, "附件：检查表"), message(*"附件：检查表"))]


def test_a_passage_repeated_in_the_document_is_found_once_for_each_time(reading):
    doc = reading(SENTENCE, "二、工作要求", SENTENCE)
    assert lost(doc, page(SENTENCE, "二、工作要求", SENTENCE)) == []
    assert lost(doc, page(SENTENCE, "二、工作要求")) == [
        (where(3, SENTENCE), message(*SENTENCE))]


def test_text_matched_once_is_not_matched_again(reading):
    doc = reading("检查工作要求" + "严", "检查工作要求")
    assert lost(doc, page("检查工作要求")) == [(where(1, "检查工作要求严"), message("严")),
                                         (where(2, "检查工作要求"), message(*"检查工作要求"))]


def test_text_drawn_after_the_paragraphs_that_follow_it_is_found(reading):
    box = "文本框中的说明文字共十五个字。"  # a text box, drawn where it stands on the page
    doc = reading(LONG, box, LONG[::-1])
    assert lost(doc, page(LONG, LONG[::-1], box)) == []
    assert lost(doc, page(box, LONG, LONG[::-1])) == []


def test_a_short_paragraph_with_a_lost_character_is_looked_for_where_the_last_one_ended(reading):
    doc = reading(LONG, "甲乙丙丁戊")
    drawn = LONG[:10] + LONG[11:]  # aligned piece by piece, the cursor left at its end
    assert lost(doc, page(drawn, "甲乙丙丁")) == [
        (where(1, LONG), message(LONG[10])), (where(2, "甲乙丙丁戊"), message("戊"))]


def test_what_the_pdf_adds_before_a_paragraph_is_passed_over(reading):
    added = "表头" * 30  # 60 characters the document does not have: a table header repeated
    doc = reading(LONG, "甲乙丙丁戊")
    assert lost(doc, page(LONG, added, "甲乙丙丁")) == [(where(2, "甲乙丙丁戊"), message("戊"))]


def test_a_lost_end_is_not_matched_in_the_next_paragraph(reading):
    doc = reading(LONG[:60] + "要求", "工作要求明确")
    assert lost(doc, page(LONG[:60], "工作要求明确")) == [(where(1, LONG), message("要", "求"))]


def test_a_common_character_is_matched_however_often_it_occurs(reading):
    text = "，".join(["检查"] * 150)  # 449 characters, a third of them commas
    drawn = text[:301] + text[302:]
    assert lost(reading(text), page(drawn)) == [(where(1, text), message(text[301]))]


@pytest.mark.parametrize(("top", "found"), [(-6, True), (-6.1, False)])
def test_a_word_on_the_first_line_is_in_the_frame_up_to_6_points_above_it(reading, top, found):
    doc = reading("通知全文" + LONG, LONG[::-1])
    frame = Frame.of(doc)
    drawn = [*page("通知", top=frame.top + top), *page("全文" + LONG, LONG[::-1])]
    assert lost(doc, drawn) == ([] if found else [(where(1, "通知全文" + LONG), message("通", "知"))])


@pytest.mark.parametrize(("bottom", "found"), [(6, True), (6.1, False)])
def test_a_word_on_the_last_line_is_in_the_frame_up_to_6_points_below_it(reading, bottom, found):
    doc = reading(LONG + "结束", LONG[::-1])
    frame = Frame.of(doc)
    last = [Word("结束", frame.bottom + bottom - 16, frame.bottom + bottom)]
    assert lost(doc, [*page(LONG), *last], page(LONG[::-1])) == (
        [] if found else [(where(1, LONG), message("结", "束"))])


def test_a_word_drawn_outside_the_frame_is_still_compared(reading):
    doc = reading(LONG, "页边说明")  # e.g. a text box in the margin
    assert lost(doc, page(LONG), page("页边说明", top=20)) == []


def test_past_the_budget_characters_are_counted_not_aligned(reading, monkeypatch):
    doc = reading("甲乙丙丁", "戊己庚辛")
    drawn = page("乙甲丙丁己戊庚辛")  # each paragraph with two characters swapped
    both = [(where(1, "甲乙丙丁"), message("乙")), (where(2, "戊己庚辛"), message("己"))]
    assert lost(doc, drawn) == both
    # the first alignment compares 8 characters (the paragraph and the next) with a window of 8
    monkeypatch.setattr(rules_lost, "BUDGET", 64)
    assert lost(doc, drawn) == both[:1]  # the second is counted: no character is short
    monkeypatch.setattr(rules_lost, "BUDGET", 65)
    assert lost(doc, drawn) == both


def test_counted_characters_are_those_the_text_has_more_of(reading, monkeypatch):
    monkeypatch.setattr(rules_lost, "BUDGET", 0)
    doc = reading("甲甲甲乙丙")
    assert lost(doc, page("甲丙")) == [(where(1, "甲甲甲乙丙"), message("甲", "甲", "乙"))]
    assert lost(doc, page("丙甲甲乙甲")) == []
    assert lost(reading("丁甲乙丙"), page("甲乙丙")) == [(where(1, "丁甲乙丙"), message("丁"))]
    assert lost(reading("甲乙丙丁"), page("甲乙丙")) == [(where(1, "甲乙丙丁"), message("丁"))]


def test_a_short_text_box_drawn_before_the_body_is_found(reading):
    doc = reading(LONG, "附件一览表")
    assert lost(doc, page("附件一览表", LONG)) == []


def test_a_text_box_drawn_first_loses_only_what_it_lacks(reading):
    box = "文本框中的说明文字共二十个字请见附表一"
    doc = reading(LONG, box)
    assert lost(doc, page(box[0] + box[2:], LONG)) == [(where(2, box), message(box[1]))]


def test_text_already_matched_is_passed_over_when_a_box_is_looked_for(reading):
    start = "甲乙丙丁戊己"  # the 文本框 starts as the first paragraph does
    doc = reading(start + LONG, LONG[::-1], start + "二")
    assert lost(doc, page(start + LONG, start + "二", LONG[::-1])) == []


def test_a_box_is_looked_for_after_the_cursor_before_text_the_pdf_added_earlier(reading):
    box = "检查结果汇总表与说明"
    doc = reading(LONG, LONG[::-1], box, LONG * 2)
    header = "检查结果汇总表"  # drawn on the page, not in the document's paragraphs
    drawn = page(header, LONG, LONG[::-1], LONG * 2, box[:-1])
    assert lost(doc, drawn) == [(where(3, box), message("明"))]
