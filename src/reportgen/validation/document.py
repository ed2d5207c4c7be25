"""Stage 2: check loaded data against the model and report every problem with its location."""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..chinese.widths import is_wide
from ..errors import Problem, ReportgenError, display_path
from ..load.located_data import Source
from ..model.documents import Document, document_model
from ..model.keys import TWICE
from ..model.placeholder_data import DocData
from ..model.spellings import english_to_chinese
from .placeholders import context, expand
from .text_warnings import document_warnings, text_warnings

KINDS = {str: "文本", int: "整数", float: "数字", bool: "是/否", list: "列表", dict: "映射",
         type(None): "空值"}
EXPECTED = {
    "string_type": "应为文本", "list_type": "应为列表（每行以“- ”开头）或文本",
    "bool_type": "应为 true 或 false（是/否）", "bool_parsing": "应为 true 或 false（是/否）",
    "model_type": "应为“键: 值”形式的映射", "dict_type": "应为“键: 值”形式的映射",
    "model_attributes_type": "应为“键: 值”形式的映射",
}
LITERALS = {
    "format": "应为 heading（“（一）……阶段（……）”式）或 phase（“第一阶段：……”式）",
    "type": "应为 方案（plan）或 总结（summary）",
}


def validate(source: Source, names: dict[str, Any] | None = None,
             warnings: list[Problem] | None = None) -> Document:
    """Fill placeholders, then validate ``source``; raise ReportgenError listing every problem.

    ``names`` adds to what placeholders may read (the roll-up's 合计 and 统计). A list given as
    ``warnings`` receives what a reviewer would mark (text_warnings.py), errors or not.
    """
    data, problems = _filled(source, names or {})
    model = document_model(source.data)
    found = text_warnings(source, data) if warnings is not None else []
    try:
        document = model.model_validate(data)
    except ValidationError as exc:
        problems += [_problem(source, err, model) for err in exc.errors()]
    else:
        found += document_warnings(document, source) if warnings is not None else []
    if warnings is not None:
        warnings += sorted(set(found), key=lambda p: _order(p, source.file))
    if problems:
        raise ReportgenError(sorted(set(problems), key=lambda p: _order(p, source.file)))
    return document


def _filled(source: Source, more: dict[str, Any]) -> tuple[object, list[Problem]]:
    """The data with placeholders filled; if the data they read is invalid, its problems instead."""
    try:
        names = context(DocData.model_validate(source.data))
    except ValidationError as exc:
        return source.data, [_problem(source, err, DocData) for err in exc.errors()]
    return expand(source, {**names, **more})


def _order(problem: Problem, file: str) -> tuple:
    """The file's own problems first, then those in the files it extends; each by position."""
    return (problem.file != file, problem.file, problem.line or 0, problem.col or 0, problem.path,
            problem.message)


def _problem(source: Source, err: dict, model: type[BaseModel]) -> Problem:
    loc = tuple(err["loc"]) + tuple((err.get("ctx") or {}).get("subpath", ()))
    path, shown = _user_path(source.data, loc, missing=err["type"] == "missing")
    file, line, col = source.where(path)
    message = (_unknown_key(loc, model, _mapping_at(source.data, path[:-1]))
               if err["type"] == "extra_forbidden" else _message(err, loc, model))
    return Problem(file, message, line, col, display_path(shown))


def _mapping_at(data: Any, path: tuple) -> dict:
    """The mapping the user wrote at ``path`` (where an unknown key sits)."""
    for part in path:
        data = data[part]
    return data if isinstance(data, dict) else {}


def _user_path(data: Any, loc: tuple, missing: bool) -> tuple[tuple, list]:
    """Map a validator location onto the user's keys: the real path and the parts to show."""
    real: list = []
    shown: list = []
    node = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(part, int) and isinstance(node, list) and part < len(node):
            node = node[part]
        elif isinstance(part, str) and isinstance(node, dict) and _written(part, node):
            part = _written(part, node)
            node = node[part]
        elif isinstance(part, str) and part.startswith(TWICE):
            part = part.split(TWICE)[1]
        elif last and missing and isinstance(node, dict):
            shown.append(_in_users_language(part, node))
            break
        else:
            continue
        real.append(part)
        shown.append(part)
    return tuple(real), shown


