"""click's help pages laid out for Chinese: widths in terminal columns (a 字 takes two), and
full-width colons after 用法 and the headings."""

from __future__ import annotations

import re

import click

from ..chinese.widths import is_wide

TOKENS = re.compile(r"[\x21-\x7e]+|\s+|.")  # a run of Latin letters, digits and signs stays whole
NO_LINE_START = set("，。、；：？！）》」』”’…")


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes."""
    return sum(2 if is_wide(c) else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns; no line starts with a closing mark."""
    lines: list[str] = []
    line = ""
    for token in TOKENS.findall(" ".join(text.split())):
        if line and not token.isspace() and token[0] not in NO_LINE_START \
                and columns(line + token) > width:
            lines.append(line.rstrip())
            line = ""
        line += "" if token.isspace() and not line else token
    return [*lines, line.rstrip()] if line.strip() else lines


class HelpFormatter(click.HelpFormatter):
    """click's formatter measuring in columns rather than characters."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        head = f"{' ' * self.current_indent}{prefix or '用法：'}{prog} "
        lines = wrap(args, max(self.width - columns(head), 20)) or [""]
        self.write(head + f"\n{' ' * columns(head)}".join(lines) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{' ' * self.current_indent}{heading}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        self.write("\n\n".join("\n".join(indent + line for line in
                                         wrap(p, self.width - self.current_indent))
                               for p in paragraphs) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((columns(first) for first, _ in rows), default=0), col_max) + col_spacing
        indent = " " * (self.current_indent + first_col)
        for first, second in rows:
            self.write(" " * self.current_indent + first)
            gap = first_col - columns(first)
            lines = wrap(second, max(self.width - len(indent), 20))
            if lines and gap < col_spacing:
                self.write("\n" + indent)
            elif lines:
                self.write(" " * gap)
            self.write(f"\n{indent}".join(lines) + "\n")


class Context(click.Context):
    """A click context whose help pages use the Chinese formatter."""

    formatter_class = HelpFormatter
