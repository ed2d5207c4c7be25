"""The body as reportgen writes it: unnumbered opening paragraphs, then points nested by their
ordinals (一、 （一） 1. （1）), each with a title, text and a table, then the closing (特此通知。).

A heading's ordinal is left out (reportgen numbers again); a run-in heading is cut where the
heading part ends, and the ： or 。 reportgen adds after it is left out too. Text that cannot
stand where it stood (a second table in one point, text after a point's table) is kept in the
nearest point, with a note to check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..check.ordinal_parse import parse_ordinal
from ..chinese.numerals import ordinal
from .document_parts import Piece

SENTENCE_END = "。！？；：…"  # a run-in title ending in one of these keeps it (layout/blocks.py)
CLOSING_LINE = re.compile(r"^(?:特此(?:通知|报告|函告|通报|公告|通告|说明|批复)?|妥否，请批示|请予审批)。$")
LONG_SENTENCE = 30  # characters: an ordinal line this long ending in 。 is text, not a title


@dataclass
class Point:
    """A numbered point (a section at form 1), or the body itself (form 0)."""

    form: int = 0  # the ordinal's level: 1 一、 2 （一） 3 1. 4 （1）
    title: str | None = None
    text: list[str] = field(default_factory=list)
    rows: list[list[str]] | None = None
    caption: str = ""  # the table's 表题 (表1　……), the line right above it
    items: list[Point] = field(default_factory=list)
    run_in: bool | None = None  # the first paragraph runs into the title line
    notes: list[str] = field(default_factory=list)
    after_table: list[str] = field(default_factory=list)


@dataclass
class Body:
    """Opening paragraphs, the points, closing paragraphs."""

    opening: list[str]
    rows: list[list[str]] | None  # a table before the first point
    points: list[Point]
    closing: list[str]
    notes: list[str]
    caption: str = ""  # the 表题 of the table before the first point


def body_outline(pieces: list[Piece], sections: bool = True) -> Body:
    """Nest ``pieces`` by their ordinals into points; the text before the first is the opening.
    ``sections``: the points are sections, which need content (an attachment's items do not)."""
    root, stack, captioned = Point(), [], False
    stack.append(root)
    for piece in pieces:
        point = heading_point(piece)
        if point is not None:
            while stack[-1].form >= point.form:
                stack.pop()
            stack[-1].items.append(point)
            stack.append(point)
        elif piece.is_table:
            _add_table(stack[-1], piece.rows, captioned)
        else:
            _add_text(stack[-1], piece.text)
        captioned = piece.role.kind == "caption"
    closing = _closing(root)
    if sections:
        _fill_empty_sections(root)
    for point in walk(root):
        _place_after_table(point)
    return Body(root.text, root.rows, root.items, closing, root.notes, root.caption)


def walk(point: Point):
    """``point`` and every point under it, in document order."""
    yield point
    for item in point.items:
        yield from walk(item)


def heading_point(piece: Piece) -> Point | None:
    """The point a numbered paragraph starts (its title, or its text, or both), or None."""
    if piece.role.kind != "heading" or piece.para is None:
        return None
    para = piece.para
    found = parse_ordinal(para.label + para.text)
    if found is None or f"；{ordinal(found.level, found.number + 1)}" in para.text:
        return None  # （一）……；（二）……。 is an enumeration in one paragraph (行内), text
    after = max(0, found.end - len(para.label))
    head, rest = para.text[after:piece.role.head].strip(), para.text[piece.role.head:].strip()
    if not head:  # （1）text: an item of text only, its ordinal alone in the heading's style
        return Point(found.level, text=[rest]) if rest else None
    if rest:
        return _run_in(found.level, head, rest)
    if head.endswith("。") and len(head) > LONG_SENTENCE:
        return Point(found.level, text=[head])
    return Point(found.level, title=head)


def _run_in(form: int, head: str, rest: str) -> Point:
    """A run-in heading: the title without the ：(form 1) or 。 reportgen adds back."""
    added = "：" if form == 1 else "。"
    if head.endswith(added) and len(head) > 1 and head[-2] not in SENTENCE_END:
        title = head[:-1]
    elif head[-1] in SENTENCE_END:
        title = head
    else:
        return Point(form, title=f"{head}{rest}")
    return Point(form, title=title, text=[rest], run_in=True)


def _add_text(point: Point, text: str) -> None:
    if point.rows is not None:
        point.after_table.append(text)
    else:
        point.text.append(text)
        if point.title and point.run_in is None:
            point.run_in = False


def _add_table(point: Point, rows: list[list[str]], captioned: bool) -> None:
    """The point's table, with the caption line right above it as its 标题."""
    if point.rows is None and not point.after_table:
        point.rows = rows
        if captioned and point.text:
            point.caption = point.text.pop().strip()
    else:
        point.after_table += ["\u3000".join(row) for row in rows]
        point.notes.append("原文这里的第二个表格已改为文字（每行一段，单元格以全角空格隔开）")


def _closing(root: Point) -> list[str]:
    """The last paragraphs of the body: after the last point's table, or 特此通知。 and the like."""
    last = root
    while last.items:
        last = last.items[-1]
    closing = last.after_table
    last.after_table = []
    text = last.text if last is not root else []
    while text and CLOSING_LINE.match(text[-1].strip()) and not closing and len(text) > 1:
        closing.insert(0, text.pop())
    return closing


def _place_after_table(point: Point) -> None:
    """Text after a point's table (not the body's last) goes before the table: noted."""
    if point.after_table:
        point.text += point.after_table
        point.after_table = []
        point.notes.append("原文这里有文字排在表格之后，已移到表格之前")


def _fill_empty_sections(root: Point) -> None:
    """A section needs a title and content: "一、活动主题：邻里守望" on one line is a run-in heading;
    a heading with nothing under it, or a sentence numbered 一、, joins the text before it, noted."""
    kept: list[Point] = []
    for point in root.items:
        if point.title and (point.text or point.items or point.rows is not None):
            kept.append(point)
            continue
        title, colon, rest = (point.title or "").partition("：")
        if colon and title and rest and point.form == 1:
            kept.append(Point(point.form, title, [rest], run_in=True, notes=point.notes))
            continue
        into = kept[-1] if kept else root
        into.text += [point.title] if point.title else point.text
        into.notes.append(f"原文这里的一级标题“{point.title}”下没有内容，已作为一段文字" if point.title
                          else "原文这里的一级标题只是一句话（reportgen 的一级标题要有标题和内容），已作为一段文字")
    root.items = kept