def _written(name: str, mapping: dict) -> str | None:
    """The spelling of key ``name`` used in ``mapping``, if it is there."""
    for spelling in (name, english_to_chinese().get(name)):
        if spelling in mapping:
            return spelling
    return None


def _in_users_language(name: str, siblings: dict) -> str:
    wide = sum(1 for k in siblings if k and is_wide(str(k)[0]))
    return english_to_chinese().get(name, name) if wide * 2 >= len(siblings) else name


def _message(err: dict, loc: tuple, model: type[BaseModel]) -> str:
    kind, given = err["type"], err.get("input")
    if kind == "missing":
        return "缺少必填项"
    if kind in EXPECTED:
        return f"{EXPECTED[kind]}，实际为{_describe(given)}"
    if kind in ("greater_than", "int_parsing", "float_parsing"):
        limit = (err.get("ctx") or {}).get("gt")
        wanted = f"应为大于 {limit:g} 的数" if limit is not None else "应为数字"
        return f"{wanted}，实际为{_describe(given)}"
    if kind == "literal_error":
        expected = LITERALS["type" if loc[-1] in ("type", "文种") else "format"]
        return f"{expected}，实际为{_describe(given)}"
    return err["msg"].removeprefix("Value error, ")


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return KINDS.get(type(value), type(value).__name__)
    shown = str(value).lower() if isinstance(value, bool) else value  # as YAML writes it
    return f"{KINDS.get(type(value), '值')}“{shown}”"


def _unknown_key(loc: tuple, model: type[BaseModel], siblings: dict) -> str:
    """Unknown ``loc[-1]``: the likeliest key of this mapping that it does not hold yet, or all."""
    key = loc[-1]
    if key.startswith(TWICE):
        _, second, first = key.split(TWICE)
        return f"“{second}”与“{first}”是同一项，只能写一个"
    fields = _fields_at(model, loc[:-1])
    keys = [k for spellings in fields for k in spellings]
    # the list speaks the language of the mapping: Chinese if this key or any beside it is Chinese
    chinese = any(is_wide(c) for k in (key, *siblings) for c in str(k))
    names = [k for k in keys if any(is_wide(c) for c in k) == chinese] or keys
    free = [k for spellings in fields if not set(spellings) & set(siblings) for k in spellings]
    close = _likeliest(key, free)
    if close:
        return f"未知的键“{key}”，是否想写“{close}”？"
    return f"未知的键“{key}”；这里可用的键：{'、'.join(names)}"


def _likeliest(key: str, keys: list[str]) -> str | None:
    """The key ``key`` was most likely meant to be: alike by difflib's measure, and among those
    the one with most characters in the same places (开时 is 开始 mistyped, not 时间)."""
    def likeness(name: str) -> float:
        in_place = sum(a == b for a, b in zip(key, name, strict=False)) / max(len(key), len(name))
        return difflib.SequenceMatcher(None, key, name).ratio() + in_place
    alike = difflib.get_close_matches(key, keys, n=len(keys), cutoff=0.5)
    return max(alike, key=likeness, default=None)


def _fields_at(model: type[BaseModel], loc: tuple) -> list[tuple[str, ...]]:
    """The spellings (English and Chinese) of each key of the mapping at ``loc``."""
    for part in loc:
        if isinstance(part, int):
            continue
        field = next((f for n, f in model.model_fields.items()
                      if part == n or part in f.validation_alias.choices), None)
        if field is None:
            break
        model = _model_in(field.annotation) or model
    return [tuple(f.validation_alias.choices) for f in model.model_fields.values()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None
