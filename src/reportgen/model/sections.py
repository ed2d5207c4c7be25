"""The content model shared by every document: sections, items, tables and attachments.

Every key has an English and a Chinese name, both accepted.
"""

from __future__ import annotations

from typing import Any

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .keys import Node, key
from .tables import Table
from .value_types import OrdinalLevels, Paragraphs, YesNo

MAX_LEVEL = 4
EMPTY_SECTION = "这一部分没有内容：请填写内容，或删除这一项"


def as_text(data: Any) -> Any:
    return {"text": data} if isinstance(data, (str, list, int, float)) else data


class Point(Node):
    """What sections and items both have: a heading (标题), text (内容), a table (表格), 条目.

    Written as plain text, it is all text. 接排 runs the first paragraph into the heading line
    (by default levels 3–4 run in, 1–2 do not); 行内 writes text-only items into one paragraph,
    numbered and separated by ；.
    """

    title: str | None = key("title", "标题")
    text: Paragraphs = key("text", "内容", [])
    table: Table | None = key("table", "表格")
    items: list[Item] = key("items", "条目", [])
    run_in: YesNo | None = key("run_in", "接排")
    inline: YesNo = key("inline", "行内", False)

    _text_only = model_validator(mode="before")(lambda data: as_text(data))

    @model_validator(mode="after")
    def _inline_items_are_text(self) -> Point:
        if self.inline and not self.items:
            raise PydanticCustomError("inline", "“行内”把条目排进一段：这里没有条目")
        for i, item in enumerate(self.items if self.inline else []):
            if not isinstance(item, Item) or item.title or item.table or item.items \
                    or len(item.text) != 1:
                raise PydanticCustomError(
                    "inline", "“行内”的条目只能是一段文字（不能有标题、表格、下级条目或几段）",
                    {"subpath": ("items", i)})
        return self

    @model_validator(mode="after")
    def _run_in_has_text(self) -> Point:
        if self.run_in and self.title and not (self.text or self.inline):
            raise PydanticCustomError("run_in", "“接排”把“内容”接在标题之后：这里没有内容")
        return self


class Item(Point):
    """A numbered point, with sub-points (条目) numbered one level down."""

    @model_validator(mode="after")
    def _has_words(self) -> Item:
        if not self.title and not self.text:
            raise PydanticCustomError("empty_item", "条目需要“标题”或“内容”")
        return self


def _too_deep(items: list, level: int, path: tuple = ()) -> tuple | None:
    """The path of the first item below level 4 (（1）), if any."""
    for i, item in enumerate(items):
        here = (*path, "items", i)
        if level > MAX_LEVEL:
            return here
        found = _too_deep(item.items, level + 1, here)
        if found:
            return found
    return None


def check_depth(node: Any, first_level: int) -> Any:
    """``node`` if its items, numbered from ``first_level``, stay within the four levels."""
    found = _too_deep(node.items, first_level)
    if found:
        raise PydanticCustomError(
            "depth", "层次过深：公文结构层次最多四级（一、（一）1.（1）），请把这一层并入上一级的内容",
            {"subpath": found},
        )
    return node


class Section(Point):
    """A level-1 section: text, a table, items numbered from （一） (or as 序号 says)."""

    ordinals: OrdinalLevels | None = key("ordinals", "序号")

    @model_validator(mode="after")
    def _at_most_four_levels(self) -> Section:
        return check_depth(self, 2)

    @model_validator(mode="after")
    def _has_content(self) -> Section:
        if not self.has_content:
            raise PydanticCustomError("empty", EMPTY_SECTION)
        return self

    @property
    def has_content(self) -> bool:
        """True when the section has something to print under its heading."""
        return bool(self.text or self.table or self.items)

class FreeSection(Section):
    """A section under 正文 with a title of the user's choosing."""

    title: str = key("title", "标题", ...)




class Attachment(Node):
    """附件: a name for the 附件说明 only, or a titled attachment with its own pages."""

    title: str = key("title", "标题", ...)
    text: Paragraphs = key("text", "内容", [])
    table: Table | None = key("table", "表格")
    items: list[Item] = key("items", "条目", [])

    _name_only = model_validator(mode="before")(
        lambda data: {"title": data} if isinstance(data, (str, int, float)) else data)
    _at_most_four_levels = model_validator(mode="after")(lambda self: check_depth(self, 1))

    @property
    def has_pages(self) -> bool:
        """True when the attachment has content to print after the body, not just a name."""
        return bool(self.text or self.table or self.items)
