"""Plain names are filled without Jinja exactly as Jinja fills them, and nothing else is."""

from __future__ import annotations

import pytest

from reportgen.model.placeholder_data import FloatMetric, IntMetric
from reportgen.sandbox.environments import MAX_TEXT, placeholder_template, render_within
from reportgen.sandbox.plain_names import fill_plain
from reportgen.validation.placeholders import Namespace

NAMES = {name: Namespace(name, values) for name, values in {
    "单位": {"名称": "城关街道", "负责人": "", "path": "字段", "items": "项", "空": None, "是": True,
           "_x": "内部"},
    "指标": {"培训场次": IntMetric(12, "场次"), "清理垃圾": FloatMetric(35.5, "吨"),
           "无穷": FloatMetric(float("inf"), "吨"), "列表": [1, 2]},
    "变量": {"年度": 2025, "比例": 0.1 + 0.2, "日期": "2025-06-10"},
}.items()}
NAMES["时段"] = "2025年3月至5月"

PLAIN = ["{{ 单位.名称 }}关于{{ 变量.年度 }}年\n春季爱国卫生运动的工作总结\n", "{{单位.名称}}",
         "共举办培训{{ 指标.培训场次 }}{{ 指标.培训场次.unit }}", "{{ 指标.清理垃圾 }}",
         "{{ 变量.比例 }}", "{{ 指标.培训场次.value }}", "{{ 时段 }}", "{{ 单位.负责人 }}任组长", "没有占位符", ""]
JINJA = ["{{ 指标.发放资料 | 千分位 }}", "{{ 单位.path }}", "{{ 单位.items }}", "{{ 单位.空 }}",
         "{{ 单位.是 }}", "{{ 指标.无穷 }}", "{{ 指标.列表 }}", "{{ 单位 }}", "{{ 单位.没有 }}",
         "{{ range }}", "{{ true }}", "{{ 单位._x }}", "{{- 单位.名称 }}", "{{  单位.名称 }}",
         "{% if 1 %}x{% endif %}", "{# 注 #}{{ 单位.名称 }}", "a\r\nb{{ 单位.名称 }}",
         "{{ 单位.名称 }}}", "{{ 单位.名称.upper }}", "{{ 变量.年度.real }}"]


def jinja(text: str) -> str:
    return render_within(placeholder_template(text), NAMES, MAX_TEXT)


@pytest.mark.parametrize("text", PLAIN)
def test_plain_names_are_filled_as_jinja_fills_them(text):
    assert fill_plain(text, NAMES, MAX_TEXT) == jinja(text)


@pytest.mark.parametrize("text", JINJA)
def test_anything_else_is_left_to_jinja(text):
    assert fill_plain(text, NAMES, MAX_TEXT) is None


def test_a_text_past_the_limit_is_left_to_jinja():
    assert fill_plain("{{ 单位.名称 }}", NAMES, 3) is None
