"""`check` on ordinals: a gap of several, a first sibling that is not 1, attachments numbered afresh."""

from __future__ import annotations

from handmade import HEITI, correct_document, find, para, set_text

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
