"""The size of every value a placeholder or template tag makes, and the work of one filling.

Beside limits.py, which decides what syntax runs. A filter, call, operation, slice or list
literal may turn a small text into a huge one (``('a'*99999)|list|string``), and a loop may
repeat it a hundred thousand times. So before compiling, every expression that makes a value is
routed through MADE, which refuses a value over MAX_VALUE characters or items (nested ones
counted) or a number over MAX_DIGITS digits, and charges its size to the filling; what a
comparison or a traversing filter reads is charged through READ. A filling whose charges pass its
budget stops. Sizes are measured up to a cap, so the measuring costs no more than it charges.
What compiling placeholder texts costs (``compile_cost``) and the length of what a filling writes
(``render_within``) are bounded here too.
"""

from __future__ import annotations

import functools
import math
import re
from itertools import islice
from typing import Any

from jinja2 import Template, nodes, pass_eval_context
from jinja2.sandbox import SecurityError
from jinja2.visitor import NodeTransformer

MAX_VALUE = 1_000_000  # characters or items of one value a placeholder or tag makes
MAX_DIGITS = 1_000  # digits of a whole number
MAX_NESTING = 50  # levels of brackets, operations and filters in one expression
MADE, READ = "_made", "_read"  # the filters that measure values
FREE = {"length", "count", "first", "last", "default", "d"}  # filters that do not read it all
NUMBERS = {int, float, bool, type(None)}
MAKERS = (nodes.BinExpr, nodes.Concat, nodes.Filter, nodes.Call, nodes.List, nodes.Tuple)
# Compiling costs about 12 µs per character inside {{ }} and {% %}, and 0.3 ms per text.
MAX_TAGS = 200_000  # characters of the tags of one document's placeholders, or of a template
COMPILE_OVERHEAD = 30  # characters each text with placeholders counts for besides its tags
TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def size_of(value: Any, cap: int = MAX_VALUE) -> int:
    """Characters of texts plus items of lists and mappings, nested ones included, counted up
    to just past ``cap``."""
    total, pending = 0, [value]
    while pending and total <= cap:
        item = pending.pop()
        if isinstance(item, str):
            total += len(item) or 1
        elif isinstance(item, (list, tuple, set, frozenset, dict)):
            flat = 0 if isinstance(item, dict) else _flat_size(item)
            total += 1 + flat
            if not flat:
                pending.extend(islice(item.items() if isinstance(item, dict) else item, cap))
        else:
            total += len(item) if isinstance(item, range) else 1
    return total


def _flat_size(items: Any) -> int:
    """The size of a long list of numbers or of texts, counted at C speed; 0 for any other."""
    kinds = set(map(type, items))
    if kinds <= NUMBERS:
        return len(items)
    return sum(map(len, items)) + len(items) if kinds == {str} else 0


def measuring_filters(budget: int) -> dict:
    """The MADE and READ filters, charging one filling's ``budget``."""
    @pass_eval_context
    def made(context: Any, value: Any) -> Any:
        size = size_of(value)
        if size > MAX_VALUE:
            raise SecurityError(f"计算的中间结果超过 {MAX_VALUE:,} 个字符（或项）")
        if isinstance(value, int) and value.bit_length() > MAX_DIGITS * math.log2(10):
            raise SecurityError(f"计算结果超过 {MAX_DIGITS:,} 位数")
        if isinstance(value, float) and not math.isfinite(value):
            raise SecurityError("计算结果超出数的范围（溢出）")
        charge(context, size, budget)
        return value

    @pass_eval_context
    def read(context: Any, value: Any) -> Any:
        charge(context, size_of(value), budget)
        return value

    return {MADE: made, READ: read}


def charge(context: Any, work: int, budget: int) -> None:
    """Add ``work`` (and one for the step itself) to the filling's total; stop past ``budget``."""
    context.work = getattr(context, "work", 0) + work + 1
    if context.work > budget:
        raise SecurityError(f"计算量过大（超过 {budget:,} 步）：请简化占位符或标签中的运算和循环")


def deepest(tree: nodes.Node) -> nodes.Node | None:
    """The first node nested deeper than MAX_NESTING, found without recursion."""
    pending = [(tree, 0)]
    while pending:
        node, depth = pending.pop()
        if depth > MAX_NESTING:
            return node
        pending.extend((child, depth + 1) for child in node.iter_child_nodes())
    return None


class Measured(NodeTransformer):
    """Routes every expression that makes a value through MADE, and what comparisons and
    traversing filters read through READ."""

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> nodes.Node:
        node = self.generic_visit(node)
        if isinstance(node, nodes.Compare):
            node.expr = _through(node.expr, READ)
            for operand in node.ops:
                operand.expr = _through(operand.expr, READ)
        if isinstance(node, nodes.Filter) and node.name not in FREE and node.node is not None:
            node.node = _through(node.node, READ)
        sliced = isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Slice)
        if sliced or (isinstance(node, MAKERS) and getattr(node, "ctx", "load") == "load"):
            return _through(node, MADE)
        return node


def _through(node: nodes.Expr, name: str) -> nodes.Filter:
    return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)


@functools.lru_cache(maxsize=4096)
def compile_cost(text: str) -> int:
    """What compiling the placeholder text ``text`` costs, in characters of MAX_TAGS (counted
    once per text: a batch charges the same texts to every unit)."""
    return COMPILE_OVERHEAD + sum(len(tag) for tag in TAGS.findall(text))


class TextTooLong(SecurityError):
    """The filled text passed the characters allowed: the document is too big, not the tag wrong."""

    def __init__(self, limit: int):
        super().__init__(f"填写后的文字超过 {limit:,} 个字符")
        self.limit = limit


def render_within(template: Template, context: dict[str, Any], limit: int) -> str:
    """``template`` filled from ``context``, stopped once the text passes ``limit`` characters."""
    chunks, size = [], 0
    for chunk in template.generate(context):
        size += len(chunk)
        if size > limit:
            raise TextTooLong(limit)
        chunks.append(chunk)
    return "".join(chunks)
