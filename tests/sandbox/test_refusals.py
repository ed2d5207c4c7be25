"""Syntax placeholders may not use, refused by name before anything runs."""

from __future__ import annotations

import pytest
from jinja2.sandbox import SecurityError

from reportgen.sandbox.environments import fill_placeholder
from reportgen.sandbox.limits import Refused

NAMES = {"x": {"a": 1}, "部门": ["甲", "乙"], "数": [1, 2]}
ONLY = "（只能写名称、运算、过滤器、if 和 for）"


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
])
def test_syntax_outside_the_allowed_is_refused_by_name(text, message):
    with pytest.raises(Refused) as refused:
        fill_placeholder(text, NAMES)
    assert str(refused.value) == message


@pytest.mark.parametrize(("text", "printed"), [
    ("{{ 数 | sum }}", "3"), ("{{ 数 | sum(start=1.5) }}", "4.5"), ("{{ x.items() | list | length }}", "1"),
    ("{{ 部门[0:1] | first }}", "甲"), ("{{ (1, 2) | last }}", "2"), ("{{ 1 if x else 2 }}", "1"),
    ("{{ x.a }}", "1"), ("{{ -1 }}", "-1"),
])
def test_the_allowed_syntax_runs(text, printed):
    assert fill_placeholder(text, NAMES) == printed


@pytest.mark.parametrize("text", ["{{ 部门 | sum }}", "{{ 部门 | sum(start='') }}", "{{ 数 | sum(start='') }}"])
def test_sum_adds_numbers_only(text):
    with pytest.raises(SecurityError) as refused:
        fill_placeholder(text, NAMES)
    assert str(refused.value) == "sum 只能对数字求和"
