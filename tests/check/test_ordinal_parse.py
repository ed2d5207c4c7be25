"""Reading a heading's ordinal as `check` does: its level, number, form as written and correct form."""

from __future__ import annotations

import pytest

from reportgen.check.ordinal_parse import parse_ordinal

TWENTY_NINE = "2.1工作目标" + "要" * 23  # 30 characters in all, no "。"


def read(text: str) -> tuple | None:
    found = parse_ordinal(text)
    if found is None:
        return None
    return found.level, found.number, found.written, found.correct, text[found.start:found.end]


@pytest.mark.parametrize(("text", "seen"), [
    ("一、总体要求", (1, 1, "一、", "一、", "一、")),
    ("十二．保障措施", (1, 12, "十二．", "十二、", "十二．")),
    ("　　（三）工作步骤", (2, 3, "（三）", "（三）", "（三）")),
    ("(四)、分工", (2, 4, "(四)、", "（四）", "(四)、")),
    ("  5、宣传发动", (3, 5, "5、", "5.", "5、")),
    ("\t（12）报送材料", (4, 12, "（12）", "（12）", "（12）")),
    ("1.1 工作目标", (2, 1, "1.1", "（一）", "1.1")),
    ("　　2.3.1\u3000落实责任", (3, 1, "2.3.1", "1.", "2.3.1")),
    ("1.2.3.4\t细则", (4, 4, "1.2.3.4", "（4）", "1.2.3.4")),
    ("3.2明确分工", (2, 2, "3.2", "（二）", "3.2")),
    (TWENTY_NINE, (2, 1, "2.1", "（一）", "2.1")),
    ("4.2 " + "要" * 40 + "。", (2, 2, "4.2", "（二）", "4.2")),
])
def test_an_ordinal_is_read_with_its_level_number_and_correct_form(text, seen):
    assert read(text) == seen


@pytest.mark.parametrize("text", [
    "1.5万元用于购置设备。",  # a number in a sentence is no ordinal
    TWENTY_NINE + "要",  # 31 characters: a sentence
    "2.1工作目标。",
    "零、开头",
    "（0）无",
    "1.5",
    "按照要求",
])
def test_text_that_only_looks_numbered_has_no_ordinal(text):
    assert read(text) is None
