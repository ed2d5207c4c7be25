"""The forms real 方案 take around their sections: the 印发通知 that issues a 方案, the 领导小组's
办公室 with its 主任, and the ordinal forms (序号) each section's levels take."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from .keys import Node, key
from .levels import FORMS, below_first, document_levels, section_levels, too_deep
from .sections import Attachment
from .value_types import Names, Paragraphs, _yes_no

NOTICE_SENTENCE = "现将《{title}》印发给你们，请结合实际，认真贯彻落实。"


class CoverNotice(Node):
    """印发通知: the notice that issues the 方案; its title and text have defaults."""

    title: str | None = key("title", "标题")
    text: Paragraphs = key("text", "内容", [])


def _notice(value: Any) -> Any:
    """是 → the default notice, 否 → none, a mapping → a notice with its own title or text."""
    value = _yes_no(value)
    if value is True:
        return {}
    return None if value is False else value


CoverNoticeKey = Annotated[CoverNotice | None, BeforeValidator(_notice)]


class Office(Node):
    """领导小组的办公室: its text (下设办公室，办公室设在……) and its 主任."""

    text: Paragraphs = key("text", "内容", [])
    director: Names = key("director", "主任", [])

    _text_only = model_validator(mode="before")(
        lambda data: {"text": data} if isinstance(data, (str, list, int, float)) else data)


def ordinal_errors(ordinals: list[int] | None, parts: list[tuple]) -> list[InitErrorDetails]:
    """Each part (a section or attachment, with its path) whose 序号 or depth does not fit."""
    top = document_levels(ordinals)
    errors = []
    for path, part in parts:
        path = path if isinstance(path, tuple) else (path,)
        own = getattr(part, "ordinals", None)
        if own and not below_first(top, own):
            message = f"本部分的序号应在“{FORMS[top[0]]}”之下（可先写“{FORMS[top[0]]}”，再写下级的序号）"
            errors.append(InitErrorDetails(type=PydanticCustomError("ordinals", message),
                                           loc=(*path, "ordinals"), input=own))
            continue
        depths = len(section_levels(top, own)) + isinstance(part, Attachment)  # its items: 一、
        errors += too_deep(part, depths, path)
    return errors
