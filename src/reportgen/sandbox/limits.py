"""What placeholders and Word templates may write, and the limits they run within.

Beside environments.py, which owns the environments. Jinja's sandbox keeps internals out of reach, but a
file from elsewhere may still read files (include, import, extends), recurse (macro), or spend
minutes and gigabytes (``'%1000000000s' % x``, ``x | center(10**9)``, nested loops, ``set``
doubling a text). So the syntax is an allowlist, checked before a template is compiled: text,
``{{ expressions }}`` over names, items, numbers and text, the filters in SAFE_FILTERS, the calls
in SAFE_CALLS, ``if`` and ``for``, nested at most MAX_NESTING levels. Each ``for`` counts its
steps against a budget per filling, and every value made is measured (budget.py).
"""

from __future__ import annotations

import copy
import math
import operator
from typing import Any

from jinja2 import TemplateSyntaxError, nodes, pass_environment, pass_eval_context
from jinja2.filters import make_attrgetter
from jinja2.sandbox import SecurityError

from .budget import MAX_DIGITS, MAX_NESTING, Measured, deepest, measuring_filters

MAX_REPEAT = 100_000  # characters or items a "*" may produce
MAX_POWER = 64
SAFE_FILTERS = ("abs", "capitalize", "count", "d", "default", "e", "escape", "first", "float",
                "int", "last", "length", "list", "lower", "max", "min", "reverse", "round",
                "sort", "string", "sum", "title", "trim", "unique", "upper")
SAFE_CALLS = ("items", "keys", "values", "strip", "lstrip", "rstrip", "upper", "lower",
              "startswith", "endswith", "split", "cycle")
ALLOWED = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.If, nodes.For, nodes.Name,
           nodes.Const, nodes.Getattr, nodes.Getitem, nodes.Slice, nodes.Tuple, nodes.List,
           nodes.BinExpr, nodes.UnaryExpr, nodes.Concat, nodes.Compare, nodes.Operand, nodes.And,
           nodes.Or, nodes.CondExpr, nodes.Filter, nodes.Test, nodes.Call, nodes.Keyword)
TAGS = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from … import",
        nodes.Extends: "extends", nodes.Macro: "macro", nodes.CallBlock: "call",
        nodes.Block: "block", nodes.Assign: "set", nodes.AssignBlock: "set",
        nodes.FilterBlock: "filter", nodes.With: "with", nodes.ExprStmt: "do",
        nodes.ScopedEvalContextModifier: "autoescape", nodes.NSRef: "set",
        nodes.Dict: "{ … } 映射", nodes.Pair: "{ … } 映射"}
STEPS = "_steps"  # the filter every for loop's items pass through


class Refused(TemplateSyntaxError):
    """Syntax reportgen does not run; the message, in Chinese, names it."""


