"""Rendered with LibreOffice and measured: 22 lines of 28 characters, page numbers, 版记 position."""

from __future__ import annotations

import re
import unicodedata

import pytest
from helpers import pdf_pages, to_pdf

import reportgen

PAGE_HEIGHT, BOTTOM_MARGIN, LEFT_MARGIN = 841.9, 1984 / 20, 1587 / 20
LINE = 28.95
RIGHT_EDGE = 595.3 - 1474 / 20
FOOTER = re.compile(r"^—(\d+)—$")
PARAGRAPH = "各级党组织要把开展主题活动作为加强基层党组织建设的重要举措切实加强组织领导和工作指导确保活动取得实效" * 6


def body_lines(page):
    return [line for line in page if not FOOTER.match(line.text)]


@pytest.fixture(scope="module")
def long_pdf(write_yaml_module, lo_profile):
    path = write_yaml_module("标题: 方案\n开头:\n" + "".join(f"  - {PARAGRAPH}\n" for _ in range(8)))
    return to_pdf(reportgen.build(path), lo_profile)


@pytest.fixture(scope="module")
def write_yaml_module(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")

    def write(text: str):
        (folder / "long.yaml").write_text(text, encoding="utf-8")
        return folder / "long.yaml"
    return write


def test_a_full_page_holds_22_lines_of_28_characters(long_pdf):
    page = body_lines(pdf_pages(long_pdf)[1])
    assert len(page) == 22
    widths = [len(line.text) for line in page]
    assert max(widths) == 28
    assert widths.count(28) >= 18  # all but first and last lines of paragraphs


def test_first_lines_are_indented_two_characters(long_pdf):
    first = body_lines(pdf_pages(long_pdf)[0])[1]  # after the title
    assert len(first.text) == 26
    assert first.left == pytest.approx(LEFT_MARGIN + 32, abs=1.5)


def test_sample_pages_numbered_odd_right_even_left(sample_pdf):
    pages = pdf_pages(sample_pdf)
    for number, page in enumerate(pages, start=1):
        footer = [line for line in page if FOOTER.match(line.text)]
        assert [FOOTER.match(line.text)[1] for line in footer] == [str(number)]
        if number % 2:
            assert footer[0].right == pytest.approx(595.3 - 1474 / 20 - 14, abs=2)
        else:
            assert footer[0].left == pytest.approx(LEFT_MARGIN + 14, abs=2)


def body_pages(pdf):
    """The pages before the first attachment page, without their page numbers."""
    pages = [body_lines(page) for page in pdf_pages(pdf)]
    first_attachment = next(i for i, page in enumerate(pages) if page[0].text.startswith("附件"))
    return pages[:first_attachment]


def test_sample_pages_hold_at_most_22_lines_of_at_most_28_characters(sample_pdf):
    pages = body_pages(sample_pdf)
    assert len(pages) >= 4
    assert max(len(page) for page in pages) == 22
    assert sum(len(page) == 22 for page in pages) >= 2
    for line in (line for page in pages for line in page):
        # No closing mark hangs into the margin (docs/pdf-and-fonts.md).
        assert width(line.text) <= 28, line.text
        assert line.right <= RIGHT_EDGE + 0.5, line.text


def width(text: str) -> float:
    """Width in 字: Chinese characters and full-width punctuation count 1, digits and Latin ½."""
    return sum(1 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def test_sample_first_page_has_header_title_and_body(sample_pdf):
    lines = pdf_pages(sample_pdf)[0]
    texts = [line.text for line in lines]
    assert texts[:2] == ["中共城关区委文件", "城委发〔2024〕12号"]
    assert texts[2:4] == ["关于开展“深入基层、服务群众”", "主题实践活动的实施方案"]
    assert texts[4] == "区直各党（工）委、区直各部门（单位）党组织："
    assert lines[3].top - lines[2].top == pytest.approx(LINE, abs=1)  # title lines one line apart
    assert lines[4].top - lines[3].top == pytest.approx(2 * LINE, abs=4)  # a blank line after


def test_imprint_sits_at_the_foot_of_the_last_page(sample_pdf):
    last = pdf_pages(sample_pdf)[-1]
    printed = next(line for line in last if line.text.endswith("印发"))
    organ = next(line for line in last if line.text == "中共城关区委办公室")
    assert (printed.text, organ.top) == ("2024年3月6日印发", pytest.approx(printed.top, abs=1))
    assert organ.left == pytest.approx(LEFT_MARGIN + 14, abs=1.5)
    assert printed.right == pytest.approx(595.3 - 1474 / 20 - 14, abs=1.5)
    body_bottom = PAGE_HEIGHT - BOTTOM_MARGIN
    assert body_bottom - 29 < printed.top < body_bottom


def test_attachment_starts_a_new_page_after_the_signature(sample_pdf):
    pages = [body_lines(page) for page in pdf_pages(sample_pdf)]
    before, page = pages[len(body_pages(sample_pdf)) - 1], pages[len(body_pages(sample_pdf))]
    assert [line.text for line in before[-2:]] == ["中共城关区委", "2024年3月5日"]
    label, *title = page[:3]
    assert [label.text, *(t.text for t in title)] == [
        "附件", "城关区“深入基层、服务群众”主题活动", "办实事项目表"]
    assert label.left == pytest.approx(LEFT_MARGIN, abs=1)
    assert label.top == pytest.approx(before[0].top, abs=1.5)  # on the first line
    assert 1.5 * LINE < title[0].top - label.top < 2.5 * LINE  # the title on line 3


def test_long_table_repeats_its_header_on_each_page(sample_pdf):
    pages = [body_lines(page) for page in pdf_pages(sample_pdf)]
    table_pages = pages[len(body_pages(sample_pdf)):]
    assert len(table_pages) >= 2
    for page in table_pages:
        header = [line for line in page if line.text.startswith("序")]
        assert header, [line.text for line in page]
    serials = [line.text for page in table_pages for line in page if line.text in list("123456")]
    assert serials == list("123456")
