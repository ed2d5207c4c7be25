"""Inheritance (继承): deep merge, chains, cycles, missing bases, and where inherited errors point."""

from __future__ import annotations

import pytest
from helpers import problems

import reportgen
from reportgen import ReportgenError
from reportgen.load.extends import merge_sources
from reportgen.load.yaml_file import load_yaml, read_yaml

BASE = """\
标题: 2024年安全生产月活动方案
发文机关: 城关区应急管理局
成文日期: 2024-05-20
主送机关: [各街道办事处, 区直各部门]
附注: （此件公开发布）
单位:
  名称: 城关区应急管理局
  简称: 区应急局
变量:
  年度: 2024
  主题:
    名称: 人人讲安全
    口号: 个个会应急
开头: 为开展{{ 变量.年度 }}年安全生产月活动，制定本方案。
工作重点: 开展宣传。
工作要求: 确保实效。
"""


def load_error(path) -> list[str]:
    with pytest.raises(ReportgenError) as caught:
        load_yaml(path)
    return [str(p) for p in caught.value.problems]


def test_mappings_merge_deeply_lists_and_text_replace_and_null_removes(write_yaml):
    write_yaml(BASE, "2024.yaml")
    child = write_yaml("""\
        继承: 2024.yaml
        成文日期: 2025-05-20
        主送机关: [各街道办事处]
        附注: null
        单位:
          简称: 应急局
        变量:
          年度: 2025
          主题:
            口号: 人人会应急
        """, "2025.yaml")
    data = load_yaml(child).data
    assert data["成文日期"] == "2025-05-20"
    assert data["主送机关"] == ["各街道办事处"]
    assert "附注" not in data
    assert data["单位"] == {"名称": "城关区应急管理局", "简称": "应急局"}
    assert data["变量"] == {"年度": 2025, "主题": {"名称": "人人讲安全", "口号": "人人会应急"}}
    assert "继承" not in data


def test_keys_keep_the_base_order_and_new_keys_follow(write_yaml):
    write_yaml(BASE, "2024.yaml")
    child = write_yaml("继承: 2024.yaml\n指导思想: 坚持安全第一。\n工作重点: 开展演练。\n",
                       "2025.yaml")
    data = load_yaml(child).data
    assert list(data)[-4:] == ["开头", "工作重点", "工作要求", "指导思想"]
    assert data["工作重点"] == "开展演练。"


def test_english_and_chinese_spellings_are_one_key(write_yaml):
    write_yaml("title: 旧标题\nunit: {name: 城关区, short: 区}\nvars: {year: 2024}\n", "base.yaml")
    child = write_yaml("extends: base.yaml\n标题: 新标题\n单位: {简称: 城关}\n变量: {年度: 2025}\n",
                       "child.yaml")
    assert load_yaml(child).data == {
        "标题": "新标题", "单位": {"name": "城关区", "short": "区", "简称": "城关"},
        "变量": {"year": 2024, "年度": 2025}}


def test_a_null_with_nothing_to_remove_is_kept_for_validation(write_yaml):
    write_yaml("标题: 方案\n", "base.yaml")
    child = write_yaml("继承: base.yaml\n工作要求:\n", "child.yaml")
    assert problems(child) == [f"{child}:2:1: 工作要求: 这一部分没有内容：请填写内容，或删除这一项"]


def test_a_chain_of_three_files(write_yaml, tmp_path):
    write_yaml("标题: 甲\n开头: 甲的开头。\n结尾: 甲的结尾。\n变量: {a: 1, b: 1, c: 1}\n", "a.yaml")
    write_yaml("继承: a.yaml\n开头: 乙的开头。\n变量: {b: 2, c: 2}\n", "b.yaml")
    (tmp_path / "c").mkdir()
    c = write_yaml("继承: ../b.yaml\n变量: {c: 3}\n", "c/c.yaml")
    assert load_yaml(c, project=tmp_path).data == {"标题": "甲", "开头": "乙的开头。", "结尾": "甲的结尾。",
                                 "变量": {"a": 1, "b": 2, "c": 3}}


def test_placeholders_in_the_base_read_the_childs_values(write_yaml):
    write_yaml(BASE, "2024.yaml")
    child = write_yaml("继承: 2024.yaml\n变量:\n  年度: 2025\n", "2025.yaml")
    assert reportgen.validate(child).preamble == ["为开展2025年安全生产月活动，制定本方案。"]