class Guarded:
    """Environment mixin: compiles only allowed syntax, counts loop steps, limits ``*``, ``**``
    and ``%``. Only compiling is checked: parsing alone (as the template check does) is not."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        return binop(op, left, right)

    def _generate(self, source: nodes.Template, *args: Any, **kwargs: Any) -> str:
        check(source, self.filters)
        return super()._generate(counted(copy.deepcopy(source)), *args, **kwargs)


def guard(env: Any, filters: dict, steps: int, work: int) -> Any:
    """``env`` with only ``range`` as a global and only ``filters`` (``sum`` of numbers only), the
    step counter and the measuring filters, charging at most ``work`` per filling."""
    env.globals = {"range": limited_range}
    sums = {"sum": numbers_sum} if "sum" in filters else {}
    env.filters = {**filters, **sums, STEPS: steps_filter(steps), **measuring_filters(work)}
    return env


def check(tree: nodes.Template, filters: dict) -> None:
    """Raise Refused at the first node of ``tree`` outside the allowlist, in the order Jinja would
    evaluate them (``''.__class__`` before ``.__mro__``), or nested too deep."""
    deep = deepest(tree)
    if deep is not None:
        raise Refused(f"括号、运算或过滤器嵌套超过 {MAX_NESTING} 层：请把它拆成几个简单的占位符",
                      getattr(deep, "lineno", 1) or 1)
    for node in _evaluation_order(tree):
        message = _refusal(node, filters)
        if message:
            raise Refused(message, getattr(node, "lineno", 1) or 1)


def _evaluation_order(node: nodes.Node):
    for child in node.iter_child_nodes():
        yield from _evaluation_order(child)
    yield node


def _refusal(node: nodes.Node, filters: dict) -> str | None:
    if not isinstance(node, ALLOWED):
        return f"不能使用“{TAGS[type(node)]}”" if type(node) in TAGS else \
            f"不能使用“{type(node).__name__}”这种写法"
    allowed = "（只能写名称、运算、过滤器、if 和 for）"
    if isinstance(node, nodes.Name) and node.name == "self":
        return f"不能使用“self”{allowed}"
    internal = node.attr if isinstance(node, nodes.Getattr) else \
        node.arg.value if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) else None
    if isinstance(internal, str) and internal.startswith("_"):
        return f"不能访问内部属性“{internal}”"
    if isinstance(node, nodes.For) and node.recursive:
        return "不能使用“for … recursive”"
    if isinstance(node, nodes.Const) and isinstance(node.value, float) and math.isinf(node.value):
        return "数字过大（超出能计算的范围）：请检查占位符中的数字"
    if isinstance(node, nodes.Filter) and node.name not in filters:
        return f"没有名为“{node.name}”的过滤器"
    if isinstance(node, nodes.Call) and not _safe_call(node):
        return f"不能调用函数或方法{allowed}"
    return None


def _safe_call(call: nodes.Call) -> bool:
    if call.dyn_args is not None or call.dyn_kwargs is not None:
        return False
    target = call.node
    return (isinstance(target, nodes.Name) and target.name == "range") or (
        isinstance(target, nodes.Getattr) and target.attr in SAFE_CALLS)


def counted(tree: nodes.Template) -> nodes.Template:
    """``tree`` with every value made measured, and every for loop's items passed through the
    step-counting filter."""
    tree = Measured().visit(tree)
    for loop in tree.find_all(nodes.For):
        loop.iter = nodes.Filter(loop.iter, STEPS, [], [], None, None, lineno=loop.lineno)
    return tree


def steps_filter(budget: int):
    """The filter that counts the items of every loop of one filling, up to ``budget``."""
    @pass_eval_context
    def steps(context: Any, items: Any) -> Any:
        for item in items:
            context.steps = getattr(context, "steps", 0) + 1
            if context.steps > budget:
                raise SecurityError(f"循环次数超过 {budget:,} 次")
            yield item
    return steps


@pass_environment
def numbers_sum(environment: Any, items: Any, attribute: Any = None, start: Any = 0) -> Any:
    """Jinja's ``sum``, of numbers only: summing lists or texts would take quadratic time."""
    value = make_attrgetter(environment, attribute) if attribute is not None else (lambda x: x)
    total = start
    for number in (value(item) for item in items):
        if not isinstance(total, (int, float)) or not isinstance(number, (int, float)):
            raise SecurityError("sum 只能对数字求和")
        total += number
    return total


def limited_range(*args: int) -> range:
    """range() of at most MAX_REPEAT numbers."""
    numbers = range(*args)
    if len(numbers) > MAX_REPEAT:
        raise SecurityError(f"range() 最多 {MAX_REPEAT:,} 个数")
    return numbers


def binop(op: str, left: Any, right: Any) -> Any:
    """``*``, ``**`` and ``%`` with limits: no huge repeats or powers, no printf on text."""
    if op == "%":
        if isinstance(left, str):
            raise SecurityError("不能用“%”格式化文字，请用过滤器")
        return operator.mod(left, right)
    if op == "**":
        if isinstance(right, (int, float)) and abs(right) > MAX_POWER:
            raise SecurityError(f"乘方的指数不能超过 {MAX_POWER}")
        if isinstance(left, int) and abs(left) > 1 and right > 0 and \
                right * math.log10(abs(left)) > MAX_DIGITS:
            raise SecurityError(f"乘方的结果超过 {MAX_DIGITS} 位")
        return operator.pow(left, right)
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and isinstance(times, int) \
                and _size(seq) * times > MAX_REPEAT:
            raise SecurityError(f"重复后的结果超过 {MAX_REPEAT:,} 个字符")
    return operator.mul(left, right)


def _size(value: Any) -> int:
    """Characters of text, items of a list counted by their own size (a list of long texts)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple)):
        return sum(_size(v) for v in value) or 1
    return 1
