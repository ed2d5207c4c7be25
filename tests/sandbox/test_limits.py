"""The limits placeholders run within: repeats and powers up to their bound, calls refused."""

from __future__ import annotations

import pytest
from jinja2.sandbox import SecurityError

from reportgen.sandbox.environments import fill_placeholder
from reportgen.sandbox.limits import Refused

NAMES = {"名称": "城关", "部门": ["甲", "乙"]}
CALL = "不能调用函数或方法（只能写名称、运算、过滤器、if 和 for）"


@pytest.mark.parametrize(("text", "printed"), [
    ("{{ 7 % 3 }}", "1"), ("{{ ('a' * 100000) | length }}", "100000"),
    ("{{ ([1] * 60000) | length }}", "60000"), ("{{ 2 ** 64 }}", "18446744073709551616"),
    ("{{ 名称.split('关') | first }}", "城"),
])
def test_repeats_and_powers_up_to_their_bounds_are_computed(text, printed):
    assert fill_placeholder(text, NAMES) == printed


@pytest.mark.parametrize(("text", "error", "message"), [
    ("{{ ('a' * 100001) | length }}", SecurityError, "重复后的结果超过 100,000 个字符"),
    ("{{ 2 ** 65 }}", SecurityError, "乘方的指数不能超过 64"),
    ("{{ 100000000000000000000 ** 50 }}", SecurityError, "计算结果超过 1,000 位数"),
    ("{{ 名称.split(*部门) }}", Refused, CALL), ("{{ 名称.split(**部门) }}", Refused, CALL),
    ("{{ 名称.format() }}", Refused, CALL),
])
def test_past_a_bound_or_calling_a_method_is_refused(text, error, message):
    with pytest.raises(error) as refused:
        fill_placeholder(text, NAMES)
    assert str(refused.value) == message
