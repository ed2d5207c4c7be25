"""The limits placeholders run within: repeats, powers, ranges, sizes and work up to their bound,
calls refused."""

from __future__ import annotations

import pytest
from jinja2.sandbox import SecurityError

from reportgen.sandbox.environments import (
    TextTooLong,
    fill_placeholder,
    placeholder_template,
    render_within,
)
from reportgen.sandbox.limits import Refused

NAMES = {"名称": "城关", "部门": ["甲", "乙"], "长": "a" * 600_000, "大数": 10 ** 1001,
         "文": "ab " * 33_333,  # 文.split(): 33,333 texts of 2 characters, 99,999 counted
         "甲": "a" * 999_997, "乙": "a" * 999_998, "丙": "a" * 999_999, "大": {"k": "a" * 999_999}}
CALL = "不能调用函数或方法（只能写名称、运算、过滤器、if 和 for）"
WORK = "计算量过大（超过 2,000,000 步）：请简化占位符或标签中的运算和循环"


def split_times(times: int) -> str:
    return f"{{% for i in range({times}) %}}{{{{ 文.split() | length }}}}{{% endfor %}}"


def twice(name: str) -> str:
    """Two values of the size of ``name`` made, and two numbers: 2,000,000 for 甲, 2 more for 乙."""
    return f"{{{{ {name}.strip() | length }}}}{{{{ {name}.strip() | length }}}}"


def small_sums(sums: int) -> str:
    """100,000 loop steps, each making ``sums`` numbers and ``sums - 1`` yes/no: 2 each."""
    return "{% for i in range(100000) %}{% if " + " and ".join(["i + 1"] * sums) + " %}{% endif %}{% endfor %}"


@pytest.mark.parametrize(("text", "printed"), [
    ("{{ 7 % 3 }}", "1"), ("{{ ('a' * 100000) | length }}", "100000"),
    ("{{ ([1] * 60000) | length }}", "60000"), ("{{ 2 ** 64 }}", "18446744073709551616"),
    ("{{ 名称.split('关') | first }}", "城"), ("{{ range(100000) | length }}", "100000"),
    ("{{ ([] * 60000) | length }}", "0"), (split_times(19), "33333" * 19), (small_sums(5), ""),
    (twice("甲"), "999997" * 2), ("{{ [1, 乙] | length }}", "2"),  # the work and the size allowed
    ("{{ ([range(100000)] * 9) | length }}", "9"), ("{% if 甲 == 甲 %}是{% endif %}", "是"),
    ("{{ [1, '', 甲] | length }}", "3"),  # 1,000,000: an empty text counts 1
    ("{{ 甲 | first }}" * 3, "aaa"), ("{{ 甲 | last }}" * 3, "aaa"), ("{{ 甲 | length }}" * 3, "999997" * 3),
    ("{{ 甲 | count }}" * 3, "999997" * 3), ("{{ 甲 | d | length }}{{ 甲 | default | length }}", "999997" * 2),
    ("{{ 甲 | max }}" * 2, "aa"), ("{{ 甲[0:] | length }}" * 2, "999997" * 2),
])
def test_repeats_and_powers_up_to_their_bounds_are_computed(text, printed):
    assert fill_placeholder(text, NAMES) == printed


@pytest.mark.parametrize(("text", "error", "message"), [
    ("{{ ('a' * 100001) | length }}", SecurityError, "重复后的结果超过 100,000 个字符"),
    ("{{ (['a' * 1000] * 1000) | length }}", SecurityError, "重复后的结果超过 100,000 个字符"),
    ("{{ 2 ** 65 }}", SecurityError, "乘方的指数不能超过 64"),
    ("{{ (2 ** 64) ** 64 }}", SecurityError, "乘方的结果超过 1000 位"),
    ("{{ 大数 ** 1 }}", SecurityError, "乘方的结果超过 1000 位"),
    ("{{ 100000000000000000000 ** 50 }}", SecurityError, "计算结果超过 1,000 位数"),
    ("{{ '%s' % 1 }}", SecurityError, "不能用“%”格式化文字，请用过滤器"),
    ("{{ range(100001) | length }}", SecurityError, "range() 最多 100,000 个数"),
    ("{{ [长, 长, 1] | length }}", SecurityError, "计算的中间结果超过 1,000,000 个字符（或项）"),
    (split_times(20), SecurityError, WORK), (small_sums(6), SecurityError, WORK),  # each value counts
    (twice("乙"), SecurityError, WORK), ("{% if 甲 == 甲 %}{% endif %}" * 2, SecurityError, WORK),
    ("{{ 甲 | max }}" * 3, SecurityError, WORK), ("{{ 甲[0:] | length }}" * 3, SecurityError, WORK),
    ("{{ [大] | length }}", SecurityError, "计算的中间结果超过 1,000,000 个字符（或项）"),
    ("{{ [[甲], 'ab'] | length }}", SecurityError, "计算的中间结果超过 1,000,000 个字符（或项）"),
    ("{{ ([range(100000)] * 10) | length }}", SecurityError, "计算的中间结果超过 1,000,000 个字符（或项）"),
    ("{{ 2 ** -65 }}", SecurityError, "乘方的指数不能超过 64"),
    ("{% for i in range(100000) %}{% for j in range(2) %}{% endfor %}{% endfor %}", SecurityError,
     "循环次数超过 100,000 次"),
    ("{{ (100001 * 'a') | length }}", SecurityError, "重复后的结果超过 100,000 个字符"),
    ("{{ ((1,) * 100001) | length }}", SecurityError, "重复后的结果超过 100,000 个字符"),
    ("{{ [1, 丙] | length }}", SecurityError, "计算的中间结果超过 1,000,000 个字符（或项）"),
    ("{% for i in range(20) %}{{ 'a' * 99999 }}{% endfor %}", TextTooLong, "填写后的文字超过 1,000,000 个字符"),
    ("{{ (部门 | unique).gi_frame }}", SecurityError, "不能访问内部属性“gi_frame”"),
    ("{{ 名称.split(*部门) }}", Refused, CALL), ("{{ 名称.split(**部门) }}", Refused, CALL),
    ("{{ 名称.format() }}", Refused, CALL),
])
def test_past_a_bound_or_calling_a_method_is_refused(text, error, message):
    with pytest.raises(error) as refused:
        fill_placeholder(text, NAMES)
    assert str(refused.value) == message


def test_a_filled_text_may_be_as_long_as_allowed_and_no_longer():
    assert len(fill_placeholder("{{ 乙 }}{{ 'ab' }}", NAMES)) == 1_000_000
    with pytest.raises(TextTooLong) as refused:
        render_within(placeholder_template("{{ 'abcd' }}"), {}, 3)
    assert (str(refused.value), refused.value.limit) == ("填写后的文字超过 3 个字符", 3)
