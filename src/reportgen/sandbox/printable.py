"""What a placeholder may print: text, a number or a date; for anything else (a list, a mapping,
a yes/no, a method, a range) an error saying what to write instead, never a Python repr.

Every way a value becomes text passes here: ``{{ … }}`` (the environment's finalize), ``~``
(joined_as_text), the filters that take text (upper, trim, string …) and the list filters.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from jinja2 import Undefined, nodes

from ..chinese.dates import chinese_date
from ..chinese.written_numbers import number_text, read_number
from ..errors import described

TEXT_FILTERS = ("capitalize", "e", "escape", "lower", "title", "trim", "upper")
AS_TEXT = "_text"  # the filter every operand of ``~`` passes through
LIST_HINT = "请用过滤器把它连成文字：{{ … | 顿号 }}（甲、乙、丙）或 {{ … | 列举 }}（甲、乙和丙）"


class NotPrintable(ValueError):
    """A placeholder's value cannot be written into the text; the message says what to write."""


class FilterError(ValueError):
    """A filter was given a value it cannot format; the message is in Chinese, for the user."""


def printable(value: Any) -> Any:
    """``value`` as the document prints it (Undefined as it is, so that printing it names it)."""
    if isinstance(value, (Undefined, str)):
        return value
    if isinstance(value, bool):
        raise NotPrintable(f"占位符的值是“是/否”（{str(value).lower()}），不能直接写入正文：要写文字，"
                           "请在 YAML 中给它加引号（如 \"是\"），或用 {% if … %} 选择要写的文字")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise NotPrintable(f"占位符的值不是一个有限的数（{value}），不能写入正文")
        return number_text(value)
    if isinstance(value, date):
        return chinese_date(value)
    raise NotPrintable(_what_instead(value))


QUOTED = 40  # characters of a value a message quotes; a longer one is cut with "…"


def shown(value: Any) -> str:
    """``value`` as a filter's message quotes it: text and numbers as written (the first QUOTED
    characters), others by kind."""
    plain = isinstance(value, (str, int, float)) and not isinstance(value, bool)
    text = str(value) if plain else ""
    return (f"“{text[:QUOTED]}…”" if len(text) > QUOTED else f"“{text}”") if plain else described(value)


def printable_text(value: Any) -> str:
    """``value`` as text (printing Undefined raises its own error, naming it)."""
    return str(printable(value))


def _what_instead(value: Any) -> str:
    if value is None:
        return "占位符的值为空（null），请在 YAML 中填写"
    if isinstance(value, dict):
        path = getattr(value, "path", "…")
        first = next(iter(value), "名称")
        return (f"占位符的值是映射（{'、'.join(map(str, list(value)[:5]))}），不能直接写入正文："
                f"请写其中的一项，如 {{{{ {path}.{first} }}}}")
    if isinstance(value, (list, tuple)):
        return f"占位符的值是列表（{len(value)} 项），不能直接写入正文：{LIST_HINT}"
    if callable(value):
        return ("占位符的值是一个方法，不能写入正文：请写数据中的名称，如 {{ 变量.年度 }}；"
                "要列出一个映射的各项名称，写 {{ 变量.X.keys() | 顿号 }}")
    if hasattr(value, "__iter__"):
        return f"占位符的值是一组值，不能直接写入正文：{LIST_HINT}"
    return "占位符的值不是文字、数字或日期，不能写入正文"


def texts(values: Any, name: str) -> list[str]:
    """The items of a list as text, for the filters that join them; items must be text or numbers."""
    if isinstance(values, (str, bytes, dict)) or not hasattr(values, "__iter__"):
        raise FilterError(f"{name}：应为列表，实际为{shown(values)}")
    items = list(values)
    for number, item in enumerate(items, start=1):
        if isinstance(item, (bool, list, tuple, dict)) or item is None:
            raise FilterError(f"{name}：第 {number} 项是{described(item)}，应为文字或数字")
    return [printable_text(item) for item in items]


def strict_int(value: Any, default: Any = None) -> Any:
    """Jinja's ``int``, except that what is not a number is an error, not 0 (unless a default is
    written: ``x | int(0)``)."""
    number = _number(value, "int", default)
    return number if number is default else int(number)


def strict_float(value: Any, default: Any = None) -> Any:
    """Jinja's ``float``, except that what is not a number is an error, not 0.0."""
    number = _number(value, "float", default)
    return number if number is default else float(number)


def _number(value: Any, name: str, default: Any) -> Any:
    if isinstance(value, Undefined) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    number = read_number(value) if isinstance(value, str) else None
    if number is None and default is None:
        raise FilterError(f"{name}：应为数字，实际为{shown(value)}")
    return default if number is None else number


def text_filters(filters: dict) -> dict:
    """The filters that take text, taking only what ``printable`` allows; ``string`` and ``~``
    made the same; ``int`` and ``float`` strict."""
    checked = {name: _taking_text(filters[name]) for name in TEXT_FILTERS if name in filters}
    return {**checked, "string": printable_text, AS_TEXT: printable_text,
            "int": strict_int, "float": strict_float}


def _taking_text(function):
    def taking_text(value: Any, *args: Any, **kwargs: Any) -> Any:
        return function(printable(value), *args, **kwargs)
    return taking_text


def joined_as_text(tree: nodes.Template) -> nodes.Template:
    """``tree`` with every operand of ``~`` passed through ``printable_text``."""
    for concat in tree.find_all(nodes.Concat):
        concat.nodes = [nodes.Filter(n, AS_TEXT, [], [], None, None, lineno=n.lineno)
                        for n in concat.nodes]
    return tree
