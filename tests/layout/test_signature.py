"""署名 and 成文日期 as written, and where a sealed 署名 stops being centred over the date."""

from __future__ import annotations

from datetime import date

import pytest

from reportgen.layout.signature import Signature, signature

MARCH_5 = date(2024, 3, 5)  # 2024年3月5日: 7 字 as laid out, so centred 7.5 字 from the margin


@pytest.mark.parametrize("sealed", [True, False])
def test_a_joint_signature_keeps_one_organ_a_line_and_the_date_is_written_in_full(sealed):
    result = signature("  城关区人民政府 \n\n　城关区委 ", MARCH_5, sealed)
    assert (result.name, result.date) == ("城关区人民政府\n城关区委", "2024年3月5日")
    assert result.lines == ["城关区人民政府", "城关区委"]


@pytest.mark.parametrize(("name", "place"), [
    ("城" * 15, ("center", 7.5)),  # 15 字: exactly twice the distance to the date's middle
    ("城" * 16, ("right", 0)),
    ("", ("center", 7.5)),
])
def test_a_sealed_signature_is_centred_over_the_date_while_it_fits(name, place):
    assert signature(name, MARCH_5, True) == Signature(name, "2024年3月5日", place, ("right", 4))


def test_without_a_signature_or_date_nothing_is_written():
    assert signature("", None, False).lines == []
    assert signature(" \n ", None, True) == Signature("", "", ("right", 4), ("right", 4))
