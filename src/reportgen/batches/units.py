"""Units of a batch: which columns are names, metrics or unit fields, and each unit's row."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from ..errors import Problem, ReportgenError
from ..load.located_data import Source
from ..load.written_paths import project_of, shown, within
from ..load.yaml_file import load_yaml
from ..model.keys import written
from ..model.placeholder_data import to_number
from ..validation.placeholders import Unwritten
from .list_checks import check_columns, missing_metrics
from .sheet_rows import Row, Sheet
from .unit_lists import read_sheet

NAME_COLUMNS = ("单位名称", "name", "名称")
PREFIXES = {"指标": "metrics", "metrics": "metrics", "单位": "unit", "unit": "unit",
            "变量": "vars", "vars": "vars"}
MEASURE = re.compile(r"^(.+?)[（(]([^（）()]{1,6})[）)]$")  # 发放资料（份）: a metric and its unit
SPELLINGS = {"unit": ("unit", "单位"), "metrics": ("metrics", "指标"), "vars": ("vars", "变量")}


@dataclass(frozen=True)
class Column:
    """How one column maps: onto ``kind`` (metrics, unit or vars) under ``key``, with a measure."""

    name: str
    kind: str
    key: str
    measure: str = ""


@dataclass(frozen=True, slots=True)
class Layout:
    """How the rows of one table become units: its file, its name column, every other column's
    mapping; shared by the table's units."""

    file: str
    name_column: str
    mapping: tuple[Column, ...]

    def values(self, row: Row, problems: list[Problem]) -> dict[str, dict[str, Any]]:
        """kind → key → value from ``row``; the problems of its cells are added to ``problems``."""
        values: dict[str, dict[str, Any]] = {"unit": {}, "metrics": {}, "vars": {}}
        for column in self.mapping:
            value = row.value(column.name)
            if column.kind == "metrics":
                value = _metric(self.file, row, column, problems)
            elif value is None:  # a placeholder that reads it fails at this cell
                value = Unwritten(self.file, *_place(row, column.name), column.name)
            values[column.kind][column.key] = value
        return values


@dataclass(slots=True)
class UnitInput:
    """One unit to build: its name, where it came from, and what it lays over the campaign.

    A row of a table brings its cells (``row``, read through the table's ``layout``); a file of
    a units folder brings a whole ``source``. A unit holds its row as read, not the mappings made
    of it (``values``, made on each use): a list of 100,000 units is held in about a third of
    the memory.
    """

    name: str
    line: int
    row: Row | None = None
    layout: Layout | None = None
    problems: list[Problem] | tuple[Problem, ...] = field(default_factory=list)  # () for most rows
    source: Source | None = None
    origin: str = ""  # the file the unit was read from, when it is a file of its own
    sheet: str = ""  # the worksheet it was read from, when it is a row of a workbook

    @property
    def values(self) -> dict[str, dict[str, Any]]:
        """kind → key → value: what the unit's row lays over the campaign ({} for a unit file)."""
        if self.row is None or self.layout is None:
            return {}
        return self.layout.values(self.row, [])

    @property
    def metric_names(self) -> list[str]:
        """The metrics this unit itself gives."""
        if self.source is None:
            return [c.key for c in self.layout.mapping if c.kind == "metrics"] if self.layout else []
        found = written(self.source.data, SPELLINGS["metrics"])
        return list(found) if isinstance(found, dict) else []


def columns(sheet: Sheet, declared: list[str]) -> tuple[str | None, list[Column]]:
    """The name column, and the mapping of every other column (see docs/batches.md)."""
    name = next((n for n in NAME_COLUMNS if n in sheet.names), None)
    return name, [_column(n, sheet, declared) for n in sheet.names if n != name]


def _column(name: str, sheet: Sheet, declared: list[str]) -> Column:
    prefix, _, rest = name.partition(".")
    if rest and prefix in PREFIXES:
        return _measured(PREFIXES[prefix], name, rest)
    if name in declared or _mostly_numbers(sheet, name):
        return _measured("metrics", name, name)
    measured = MEASURE.match(name)
    if measured and measured.group(1) in declared:
        return _measured("metrics", name, name)
    return Column(name, "unit", name)


def _measured(kind: str, name: str, key: str) -> Column:
    found = MEASURE.match(key) if kind == "metrics" else None
    return Column(name, kind, found.group(1), found.group(2)) if found else Column(name, kind, key)


def _mostly_numbers(sheet: Sheet, name: str) -> bool:
    """At least half of the column's filled cells are numbers (or numbers stored as text)."""
    filled = [v for v in (r.value(name) for r in sheet.rows) if v is not None]
    return bool(filled) and 2 * sum(_is_number(v) for v in filled) >= len(filled)


def _is_number(value: Any) -> bool:
    if isinstance(value, str) and re.fullmatch(r"0\d+", value.strip()):
        return False  # 0311, a code with a leading zero, is text
    try:
        to_number(value)
    except PydanticCustomError:
        return False
    return True


