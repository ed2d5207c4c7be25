"""What a placeholder prints, and what it says instead when its value cannot be printed."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import problems

from reportgen.sandbox.environments import Missing, fill_placeholder
from reportgen.sandbox.limits import Refused
from reportgen.sandbox.printable import FilterError, NotPrintable

NAMES = {"部门": ["甲", "乙"], "指标": {"资料": 1, "培训": 2}, "空": None, "份数": "12", "名称": "城关",
         "是否": True, "比例": 1.5, "金额": "1,234.5", "无项": {}, "六项": dict.fromkeys("ABCDEF", 1),
         "无穷": float("inf"), "日期": date(2024, 3, 5)}
LIST_HINT = "请用过滤器把它连成文字：{{ … | 顿号 }}（甲、乙、丙）或 {{ … | 列举 }}（甲、乙和丙）"


@pytest.mark.parametrize(("text", "printed"), [
    ("{{ 份数 | int + 1 }}", "13"), ("{{ 名称 | int(0) }}", "0"), ("{{ 名称 | float(1.5) }}", "1.5"),
    ("{{ 金额 | float }}", "1234.5"), ("{{ 金额 | int }}", "1234"), ("{{ 比例 | int }}", "1"),
    ("{{ 比例 | float }}", "1.5"), ("{{ 12 | float }}", "12"), ("{{ 部门 | first ~ '等' }}", "甲等"),
    ("{{ 0.1 + 0.2 }}", "0.3"), ("{{ 名称 | upper }}", "城关"), ("{{ 名称 | int('无') }}", "无"),
    ("{{ 名称 | float('无') }}", "无"), ("{{ 日期 }}", "2024年3月5日"), ("{{ 1 | 百分比 }}", "100%"),
    ("{{ 名称 | trim('城') }}", "关"), ("{{ 名称 | trim(chars='关') }}", "城"),
])
def test_numbers_and_text_are_printed_as_written(text, printed):
    assert fill_placeholder(text, NAMES) == printed


@pytest.mark.parametrize(("text", "message"), [
    ("{{ 部门 }}", f"占位符的值是列表（2 项），不能直接写入正文：{LIST_HINT}"),
    ("{{ 部门 | string }}", f"占位符的值是列表（2 项），不能直接写入正文：{LIST_HINT}"),
    ("{{ (部门 | list) ~ '等' }}", f"占位符的值是列表（2 项），不能直接写入正文：{LIST_HINT}"),
    ("{{ 指标 }}", "占位符的值是映射（资料、培训），不能直接写入正文：请写其中的一项，如 {{ ….资料 }}"),
    ("{{ 指标.keys }}", "占位符的值是一个方法，不能写入正文：请写数据中的名称，如 {{ 变量.年度 }}；"
                      "要列出一个映射的各项名称，写 {{ 变量.X.keys() | 顿号 }}"),
    ("{{ 指标.items() }}", f"占位符的值是一组值，不能直接写入正文：{LIST_HINT}"),
    ("{{ range(3) }}", f"占位符的值是一组值，不能直接写入正文：{LIST_HINT}"),
    ("{{ 是否 }}", "占位符的值是“是/否”（true），不能直接写入正文：要写文字，请在 YAML 中给它加引号（如 \"是\"），"
                 "或用 {% if … %} 选择要写的文字"),
    ("{{ 名称 | int }}", "int：应为数字，实际为“城关”"), ("{{ 名称 | float }}", "float：应为数字，实际为“城关”"),
    ("{{ 是否 | int }}", "int：应为数字，实际为是/否“true”"), ("{{ 空 | int }}", "int：应为数字，实际为空值"),
    ("{{ 空 }}", "（空值 null）"), ("{{ 空 | string }}", "占位符的值为空（null），请在 YAML 中填写"),
    ("{{ 无项 }}", "占位符的值是映射（），不能直接写入正文：请写其中的一项，如 {{ ….名称 }}"),
    ("{{ 六项 }}", "占位符的值是映射（A、B、C、D、E），不能直接写入正文：请写其中的一项，如 {{ ….A }}"),
    ("{{ 无穷 }}", "占位符的值不是一个有限的数（inf），不能写入正文"),
    ("{{ 日期.resolution }}", "占位符的值不是文字、数字或日期，不能写入正文"),  # a timedelta
    ("{{ 缺 | 千分位 }}", "缺"), ("{{ 指标.缺 }}", "缺"), ("{{ 指标.__class__ }}", "不能访问内部属性“__class__”"),
    ("{{ 1 | 百分比('x') }}", "百分比：应为数字，实际为“x”"), ("{{ 缺 | int }}", "缺"), ("{{ 缺 | float }}", "缺"),
    ("{{ [1, true] | 顿号 }}", "顿号：第 2 项是是/否“true”，应为文字或数字"),
    ("{{ [1, none] | 顿号 }}", "顿号：第 2 项是空值，应为文字或数字"), ("{{ [1, [2]] | 列举 }}", "列举：第 2 项是列表，应为文字或数字"),
    ("{{ 指标 | 顿号 }}", "顿号：应为列表，实际为映射"), ("{{ 1 | 列举 }}", "列举：应为列表，实际为“1”"),
    ("{{ '0.1234567890123456789012345678901' | 千分位 }}", "千分位：数字的位数超过 30 位"),
    ("{{ 1e400 }}", "数字过大（超出能计算的范围）：请检查占位符中的数字"),
    ("{{ 比例 | float(-1e400) }}", "数字过大（超出能计算的范围）：请检查占位符中的数字"),
])
def test_a_value_that_cannot_be_printed_says_what_to_write(text, message):
    with pytest.raises((NotPrintable, FilterError, Refused, Missing)) as refused:
        fill_placeholder(text, NAMES)
    assert str(refused.value) == message


def test_a_number_too_large_to_compute_is_a_located_problem_not_an_internal_error(write_yaml):
    path = write_yaml('标题: 方案\n成文日期: 2024-03-05\n开头: "共{{ 1e400 }}份"\n')
    assert problems(path) == [f"{path}:3:1: 开头: 占位符不允许这样写：数字过大（超出能计算的范围）：请检查占位符中的数字"]
