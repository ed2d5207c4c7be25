"""Which ordinal form (一、（一）1.（1）, levels 1–4) each nesting depth takes, as 序号 chooses.

By default a section is 一、 and its items go down one level at a time. ``序号: [一、, 1.]`` at the
top of a file makes the items of every section 1. (and theirs （1）): levels may be skipped,
never reversed. On a section, 序号 may repeat the sections' own form first ([一、, 1.]) or give
only the levels below it ([1.]).
"""

from __future__ import annotations

from typing import Any

from pydantic_core import InitErrorDetails, PydanticCustomError

LEVELS = (1, 2, 3, 4)
FORMS = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}


def completed(levels: list[int] | tuple[int, ...], above: int = 0) -> tuple[int, ...]:
    """The given levels, then every deeper one: [1, 3] → (1, 3, 4); none: those below ``above``."""
    last = levels[-1] if levels else above
    return (*levels, *(level for level in LEVELS if level > last))


def document_levels(ordinals: list[int] | None) -> tuple[int, ...]:
    """The levels of a document's nesting depths, sections first."""
    return completed(ordinals or LEVELS)


def section_levels(top: tuple[int, ...], own: list[int] | None) -> tuple[int, ...]:
    """The levels of one section's depths: the document's, or as its own 序号 says."""
    if not own:
        return top
    below = own[1:] if own[0] == top[0] else own
    return (top[0], *completed([level for level in below if level > top[0]], top[0]))


def below_first(top: tuple[int, ...], own: list[int]) -> bool:
    """Whether a section's own 序号 stays below the sections' form (or repeats it first)."""
    below = own[1:] if own[0] == top[0] else own
    return all(level > top[0] for level in below)


def too_deep(node: Any, depths: int, path: tuple) -> list[InitErrorDetails]:
    """An error for each item of ``node`` nested deeper than ``depths`` levels (node at depth 1)."""
    errors = []
    for i, item in enumerate(getattr(node, "items", [])):
        here = (*path, "items", i)
        if depths <= 1:
            errors.append(_deep(here, depths))
        else:
            errors += too_deep(item, depths - 1, here)
    return errors


def _deep(path: tuple, depths: int) -> InitErrorDetails:
    message = "层次过深：按“序号”的设定，这里已是最后一级，请把这一层并入上一级的内容"
    return InitErrorDetails(type=PydanticCustomError("depth", message), loc=path, input=None)
