"""Blocks of the outline: numbered points (sections and items) as headings, run-in headings,
paragraphs and tables, and 行内 enumerations."""

from __future__ import annotations

from dataclasses import dataclass

from ..chinese.numerals import ordinal
from ..model.sections import Item, Point
from .tables import TableView, table_view

SENTENCE_END = "。！？；：…"


@dataclass(frozen=True)
class Block:
    """One body paragraph or table.

    ``kind`` is p, h1–h4 (heading), r1–r4 (run-in heading), list, table (with ``table``),
    or, on the pages after the signature, label (附件1), title, page (a page break before what
    follows) and note (a 附件说明 line).
    """

    kind: str
    head: str = ""
    text: str = ""
    table: TableView | None = None


def item_blocks(items: list[Item], levels: tuple[int, ...]) -> list[Block]:
    """Items numbered at ``levels[0]``, restarting under each parent; theirs one level down."""
    return each(items, lambda item, n: point_blocks(item, levels, ordinal(levels[0], n), item.title))


def point_blocks(point: Point, levels: tuple[int, ...], head: str, title: str | None,
                 extra: list[Block] = (), children: list[Block] | None = None) -> list[Block]:
    """A heading (or a run-in heading) with its text, table, ``extra`` blocks, then its items.

    Levels 3–4 run their first paragraph into the heading unless 接排 says otherwise; 行内 items
    join the text (after a closing ：) as one numbered paragraph.
    """
    level, text, after_table = levels[0], list(point.text), []
    if point.inline:
        enumeration = inline_text(point.items, levels[1])
        if point.table:
            after_table = [enumeration]
        elif text and text[-1].endswith(("：", ":")):
            text[-1] += enumeration
        else:
            text.append(enumeration)
    run_in = point.run_in if point.run_in is not None else level >= 3
    if title and text and run_in:
        blocks = [Block(f"r{level}", head + _run_in_title(title, level), text[0])]
        blocks += paragraphs(text[1:])
    elif title:
        blocks = [Block(f"h{level}", head + title)] + paragraphs(text)
    else:
        blocks = [Block(f"r{level}", head, text[0])] + paragraphs(text[1:]) if text else []
    blocks += table_blocks(point.table) + paragraphs(after_table) + list(extra)
    if point.inline:
        return blocks
    return blocks + (children if children is not None else item_blocks(point.items, levels[1:]))


def inline_text(items: list[Item], level: int) -> str:
    """1.……；2.……；3.……。: each item's one paragraph, its own last ；or 。 replaced."""
    parts = [ordinal(level, n) + _without_end(item.text[0]) for n, item in enumerate(items, start=1)]
    return "；".join(parts) + "。"


def each(things: list, blocks_of) -> list[Block]:
    return [b for n, thing in enumerate(things, start=1) for b in blocks_of(thing, n)]


def paragraphs(texts: list[str]) -> list[Block]:
    return [Block("p", text=t) for t in texts]


def table_blocks(table) -> list[Block]:
    return [Block("table", table=table_view(table))] if table is not None else []


def _run_in_title(title: str, level: int) -> str:
    """The heading part of a run-in paragraph: 活动主题： at level 1, 标题。 below."""
    return title if title[-1] in SENTENCE_END else f"{title}{'：' if level == 1 else '。'}"


def _without_end(text: str) -> str:
    return text[:-1] if text and text[-1] in "；。，、;,." else text