def unit_inputs(sheet: Sheet, name_column: str, mapping: list[Column]) -> list[UnitInput]:
    """Every row as a UnitInput, with the problems of its own cells (empty name, bad numbers)."""
    layout = Layout(sheet.file, name_column, tuple(mapping))
    seen: dict[str, int] = {}
    units = []
    for row in sheet.rows:
        name = str(row.value(name_column) or "").strip()
        problems = _problems(layout, row, name)
        if name and name in seen:
            problems.append(_at(sheet.file, row, name_column, f"单位“{name}”重复（第 {seen[name]} 行已有）"))
        seen.setdefault(name, row.line)
        units.append(UnitInput(name, row.line, row, layout, tuple(problems), sheet=sheet.sheet))
    return units


def _problems(layout: Layout, row: Row, name: str) -> list[Problem]:
    """The problems of the row's own cells: an empty name, metrics left empty or not numbers."""
    problems = [] if name else [_at(layout.file, row, layout.name_column, "单位名称不能为空")]
    layout.values(row, problems)
    return problems


def _metric(file: str, row: Row, column: Column, problems: list[Problem]) -> dict | None:
    """The metric as {value, unit}; an empty cell is a problem, never a silent gap in the totals."""
    value = row.value(column.name)
    if value is None:
        problems.append(_at(file, row, column.name, "没有填写（没有就填 0）"))
        return None
    try:
        return {"value": to_number(value), "unit": column.measure}
    except PydanticCustomError as exc:
        problems.append(_at(file, row, column.name, str(exc)))
        return None


def _place(row: Row, column: str) -> tuple[int, int]:
    """Where the cell of ``column`` was written, else the start of the row."""
    return row.place(column) or (row.line, 1)


def _at(file: str, row: Row, column: str, message: str) -> Problem:
    return Problem(file, message, *_place(row, column), column)


MAX_UNITS = 100_000  # real lists have tens of thousands of units


def read_units(path: Path, sheet: str | None, declared: list[str],
               project: Path | None = None) -> list[UnitInput]:
    """The units listed in ``path`` (.xlsx, .csv, YAML list or folder), each with its own problems.

    The files of a units folder may extend files in ``project`` (by default, the units folder).
    """
    if path.is_dir():
        return read_unit_folder(path, project, declared)
    table = read_sheet(path, sheet)
    name_column, mapping = columns(table, declared)
    if name_column is None:
        raise ReportgenError(Problem(table.file, "缺少单位名称列：第一行应有一列名为“单位名称”"
                                     f"（或 name、名称）；现有列：{'、'.join(table.names) or '无'}", 1, 1))
    check_columns(table, name_column, mapping, declared)
    if not table.rows:
        raise ReportgenError(Problem(table.file, "名单中没有任何单位"))
    if len(table.rows) > MAX_UNITS:
        raise ReportgenError(Problem(table.file, f"名单中有 {len(table.rows):,} 个单位，超过上限 "
                                     f"{MAX_UNITS:,} 个：请分成几个名单分别生成", table.rows[MAX_UNITS].line, 1))
    return unit_inputs(table, name_column, mapping)


def read_unit_folder(folder: Path, project: Path | None = None,
                     declared: list[str] = ()) -> list[UnitInput]:
    """One unit per .yaml file of ``folder``, in file name order; a file that cannot be read, or
    leaves out a metric in ``declared``, fails."""
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml"))
    if not files:
        raise ReportgenError(Problem(str(folder), "文件夹中没有 .yaml 文件（每个单位一个文件）"))
    units = [_unit_file(path, project) for path in files]
    for unit in units:
        unit.problems += missing_metrics(unit.source, declared) if unit.source else []
    return units


def _unit_file(path: Path, project: Path | None) -> UnitInput:
    """The unit in ``path``: named by its 单位 (名称), else by the file name.

    A file that is a link to a file outside the project (by default the units folder) fails, as
    a path written in a file would (load/written_paths.py): a folder received from elsewhere may hold links.
    """
    folder = project_of(path, project)
    if not within(path, folder):
        return UnitInput(path.stem, 1, problems=[Problem(str(path), (
            f"这个文件是链接，指向项目文件夹{shown(folder)}之外的 {path.resolve()}：请把文件本身复制到"
            "文件夹中，或在命令中加 --project 指定更大的项目文件夹"))], origin=str(path))
    try:
        source = load_yaml(path, project)
    except ReportgenError as exc:
        return UnitInput(path.stem, 1, problems=exc.problems, origin=str(path))
    unit = written(source.data, SPELLINGS["unit"])
    if isinstance(unit, dict):
        unit = written(unit, ("name", "名称"))
    name = str(unit).strip() if isinstance(unit, (str, int, float)) and str(unit).strip() else path.stem
    return UnitInput(name, 1, source=source, origin=str(path))
