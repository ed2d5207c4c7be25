"""What the outline gives the template: 主送机关, 附件说明 and attachment pages, 附注, 抄送, the
领导小组 lists and stages, each exactly as it is printed."""

from __future__ import annotations

import pytest

from reportgen.layout.outline import Block, outline, padded_name, stage_label
from reportgen.layout.signature import Signature
from reportgen.model.documents import Plan, Summary

PAD = "\u3000"


def laid_out(**plan):
    return outline(Plan.model_validate({"title": "方案", **plan}))


def test_several_attachments_are_numbered_in_the_note_and_only_those_with_content_get_pages():
    result = laid_out(
        recipients=["各街道", "各部门："], note="联系人：张三", cc=["区委办。", "区政府办,"],
        attachments=[{"title": "名单。"}, {"title": "统计表\n（样表）", "text": "说明。", "table": {
            "columns": ["单位", "数量"], "rows": [["甲", 1]]}, "items": [{"title": "填表要求", "text": "按时。"}]},
            "附件三；"])
    assert result.attachment_note == [Block("list", "附件：", "1.名单"),
                                      Block("list", PAD * 3, "2.统计表（样表）"),
                                      Block("list", PAD * 3, "3.附件三")]
    pages = result.attachment_pages
    assert [(b.kind, b.head, b.text) for b in pages] == [
        ("label", "附件2", ""), ("title", "统计表", ""), ("title", "（样表）", ""), ("p", "", "说明。"),
        ("table", "", ""), ("h1", "一、填表要求", ""), ("p", "", "按时。")]
    assert [[c.text for c in row] for row in pages[4].table.rows] == [["甲", "1"]]
    assert (result.recipients, result.note, result.cc) == ("各街道、各部门：", "（联系人：张三）", "区委办，区政府办。")


def test_a_single_attachment_is_not_numbered():
    result = laid_out(recipients=["各街道:"], note="(此件公开发布)",
                      attachments=[{"title": "名单；", "text": "甲。"}])
    assert result.attachment_note == [Block("list", "附件：", "名单")]
    assert result.attachment_pages == [Block("label", "附件"), Block("title", "名单；"), Block("p", text="甲。")]
    assert (result.recipients, result.note, result.cc) == ("各街道：", "(此件公开发布)", "")


def test_without_recipients_note_or_cc_nothing_is_printed_for_them():
    result = laid_out()
    assert (result.recipients, result.note, result.cc, result.attachment_note) == ("", "", "", [])
    assert (result.issuer_mark, result.doc_number, result.signer, result.printed_by,
            result.printed_on, result.red_header, result.sealed) == ("", "", "", "", "", False, False)
    assert result.signature == Signature()


def test_a_summary_with_every_element_of_the_header_and_the_footer():
    result = outline(Summary.model_validate({
        "title": "总结", "issuer": "城关区应急管理局", "doc_number": "城应急〔2024〕3号", "signer": "张三",
        "red_header": True, "sealed": True, "date": "2024-03-05", "printed_by": "城关区应急管理局办公室",
        "printed_on": "2024-03-06", "ordinals": ["一、", "1."], "overview": "情况。", "attachments": [
            {"title": "统计表\n（样表）", "items": [{"title": "甲", "items": [{"title": "乙"}]}]}]}))
    assert (result.issuer_mark, result.doc_number, result.signer, result.printed_by,
            result.printed_on, result.red_header, result.sealed) == (
        "城关区应急管理局文件", "城应急〔2024〕3号", "张三", "城关区应急管理局办公室", "2024年3月6日印发",
        True, True)
    assert result.signature == Signature("城关区应急管理局", "2024年3月5日", ("center", 7.5), ("right", 4))
    assert result.attachment_note == [Block("list", "附件：", "统计表（样表）")]
    # the document's 序号 [一、, 1.] holds on the attachment's pages too
    assert [b.head for b in result.attachment_pages] == ["附件", "统计表", "（样表）", "一、甲", "1.乙"]
    assert result.body == [Block("h1", "一、基本情况"), Block("p", text="情况。")]


