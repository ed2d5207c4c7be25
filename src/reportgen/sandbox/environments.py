"""Sandboxed Jinja environments for placeholders and templates, running only the syntax that
limits.py allows."""

from __future__ import annotations

import functools
from typing import Any

from jinja2 import (
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    Undefined,
    UndefinedError,
    nodes,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment, SecurityError

from .budget import MAX_TAGS, TextTooLong, compile_cost, render_within
from .filters import FILTERS, FilterError
from .limits import SAFE_FILTERS, Guarded, Refused, guard
from .plain_names import fill_plain
from .printable import NotPrintable, joined_as_text, printable, text_filters

MAX_TEXT = 1_000_000  # characters one filled placeholder text may have
PLACEHOLDER_STEPS = 100_000  # loop steps in one placeholder text
TEMPLATE_STEPS = 5_000_000  # loop steps in one filling of a Word template (a 汇总 of 100,000 units)
# Characters and items made or read (budget.py): a real placeholder text uses under 10,000, a real
# filling of a template under 10,000 too, even for a 汇总 of 20,000 units.
PLACEHOLDER_WORK = 2_000_000  # in one placeholder text
TEMPLATE_WORK = 5_000_000  # in one filling of a Word template

TOO_DEEP = "括号、运算或过滤器嵌套过深：请把它拆成几个简单的占位符"

__all__ = ["MAX_TAGS", "MAX_TEXT", "FilterError", "Missing", "NotPrintable", "Refused",
           "SecurityError", "TemplateError", "TemplateSyntaxError", "TextTooLong", "compile_cost",
           "fill_placeholder", "placeholder_template", "render_within", "template_environment",
           "unwritten"]


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


def unwritten(owner: Any, name: str) -> Undefined:
    """A value that is not there because the user left it empty (``owner`` says where): using it
    fails as a missing name does, with ``owner`` on the Missing error."""
    return _Undefined(obj=owner, name=name)


# Undefined binds its operators to the base class's failure function; rebind them to ours.
for _name, _value in {**vars(Undefined), **vars(StrictUndefined)}.items():
    if _value is Undefined._fail_with_undefined_error:
        setattr(_Undefined, _name, _Undefined._fail_with_undefined_error)


class _Sandbox(Guarded, ImmutableSandboxedEnvironment):
    """The placeholder sandbox: no internals, no mutation, no huge strings or powers, no reprs."""

    def _generate(self, source: nodes.Template, *args: Any, **kwargs: Any) -> str:
        return super()._generate(joined_as_text(source), *args, **kwargs)


def _finalize(value: Any) -> Any:
    """Refuse to print null, and what is not text, a number or a date (printable.py); print
    decimals without binary noise (0.1 + 0.2 → 0.3)."""
    if value is None:
        raise Missing("（空值 null）", None)
    return printable(value)


@functools.cache
def _placeholder_environment() -> _Sandbox:
    env = _Sandbox(undefined=_Undefined, autoescape=False, finalize=_finalize,
                   keep_trailing_newline=True, optimized=False)
    ours = {name: function for names, function in FILTERS.items() for name in names}
    safe = {n: env.filters[n] for n in SAFE_FILTERS}
    return guard(env, {**safe, **text_filters(safe), **ours}, PLACEHOLDER_STEPS, PLACEHOLDER_WORK)


@functools.lru_cache(maxsize=4096)
def placeholder_template(text: str) -> Template:
    """``text`` compiled once, however many documents use it (raises TemplateSyntaxError)."""
    try:
        return _placeholder_environment().from_string(text)
    except RecursionError:  # Jinja's parser recurses once per bracket: ((((…))))
        raise SecurityError(TOO_DEEP) from None


def fill_placeholder(text: str, names: dict[str, Any]) -> str:
    """``text`` filled from ``names``, stopped when it grows past MAX_TEXT characters; plain
    names (plain_names.py) without Jinja."""
    plain = fill_plain(text, names, MAX_TEXT)
    if plain is not None:
        return plain
    return render_within(placeholder_template(text), names, MAX_TEXT)


class _TemplateSandbox(Guarded, SandboxedEnvironment):
    """The Word-template sandbox, reading dataclass fields (the outline reportgen made) directly.

    A field of a dataclass is plain data, so the sandbox's checks, which cost more than the rest
    of filling a template, are kept for everything else.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        fields = getattr(type(obj), "__dataclass_fields__", None)
        if fields is not None and attribute in fields:
            return getattr(obj, attribute)
        return super().getattr(obj, attribute)


@functools.cache
def template_environment() -> SandboxedEnvironment:
    """The environment Word templates render in: sandboxed, XML-escaped, strict about names."""
    env = _TemplateSandbox(autoescape=True, undefined=StrictUndefined, optimized=False)
    return guard(env, {n: env.filters[n] for n in SAFE_FILTERS}, TEMPLATE_STEPS, TEMPLATE_WORK)
