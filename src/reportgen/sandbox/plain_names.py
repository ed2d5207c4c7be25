"""Placeholders that only name a value (``{{ 单位.名称 }}``), filled without Jinja, as Jinja fills them.

Most placeholders of a campaign are plain names, and a batch fills each of them once per unit:
looking the names up directly costs a tenth of a Jinja rendering. Whenever the result could
differ from Jinja's in any way (a filter, an operation, a name Jinja reads otherwise, a missing
or empty value, a value that is not text or a number, a brace or carriage return in the text),
``fill_plain`` returns None and the caller renders the text with Jinja, which also reports any
problem; so the two always give the same text.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .printable import NotPrintable, printable

NAME = r"[^\W\d]\w*"
PLAIN_TAG = re.compile(rf"\{{\{{ ?({NAME}(?:\.{NAME})*) ?\}}\}}")
# Names Jinja reads as constants or operators, not as names.
KEYWORDS = {"true", "false", "none", "True", "False", "None", "and", "or", "not", "in", "is",
            "if", "else"}
NOT_PLAIN = None


@functools.lru_cache(maxsize=4096)
def plain_parts(text: str) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """``text`` as (literal text, dotted name) pairs, a last literal with no name; None if it
    holds anything but plain ``{{ a.b }}`` tags and literal text without braces."""
    parts, start = [], 0
    for tag in PLAIN_TAG.finditer(text):
        names = tuple(tag.group(1).split("."))
        if any(not n.isidentifier() or n in KEYWORDS for n in names):
            return NOT_PLAIN
        parts.append((text[start:tag.start()], names))
        start = tag.end()
    parts.append((text[start:], ()))
    if any(c in literal for literal, _ in parts for c in "{}\r"):
        return NOT_PLAIN
    return tuple(parts)


def fill_plain(text: str, names: dict[str, Any], limit: int) -> str | None:
    """``text`` filled from ``names`` as Jinja would fill it, or None where only Jinja can."""
    parts = plain_parts(text)
    if parts is None:
        return None
    pieces = []
    for literal, dotted in parts:
        pieces.append(literal)
        if dotted:
            value = _value(names, dotted)
            if value is NOT_PLAIN:
                return None
            pieces.append(value)
    filled = "".join(pieces)
    return filled if len(filled) <= limit else None


def _value(names: dict[str, Any], dotted: tuple[str, ...]) -> str | None:
    """The value at ``dotted`` as text, or None unless Jinja would print it as plainly."""
    value = names.get(dotted[0], NOT_PLAIN)
    for attribute in dotted[1:]:
        value = _attribute(value, attribute)
    if value is None or isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return NOT_PLAIN
    try:
        return str(printable(value))
    except NotPrintable:  # a number that is not finite: Jinja says so
        return NOT_PLAIN


def _attribute(value: Any, attribute: str) -> Any:
    """What the sandbox's ``value.attribute`` gives: a mapping's item that is not also one of
    its attributes, or a number's own attribute (a metric's ``unit``); None for anything else."""
    if attribute.startswith("_"):
        return NOT_PLAIN
    if isinstance(value, dict):
        return NOT_PLAIN if hasattr(value, attribute) else value.get(attribute, NOT_PLAIN)
    if isinstance(value, (int, float)) and attribute in getattr(value, "__dict__", {}):
        return value.__dict__[attribute]
    return NOT_PLAIN