def test_a_leading_group_lists_each_role_with_names_aligned():
    result = laid_out(leadership={"group": {
        "name": "工作领导小组", "leader": "李明　副局长", "deputies": ["王小二 科长", "欧阳明"],
        "members": ["张三", "李四"], "office": {"text": "领导小组下设办公室。", "director": ["赵六", "钱七"]}}})
    assert result.body == [
        Block("h1", "一、组织领导"), Block("p", text="成立工作领导小组，组成人员如下："),
        Block("list", "组　长：", "李　明　副局长"), Block("list", "副组长：", "王小二 科长"),
        Block("list", PAD * 4, "欧阳明"), Block("list", "成　员：", "张　三"),
        Block("list", PAD * 4, "李　四"), Block("p", text="领导小组下设办公室。"),
        Block("list", "办公室主任：", "赵六"), Block("list", "办公室主任：", "钱七")]


def test_a_group_without_a_name_starts_with_its_leader():
    result = laid_out(leadership={"group": {"leader": "李明"}})
    assert result.body == [Block("h1", "一、组织领导"), Block("list", "组　长：", "李　明")]


def test_stages_in_a_run_in_form_carry_their_dates_text_and_items():
    result = laid_out(stages={"format": "活动1", "items": [
        {"name": "动员部署阶段", "start": "2024-03-05", "end": "2024-03-20", "text": ["召开会议。", "印发方案。"],
         "items": [{"title": "宣传"}]},
        {"name": "总结", "period": "4月"}]})
    assert result.body == [
        Block("h1", "一、阶段安排"), Block("r2", "活动1：动员部署阶段（3月5日至20日）。", "召开会议。"),
        Block("p", text="印发方案。"), Block("h3", "1.宣传"), Block("h2", "活动2：总结（4月）")]


def test_stages_as_headings_end_in_jieduan_once():
    result = laid_out(stages={"format": "heading", "items": [
        {"name": "动员", "start": "2024-03-05", "end": "2024-04-02", "text": "开会。", "items": [{"title": "宣传"}]},
        {"name": "整改阶段"}]})
    assert result.body == [
        Block("h1", "一、阶段安排"), Block("h2", "（一）动员阶段（3月5日至4月2日）"), Block("p", text="开会。"),
        Block("h3", "1.宣传"), Block("h2", "（二）整改阶段")]


def test_stages_follow_the_ordinals_of_their_section():
    result = laid_out(stages={"format": "heading", "ordinals": ["1."], "items": [
        {"name": "动员", "items": [{"title": "宣传"}]}]})
    assert [b.head for b in result.body] == ["一、阶段安排", "1.动员阶段", "（1）宣传"]


def test_a_phase_label_drops_the_stage_name_s_own_jieduan():
    result = laid_out(stages={"format": "第一阶段", "items": [{"name": "整改阶段"}, {"name": "验收"}]})
    assert [b.head for b in result.body] == ["一、阶段安排", "第一阶段：整改", "第二阶段：验收"]


@pytest.mark.parametrize(("form", "label"), [
    ("第一阶段", "第十二阶段"), ("活动一", "活动十二"), ("活动1", "活动12"), ("第1步", "第12步"),
    ("第一步", "第十二步"), ("一一", "十二一"), ("11", "121"),
])
def test_a_stage_label_counts_in_the_numerals_of_its_form(form, label):
    assert stage_label(form, 12) == label


@pytest.mark.parametrize(("person", "printed"), [
    ("李明", "李　明"), ("李明　副局长", "李　明　副局长"), ("李明明", "李明明"), ("Li 明", "Li 明"),
    ("李1", "李1"), ("", ""), ("李明\n副局长", "李　明\n副局长"),
])
def test_two_character_names_are_spread_to_three(person, printed):
    assert padded_name(person) == printed


def test_names_keep_their_last_letter_and_only_lose_trailing_punctuation():
    result = laid_out(recipients=["A组X"], cc=["B公司X"], attachments=["表X", {"title": "甲表", "text": "甲。"},
                                                                      {"title": "乙表", "text": "乙。"}])
    assert (result.recipients, result.cc) == ("A组X：", "B公司X。")
    assert [b.text for b in result.attachment_note] == ["1.表X", "2.甲表", "3.乙表"]
    assert [(b.head or b.text) for b in result.attachment_pages] == [
        "附件2", "甲表", "甲。", "附件3", "乙表", "乙。"]
