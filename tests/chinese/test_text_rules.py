"""The reviewer's text rules (chinese/text_rules.py) and long titles broken between words."""

from __future__ import annotations

import pytest

from reportgen.chinese.text_rules import text_faults
from reportgen.chinese.title_lines import title_lines
from reportgen.chinese.widths import text_width


@pytest.mark.parametrize(("text", "faults"), [
    ("根据揭委发[2008]22号文件精神", [("text.doc_number", True, "发文字号“揭委发[2008]22号”应写作“揭委发〔2008〕22号”", 2)]),
    ("见国办发（2020）第01号。", [("text.doc_number", True, "发文字号“国办发（2020）第01号”应写作“国办发〔2020〕1号”", 1)]),
    ("会议于二○一三年六月八日召开。", [("text.date", True, "日期“二○一三年六月八日”应写作“2013年6月8日”", 3)]),
    ("请于2021年06月10日前报送", [("text.date", True, "日期“2021年06月10日”应写作“2021年6月10日”", 2)]),
    ("定于2024-03-05召开", [("text.date", False, "日期“2024-03-05”宜写作“2024年3月5日”", 2)]),
    ("党政,群众(一起)", [("text.punctuation", True, "中文中用了半角标点：“党政,群众”中的“,”应为“，”（共3处）", 2)]),
    ("××同志、XX单位", [("text.placeholder", True, "残留占位符“××”，应填入实际内容（共2处）", 0)]),
    ("2024年3月5日，城委发〔2024〕12号，A, B (c).", []),
])
def test_each_rule_says_what_to_write_instead(text, faults):
    assert [(f.rule, f.serious, f.message, f.start) for f in text_faults(text)] == faults


@pytest.mark.parametrize("title", [
    "城关区应急管理局关于开展2025年“安全生产月”活动的实施方案",
    "关于进一步加强和改进新时代安全生产工作的实施意见",
    "关于印发《关于开展“深入基层、服务群众”主题实践活动的实施方案》的通知",
    "市交通运输局关于2021年春季以灭鼠为重点的除害防病活动总结",
])
def test_long_titles_break_between_words_into_balanced_lines(title):
    lines = title_lines(title)
    assert "".join(lines) == title and len(lines) == 2
    assert all(text_width(line) <= 20 for line in lines)
    assert abs(text_width(lines[0]) - text_width(lines[1])) <= 12
    for word in ("安全生产", "实施方案", "实施意见", "2025年", "2021年", "新时代", "“", "《"):
        if word in title:  # never split: each such word whole on one line, no line ends in “ or 《
            assert any(word in line for line in lines) and not lines[0].endswith(("“", "《"))


def test_title_breaks_at_the_meaning():
    assert title_lines("关于开展“深入基层、服务群众”主题实践活动的实施方案") == [
        "关于开展“深入基层、服务群众”", "主题实践活动的实施方案"]
    assert title_lines("关于进一步加强和改进新时代安全生产工作的实施意见") == [
        "关于进一步加强和改进新时代", "安全生产工作的实施意见"]


def test_the_users_line_breaks_and_short_titles_stay():
    assert title_lines("关于开展安全生产\n月活动的实施方案") == ["关于开展安全生产", "月活动的实施方案"]
    assert title_lines("关于开展安全生产月活动的实施方案") == ["关于开展安全生产月活动的实施方案"]
    huge = "安全生产" * 30  # wider than four lines: left for Word to wrap, every character kept
    assert title_lines(huge) == [huge]
