"""`check` on ordinals: a gap of several, a first sibling that is not 1, attachments numbered afresh,
and ordinal.repeat and ordinal.order at each of the four levels, beside the nearest forms that pass."""

from __future__ import annotations

import pytest
from handmade import FANGSONG, HEITI, KAITI, correct_document, find, para, run, set_text

from reportgen.check.run import check


def findings_of(doc, tmp_path) -> list[tuple[str, str, str]]:
    doc.save(tmp_path / "通知.docx")
    return [(f.rule, str(f.where), f.message) for f in check(tmp_path / "通知.docx")]


def test_a_gap_of_several_ordinals_says_how_many_are_missing(tmp_path):
    doc = correct_document()
    set_text(find(doc, "二、工作要求"), "二、", "四、")
    assert findings_of(doc, tmp_path) == [
        ("ordinal.gap", "第14段「四、工作要求」", "序号从“一、”跳到“四、”，缺少2个序号")]


def test_a_first_sibling_that_is_not_one_is_a_gap(tmp_path):
    doc = correct_document()
    set_text(find(doc, "（一）加强"), "（一）", "（二）")
    assert findings_of(doc, tmp_path) == [
        ("ordinal.gap", "第15段「（二）加强组织领导」", "序号应从“（一）”开始，实为“（二）”")]


def test_an_attachment_numbers_its_headings_afresh(tmp_path):
    doc = correct_document()
    para(doc, ("一、检查范围", HEITI))
    para(doc, ("二、检查方式", HEITI))
    assert findings_of(doc, tmp_path) == []
    para(doc, ("二、检查时间", HEITI))
    assert findings_of(doc, tmp_path) == [("ordinal.repeat", "第24段「二、检查时间」", "序号“二、”重复")]


def renumbered(start: str, old: str, new: str):
    return lambda doc: set_text(find(doc, start), old, new)


def inserted(before: str, text: str, font: str = FANGSONG):
    return lambda doc: run(find(doc, before).insert_paragraph_before(), text, font)


@pytest.mark.parametrize(("plant", "found"), [
    (renumbered("二、工作要求", "二、", "一、"), [("ordinal.repeat", "第14段「一、工作要求」", "序号“一、”重复")]),
    (renumbered("（二）工作步骤", "（二）", "（一）"),
     [("ordinal.repeat", "第8段「（一）工作步骤。检查分三…」", "序号“（一）”重复")]),
    (renumbered("3.总结", "3.", "2."), [("ordinal.repeat", "第13段「2.总结提高。各科室要把…」", "序号“2.”重复")]),
    (renumbered("（2）人员", "（2）", "（1）"),
     [("ordinal.repeat", "第11段「（1）人员密集场所。各科…」", "序号“（1）”重复")]),
    (inserted("城关区应急管理局", "一、其他事项", HEITI),
     [("ordinal.order", "第17段「一、其他事项」", "序号“一、”排在“二、”之后")]),
    (inserted("二、工作要求", "（一）补充要求", KAITI),
     [("ordinal.order", "第14段「（一）补充要求」", "序号“（一）”排在“（二）”之后")]),
    (renumbered("3.总结", "3.", "1."), [("ordinal.order", "第13段「1.总结提高。各科室要把…」", "序号“1.”排在“2.”之后")]),
    (inserted("2.落实", "（1）其他场所。"), [("ordinal.order", "第12段「（1）其他场所。」", "序号“（1）”排在“（2）”之后")]),
    # The nearest forms that pass: the next number; the same number under another parent.
    (inserted("城关区应急管理局", "三、其他事项", HEITI), []),
    (inserted("二、工作要求", "（三）补充要求", KAITI), []),
    (inserted("2.落实", "（3）其他场所。"), []),
    (inserted("二、工作要求", "4.补充要求。"), []),
    (inserted("（一）加强", "1.补充要求。"), []),
], ids=["repeat1", "repeat2", "repeat3", "repeat4", "order1", "order2", "order3", "order4",
        "passes:三、", "passes:（三）", "passes:（3）", "passes:4.", "passes:1.-under-二、"])
def test_no_ordinal_is_repeated_or_goes_back_at_any_level(plant, found, tmp_path):
    doc = correct_document()
    plant(doc)
    assert findings_of(doc, tmp_path) == found
