"""What a unit list must hold beyond its cells: a column for every metric the campaign declares,
and every declared metric in each unit file."""

from __future__ import annotations

from typing import Any

from ..errors import Problem, ReportgenError
from ..load.located_data import Source
from ..model.keys import spelling
from .unit_lists import Sheet


def check_columns(sheet: Sheet, name_column: str, mapping: list, declared: list[str]) -> None:
    """Raise if a metric the campaign declares has no column: its example value would stand in
    for every unit."""
    problems = []
    given = {c.key for c in mapping if c.kind == "metrics"}
    absent = [m for m in declared if m not in given]
    if absent:
        names = "”“".join(absent)
        problems.append(Problem(sheet.file, f"名单中没有“{names}”列：活动文件的“指标”中有，各单位"
                                "都要填写（没有就填 0）；不需要的请从活动文件的“指标”中删去", 1, 1))
    if problems:
        raise ReportgenError(problems)


def missing_metrics(source: Source, declared: list[str]) -> list[Problem]:
    """Each metric the campaign declares that a unit file does not give, at its 指标 key."""
    key = spelling(source.data, ("metrics", "指标"))
    given: Any = source.data.get(key) if key else None
    given = given if isinstance(given, dict) else {}
    where = source.where((key,) if key else ())
    return [Problem(where.file, "没有填写（没有就填 0）", where.line, where.col, f"{key or '指标'}.{m}")
            for m in declared if m not in given]
