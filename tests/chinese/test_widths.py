"""How wide text is laid out, in 字: the measure that places the 署名 and sizes table columns."""

from __future__ import annotations

import pytest

from reportgen.chinese.widths import laid_width, text_width


@pytest.mark.parametrize(("text", "width"), [
    ("城关区委", 4), ("2024", 2), ("ab", 1),
    ("ＡＢ１，", 4),  # full-width letters, digits and punctuation: a 字 each
    ("“安全生产月”…—", 9),  # quotes, ellipsis and dash: a 字 each in Chinese text
    ("", 0),
])
def test_chinese_and_full_width_characters_take_a_zi_the_rest_half(text, width):
    assert text_width(text) == width


@pytest.mark.parametrize(("text", "width"), [
    ("2024年3月5日", 7.0),  # 3 + 3, and ⅕ 字 at each of 5 joins
    ("第１期", 3.0),  # full-width digits are no join
    ("ＧＢ／Ｔ9704", 6.2),
    ("A 中", 2.2),  # spaces aside: one join
])
def test_where_chinese_meets_digits_or_latin_a_fifth_of_a_zi_is_added(text, width):
    assert laid_width(text) == pytest.approx(width)
