"""YAML text written by hand, with comments (PyYAML writes none): every string quoted so that it
reads back exactly as written, whatever characters it holds.

A string is written double-quoted on one line, with an escape for each character that is not
plainly printable, or, for paragraphs and title lines, as a ``|`` block when every line is plain
text. Numbers and yes/no are not written by this module's callers as such: a number is written
only where a number belongs (指标's 值), and 是/否 are text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

INDENT = "  "
PLAIN_KEY = re.compile(r"[\u4e00-\u9fff]+")
ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"}


@dataclass(frozen=True)
class Noted:
    """A value with a comment written on the line before its key (``# 请核对：…``)."""

    value: Any
    comment: str


@dataclass(frozen=True)
class Block:
    """Lines written as a ``|`` block: paragraphs with a blank line between them, or (not
    ``spaced``) title lines, one a line, which reportgen breaks the title at."""

    lines: tuple[str, ...]
    spaced: bool = True


def yaml_text(data: dict, header: list[str] = ()) -> str:
    """``data`` (mappings, lists, strings, Blocks, numbers) as YAML, ``header`` as comment lines."""
    lines = [f"# {line}" if line else "#" for line in header]
    return "\n".join(lines + _mapping(data, 0)) + "\n"


def quoted(text: str) -> str:
    """``text`` double-quoted, each character that is not plainly printable escaped."""
    return '"' + "".join(_escaped(c) for c in text) + '"'


def is_plain_line(text: str) -> bool:
    """A line a ``|`` block holds as it is: printable, no leading or trailing space, not empty."""
    return bool(text) and text == text.strip() and all(_printable(c) for c in text)


def block_or_quoted(lines: list[str], spaced: bool = True) -> Block | str | list[str]:
    """Several paragraphs (or title lines) as a Block when every one is a plain line; else one
    text, or a list of texts (paragraphs), each quoted."""
    if len(lines) > 1 and all(is_plain_line(line) for line in lines):
        return Block(tuple(lines), spaced)
    return lines[0] if len(lines) == 1 else list(lines)


def _escaped(char: str) -> str:
    if char in ESCAPES:
        return ESCAPES[char]
    if _printable(char):
        return char
    code = ord(char)
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}" if code < 0x10000 else \
        f"\\U{code:08X}"


def _printable(char: str) -> bool:
    """Printable to Python and to YAML: not a control, format, separator or surrogate character
    (U+2028 and U+0085 are line breaks to YAML), except the ordinary and the full-width space."""
    return char in " \u3000" or (char.isprintable() and char not in "\ufeff\ufffe\uffff")


def _key(key: str) -> str:
    return key if PLAIN_KEY.fullmatch(key) else quoted(key)


def _mapping(data: dict, depth: int) -> list[str]:
    lines = []
    for key, value in data.items():
        pad = INDENT * depth
        comments, value = _comments(value)
        lines += [f"{pad}# {line}" for line in comments]
        lines += _entry(f"{pad}{_key(key)}:", value, depth)
    return lines


def _comments(value: Any) -> tuple[list[str], Any]:
    """The comment lines of a (possibly twice) Noted value, outermost first, and the value."""
    lines: list[str] = []
    while isinstance(value, Noted):
        lines += value.comment.splitlines()
        value = value.value
    return lines, value


def _entry(head: str, value: Any, depth: int) -> list[str]:
    """``head`` (``key:`` or ``-``) followed by ``value`` on its line or the lines below."""
    if isinstance(value, dict):
        return [head, *_mapping(value, depth + 1)] if value else [f"{head} {{}}"]
    if isinstance(value, list):
        flow = _flow(value)
        if flow is not None:
            return [f"{head} {flow}"]
        return [head, *_sequence(value, depth + 1)] if value else [f"{head} []"]
    if isinstance(value, Block):
        pad = INDENT * (depth + 1)
        return [f"{head} |", *[f"{pad}{line}" if line else "" for line in _block_lines(value)]]
    return [f"{head} {_scalar(value)}"]


def _block_lines(block: Block) -> list[str]:
    """The block's lines, with a blank line between paragraphs."""
    if not block.spaced:
        return list(block.lines)
    return [x for n, line in enumerate(block.lines) for x in ([line] if n == 0 else ["", line])]


def _sequence(items: list, depth: int) -> list[str]:
    lines = []
    pad = INDENT * depth
    for item in items:
        comments, item = _comments(item)
        lines += [f"{pad}# {line}" for line in comments]
        if isinstance(item, dict) and item:
            inner = _mapping(item, depth + 1)
            first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
            inner[first] = f"{pad}- {inner[first][len(pad) + 2:]}"
            lines += inner
        else:
            lines += _entry(f"{pad}-", item, depth)
    return lines


def _flow(items: list) -> str | None:
    """A list of texts and numbers as ``[…]``; None for a list holding anything else."""
    if not all(isinstance(i, (str, int, float)) and not isinstance(i, bool) for i in items):
        return None
    return "[" + ", ".join(_scalar(i) for i in items) + "]"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return repr(value)
    if value is None:
        return "null"
    return quoted(str(value))
