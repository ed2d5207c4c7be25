"""What a unit list must hold beyond its cells: one column per meaning, a column for every metric
the campaign declares, and every declared metric in each unit file."""

from __future__ import annotations

from typing import Any

from ..errors import Problem, ReportgenError
from ..load.located_data import Source
from ..model.keys import spelling
from .sheet_rows import Sheet

KINDS = {"unit": "单位的", "metrics": "指标", "vars": "变量"}
NAME_KEYS = ("name", "名称")  # what the name column also is: the unit's 名称


def check_columns(sheet: Sheet, name_column: str, mapping: list, declared: list[str]) -> None:
    """Raise if two columns mean the same (单位名称 and 名称, 负责人 and 单位.负责人) or a metric
    the campaign declares has no column: its example value would stand in for every unit."""
    problems = _same_meaning(sheet, name_column, mapping)
    given = {c.key for c in mapping if c.kind == "metrics"}
    absent = [m for m in declared if m not in given]
    if absent:
        names = "”“".join(absent)
        problems.append(Problem(sheet.file, f"名单中没有“{names}”列：活动文件的“指标”中有，各单位"
                                "都要填写（没有就填 0）；不需要的请从活动文件的“指标”中删去", 1, 1))
    if problems:
        raise ReportgenError(problems)


def _same_meaning(sheet: Sheet, name_column: str, mapping: list) -> list[Problem]:
    """A problem for each column that means what an earlier one means, naming both."""
    seen = {("unit", k): name_column for k in NAME_KEYS}
    problems = []
    for column in mapping:
        earlier = seen.setdefault((column.kind, column.key), column.name)
        if earlier != column.name:
            meaning = "单位名称" if column.key in NAME_KEYS and column.kind == "unit" else \
                f"{KINDS[column.kind]}“{column.key}”"
            problems.append(Problem(sheet.file, f"“{earlier}”和“{column.name}”两列都是{meaning}："
                                    "请删去其中一列，或给它改名", 1, _col(sheet, column.name)))
    return problems


def _col(sheet: Sheet, name: str) -> int:
    place = sheet.rows[0].place(name) if sheet.rows else None
    return place[1] if place else 1


def missing_metrics(source: Source, declared: list[str]) -> list[Problem]:
    """Each metric the campaign declares that a unit file does not give, at its 指标 key."""
    key = spelling(source.data, ("metrics", "指标"))
    given: Any = source.data.get(key) if key else None
    given = given if isinstance(given, dict) else {}
    where = source.where((key,) if key else ())
    return [Problem(where.file, "没有填写（没有就填 0）", where.line, where.col, f"{key or '指标'}.{m}")
            for m in declared if m not in given]
