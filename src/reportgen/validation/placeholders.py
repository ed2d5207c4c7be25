"""Placeholders: ``{{ … }}`` in any text of the YAML, filled from the document's own data."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from ..errors import Problem, display_path
from ..load.located_data import Source
from ..model.placeholder_data import DocData, metric_value
from ..sandbox.environments import (
    MAX_TAGS,
    MAX_TEXT,
    FilterError,
    Missing,
    NotPrintable,
    Refused,
    SecurityError,
    TemplateError,
    compile_cost,
    fill_placeholder,
    unwritten,
)

# Keys whose values are data or settings, never filled in themselves.
# 时段 is not among them: it may itself quote 变量 (时段: "{{ 变量.年度 }}年3月至5月").
DATA_KEYS = {"unit", "单位", "metrics", "指标", "vars", "变量", "template", "模板", "type", "文种"}
NAMES = "unit、metrics、vars、period（或 单位、指标、变量、时段）"


@dataclass(frozen=True)
class Unwritten:
    """A value a unit of a batch left empty (a blank cell, a field its file does not write): a
    placeholder that reads it fails at ``file:line:col: column: 没有填写…``, where it belongs."""

    file: str
    line: int
    col: int
    column: str


class Namespace(dict):
    """A mapping placeholders read with dots, knowing its own dotted path for messages."""

    def __init__(self, path: str, values: dict):
        super().__init__({k: _wrap(f"{path}.{k}", v) for k, v in values.items()})
        self.path = path


def _wrap(path: str, value: Any) -> Any:
    if isinstance(value, Unwritten):
        return unwritten(value, path)
    return Namespace(path, value) if isinstance(value, dict) else value


def context(data: DocData) -> dict[str, Any]:
    """The names placeholders may use, in English and Chinese."""
    values = {
        ("unit", "单位"): data.unit.fields() if data.unit else {},
        ("metrics", "指标"): {k: metric_value(m) for k, m in data.metrics.items()},
        ("vars", "变量"): data.vars,
    }
    names = {name: Namespace(name, value) for pair, value in values.items() for name in pair}
    period = _filled_period(data.period or "", names)
    return {**names, "period": period, "时段": period}


def _filled_period(period: str, names: dict[str, Any]) -> str:
    """时段 with its own placeholders filled; if they fail, expand() reports it at the 时段 key."""
    try:
        return fill(period, names) if "{" in period else period
    except PlaceholderError:
        return period


def expand(source: Source, names: dict[str, Any]) -> tuple[Any, list[Problem]]:
    """``source.data`` with every placeholder filled, and a located problem for each that fails.

    All placeholders of a document together may add at most MAX_TEXT characters to it, and
    hold at most MAX_TAGS characters of tags (compiling them takes time).
    """
    problems: list[Problem] = []
    totals = _Totals()

    def walk(value: Any, path: tuple) -> Any:
        if isinstance(value, dict):
            return {k: v if not path and k in DATA_KEYS else walk(v, (*path, k))
                    for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, (*path, i)) for i, v in enumerate(value)]
        if isinstance(value, str) and ("{{" in value or "{%" in value) and not totals.spent:
            try:
                return totals.fill(value, names)
            except PlaceholderError as exc:
                file, line, col = source.where(path)
                problems.append(exc.problem or Problem(file, str(exc), line, col,
                                                       display_path(list(path))))
        return value

    return walk(source.data, ()), problems


class PlaceholderError(ValueError):
    """A placeholder could not be filled; the message says why, in Chinese. ``problem``: located
    elsewhere than the text (an empty cell of a unit list)."""

    def __init__(self, message: str, problem: Problem | None = None):
        super().__init__(message)
        self.problem = problem


class _Totals:
    """What the placeholders of one document have cost so far; once over a limit, the rest are
    left unfilled (and unreported: the first one over it says why)."""

    def __init__(self) -> None:
        self.compiled = self.added = 0
        self.spent = False

    def fill(self, text: str, names: dict[str, Any]) -> str:
        self.compiled += compile_cost(text)
        if self.compiled > MAX_TAGS:
            self._spend(f"占位符过多：全部占位符（{{{{ }}}} 和 {{% %}} 之内）共超过 {MAX_TAGS:,} 个字符，"
                        "请减少或简化")
        filled = fill(text, names)
        self.added += max(len(filled) - len(text), 0)
        if self.added > MAX_TEXT:
            self._spend(f"占位符不允许这样写：全部占位符填写后共增加了超过 {MAX_TEXT:,} 个字符")
        return filled

    def _spend(self, message: str) -> None:
        self.spent = True
        raise PlaceholderError(message)


def fill(text: str, names: dict[str, Any]) -> str:
    """``text`` with its placeholders filled from ``names``."""
    try:
        return fill_placeholder(text, names)
    except Missing as exc:
        raise PlaceholderError(_missing(exc), _left_empty(exc)) from None
    except (SecurityError, Refused) as exc:
        raise PlaceholderError(f"占位符不允许这样写：{exc}") from None
    except FilterError as exc:
        raise PlaceholderError(f"占位符中的过滤器出错：{exc}") from None
    except NotPrintable as exc:
        raise PlaceholderError(str(exc)) from None
    except TemplateError as exc:
        raise PlaceholderError(f"占位符写法有误：{_syntax(exc.message or '')}"
                               "（占位符写作 {{ 名称 }}，“{{”和“}}”要成对）") from None
    except ZeroDivisionError:
        raise PlaceholderError("占位符无法计算：除数为 0") from None
    except (ArithmeticError, TypeError, ValueError) as exc:
        raise PlaceholderError(f"占位符无法计算：{_reason(exc)}") from None


def _reason(exc: Exception) -> str:
    """Why a calculation failed, in Chinese (Python's own message is English: not shown)."""
    if isinstance(exc, TypeError):
        return "参与运算的值应都是数字（文字、列表不能相加减乘除；数字请不要加引号）"
    if isinstance(exc, OverflowError):
        return "数值超出范围"
    return "数值无效" if isinstance(exc, ArithmeticError) else "值无法转换为所需的类型"


def _syntax(message: str) -> str:
    if message.startswith("unexpected end of template"):
        return "没有结束（缺少“}}”或“%}”）"
    if message.startswith("unexpected '}'"):
        return "多了一个“}”"
    return message


def _left_empty(exc: Missing) -> Problem | None:
    """Where the value a placeholder reads was left empty, if it was."""
    empty = exc.owner
    if not isinstance(empty, Unwritten):
        return None
    return Problem(empty.file, f"没有填写，而文中用到了“{exc.name}”", empty.line, empty.col,
                   empty.column)


def _missing(exc: Missing) -> str:
    message = f"占位符中的“{exc.name}”没有定义"
    if not exc.name:  # no name: what first, last, max or min gives for an empty list
        return "占位符取的值不存在：列表为空，没有第一项、最后一项、最大或最小的一项"
    if exc.owner is None:
        return "占位符的值为空（null），请在 YAML 中填写"
    if not isinstance(exc.owner, Namespace):
        return f"{message}；可用的名称：{NAMES}"
    last = exc.name.rsplit(".", 1)[-1]
    close = difflib.get_close_matches(last, list(exc.owner), n=1, cutoff=0.5)
    if close:
        return f"{message}；是否想写“{exc.owner.path}.{close[0]}”？"
    if not exc.owner:
        return f"{message}；“{exc.owner.path}”中还没有任何项"
    shown = "、".join(f"{exc.owner.path}.{k}" for k in list(exc.owner)[:8])
    return f"{message}；可用：{shown}"
