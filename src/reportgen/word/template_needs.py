"""What a Word template may use: the names the Outline provides and the styles its parts are set in.

Both are derived here, in one place, so the template check cannot drift from what render fills in.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any

from docx.enum.style import WD_STYLE_TYPE

from ..layout.outline import Outline
from ..sandbox.template_names import ANYTHING, Shape
from .geometry import DATA_TABLE, SIGNATURE_STYLES


@dataclass(frozen=True)
class TypeShape:
    """The members of a Python type as a template sees them (it is filled with the outline's
    fields, dataclasses all the way down): a dataclass's fields, a list's items, a str's methods."""

    kind: Any

    def member(self, key: str | int) -> Shape | None:
        fields = _fields(self.kind)
        if fields is not None:
            return TypeShape(fields[key]) if key in fields else None
        if isinstance(key, int):
            return self.element() if typing.get_origin(self.kind) is list else None
        origin = typing.get_origin(self.kind) or self.kind
        return ANYTHING if isinstance(origin, type) and hasattr(origin, key) else None

    def element(self) -> Shape:
        args = typing.get_args(self.kind)
        return TypeShape(args[0]) if typing.get_origin(self.kind) is list and args else ANYTHING

    def members(self) -> list[str]:
        return list(_fields(self.kind) or [])


def template_names() -> dict[str, Shape]:
    """Every top-level name a template may use (the Outline's fields), with what each holds."""
    return {name: TypeShape(kind) for name, kind in _fields(Outline).items()}


@functools.cache
def _fields(kind: Any) -> dict[str, Any] | None:
    """A dataclass's field types, Optional[X] read as X; None for anything else."""
    if not (isinstance(kind, type) and dataclasses.is_dataclass(kind)):
        return None
    hints = typing.get_type_hints(kind)
    return {f.name: _required(hints[f.name]) for f in dataclasses.fields(kind)}


def _required(kind: Any) -> Any:
    """``X | None`` → X: a template guards such a value with an if, then reads its members."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(kind) if a is not type(None)]
        return rest[0] if len(rest) == 1 else Any
    return kind


PARAGRAPH, CHARACTER, TABLE = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE
LEVELS = ("一级", "二级", "三级", "四级")

# The styles the Outline's body, signature and tables are set in, which every document has
# (tools/make_templates.py builds them): word/fill.py finds the signature and tables by these names,
# the headings carry the outline levels of Word's navigation pane, and `reportgen check` reads
# roles from them. The 版头, 主送机关, 附注 and 版记 styles belong to parts a template may leave out.
# Each: style name as python-docx reads it, its kind, its name in Chinese Word, what it is for.
NEEDED_STYLES: list[tuple[str, WD_STYLE_TYPE, str, str]] = [
    ("Normal", PARAGRAPH, "正文", "正文段落"),
    ("Title", PARAGRAPH, "标题", "公文标题"),
    *[(f"Heading {n}", PARAGRAPH, f"标题 {n}", f"{LEVELS[n - 1]}标题") for n in range(1, 5)],
    *[(f"标题 {n} 字符", CHARACTER, f"标题 {n} 字符", f"{LEVELS[n - 1]}标题接排正文时的标题部分")
      for n in range(1, 5)],
    ("名单", PARAGRAPH, "名单", "领导小组名单"),
    ("附件说明", PARAGRAPH, "附件说明", "附件说明"),
    *[(name, PARAGRAPH, name, "署名和成文日期") for name in SIGNATURE_STYLES],
    ("附件标识", PARAGRAPH, "附件标识", "附件页的“附件1”"),
    *[(name, PARAGRAPH, name, "表格") for name in ("表题", "表头", "表格文字", "表格数字")],
    (DATA_TABLE, TABLE, DATA_TABLE, "表格的边框"),
]
STYLE_KINDS = {PARAGRAPH: "段落样式", CHARACTER: "字符样式", TABLE: "表格样式"}
