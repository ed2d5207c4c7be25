"""Numbering, Chinese numerals, dates, stages, name lists and signature geometry."""

from __future__ import annotations

from datetime import date

import pytest

from reportgen.chinese.dates import chinese_date, date_range
from reportgen.chinese.numerals import chinese_number, ordinal
from reportgen.layout.outline import Block, outline
from reportgen.layout.signature import signature
from reportgen.model.documents import Plan


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"),
                                         (99, "九十九"), (100, "一百"), (105, "一百零五"),
                                         (110, "一百一十")])
def test_chinese_numbers(n, text):
    assert chinese_number(n) == text


def test_ordinals_of_the_four_levels():
    assert [ordinal(level, 12) for level in (1, 2, 3, 4)] == ["十二、", "（十二）", "12.", "（12）"]


def test_dates_have_no_zero_padding():
    assert chinese_date(date(2024, 3, 5)) == "2024年3月5日"
    assert date_range(date(2024, 3, 5), date(2024, 3, 20)) == "3月5日至20日"
    assert date_range(date(2024, 3, 5), date(2024, 4, 2)) == "3月5日至4月2日"
    assert date_range(date(2024, 12, 5), date(2025, 1, 2)) == "2024年12月5日至2025年1月2日"


def test_numbering_restarts_under_each_parent():
    plan = Plan.model_validate({"title": "方案", "key_tasks": {"items": [
        {"title": "甲", "items": [{"title": "子一"}, {"title": "子二"}]},
        {"title": "乙", "items": [{"title": "子三", "items": [{"text": "孙"}]}]},
    ]}, "requirements": "要求。"})
    assert [b.head for b in outline(plan).body] == [
        "一、工作重点", "（一）甲", "1.子一", "2.子二", "（二）乙", "1.子三", "（1）", "二、工作要求", ""]


def test_phase_form_of_stages():
    plan = Plan.model_validate({"title": "方案", "stages": {"format": "第一阶段", "items": [
        {"name": "走访调研、汇集民情阶段", "period": "3月中旬至4月中旬", "text": "3月中旬，召开会议。"},
        {"name": "总结提高"},
    ]}})
    assert outline(plan).body == [
        Block("h1", "一、阶段安排"),
        Block("r2", "第一阶段：走访调研、汇集民情（3月中旬至4月中旬）。", "3月中旬，召开会议。"),
        Block("h2", "第二阶段：总结提高"),
    ]


def test_document_elements():
    plan = Plan.model_validate({
        "title": "关于……的\n实施方案", "recipients": "各街道：", "attachments": ["表一"],
        "cc": ["甲。", "乙"], "note": "（此件公开发布）", "issuer": "城关区委",
        "printed_on": "2024-03-06", "red_header": True})
    result = outline(plan)
    assert result.title_lines == ["关于……的", "实施方案"]
    assert result.recipients == "各街道："
    assert result.attachment_note == [Block("list", "附件：", "表一")]
    assert result.attachment_pages == []
    assert (result.cc, result.note, result.printed_on) == ("甲，乙。", "（此件公开发布）",
                                                          "2024年3月6日印发")
    assert result.issuer_mark == "城关区委文件"
    assert result.signature.name == "城关区委" and result.signature.date == ""


@pytest.mark.parametrize(("name", "day", "sealed", "places"), [
    # 署名 6 字; the date 7 字 as laid out (3 汉字, 6 digits, ⅕ 字 at each of 5 joins): longer
    ("中共城关区委", date(2024, 3, 5), False, (("left", 11), ("left", 9))),
    ("城关区人民政府办公室", date(2024, 3, 5), False, (("left", 12), ("left", 10))),  # 署名 10 字
    ("城关区人民政府\n城关区委", date(2024, 3, 5), False, (("left", 9), ("left", 7))),  # joint
    ("城关区委", date(2024, 10, 17), True, (("center", 8), ("right", 4))),  # date 8 字
    ("城关区委", None, True, (("right", 4), ("right", 4))),
    ("", date(2024, 10, 17), False, (("right", 2), ("right", 2))),  # the date alone
    ("城关区委", None, False, (("right", 2), ("right", 2))),
])
def test_signature_places(name, day, sealed, places):
    result = signature(name, day, sealed)
    rounded = [(align, round(at, 6)) for align, at in (result.name_place, result.date_place)]
    assert rounded == list(places)


def test_a_sealed_signature_too_long_to_centre_stands_flush_right():
    result = signature("中共城关区委员会城关区人民政府联合办公室", date(2024, 3, 5), True)
    assert result.name_place == ("right", 0)
