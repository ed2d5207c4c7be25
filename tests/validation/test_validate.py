"""Validation: every problem of a file in one report, located and worded for the user."""

from __future__ import annotations

import datetime

import pytest
from helpers import problems

from reportgen.load.yaml_file import load_yaml
from reportgen.validation.document import validate


def test_every_problem_is_reported_in_file_order(write_yaml):
    path = write_yaml("""\
        标题: 方案
        成文日期: 2024-02-30
        发文字号: 区委发[2024]第012号
        红头: 也许
        阶段安排:
          条目:
            - 名字: 走访
        组织领导:
          领导小组:
            组长: [张三, {甲: 1}]
        """)
    assert problems(path) == [
        f"{path}:2:1: 成文日期: 日期不存在：2024年2月30日",
        f"{path}:3:1: 发文字号: 发文字号应写作“机关代字〔年份〕序号号”，用六角括号〔〕、不加“第”、"
        "序号不补零，如“×政发〔2024〕12号”；是否想写“区委发〔2024〕12号”？",
        f"{path}:4:1: 红头: 应为 true 或 false（是/否），实际为文本“也许”",
        f"{path}:7:7: 阶段安排.条目[1].名字: 未知的键“名字”，是否想写“名称”？",
        f"{path}:7:7: 阶段安排.条目[1].名称: 缺少必填项",
        f"{path}:10:14: 组织领导.领导小组.组长[2]: 应为文本，实际为映射",
    ]


def test_a_number_is_no_doc_number(write_yaml):
    """Found by test_properties: 发文字号: 2024, read as a number, skipped the format check."""
    path = write_yaml("标题: 方案\n发文字号: 2024\n")
    assert problems(path) == [
        f"{path}:2:1: 发文字号: 发文字号应写作“机关代字〔年份〕序号号”，用六角括号〔〕、不加“第”、"
        "序号不补零，如“×政发〔2024〕12号”"]


def test_missing_title_is_named_in_the_files_language(write_yaml):
    assert problems(write_yaml("开头: 为了……\n")) == [f"{write_yaml('开头: 为了……').parent}"
                                                     "/plan.yaml:1:1: 标题: 缺少必填项"]
    path = write_yaml("preamble: text\n", "english.yaml")
    assert problems(path) == [f"{path}:1:1: title: 缺少必填项"]


def test_unknown_key_without_a_close_match_lists_the_keys(write_yaml):
    path = write_yaml("title: x\nkey_tasks:\n  items:\n    - title: a\n      colour: red\n")
    assert problems(path) == [
        f"{path}:5:7: key_tasks.items[1].colour: 未知的键“colour”；这里可用的键：title、text、table、items、run_in、inline"]


def test_english_and_chinese_spelling_of_one_key(write_yaml):
    path = write_yaml("标题: 甲\ntitle: 乙\n")
    assert problems(path) == [f"{path}:2:1: title: “title”与“标题”是同一项，只能写一个"]


def test_wrong_types(write_yaml):
    path = write_yaml("标题: [甲, 乙]\n附件: {名称: 表}\n")
    assert problems(path) == [
        f"{path}:1:1: 标题: 应为文本，实际为列表",
        f"{path}:2:1: 附件: 应为列表（每行以“- ”开头）或文本，实际为映射",
    ]


def test_more_than_four_levels(write_yaml):
    path = write_yaml("""\
        标题: 方案
        工作重点:
          条目:
            - 标题: 二级
              条目:
                - 标题: 三级
                  条目:
                    - 标题: 四级
                      条目:
                        - 标题: 五级
        """)
    assert problems(path) == [
        f"{path}:10:19: 工作重点.条目[1].条目[1].条目[1].条目[1]: 层次过深：公文结构层次最多四级"
        "（一、（一）1.（1）），请把这一层并入上一级的内容"]


def test_stage_periods(write_yaml):
    path = write_yaml("""\
        标题: 方案
        阶段安排:
          格式: 第二阶段
          条目:
            - {名称: 甲, 时间: 3月, 开始: 2024-03-01, 结束: 2024-03-09}
            - {名称: 乙, 开始: 2024-03-01}
            - {名称: 丙, 开始: 2024-03-09, 结束: 2024-03-01}
        """)
    assert problems(path) == [
        f"{path}:3:3: 阶段安排.格式: 格式应为“（一）”（阶段作小标题），或含“一”作序数的标签，"
        "如 第一阶段、活动一、第一步，实际为“第二阶段”",
        f"{path}:5:7: 阶段安排.条目[1]: “时间”与“开始/结束”只写一种",
        f"{path}:6:7: 阶段安排.条目[2]: “开始”和“结束”要一起写",
        f"{path}:7:7: 阶段安排.条目[3]: “结束”早于“开始”",
    ]


