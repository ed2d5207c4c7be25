"""Chinese numerals as the documents write them, and the four levels of ordinals."""

from __future__ import annotations

import pytest

from reportgen.chinese.numerals import chinese_number, ordinal


@pytest.mark.parametrize(("n", "written"), [
    (0, "零"), (1, "一"), (9, "九"), (10, "十"), (12, "十二"), (20, "二十"), (99, "九十九"),
    (100, "一百"), (105, "一百零五"), (110, "一百一十"), (1000, "一千"), (1001, "一千零一"),
    (1010, "一千零一十"), (1234, "一千二百三十四"), (10000, "一万"), (10012, "一万零一十二"),
    (11000, "一万一千"), (20000, "二万"), (20030, "二万零三十"), (100000, "十万"),
    (100100, "十万零一百"), (101000, "十万一千"), (99999999, "九千九百九十九万九千九百九十九"),
])
def test_numbers_are_written_as_chinese_numerals(n, written):
    assert chinese_number(n) == written


@pytest.mark.parametrize("n", [-1, 10**8])
def test_numbers_outside_the_range_are_refused_by_name(n):
    with pytest.raises(ValueError) as refused:
        chinese_number(n)
    assert str(refused.value) == f"no Chinese numeral for {n}"


@pytest.mark.parametrize(("level", "n", "written"), [
    (1, 1, "一、"), (1, 12, "十二、"), (2, 3, "（三）"), (2, 10, "（十）"), (3, 4, "4."),
    (3, 11, "11."), (4, 5, "（5）"), (4, 20, "（20）"),
])
def test_each_level_has_its_ordinal(level, n, written):
    assert ordinal(level, n) == written
