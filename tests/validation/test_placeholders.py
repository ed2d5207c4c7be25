"""Placeholders: filled from 单位/指标/变量/时段, every failure located and explained, never blank."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document
from helpers import problems

import reportgen
from reportgen.sandbox import filters
from reportgen.sandbox.filters import FilterError
from reportgen.validation.placeholders import Namespace, PlaceholderError, Unwritten, fill

DATA = """\
    标题: "{{ 单位.名称 }}关于{{ 变量.year }}年活动的总结"
    单位: {名称: 城关街道, 简称: 街道}
    时段: 2024年3月至5月
    指标:
      发放资料: {值: 326, 单位: 份}
      培训场次: 12
      完成率: 0.957
    变量: {year: 2024, 部门: [宣传科, 安监科, 综合科], 空: null}
"""


def text_of(write_yaml, tmp_path, body: str) -> list[str]:
    doc = Document(reportgen.build(write_yaml(DATA + body), tmp_path / "out.docx"))
    return [p.text for p in doc.paragraphs if p.text]


def test_values_units_and_fields_fill_the_text(write_yaml, tmp_path):
    out = text_of(write_yaml, tmp_path, """\
    开头: |
      {{ unit.简称 }}{{ period }}发放资料{{ metrics.发放资料 }}{{ metrics.发放资料.unit }}，
      培训{{ 指标.培训场次 | 中文数字 }}场，完成率{{ 指标.完成率 | 百分比 }}，
      共{{ 指标.发放资料.value + 指标.培训场次 }}项，{{ 时段 }}。
    """)
    assert out == ["城关街道关于2024年活动的总结",
                   "街道2024年3月至5月发放资料326份，培训十二场，完成率95.7%，共338项，2024年3月至5月。"]


def test_filters_by_chinese_and_english_names(write_yaml, tmp_path):
    out = text_of(write_yaml, tmp_path, """\
    开头: |
      {{ '2024-03-05' | 中文日期 }}/{{ '2024/3/5' | cn_date }}/{{ '区委发' | 发文字号(2024, 12) }}/
      {{ '区委发[2024]012号' | doc_number }}/{{ 3 | 序数 }}/{{ 12 | 约数 }}/{{ 326 | approx }}/
      {{ 变量.部门 | 顿号 }}/{{ 变量.部门 | 列举 }}/{{ 12 | 百分比(40) }}/{{ 1234567 | 千分位 }}
    """)
    assert out[1] == ("2024年3月5日/2024年3月5日/区委发〔2024〕12号/区委发〔2024〕12号/第三/十余/三百余/"
                      "宣传科、安监科、综合科/宣传科、安监科和综合科/30%/1,234,567")


@pytest.mark.parametrize(("function", "args", "expected"), [
    (filters.cn_date, (date(2024, 10, 7),), "2024年10月7日"),
    (filters.cn_date, ("2024年03月05日",), "2024年3月5日"),
    (filters.doc_number, ("城委发〔2024〕3号",), "城委发〔2024〕3号"),
    (filters.doc_number, ("城委发（2024）第03号",), "城委发〔2024〕3号"),
    (filters.cn_number, (0,), "零"), (filters.cn_number, (10,), "十"),
    (filters.cn_number, (105,), "一百零五"), (filters.cn_number, (20030,), "二万零三十"),
    (filters.cn_number, ("1,200",), "一千二百"), (filters.cn_ordinal, (11,), "第十一"),
    (filters.approx, (8,), "八"), (filters.approx, (300,), "三百"), (filters.approx, (35,), "三十余"),
    (filters.approx, (1500,), "一千余"),
    (filters.join_dun, (["甲"],), "甲"), (filters.enumerate_cn, (["甲"],), "甲"),
    (filters.enumerate_cn, (["甲", "乙"],), "甲和乙"), (filters.enumerate_cn, ([],), ""),
    (filters.percent, (0.5,), "50%"), (filters.percent, (1,), "100%"),
    (filters.percent, (0.12345,), "12.3%"), (filters.percent, (0.12345, None, 2), "12.35%"),
    (filters.percent, (1, 3), "33.3%"),
    (filters.thousands, (1234.5,), "1,234.5"), (filters.thousands, (999,), "999"),
    (filters.thousands, ("-1234567.25",), "-1,234,567.25"),
])
def test_filter_results(function, args, expected):
    assert function(*args) == expected


@pytest.mark.parametrize(("function", "args", "message"), [
    (filters.cn_date, ("三月五日",), "中文日期：无法识别日期“三月五日”，应写作 2024-03-05"),
    (filters.cn_date, ("2024-02-30",), "中文日期：无法识别日期“2024-02-30”，应写作 2024-03-05"),
    (filters.doc_number, ("通知",), "发文字号：无法识别“通知”，应写作 发文字号(代字, 年份, 序号)"),
    (filters.doc_number, ("区委发", "二〇二四", 1), "年份：应为数字，实际为“二〇二四”"),
    (filters.cn_number, (1.5,), "中文数字：应为整数，实际为“1.5”"),
    (filters.cn_number, (10**8,), "中文数字：100000000 超出范围（0 至 99999999）"),
    (filters.cn_number, (None,), "中文数字：应为数字，实际为空值"),
    (filters.approx, ("很多",), "约数：应为数字，实际为“很多”"),
    (filters.join_dun, ("甲乙",), "顿号：应为列表，实际为“甲乙”"),
    (filters.percent, (1, 0), "百分比：分母为 0"),
    (filters.thousands, ("NaN",), "千分位：应为数字，实际为“NaN”"),
])
def test_filter_errors(function, args, message):
    with pytest.raises(FilterError) as caught:
        function(*args)
    assert str(caught.value) == message


def test_every_placeholder_failure_is_located_and_reported_in_one_run(write_yaml):
    path = write_yaml(DATA + """\
    开头: 发放资料{{ 指标.发放资料x }}份。
    结尾: "{{ 变量.空 }}"
    正文:
      - 标题: "{{ ''.__class__.__mro__ }}"
        内容: "{{ foo }}"
      - 标题: "{{ 1 / 0 }}"
        内容: "{{ 'x' | 中文数字 }}"
      - 标题: "{{ metrics.发放资料 "
        内容: "{{ vars.yaer }}"
      - 标题: "{{ 'ab' * 100000 }}"
        内容: "{{ unit.电话 }}{{ 变量.空.x }}"
      - 标题: "{{ 2 ** 1000 }}"
        内容: "{% for x in 变量.部门 %}{{ x }}{% endfor %}{{ cycler.__init__.__globals__ }}"
    """)
    f = str(path)
    assert problems(path) == [
        f"{f}:9:1: 开头: 占位符中的“指标.发放资料x”没有定义；是否想写“指标.发放资料”？",
        f"{f}:10:1: 结尾: 占位符的值为空（null），请在 YAML 中填写",
        f"{f}:12:5: 正文[1].标题: 占位符不允许这样写：不能访问内部属性“__class__”",
        f"{f}:13:5: 正文[1].内容: 占位符中的“foo”没有定义；"
        "可用的名称：unit、metrics、vars、period（或 单位、指标、变量、时段）",
        f"{f}:14:5: 正文[2].标题: 占位符无法计算：除数为 0",
        f"{f}:15:5: 正文[2].内容: 占位符中的过滤器出错：中文数字：应为数字，实际为“x”",
        f"{f}:16:5: 正文[3].标题: 占位符写法有误：没有结束（缺少“}}}}”或“%}}”）"
        "（占位符写作 {{ 名称 }}，“{{”和“}}”要成对）",
        f"{f}:17:5: 正文[3].内容: 占位符中的“vars.yaer”没有定义；是否想写“vars.year”？",
        f"{f}:18:5: 正文[4].标题: 占位符不允许这样写：重复后的结果超过 100,000 个字符",
        f"{f}:19:5: 正文[4].内容: 占位符中的“unit.电话”没有定义；可用：unit.name、unit.名称、unit.简称",
        f"{f}:20:5: 正文[5].标题: 占位符不允许这样写：乘方的指数不能超过 64",
        f"{f}:21:5: 正文[5].内容: 占位符不允许这样写：不能访问内部属性“__init__”",
    ]


def test_an_item_of_an_empty_list_is_reported_as_such(write_yaml):
    path = write_yaml("标题: 方案\n变量: {部门: []}\n开头: '{{ 变量.部门 | first }}'\n"
                      "结尾: '{{ 变量.部门 | max }}'\n")
    empty = "占位符取的值不存在：列表为空，没有第一项、最后一项、最大或最小的一项"
    assert problems(path) == [f"{path}:3:1: 开头: {empty}", f"{path}:4:1: 结尾: {empty}"]


@pytest.mark.parametrize("text", ["{{ 单位.负责人 }}任组长", "{{ 单位.负责人 | trim }}"])
def test_a_value_a_unit_left_empty_is_reported_where_it_was_left(text):
    names = {"单位": Namespace("单位", {"负责人": Unwritten("units.csv", 3, 2, "负责人")})}
    with pytest.raises(PlaceholderError) as caught:
        fill(text, names)
    assert str(caught.value.problem) == "units.csv:3:2: 负责人: 没有填写，而文中用到了“单位.负责人”"


def test_placeholders_too_long_to_compile_are_refused_unread(write_yaml):
    path = write_yaml("标题: 方案\n开头: '{{ \"" + "甲" * 199_970 + "\" }}'\n")
    assert problems(path) == [f"{path}:2:1: 开头: 占位符过多：全部占位符（{{{{ }}}} 和 {{% %}} 之内）"
                              "共超过 200,000 个字符，请减少或简化"]


def test_data_values_must_be_numbers_and_are_checked_first(write_yaml):
    path = write_yaml("标题: 总结\n指标:\n  发放资料: xxx\n  场次: {值: 1.2.3}\n  人数: '1,200'\n"
                      "开头: '{{ 指标.人数 }}'\n")
    f = str(path)
    assert problems(path) == [
        f"{f}:3:3: 指标.发放资料: 应为数字，实际为文本“xxx”",
        f"{f}:4:8: 指标.场次.值: 应为数字，实际为文本“1.2.3”",
    ]


def test_literal_braces_and_text_without_placeholders_are_kept(write_yaml, tmp_path):
    out = text_of(write_yaml, tmp_path, "    开头: \"写作 {{ '{{' }} 名称 }}，单个 { 和 } 照印\"\n")
    assert out[1] == "写作 {{ 名称 }}，单个 { 和 } 照印"


def test_data_sections_and_template_are_not_filled(write_yaml, tmp_path):
    path = write_yaml("标题: 总结\n变量: {原文: '{{ 不填 }}'}\n开头: '{{ 变量.原文 }}'\n")
    doc = Document(reportgen.build(path, tmp_path / "out.docx"))
    assert doc.paragraphs[-1].text == "{{ 不填 }}"


def test_unit_may_be_just_its_name(write_yaml, tmp_path):
    path = write_yaml("标题: '{{ unit.name }}/{{ 单位.名称 }}'\n单位: 城关街道\n")
    assert Document(reportgen.build(path, tmp_path / "u.docx")).paragraphs[0].text == "城关街道/城关街道"


def test_names_with_punctuation_use_brackets(write_yaml, tmp_path):
    path = write_yaml("标题: \"{{ 指标['毒饵（包）'] }}{{ 指标['毒饵（包）'].unit }}\"\n"
                      "指标: {毒饵（包）: {值: 150, 单位: 包}}\n")
    assert Document(reportgen.build(path, tmp_path / "u.docx")).paragraphs[0].text == "150包"
