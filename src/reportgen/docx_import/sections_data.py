"""Points as the YAML's sections and items (标题, 内容, 表格, 条目, 接排), and each section under its
own key (指导思想, 阶段安排, 组织领导 …) where the order of the keys allows it, else under 正文."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model.documents import Plan, Summary
from ..model.value_types import join_lines
from .body_outline import Point
from .plan_sections import heading_stages, labelled_stages, leading_group
from .table_totals import with_total
from .yaml_text import Block, Noted, block_or_quoted

CHECK = "请核对："
JINJA_OPENING = re.compile(r"\{[{%#]")


def literal(text: str) -> str:
    """``text`` as a placeholder-free value: {{, {% and {# are written so they print as they are."""
    return JINJA_OPENING.sub(lambda m: "{{ '" + m[0] + "' }}", text)


def paragraphs(texts: list[str]) -> Block | str | list[str]:
    """Paragraphs as the YAML writes them: indenting spaces and line breaks as reportgen reads."""
    return block_or_quoted([literal(join_lines(t)) for t in texts if t.strip()])


def table_data(rows: list[list[str]], caption: str = "") -> dict:
    """The caption as 标题, the first row as 列, the others as 行, each as wide as the widest."""
    width = max(len(row) for row in rows)
    cells = [[literal(c) for c in row] + [""] * (width - len(row)) for row in rows]
    data = {"标题": literal(caption)} if caption else {}
    return data | with_total({"列": cells[0], **({"行": cells[1:]} if len(cells) > 1 else {})})


def point_data(point: Point) -> dict | Noted:
    """A section or item: 标题, 内容, 接排 where it differs from what reportgen does, 表格, 条目."""
    data: dict = {}
    if point.title:
        data["标题"] = literal(point.title)
    if point.text:
        data["内容"] = paragraphs(point.text)
    if point.title and point.text and point.run_in is not None and point.run_in != (point.form >= 3):
        data["接排"] = "是" if point.run_in else "否"
    if point.rows is not None:
        data["表格"] = table_data(point.rows, point.caption)
    if point.items:
        data["条目"] = [point_data(item) for item in point.items]
    return Noted(data, "\n".join(CHECK + n for n in point.notes)) if point.notes else data


def sections_data(points: list[Point], summary: bool, year: int | None,
                  own_forms: dict[int, list[str]]) -> dict:
    """The sections as keys in document order: named ones where their order allows, 正文 for
    the rest (one list, so those must stand together); ``own_forms``: a section's own 序号."""
    names = {zh: field for field, zh in (Summary if summary else Plan).SECTIONS.items()
             if field != "sections"}
    keys = [_key(p, names, summary, year) for p in points]
    while _split_free(keys):
        named = [i for i, k in enumerate(keys) if k != "正文"]
        keys[next(i for i in named if _between_free(keys, i))] = "正文"
    data: dict = {}
    for i, (point, key) in enumerate(zip(points, keys, strict=True)):
        section = _free(point) if key == "正文" else _named(point, key, year)
        if i in own_forms:
            _with_forms(_unwrapped(section)[0], own_forms[i])
        if key == "正文":
            data.setdefault("正文", []).append(section)
        else:
            data[key] = section
    return data


def _with_forms(section: dict, forms: list[str]) -> None:
    """序号 after the section's 标题 (or first)."""
    rest = dict(section)
    section.clear()
    if "标题" in rest:
        section["标题"] = rest.pop("标题")
    section.update({"序号": forms, **rest})


def _key(point: Point, names: dict, summary: bool, year: int | None) -> str:
    """The section's own key: by its title, or 组织领导/阶段安排 by what it holds; 阶段安排 only
    with stages (its 条目 are stages, not items); else 正文."""
    stages = not summary and _stages(point, year) is not None
    if point.title in names and (point.title != "阶段安排" or stages):
        return point.title
    if not summary and leading_group(point):
        return "组织领导"
    return "阶段安排" if stages else "正文"


def _split_free(keys: list[str]) -> bool:
    free = [i for i, k in enumerate(keys) if k == "正文"]
    return bool(free) and free[-1] - free[0] + 1 != len(free) or len(set(keys) - {"正文"}) != len(
        [k for k in keys if k != "正文"])


def _between_free(keys: list[str], i: int) -> bool:
    free = [j for j, k in enumerate(keys) if k == "正文"]
    return (free and free[0] < i < free[-1]) or keys.count(keys[i]) > 1


def _free(point: Point) -> dict | Noted:
    return point_data(point)


def _named(point: Point, key: str, year: int | None) -> dict | Noted:
    """A section under its own key: 标题 only when it differs from the key; 阶段安排 with its
    stages and 组织领导 with its 领导小组 where the text reads as them."""
    if key == "阶段安排" and (stages := _stages(point, year)) is not None:
        data: dict | Noted = {**({"格式": stages.form} if stages.form != "heading" else {}),
                              **({"内容": paragraphs(stages.text)} if stages.text else {}),
                              "条目": [_stage_data(s) for s in stages.stages]}
    elif key == "组织领导" and (found := leading_group(point)) is not None:
        body, comment = _unwrapped(point_data(replace(point, text=found[0])))
        items = {"条目": body.pop("条目")} if "条目" in body else {}
        data = _wrapped({**body, "领导小组": _group_data(found[1]), **items}, comment)
    else:
        data = point_data(point)
    body, comment = _unwrapped(data)
    body.pop("标题", None)
    titled = {"标题": literal(point.title or "")} if point.title != key else {}
    return _wrapped({**titled, **body}, comment)


def _unwrapped(data: dict | Noted) -> tuple[dict, str]:
    return (data.value, data.comment) if isinstance(data, Noted) else (data, "")


def _wrapped(data: dict, comment: str) -> dict | Noted:
    return Noted(data, comment) if comment else data


def _stages(point: Point, year: int | None):
    return labelled_stages(point, year) or heading_stages(point, year)


def _stage_data(stage: dict) -> dict:
    """名称, 时间 or 开始/结束, 内容 and (under a heading) 条目."""
    data = {k: literal(v) if k in ("名称", "时间") else v for k, v in stage.items()
            if k not in ("内容", "条目")}
    if stage.get("内容"):
        data["内容"] = paragraphs(stage["内容"])
    if stage.get("条目"):
        data["条目"] = [point_data(item) for item in stage["条目"]]
    return data


def _group_data(group: dict) -> dict:
    data = {}
    for key, value in group.items():
        if key == "办公室":
            office = {"内容": paragraphs(value["内容"])} if value["内容"] else {}
            data[key] = office | ({"主任": [literal(n) for n in value["主任"]]}
                                  if "主任" in value else {})
        else:
            data[key] = [literal(v) for v in value] if isinstance(value, list) else literal(value)
    return data