def test_red_header_needs_an_issuer(write_yaml):
    path = write_yaml("标题: 方案\n红头: 是\n")
    assert problems(path) == [f"{path}:2:1: 红头: 红头需要“发文机关”或“发文机关标志”"]


@pytest.mark.parametrize("text", ["2024-10-17", "2024年10月17日", "2024/10/17", "2024.10.17"])
def test_date_forms(write_yaml, text):
    plan = validate(load_yaml(write_yaml(f"标题: 方案\n成文日期: {text}\n")))
    assert plan.date == datetime.date(2024, 10, 17)


def test_shorthands_and_order(write_yaml):
    plan = validate(load_yaml(write_yaml("""\
        标题: 方案
        组织领导: |
          甲

          乙
        指导思想: [丙, 丁]
        阶段安排:
          - 名称: 动员
        红头: 否
        """)))
    assert [title for _, title in plan.body_sections()] == ["组织领导", "指导思想", "阶段安排"]
    assert plan.leadership.text == ["甲", "乙"]
    assert plan.guiding_ideology.text == ["丙", "丁"]
    assert plan.stages.items[0].name == "动员"
    assert plan.red_header is False


def test_lines_of_one_paragraph_are_joined_without_spaces_in_chinese(write_yaml):
    plan = validate(load_yaml(write_yaml("标题: 方案\n开头: |\n  第一行\n  接着写 the\n  end\n")))
    assert plan.preamble == ["第一行接着写 the end"]


def test_an_item_needs_a_title_or_text(write_yaml):
    path = write_yaml("标题: 方案\n工作重点:\n  条目:\n    - 条目: [甲]\n")
    assert problems(path) == [f"{path}:4:7: 工作重点.条目[1]: 条目需要“标题”或“内容”"]


def test_sections_left_empty_are_errors(write_yaml):
    path = write_yaml("标题: 方案\n目标任务:\n工作重点: {标题: 重点}\n正文: [{标题: 甲}]\n"
                      "组织领导: {领导小组: {组长: 王建国}}\n")
    f = str(path)
    assert problems(path) == [
        f"{f}:2:1: 目标任务: 这一部分没有内容：请填写内容，或删除这一项",
        f"{f}:3:1: 工作重点: 这一部分没有内容：请填写内容，或删除这一项",
        f"{f}:4:6: 正文[1]: 这一部分没有内容：请填写内容，或删除这一项",
    ]


@pytest.mark.parametrize(("stage", "wrong", "meant"), [
    ("名称: 动员\n    开时: 2024-05-01\n    结束: 2024-05-07", "开时", "开始"),  # 始 typed as 时
    ("名称: 动员\n    开始: 2024-05-01\n    结速: 2024-05-07", "结速", "结束"),
    ("名成: 动员\n    时间: 6月", "名成", "名称"),
    ("名称: 动员\n    时问: 6月", "时问", "时间"),
    ("name: 动员\n    strat: 2024-05-01\n    end: 2024-05-07", "strat", "start"),
])
def test_an_unknown_key_suggests_its_likeliest_sibling(write_yaml, stage, wrong, meant):
    path = write_yaml(f"标题: 方案\n阶段安排:\n  - {stage}\n")
    (found,) = [p for p in problems(path) if "未知的键" in p]
    assert found.split(": ", 2)[2] == f"未知的键“{wrong}”，是否想写“{meant}”？"


def test_a_latin_key_among_chinese_keys_is_told_the_chinese_keys(write_yaml):
    path = write_yaml("标题: 方案\n正文:\n  - 标题: 一\n    x: 上旬\n")
    assert problems(path) == [
        f"{path}:4:5: 正文[1].x: 未知的键“x”；这里可用的键：标题、内容、表格、条目、接排、行内、序号"]


def test_a_key_already_written_in_the_mapping_is_not_suggested(write_yaml):
    path = write_yaml("标题: 方案\n阶段安排:\n  - 名称: 动员\n    时间: 6月\n    时候: 上旬\n")
    assert problems(path) == [
        f"{path}:5:5: 阶段安排[1].时候: 未知的键“时候”；这里可用的键：名称、时间、开始、结束、内容、条目"]
