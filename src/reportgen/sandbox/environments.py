"""Sandboxed Jinja environments for placeholders and templates, running only the syntax that
limits.py allows."""

from __future__ import annotations

import functools
import re
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
           "fill_placeholder", "placeholder_template", "render_within", "tag_syntax_problems",
           "template_environment", "unwritten"]


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


# Checking Word templates: each docxtpl tag is one line of a Jinja source, so a line number
# names a tag, which the template check locates in the document.

BLOCK_TAGS = ("for", "if", "macro", "call", "filter", "with", "set", "block", "raw", "autoescape")
NEUTRAL = {"for": "{% for _ in () %}", "if": "{% if 1 %}", "elif": "{% elif 1 %}",
           "else": "{% else %}", "with": "{% with %}", "filter": "{% filter string %}",
           "macro": "{% macro _() %}", "call": "{% call _() %}", "autoescape": "{% autoescape 1 %}"}


def tag_syntax_problems(tags: list[str]) -> tuple[list[tuple[int, str]], nodes.Template]:
    """Every syntax error of a sequence of tags as (tag index, message in Chinese), and the
    syntax tree of the tags repaired, so that the names in the rest can still be checked.

    Jinja stops at its first error; the faulty tag is repaired (a missing end tag added, a stray
    one dropped, a broken expression made neutral) and the source compiled again. The end tags
    missing at the end are added on a last line of their own, which no other repair replaces.
    """
    tags, found, env = [*tags, ""], [], template_environment()
    for _ in range(3 * len(tags) + 3):
        try:
            tree = env.parse("\n".join(tags))
            env.compile(tree)
            return found, tree
        except (TemplateSyntaxError, RecursionError) as exc:
            index, message, repairs = _locate(exc, tags)
            if all(tags[i] == text for i, text in repairs.items()):
                break
            found.append((index, message))
            for i, text in repairs.items():
                tags[i] = text
    return found, env.parse("")


def _locate(exc: TemplateSyntaxError | RecursionError, tags: list[str]) -> tuple[int, str, dict[int, str]]:
    """The tag at fault, what is wrong with it, and the repaired tags by index. Jinja's parser
    recurses once per bracket, so the tag with the most nested brackets is at fault for that."""
    if isinstance(exc, RecursionError):
        line = max(range(len(tags) - 1), key=lambda i: _bracket_depth(tags[i]))
        return line, TOO_DEEP.replace("占位符", "标签"), {line: _neutral(tags[line])}
    message = exc.message or ""
    line = min(max((exc.lineno or 1) - 1, 0), len(tags) - 2)
    if isinstance(exc, Refused):
        return line, message, _without_refused(tags, line)
    innermost = re.search(r"innermost block that needs to be closed is '(\w+)'", message)
    unknown = re.match(r"Encountered unknown tag '(\w+)'", message)
    if message.startswith("Unexpected end of template") and innermost:
        return _unclosed(tags, len(tags), innermost.group(1))
    if unknown and innermost and unknown.group(1).removeprefix("end") in _open_blocks(tags, line):
        return _unclosed(tags, line, innermost.group(1))
    if unknown:
        return line, _unknown_tag(unknown.group(1)), {line: ""}
    return line, _expression_error(message), {line: _neutral(tags[line])}


def _without_refused(tags: list[str], line: int) -> dict[int, str]:
    """The tag at ``line`` made allowed: a refused block (macro, with …) becomes an if, its end
    tag an endif; any other tag becomes a neutral one of its kind."""
    word = _keyword(tags[line])
    if word not in BLOCK_TAGS or word in ("for", "if") or (word == "set" and "=" in tags[line]):
        return {line: _neutral(tags[line]) if word in ("for", "if") else ""}
    depth = 0
    for i in range(line + 1, len(tags)):
        for tag in re.finditer(r"\{%[-+]?\s*(\w+).*?%\}", tags[i], re.DOTALL):  # a repair may add one
            depth += {word: 1, f"end{word}": -1}.get(tag.group(1), 0)
            if depth < 0:
                return {line: "{% if 1 %}", i: tags[i][:tag.start()] + "{% endif %}" + tags[i][tag.end():]}
    return {line: ""}


def _unclosed(tags: list[str], end: int, block: str) -> tuple[int, str, dict[int, str]]:
    """A block opened before tag ``end`` and never closed: blamed on its opener (or the tag before
    ``end``, the last of the user's), closed at ``end`` (after the last line when past it)."""
    opener = next((i for i, k in reversed(_open_stack(tags[:end])) if k == block), min(end, len(tags) - 1) - 1)
    close = f"{{% end{block} %}}"
    repair = {end: close + tags[end]} if end < len(tags) else {end - 1: tags[end - 1] + close}
    return opener, f"这个 {block} 没有结束：缺少与它配对的 end{block}", repair


def _bracket_depth(tag: str) -> int:
    depth = deepest = 0
    for char in tag:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def _neutral(tag: str) -> str:
    """A valid tag of the same kind as ``tag``: the same loop variables for a for."""
    target = re.match(r"\{%[-+]?\s*for\s+([\w\s,]+?)\s+in\b", tag)
    if target:
        return f"{{% for {target.group(1)} in () %}}"
    return NEUTRAL.get(_keyword(tag), "")


def _open_blocks(tags: list[str], end: int) -> list[str]:
    return [keyword for _, keyword in _open_stack(tags[:end])]


def _open_stack(tags: list[str]) -> list[tuple[int, str]]:
    """Block tags opened and not yet closed, outermost first, as (tag index, keyword)."""
    stack: list[tuple[int, str]] = []
    for i, tag in enumerate(tags):
        word = _keyword(tag)
        if word in BLOCK_TAGS and not (word == "set" and "=" in tag):
            stack.append((i, word))
        elif word.startswith("end") and word[3:] in [k for _, k in stack]:
            while stack and stack.pop()[1] != word[3:]:
                pass
    return stack


def _keyword(tag: str) -> str:
    found = re.match(r"\{%[-+]?\s*(\w+)", tag)
    return found.group(1) if found else ""


def _unknown_tag(word: str) -> str:
    if word.startswith("end") and word[3:] in BLOCK_TAGS:
        return f"多余的 {word}：前面没有与它配对的 {word[3:]}"
    if word in ("else", "elif"):
        return f"{word} 前面没有与它配对的 if（或 for）"
    return f"不认识的标签“{word}”"


def _expression_error(message: str) -> str:
    """Jinja's message in Chinese (an unknown filter is Refused before Jinja compiles it)."""
    for pattern, chinese in (
            (r"No test named '(.+?)'", "没有名为“{}”的测试"),
            (r"expected token 'end of print statement', got '(.+?)'",
             "“{}”处有误：{{{{ }}}} 中只能写一个名称或表达式"),
            (r"unexpected '(end of (?:print )?statement(?: block)?)'", "表达式没有写完：运算符后缺少名称或数字"),
            (r"unexpected '(.+?)'", "多了一个“{}”"),
            (r"Expected an expression, got '(.+?)'", "缺少名称或表达式")):
        found = re.match(pattern, message)
        if found:
            return chinese.format(found.group(1))
    return f"标签写法有误（{message}）"
