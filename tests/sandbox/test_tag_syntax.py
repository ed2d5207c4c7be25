"""The syntax errors of a Word template's tags, each blamed on its tag and said in Chinese."""

from __future__ import annotations

import pytest

from reportgen.sandbox.tag_syntax import tag_syntax_problems
from reportgen.sandbox.template_names import used_names


def nested(opening: str, closing: str, levels: int, inner: str = "x", before: str = "") -> str:
    """A tag printing ``inner`` inside ``levels`` brackets, after ``before``."""
    return "{{ " + before + opening * levels + inner + closing * levels + " }}"


DEEP = nested("(", ")", 120)
TOO_DEEP = "括号、运算或过滤器嵌套过深：请把它拆成几个简单的标签"


@pytest.mark.parametrize(("tags", "problems"), [
    (["{{ x | nosuch }}"], [(0, "没有名为“nosuch”的过滤器")]),
    (["{{ x y }}"], [(0, "“y”处有误：{{ }} 中只能写一个名称或表达式")]),
    (["{{ x ) }}"], [(0, "多了一个“)”")]),
    (["{{ }}"], [(0, "缺少名称或表达式")]),
    (["{{ x + }}"], [(0, "表达式没有写完：运算符后缺少名称或数字")]),
    (["{% if x + %}", "{% endif %}"], [(0, "表达式没有写完：运算符后缺少名称或数字")]),
    (["{% for a, b in x %}", "{{ a ]] }}", "{% endfor %}"], [(1, "多了一个“]”")]),
    (["{%- for i in x -%}", "{{ i | nosuch }}", "{{ i ) }}", "{% endfor %}"],
     [(2, "多了一个“)”"), (1, "没有名为“nosuch”的过滤器")]),  # parsing comes before the filters
    (["{% for i in %}", "{% endfor %}"], [(0, "缺少名称或表达式")]),
    ([DEEP], [(0, TOO_DEEP)]),
    (["{% if x %}"], [(0, "这个 if 没有结束：缺少与它配对的 endif")]),
    (["{% for i in x %}", "{% if i %}", "{% endfor %}"], [(1, "这个 if 没有结束：缺少与它配对的 endif")]),
    (["{% endif %}"], [(0, "多余的 endif：前面没有与它配对的 if")]),
    (["{% else %}"], [(0, "else 前面没有与它配对的 if（或 for）")]),
    (["{% foo %}"], [(0, "不认识的标签“foo”")]),
    (["{% if x %}", "{{ x }}", "{% endif %}"], []),
    (["{% macro m() %}", "x", "{% endmacro %}", "{{ y | nosuch }}"],
     [(0, "不能使用“macro”"), (3, "没有名为“nosuch”的过滤器")]),
    (["{% macro m() %}", "x"], [(0, "这个 macro 没有结束：缺少与它配对的 endmacro"), (0, "不能使用“macro”")]),
    (["{% with a = 1 %}", "{{ a }}", "{% endwith %}"], [(0, "不能使用“with”")]),
    (["{% set a = 1 %}", "{{ a ) }}"], [(1, "多了一个“)”"), (0, "不能使用“set”")]),
    (["{% set a %}", "x", "{% endset %}"], [(0, "不能使用“set”")]),
    (["{% include 'x' %}", "{{ y ) }}"], [(1, "多了一个“)”"), (0, "不能使用“include”")]),
    (["{% filter upper %}", "x", "{% endfilter %}"], [(0, "不能使用“filter”")]),
    (["{% for i in x recursive %}", "{% endfor %}"], [(0, "不能使用“for … recursive”")]),
    (["{% if x.__class__ %}", "{% endif %}"], [(0, "不能访问内部属性“__class__”")]),
    (["{% for i in x %}", "{% endif %}", "{% endfor %}"], [(1, "多余的 endif：前面没有与它配对的 if")]),
    (["{{ x is nosuch }}"], [(0, "没有名为“nosuch”的测试")]),
    (["{% set outer %}", "{% set a = 1 %}", "{% endset %}"], [(1, "不能使用“set”"), (0, "不能使用“set”")]),
    (["{% with a = 1 %}", "{% if x %}", "{% endif %}", "{% endwith %}"], [(0, "不能使用“with”")]),
    (["{% with a = 1 %}", "{% endwith\n%}"], [(0, "不能使用“with”")]),  # its end found across the line break
    (["{% for i in x %}", "{% with a = 1 %}", "{% endfor %}"],  # endwith added before the endfor
     [(1, "这个 with 没有结束：缺少与它配对的 endwith"), (1, "不能使用“with”")]),
    ([" {% if x %}"], [(0, "这个 if 没有结束：缺少与它配对的 endif")]),  # its opener unread: the last tag
    (["{% if a %}", "{% include 'x' %}"], [(0, "这个 if 没有结束：缺少与它配对的 endif"), (1, "不能使用“include”")]),
    (["{% if a %}", "{{ x.__class__ }}"], [(0, "这个 if 没有结束：缺少与它配对的 endif"), (1, "不能访问内部属性“__class__”")]),
    (["{% set a %}", "{% set b = 1 %}"], [(0, "这个 set 没有结束：缺少与它配对的 endset"), (1, "不能使用“set”"),
                                         (0, "不能使用“set”")]),
    (["{{ x\n) }}"], [(0, "多了一个“)”")]),  # a line break inside a tag: still that tag
    (["{% for i in x %}", "{% if i == 1 %}", "{{ i }}", "{% endfor %}"], [(1, "这个 if 没有结束：缺少与它配对的 endif")]),
    (["{% for i in x %}", " {% if a %}", "{% endif %}", "{% if b %}", "{% endfor %}"],
     [(3, "这个 if 没有结束：缺少与它配对的 endif")]),
    (["{% elif x %}"], [(0, "elif 前面没有与它配对的 if（或 for）")]),
    (["{{ x }}", "{{ " + "-" * 49 + "1 }}"], [(1, "括号、运算或过滤器嵌套超过 50 层：请把它拆成几个简单的标签")]),
    (["{{ 1e400 }}"], [(0, "数字过大（超出能计算的范围）：请检查标签中的数字")]),
])
def test_each_tag_at_fault_is_named_with_what_is_wrong(tags, problems):
    assert tag_syntax_problems(tags)[0] == problems


@pytest.mark.parametrize(("tags", "blamed"), [
    (["{{ [" + "x.strip(), " * 130 + "1] }}", DEEP], [1]),  # many brackets, none deep
    (["{{ (" + "x[0], " * 130 + "1) }}", DEEP], [1]),
    ([nested("(", ")", 100), nested("[", "]", 120, "1")], [1, 0]),  # the deepest first
    ([DEEP, nested("[", "]", 100, "1")], [0, 1]),
    ([nested("(", ")", 100, before="f() + "), nested("[", "]", 100, "1")], [0, 1]),  # as deep: in order
    ([nested("[", "]", 100, "1", before="x[0] + "), nested("(", ")", 100)], [0, 1]),
])
def test_tags_nested_too_deep_are_blamed_deepest_first(tags, blamed):
    assert tag_syntax_problems(tags)[0] == [(i, TOO_DEEP) for i in blamed]


@pytest.mark.parametrize(("opening", "problem"), [
    ("{% for b in x recursive %}", "不能使用“for … recursive”"), ("{% for a, b in x ) %}", "多了一个“)”")])
def test_a_for_repaired_keeps_its_loop_variables(opening, problem):
    problems, tree = tag_syntax_problems([opening, "{{ b.y }}", "{% endfor %}"])
    assert problems == [(0, problem)]
    assert used_names(tree) == set()
