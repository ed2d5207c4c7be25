"""The forms real 方案 take, laid out: 接排, 序号, stage labels and periods, 行内, 领导小组, 印发通知."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import problems

from reportgen.chinese.dates import Month, date_range
from reportgen.layout.outline import Block, outline
from reportgen.model.documents import Plan


def body(data: dict) -> list[Block]:
    return outline(Plan.model_validate({"title": "方案", **data})).body


def test_run_in_at_levels_one_and_two_and_not_at_three():
    assert body({"sections": [
        {"title": "活动主题", "run_in": True, "text": "邻里守望，雷锋相伴"},
        {"title": "活动内容", "items": [
            {"title": "“小手拉大手”活动全面展开", "接排": "是", "text": ["在学校中开展。", "第二段。"],
             "items": [{"title": "班会", "run_in": False, "text": "每班一次。"}]}]},
    ]}) == [
        Block("r1", "一、活动主题：", "邻里守望，雷锋相伴"),
        Block("h1", "二、活动内容"),
        Block("r2", "（一）“小手拉大手”活动全面展开。", "在学校中开展。"), Block("p", text="第二段。"),
        Block("h3", "1.班会"), Block("p", text="每班一次。"),
    ]


def test_a_heading_ending_in_punctuation_keeps_it():
    assert body({"sections": [{"title": "活动时间：", "接排": "是", "text": "2016年3月"}]}) == [
        Block("r1", "一、活动时间：", "2016年3月")]


def test_ordinals_choose_the_form_of_each_level_and_its_font():
    blocks = body({"序号": ["一、", 1.0], "key_tasks": {"items": [
        {"title": "开展宣传", "text": "6月上旬开展。", "items": [{"text": "发放资料。"}]},
        {"title": "组织排查"}]}})
    assert blocks == [Block("h1", "一、工作重点"), Block("r3", "1.开展宣传。", "6月上旬开展。"),
                      Block("r4", "（1）", "发放资料。"), Block("h3", "2.组织排查")]


def test_a_section_may_choose_its_own_ordinals():
    blocks = body({"sections": [
        {"title": "甲", "序号": ["1."], "items": [{"title": "子"}]},
        {"title": "乙", "序号": ["一、", "（1）"], "items": [{"title": "子"}]},
        {"title": "丙", "序号": ["一、"], "items": [{"title": "子"}]},
        {"title": "丁", "items": [{"title": "子"}]}]})
    assert [b.head for b in blocks] == ["一、甲", "1.子", "二、乙", "（1）子", "三、丙", "（一）子",
                                        "四、丁", "（一）子"]


def test_ordinals_reversed_repeated_or_unknown_and_too_deep(write_yaml):
    path = write_yaml("""\
        标题: 方案
        序号: [一、, 1.]
        工作重点:
          条目:
            - 标题: 甲
              条目:
                - 标题: 乙
                  条目: [丙]
        """)
    assert problems(path) == [
        f"{path}:8:16: 工作重点.条目[1].条目[1].条目[1]: 层次过深：按“序号”的设定，这里已是最后一级，"
        "请把这一层并入上一级的内容"]
    path = write_yaml("""        标题: 方案
        正文:
          - {标题: 丁, 内容: 文字, 序号: [1., 一、]}
          - {标题: 戊, 内容: 文字, 序号: [（一）, 1、]}
          - {标题: 己, 内容: 文字, 序号: [（一）]}
        工作重点: {序号: [（1）, 一、], 内容: 文字}
        """, "second.yaml")
    assert problems(path) == [
        f"{path}:3:21: 正文[1].序号: 序号的层次只能依次向下（一、（一）1.（1），可以跳过，不能倒过来或重复），"
        "实际为“1. 一、”",
        f"{path}:4:21: 正文[2].序号: 序号的写法应为 一、 （一） 1. （1） 之一，实际为“1、”",
        f"{path}:6:8: 工作重点.序号: 序号的层次只能依次向下（一、（一）1.（1），可以跳过，不能倒过来或重复），"
        "实际为“（1） 一、”",
    ]


@pytest.mark.parametrize(("form", "heads"), [
    ("活动一", ["活动一：启动（3月4日）。", "活动二：集中服务阶段（3月28日至4月5日）。"]),
    ("第一步", ["第一步：启动（3月4日）。", "第二步：集中服务阶段（3月28日至4月5日）。"]),
    ("第一阶段", ["第一阶段：启动（3月4日）。", "第二阶段：集中服务（3月28日至4月5日）。"]),
    ("活动1", ["活动1：启动（3月4日）。", "活动2：集中服务阶段（3月28日至4月5日）。"]),
])
def test_stage_labels(form, heads):
    blocks = body({"stages": {"格式": form, "条目": [
        {"名称": "启动", "开始": "2024-03-04", "结束": "2024年3月4日", "内容": "召开会议。"},
        {"名称": "集中服务阶段", "开始": "2024-03-28", "结束": "2024-04-05", "内容": "开展服务。"}]}})
    assert [(b.kind, b.head) for b in blocks[1:]] == [("r2", h) for h in heads]


def test_periods_as_officials_write_them():
    assert date_range(date(2024, 3, 4), date(2024, 3, 4)) == "3月4日"
    assert date_range(date(2024, 3, 28), date(2024, 4, 5)) == "3月28日至4月5日"
    assert date_range(Month(2024, 12), Month(2025, 1)) == "2024年12月至2025年1月"
    assert date_range(Month(2024, 3), Month(2024, 5)) == "3月至5月"
    assert date_range(Month(2024, 3), Month(2024, 3)) == "3月"
    blocks = body({"stages": [{"名称": "总结", "开始": "2024-12", "结束": "2025年1月"}]})
    assert blocks[-1] == Block("h2", "（一）总结阶段（2024年12月至2025年1月）")


def test_a_month_written_as_a_number_is_refused(write_yaml):
    """2024.1 could be January or October (the number 2024.10); 2024.10 as written is October."""
    path = write_yaml("标题: 方案\n阶段安排:\n  - {名称: 甲, 开始: 2024.1, 结束: 2024-11}\n")
    assert problems(path) == [f"{path}:3:13: 阶段安排[1].开始: “2024.1”被读作数字：月份请写作 2024-10 或 2024年10月"]


def test_a_month_written_with_a_dot_and_two_digits_is_that_month():
    assert body({"stages": [{"name": "甲", "start": "2024.10", "end": "2024-11"}]})[1:] == [
        Block("h2", "（一）甲阶段（10月至11月）")]


def test_inline_items_join_the_text_after_a_colon():
    assert body({"requirements": {"text": "工作要求如下：", "行内": "是",
                                  "items": ["加强领导；", "注重实效。", "及时报送"]}})[1:] == [
        Block("p", text="工作要求如下：（一）加强领导；（二）注重实效；（三）及时报送。")]
    assert body({"序号": ["一、", "1."], "requirements": {"text": "要求如下。", "inline": True,
                                                       "items": ["甲", "乙"]}})[1:] == [
        Block("p", text="要求如下。"), Block("p", text="1.甲；2.乙。")]


def test_inline_items_in_a_run_in_heading_and_after_a_table():
    blocks = body({"key_tasks": {"items": [{"title": "主要措施", "接排": "是", "行内": "是",
                                            "items": ["甲", "乙"]}],
                                 "table": {"columns": ["甲"], "rows": [[1]]}}})
    assert blocks[1].kind == "table" and blocks[2] == Block("r2", "（一）主要措施。", "1.甲；2.乙。")


def test_inline_items_must_be_one_paragraph_each(write_yaml):
    path = write_yaml("标题: 方案\n工作要求:\n  行内: 是\n  条目:\n    - 甲\n    - {标题: 乙, 内容: 丙}\n")
    assert problems(path) == [f"{path}:6:7: 工作要求.条目[2]: “行内”的条目只能是一段文字（不能有标题、"
                              "表格、下级条目或几段）"]


def test_run_in_needs_text(write_yaml):
    path = write_yaml("标题: 方案\n正文:\n  - {标题: 活动主题, 接排: 是, 条目: [甲]}\n")
    assert problems(path) == [f"{path}:3:5: 正文[1]: “接排”把“内容”接在标题之后：这里没有内容"]


def test_group_names_padded_and_the_office_director():
    blocks = body({"leadership": {"领导小组": {
        "组长": "王建国　局长", "成员": ["李明　副局长", "欧阳娜娜　科长", "刘芳"],
        "办公室": {"内容": "领导小组下设办公室。", "主任": "王华好"}}}})
    assert [(b.head, b.text) for b in blocks[1:]] == [
        ("组　长：", "王建国　局长"), ("成　员：", "李　明　副局长"), ("　　　　", "欧阳娜娜　科长"),
        ("　　　　", "刘　芳"), ("", "领导小组下设办公室。"), ("办公室主任：", "王华好")]


def test_cover_notice_defaults_and_overrides():
    plan = {"title": "关于开展主题活动的\n实施方案", "印发通知": "是", "preamble": "为开展活动。",
            "requirements": "要求。", "attachments": ["活动安排表"], "issuer": "区委",
            "date": "2024-03-05"}
    result = outline(Plan.model_validate(plan))
    assert result.title_lines == ["关于印发《关于开展主题", "活动的实施方案》的通知"]
    assert result.body == [Block("p", text="现将《关于开展主题活动的实施方案》印发给你们，"
                                           "请结合实际，认真贯彻落实。")]
    assert result.attachment_note == []
    assert result.plan_pages == [
        Block("page"), Block("title", "关于开展主题活动的"), Block("title", "实施方案"),
        Block("p", text="为开展活动。"), Block("h1", "一、工作要求"), Block("p", text="要求。"),
        Block("note", "附件：", "活动安排表")]
    assert (result.signature.name, result.signature.date) == ("区委", "2024年3月5日")
    own = outline(Plan.model_validate({**plan, "印发通知": {"标题": "区委关于印发方案的通知",
                                                          "内容": ["第一段。", "第二段。"]}}))
    assert own.title_lines == ["区委关于印发方案的通知"]
    assert [b.text for b in own.body] == ["第一段。", "第二段。"]
    assert outline(Plan.model_validate({**plan, "印发通知": "否"})).plan_pages == []
