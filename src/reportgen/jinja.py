"""The only module that imports jinja2: sandboxed environments for placeholders and templates."""

from __future__ import annotations

import functools
import operator
from typing import Any

from jinja2 import (
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    Undefined,
    UndefinedError,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment, SecurityError

from .filters import FILTERS, FilterError

MAX_REPEAT = 100_000  # characters or items a "*" in a placeholder may produce
MAX_POWER = 64
UNUSED_GLOBALS = ("lipsum", "cycler", "joiner")  # nothing a document needs; less to reach through

__all__ = ["FilterError", "Missing", "SecurityError", "TemplateError", "TemplateSyntaxError",
           "placeholder_template", "template_environment"]


class Missing(UndefinedError):
    """A placeholder named a value the document does not have."""

    def __init__(self, name: str, owner: Any):
        super().__init__(name)
        self.name, self.owner = name, owner


class _Undefined(StrictUndefined):
    """Strict: printing, testing or iterating a missing value raises Missing with its name."""

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> Any:
        owner = self._undefined_obj
        path = getattr(owner, "path", "")
        name = self._undefined_name or ""
        if self._undefined_exception is SecurityError:
            raise SecurityError(f"不能访问内部属性“{name}”")
        raise Missing(f"{path}.{name}" if path else name, owner)


# Undefined binds its operators to the base class's failure function; rebind them to ours.
for _name, _value in {**vars(Undefined), **vars(StrictUndefined)}.items():
    if _value is Undefined._fail_with_undefined_error:
        setattr(_Undefined, _name, _Undefined._fail_with_undefined_error)


class _Sandbox(ImmutableSandboxedEnvironment):
    """The placeholder sandbox: no internals, no mutation, no huge strings or powers."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        if op == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_POWER:
                raise SecurityError(f"乘方的指数不能超过 {MAX_POWER}")
            return operator.pow(left, right)
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int) \
                    and len(seq) * times > MAX_REPEAT:
                raise SecurityError(f"重复后的结果超过 {MAX_REPEAT} 个字符")
        return operator.mul(left, right)


def _finalize(value: Any) -> Any:
    """Refuse to print null; print decimals without binary noise (0.1 + 0.2 → 0.3)."""
    if value is None:
        raise Missing("（空值 null）", None)
    if isinstance(value, float):
        return f"{round(value, 9):f}".rstrip("0").rstrip(".")
    return value


@functools.cache
def _placeholder_environment() -> _Sandbox:
    env = _Sandbox(undefined=_Undefined, autoescape=False, finalize=_finalize,
                   keep_trailing_newline=True)
    for name in UNUSED_GLOBALS:
        env.globals.pop(name, None)
    for names, function in FILTERS.items():
        for name in names:
            env.filters[name] = function
    return env


@functools.lru_cache(maxsize=4096)
def placeholder_template(text: str) -> Template:
    """``text`` compiled once, however many documents use it (raises TemplateSyntaxError)."""
    return _placeholder_environment().from_string(text)


@functools.cache
def template_environment() -> SandboxedEnvironment:
    """The environment Word templates render in: sandboxed, XML-escaped, strict about names."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
