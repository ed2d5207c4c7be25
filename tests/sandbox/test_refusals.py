"""The syntax placeholders may use, and the syntax they may not, refused by name before it runs."""

from __future__ import annotations

import pytest
from jinja2.sandbox import SecurityError

from reportgen.sandbox.environments import fill_placeholder
from reportgen.sandbox.limits import Refused
from reportgen.sandbox.printable import NotPrintable

NAMES = {"x": {"a": 1}, "部门": ["甲", "乙"], "数": [1, 2]}
ONLY = "（只能写名称、运算、过滤器、if 和 for）"
LIST = ("占位符的值是列表（2 项），不能直接写入正文：请用过滤器把它连成文字：{{ … | 顿号 }}（甲、乙、丙）"
        "或 {{ … | 列举 }}（甲、乙和丙）")


@pytest.mark.parametrize(("text", "message"), [
    ("{{ self }}", "不能使用“self”" + ONLY), ("{% include 'x' %}", "不能使用“include”"),
    ("{% import 'os' as os %}", "不能使用“import”"), ("{% from 'os' import system %}", "不能使用“from … import”"),
    ("{% extends 'x' %}", "不能使用“extends”"), ("{% macro m() %}x{% endmacro %}", "不能使用“macro”"),
    ("{% call range(1) %}x{% endcall %}", "不能使用“call”"), ("{% block b %}x{% endblock %}", "不能使用“block”"),
    ("{% set y = 1 %}", "不能使用“set”"), ("{% set y %}z{% endset %}", "不能使用“set”"),
    ("{% set ns.a = 1 %}", "不能使用“set”"), ("{% filter upper %}x{% endfilter %}", "不能使用“filter”"),
    ("{% with a = 1 %}{{ a }}{% endwith %}", "不能使用“with”"),
    ("{% autoescape true %}x{% endautoescape %}", "不能使用“autoescape”"),
    ("{{ {'a': 1} }}", "不能使用“{ … } 映射”"), ("{{ {} }}", "不能使用“{ … } 映射”"),
    ("{{ x['__class__'] }}", "不能访问内部属性“__class__”"),
    ("{{ foo() }}", "不能调用函数或方法" + ONLY), ("{{ x.y.range() }}", "不能调用函数或方法" + ONLY),
    ("{{ x | nosuch }}", "没有名为“nosuch”的过滤器"),
    ("{{ " + "-" * 49 + "1 }}", "括号、运算或过滤器嵌套超过 50 层：请把它拆成几个简单的占位符"),
])
def test_syntax_outside_the_allowed_is_refused_by_name(text, message):
    with pytest.raises(Refused) as refused:
        fill_placeholder(text, NAMES)
    assert str(refused.value) == message


@pytest.mark.parametrize(("text", "printed"), [
    ("{{ 数 | sum }}", "3"), ("{{ 数 | sum(start=1.5) }}", "4.5"), ("{{ x.items() | list | length }}", "1"),
    ("{{ 部门[0:1] | first }}", "甲"), ("{{ (1, 2) | last }}", "2"), ("{{ 1 if x else 2 }}", "1"),
    ("{{ x.a }}", "1"), ("{{ -1 }}", "-1"), ("{{ " + "-" * 48 + "1 }}", "1"),
    ("{% for k, v in x.items() %}{{ k }}{{ v }}{% endfor %}", "a1"),
    ("{% for i in range(3) %}{{ loop.cycle('甲', '乙') }}{% endfor %}", "甲乙甲"),
    ("{{ x.keys() | first }}", "a"), ("{{ x.values() | first }}", "1"), ("{{ ' 甲 '.lstrip() }}|", "甲 |"),
    ("|{{ ' 甲 '.rstrip() }}", "| 甲"), ("{{ 'ab'.upper() }}{{ 'AB'.lower() }}", "ABab"),
    ("{% if 'ab'.startswith('a') and 'ab'.endswith('b') %}是{% endif %}", "是"),
    # every filter allowed
    ("{{ -3 | abs }}", "3"), ("{{ 'ab' | capitalize }}", "Ab"), ("{{ 部门 | count }}", "2"),
    ("{{ 缺 | d('无') }}{{ 缺 | default('无') }}", "无无"), ("{{ 'a<b' | e }}{{ 'a>b' | escape }}", "a&lt;ba&gt;b"),
    ("{{ 部门 | first }}{{ 部门 | last }}", "甲乙"), ("{{ '1.5' | float }}/{{ '12' | int }}", "1.5/12"),
    ("{{ '甲乙' | list | length }}", "2"), ("{{ 'AB' | lower }}{{ 'ab' | upper }}", "abAB"),
    ("{{ 数 | max }}{{ 数 | min }}", "21"), ("{{ 部门 | reverse | first }}", "乙"),
    ("{{ 2.567 | round(1) }}", "2.6"), ("{{ 部门 | sort | first }}", "乙"), ("{{ 12 | string }}", "12"),
    ("{{ 'ab cd' | title }}", "Ab Cd"), ("{{ ' 甲 ' | trim }}", "甲"),
    ("{{ ['甲', '甲'] | unique | list | length }}", "1"),
])
def test_the_allowed_syntax_runs(text, printed):
    assert fill_placeholder(text, NAMES) == printed


@pytest.mark.parametrize("text", ["{{ 部门 | sum }}", "{{ 部门 | sum(start='') }}", "{{ 数 | sum(start='') }}"])
def test_sum_adds_numbers_only(text):
    with pytest.raises(SecurityError) as refused:
        fill_placeholder(text, NAMES)
    assert str(refused.value) == "sum 只能对数字求和"


@pytest.mark.parametrize("name", ["capitalize", "e", "escape", "lower", "title", "trim", "upper"])
def test_filters_of_text_refuse_what_is_not_printed(name):
    with pytest.raises(NotPrintable) as refused:
        fill_placeholder(f"{{{{ 部门 | {name} }}}}", NAMES)
    assert str(refused.value) == LIST