def test_a_cycle_names_the_chain(write_yaml, tmp_path):
    a = write_yaml("标题: 甲\n继承: b.yaml\n", "a.yaml")
    b = write_yaml("继承: a.yaml\n", "b.yaml")
    assert load_error(b) == [f"{a}:2:1: 继承: 循环继承：{b} → {a} → {b}"]


def test_a_file_extending_itself(write_yaml):
    a = write_yaml("extends: ./a.yaml\ntitle: 甲\n", "a.yaml")
    assert load_error(a) == [f"{a}:1:1: extends: 循环继承：{a} → {a}"]


def test_a_missing_base_is_located_at_the_extends_key(write_yaml, tmp_path):
    child = write_yaml("标题: 方案\n继承: 2023.yaml\n", "2024.yaml")
    assert load_error(child) == [f"{child}:2:1: 继承: 找不到被继承的文件 {tmp_path / '2023.yaml'}"]


def test_extends_must_be_a_path(write_yaml):
    child = write_yaml("标题: 方案\n继承: [a.yaml, b.yaml]\n", "x.yaml")
    assert load_error(child) == [
        f"{child}:2:1: 继承: 应为被继承文件的路径（文本，如 2024.yaml），实际为列表"]


def test_both_spellings_of_extends(write_yaml):
    write_yaml("标题: 方案\n", "a.yaml")
    child = write_yaml("继承: a.yaml\nextends: a.yaml\n", "x.yaml")
    assert load_error(child) == [f"{child}:2:1: extends: “extends”与“继承”是同一项，只能写一个"]


def test_a_syntax_error_in_the_base_names_the_base(write_yaml):
    base = write_yaml("标题: 方案\n开头: 时间: 3月\n", "base.yaml")
    child = write_yaml("继承: base.yaml\n", "child.yaml")
    assert load_error(child) == [
        f"{base}:2:7: YAML 格式错误：文字中的“: ”应改为全角冒号“：”，或给整个值加上引号"]


def test_errors_name_the_file_and_line_that_wrote_the_value(write_yaml):
    base = write_yaml("""\
        标题: 方案
        成文日期: 2024-02-30
        开头: 共{{ 指标.场次x }}场。
        指标: {场次: 3}
        工作重点: 开展宣传。
        """, "base.yaml")
    child = write_yaml("""\
        继承: base.yaml
        指标: {场次: 4}
        工作重点:
          条目:
            - 名字: 宣传
        """, "child.yaml")
    assert problems(child) == [
        f"{child}:5:7: 工作重点.条目[1].名字: 未知的键“名字”；这里可用的键：标题、内容、表格、条目、接排、行内",
        f"{base}:2:1: 成文日期: 日期不存在：2024年2月30日",
        f"{base}:3:1: 开头: 占位符中的“指标.场次x”没有定义；是否想写“指标.场次”？",
    ]


def test_a_value_the_child_replaces_is_located_in_the_child(write_yaml):
    write_yaml("标题: 方案\n成文日期: 2024-05-20\n开头: 正文。\n", "base.yaml")
    child = write_yaml("继承: base.yaml\n\n成文日期: 2025-02-30\n", "child.yaml")
    assert problems(child) == [f"{child}:3:1: 成文日期: 日期不存在：2025年2月30日"]


def test_a_template_path_is_relative_to_the_file_that_wrote_it(write_yaml, tmp_path):
    (tmp_path / "common").mkdir()
    write_yaml("标题: 方案\n模板: 无此模板.docx\n", "common/base.yaml")
    child = write_yaml("继承: common/base.yaml\n", "child.yaml")
    with pytest.raises(ReportgenError) as caught:
        reportgen.build(child)
    assert str(caught.value) == (f"{tmp_path / 'common/base.yaml'}:2:1: 模板: "
                                 f"找不到模板文件 {tmp_path / 'common/无此模板.docx'}")


def test_merge_sources_lays_one_loaded_file_over_another(write_yaml):
    campaign = write_yaml("标题: 活动总结\n单位: {名称: 某单位}\n指标: {场次: 1, 人数: 10}\n",
                          "campaign.yaml")
    unit = write_yaml("单位: {名称: 城关街道}\n指标:\n  场次: 4\n", "城关街道.yaml")
    merged = merge_sources(read_yaml(campaign), read_yaml(unit))
    assert merged.file == str(unit)
    assert merged.data == {"标题": "活动总结", "单位": {"名称": "城关街道"},
                           "指标": {"场次": 4, "人数": 10}}
    assert merged.where(("指标", "场次")) == (str(unit), 3, 3)
    assert merged.where(("指标", "人数")) == (str(campaign), 3, 13)
    assert merged.where(("标题",)) == (str(campaign), 1, 1)
